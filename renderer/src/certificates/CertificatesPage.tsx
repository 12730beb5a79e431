import { Badge, Grid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShortcuts } from '../app/shortcuts';
import { formatBirthDate } from '../components/person-format';
import { QueuePanel } from '../components/QueuePanel';
import { useCoreQuery } from '../components/use-core-query';
import { focusQueue } from '../desks/clinical/focus';
import { station } from '../station';
import { CertificatePanel } from './CertificatePanel';
import { PageHeader } from '../components/PageHeader';

/**
 * The certificate desk: today's released citizens on the left (those still
 * waiting for a certificate or its print are marked), the chosen citizen's
 * certificates on the right. The list is the desks' own queue list: Alt+Q (or
 * Tab) reaches it, ↑/↓ move, Enter picks.
 */
export function CertificatesPage() {
  const { t } = useTranslation('certificates');
  const [selected, setSelected] = useState<{ citizenId: string; visitId: string } | null>(null);
  const refreshOn = ['queue:changed', 'certificates:changed', 'certificates:printed'] as const;
  const pending = useCoreQuery(() => station.certificates.pending({}), [], refreshOn).data ?? [];
  const needs = new Map(pending.map((p) => [p.citizenId, p.needs]));
  useShortcuts({ queue: focusQueue });

  return (
    <Stack>
      <PageHeader title={t('page.title')} purpose={t('page.purpose')} />
      <Grid>
        <Grid.Col span={4}>
          <div data-testid="released-list">
            <QueuePanel
              steps={['released']}
              title={t('page.released')}
              selectedVisitId={selected?.visitId ?? null}
              onSelect={(e) => setSelected({ citizenId: e.citizen.id, visitId: e.visitId })}
              maxHeight={520}
              detail={(e) => formatBirthDate(e.citizen.dateOfBirth)}
              aside={(e) => {
                const need = needs.get(e.citizen.id);
                return (
                  <Badge color={need === 'issue' ? 'orange' : need === 'print' ? 'yellow' : 'teal'} size="sm" data-testid="released-citizen-needs" style={{ flexShrink: 0 }}>
                    {t(`needs.${need ?? 'done'}`)}
                  </Badge>
                );
              }}
            />
          </div>
        </Grid.Col>
        <Grid.Col span={8}>{selected ? <CertificatePanel key={selected.citizenId} citizenId={selected.citizenId} /> : <Text c="dimmed">{t('page.pick')}</Text>}</Grid.Col>
      </Grid>
    </Stack>
  );
}
