import { Alert, Grid, Group, Stack, Text } from '@mantine/core';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueEntry } from '../../../preload/contract';
import { useDraft } from '../app/drafts';
import { keysOf, useShortcuts } from '../app/shortcuts';
import { formatSiteDate } from '../components/dates';
import { ErrorAlert } from '../components/ErrorAlert';
import { siteClock } from '../components/person-format';
import { QueuePanel } from '../components/QueuePanel';
import { Shortcut } from '../components/Shortcut';
import { useCoreQuery } from '../components/use-core-query';
import { useWedgeScanner } from '../scanning/use-wedge-scanner';
import { station } from '../station';
import { firstQueueEntry, focusQueue } from './clinical/focus';
import { DeskHeader } from './DeskHeader';
import { DosePanel, type Recorded } from './injection/DosePanel';
import { RequestCorrection } from './injection/RequestCorrection';
import { ScanBox } from './injection/ScanBox';
import { VialsPanel } from './injection/VialsPanel';

/** A scanned card's 12-digit ID number, or a typed queue number. */
function findVisit(text: string, queue: readonly QueueEntry[]): QueueEntry | null {
  const id = /(?<!\d)(\d{12})(?!\d)/.exec(text)?.[1];
  if (id) return queue.find((e) => e.citizen.idNumber === id) ?? null;
  const number = /^\s*(\d{1,5})\s*$/.exec(text)?.[1];
  return number ? (queue.find((e) => e.queueNumber === Number(number)) ?? null) : null;
}

/**
 * Step 3: injection. Scan the card (anywhere on the desk, or into the box)
 * or type the queue number, or pick from the queue: the suggested product,
 * dose number and lot are ready and the confirm button has the focus, so the
 * common case is the scan and one Enter. The dose, its vial draw, audit and
 * upload rows are on disk when the desk says "recorded".
 */
export function InjectionDesk() {
  const { t } = useTranslation('injection');
  // The visit being worked on survives a lock of the desk (drafts.ts).
  const [visitId, setVisitId] = useDraft<string | null>('injection:visit', null);
  const [notFound, setNotFound] = useState<string | null>(null);
  const [last, setLast] = useState<Recorded | null>(null);
  const scanBox = useRef<HTMLInputElement>(null);
  const queue = useCoreQuery(() => station.queue.list({}), [], ['queue:changed']);
  const suggestion = useCoreQuery(
    () => (visitId ? station.doses.suggest({ visitId }) : Promise.resolve({ ok: true as const, value: null })),
    [visitId],
    ['vials:changed', 'doses:changed', 'queue:changed'],
  );

  const pick = (text: string) => {
    const found = findVisit(text, queue.data ?? []);
    if (!found) return setNotFound(text.trim());
    setNotFound(null);
    setVisitId(found.visitId);
  };
  useWedgeScanner((burst) => pick(burst.text), true);
  useShortcuts({
    search: () => scanBox.current?.focus(),
    next: () => firstQueueEntry()?.click(),
    queue: focusQueue,
    close: () => setVisitId(null),
  });

  const recorded = (r: Recorded) => {
    setLast(r);
    setVisitId(null);
    window.setTimeout(() => scanBox.current?.focus(), 0);
  };
  const current = visitId && suggestion.data?.visitId === visitId ? suggestion.data : null;

  return (
    <Stack>
      <DeskHeader desk="injection" />
      <Grid>
        <Grid.Col span={3}>
          <Stack gap="xs">
            <ScanBox ref={scanBox} onLookup={pick} />
            {notFound && (
              <Alert color="orange" data-testid="scan-not-found">
                {t('scan.notFound', { text: notFound.length > 20 ? `${notFound.slice(0, 20)}…` : notFound })}
              </Alert>
            )}
            <QueuePanel steps={['injection']} title={t('queue')} onSelect={(e) => setVisitId(e.visitId)} selectedVisitId={visitId} maxHeight={420} />
            <Group gap="xs">
              <Shortcut keys={keysOf('next')} />
              <Text size="xs">{t('next')}</Text>
            </Group>
          </Stack>
        </Grid.Col>
        <Grid.Col span={6}>
          <Stack>
            {last && (
              <Alert color="teal" withCloseButton onClose={() => setLast(null)} title={t('recorded.title', { number: last.queueNumber, name: last.fullName })} data-testid="dose-recorded">
                {t('recorded.text', {
                  dose: last.dose.doseNumber,
                  product: last.dose.productName,
                  lot: last.dose.lotNumber ?? '',
                  until: siteClock(last.dueAt),
                })}
                <RequestCorrection dose={last.dose} />
                {last.nextDose && (
                  <Text size="sm" fw={600} data-testid="recorded-next-dose">
                    {t('recorded.next', { product: last.nextDose.productName, dose: last.nextDose.doseNumber, date: formatSiteDate(last.nextDose.earliestDate) })}
                  </Text>
                )}
              </Alert>
            )}
            {suggestion.error && visitId && <ErrorAlert error={suggestion.error} />}
            {current ? (
              <DosePanel key={current.visitId} suggestion={current} onRecorded={recorded} onEnded={() => setVisitId(null)} reload={suggestion.reload} />
            ) : (
              <Text c="dimmed" data-testid="injection-idle">
                {t('pick')}
              </Text>
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={3}>
          <VialsPanel />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
