import { Badge, Grid, NavLink, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCoreQuery } from '../components/use-core-query';
import { station } from '../station';
import { CertificatePanel } from './CertificatePanel';
import { PageHeader } from '../components/PageHeader';

/**
 * The certificate desk: today's released citizens on the left (those still
 * waiting for a certificate or its print are marked), the chosen citizen's
 * certificates on the right. Tab and Enter move through the list.
 */
export function CertificatesPage() {
  const { t } = useTranslation('certificates');
  const [selected, setSelected] = useState<string | null>(null);
  const refreshOn = ['queue:changed', 'certificates:changed', 'certificates:printed'] as const;
  const released = useCoreQuery(() => station.queue.list({ steps: ['released'] }), [], refreshOn).data ?? [];
  const pending = useCoreQuery(() => station.certificates.pending({}), [], refreshOn).data ?? [];

  const needs = new Map(pending.map((p) => [p.citizenId, p.needs]));
  return (
    <Stack>
      <PageHeader title={t('page.title')} purpose={t('page.purpose')} />
      <Grid>
        <Grid.Col span={4}>
          <Paper withBorder p="xs">
            <Title order={2} size="h5" mb="xs">
              {t('page.released')}
            </Title>
            {released.length === 0 && <Text c="dimmed">{t('page.noneReleased')}</Text>}
            <Stack gap={2} data-testid="released-list">
              {released.map((entry) => {
                const need = needs.get(entry.citizen.id);
                return (
                  <NavLink
                    key={entry.visitId}
                    active={selected === entry.citizen.id}
                    onClick={() => setSelected(entry.citizen.id)}
                    label={`${entry.queueNumber}. ${entry.citizen.fullName}`}
                    description={entry.citizen.dateOfBirth.split('-').reverse().join('/')}
                    rightSection={<Badge color={need === 'issue' ? 'orange' : need === 'print' ? 'yellow' : 'teal'} size="sm">{t(`needs.${need ?? 'done'}`)}</Badge>}
                    data-testid="released-citizen"
                  />
                );
              })}
            </Stack>
          </Paper>
        </Grid.Col>
        <Grid.Col span={8}>{selected ? <CertificatePanel key={selected} citizenId={selected} /> : <Text c="dimmed">{t('page.pick')}</Text>}</Grid.Col>
      </Grid>
    </Stack>
  );
}
