import { Alert, Button, Grid, Group, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueEntry, ScreeningRecordView } from '../../../preload/contract';
import { useCurrentPlan } from '../app/current-plan';
import { useDraft } from '../app/drafts';
import { keysOf, useShortcuts } from '../app/shortcuts';
import { ErrorAlert } from '../components/ErrorAlert';
import { QueuePanel } from '../components/QueuePanel';
import { Shortcut } from '../components/Shortcut';
import { useCoreQuery } from '../components/use-core-query';
import { useDateFormat } from '../components/dates';
import { station } from '../station';
import { firstQueueEntry, focusQueue } from './clinical/focus';
import { DeskHeader } from './DeskHeader';
import { SessionSummary } from './SessionSummary';
import { OUTCOME_COLOR } from './screening/OutcomePanel';
import { ScreeningForm } from './screening/ScreeningForm';
import { LeftModal } from './clinical/LeftModal';

/**
 * Step 2: pre-vaccination screening. Pick the next person from the queue
 * (Alt+N, or ↑/↓ and Enter in the list after Alt+Q), answer the checklist,
 * record (Alt+Enter). The visit goes on to injection or home.
 */
export function ScreeningDesk() {
  const { t } = useTranslation(['screening', 'clinical', 'checkin']);
  const formatDate = useDateFormat();
  const { current } = useCurrentPlan();
  // The person being screened survives a lock of the desk, with the answers so far (drafts.ts).
  const [visit, setVisit] = useDraft<QueueEntry | null>('screening:visit', null);
  const [last, setLast] = useState<{ visit: QueueEntry; record: ScreeningRecordView } | null>(null);
  const [leaving, setLeaving] = useState(false);
  const forms = useCoreQuery(() => station.screening.forms({}), []);

  useShortcuts({
    next: () => firstQueueEntry()?.click(),
    queue: focusQueue,
    close: () => setVisit(null),
    left: () => visit && setLeaving(true),
  });

  const recorded = (record: ScreeningRecordView) => {
    if (visit) setLast({ visit, record });
    setVisit(null);
    window.setTimeout(focusQueue, 0);
  };

  return (
    <Stack>
      <DeskHeader desk="screening" />
      {!current && <SessionSummary showLots={false} />}
      {forms.error && <ErrorAlert error={forms.error} />}
      <Grid>
        <Grid.Col span={3}>
          <Stack gap="xs">
            <QueuePanel steps={['screening']} title={t('queue')} onSelect={(e) => setVisit(e)} selectedVisitId={visit?.visitId ?? null} maxHeight={520} />
            {current && current.lots.length > 0 && (
              // What is on hand matters here: a contraindication to one type still allows another.
              <Paper withBorder p="xs" data-testid="lots-today">
                <Text size="xs" fw={600}>
                  {t('lotsToday')}
                </Text>
                {current.lots.map((l) => (
                  <Text key={l.id} size="xs">
                    {l.productName} · {l.lotNumber}
                  </Text>
                ))}
              </Paper>
            )}
            <Group gap="xs">
              <Shortcut keys={keysOf('next')} />
              <Text size="xs">{t('next')}</Text>
              <Shortcut keys={keysOf('queue')} />
              <Text size="xs">{t('toQueue')}</Text>
            </Group>
          </Stack>
        </Grid.Col>
        <Grid.Col span={9}>
          <Stack>
            {last && (
              <Alert
                color={OUTCOME_COLOR[last.record.outcome]}
                withCloseButton
                onClose={() => setLast(null)}
                title={t('recorded', { number: last.visit.queueNumber, name: last.visit.citizen.fullName })}
                data-testid="screening-recorded"
                data-outcome={last.record.outcome}
              >
                {t(`clinical:outcome.${last.record.outcome}`)} · {t(`checkin:step.${last.record.nextStep}`)}
                {last.record.returnDate && last.record.outcome === 'postpone' ? ` · ${t('outcome.returnDate', { date: formatDate(last.record.returnDate) })}` : ''}
              </Alert>
            )}
            {visit && forms.data ? (
              <>
                <ScreeningForm key={visit.visitId} visit={visit} forms={forms.data} onRecorded={recorded} />
                <Group>
                  <Button variant="subtle" color="orange" onClick={() => setLeaving(true)} rightSection={<Shortcut keys={keysOf('left')} />} data-testid="visit-left">
                    {t('clinical:left.open')}
                  </Button>
                </Group>
                {leaving && (
                  <LeftModal
                    visit={visit}
                    afterDose={false}
                    onClose={(done) => {
                      setLeaving(false);
                      if (done) setVisit(null);
                    }}
                  />
                )}
              </>
            ) : (
              <Text c="dimmed" data-testid="screening-idle">
                {t('pick')}
              </Text>
            )}
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
