import { Alert, Grid, Group, Stack, Text, TextInput } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueEntry } from '../../../preload/contract';
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
import { VialsPanel } from './injection/VialsPanel';

/** A scanned card's 12-digit ID number, or a typed queue number. */
function findVisit(text: string, queue: readonly QueueEntry[]): QueueEntry | null {
  const id = /(?<!\d)(\d{12})(?!\d)/.exec(text)?.[1];
  if (id) return queue.find((e) => e.citizen.idNumber === id) ?? null;
  const number = /^\s*(\d{1,5})\s*$/.exec(text)?.[1];
  return number ? (queue.find((e) => e.queueNumber === Number(number)) ?? null) : null;
}

/**
 * Step 3: injection. Scan the card (or type the queue number, or pick from
 * the queue): the suggested product, dose number and lot are ready and the
 * confirm button has the focus, so the common case is the scan and one Enter.
 * The dose, its vial draw, audit and upload rows are on disk when the desk
 * says "recorded".
 */
export function InjectionDesk() {
  const { t } = useTranslation('injection');
  const [visitId, setVisitId] = useState<string | null>(null);
  const [scan, setScan] = useState('');
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
    const all = queue.data ?? [];
    const found = findVisit(text, all);
    if (!found) return setNotFound(text.trim());
    setNotFound(null);
    setScan('');
    setVisitId(found.visitId);
  };
  useWedgeScanner((burst) => pick(burst.text), true);
  useHotkeys(
    [
      ['alt+S', () => scanBox.current?.focus()],
      ['alt+N', () => firstQueueEntry()?.click()],
      ['alt+Q', focusQueue],
      ['Escape', () => setVisitId(null)],
    ],
    [],
  );

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
            <form
              onSubmit={(e) => {
                e.preventDefault();
                pick(scan);
              }}
            >
              <TextInput
                ref={scanBox}
                label={
                  <Group gap={6}>
                    {t('scan.label')} <Shortcut keys={['Alt', 'S']} />
                  </Group>
                }
                placeholder={t('scan.placeholder')}
                value={scan}
                onChange={(e) => setScan(e.currentTarget.value)}
                autoFocus
                data-testid="injection-scan"
              />
            </form>
            {notFound && (
              <Alert color="orange" data-testid="scan-not-found">
                {t('scan.notFound', { text: notFound.length > 20 ? `${notFound.slice(0, 20)}…` : notFound })}
              </Alert>
            )}
            <QueuePanel steps={['injection']} title={t('queue')} onSelect={(e) => setVisitId(e.visitId)} selectedVisitId={visitId} maxHeight={420} />
            <Group gap="xs">
              <Shortcut keys={['Alt', 'N']} />
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
              </Alert>
            )}
            {suggestion.error && visitId && <ErrorAlert error={suggestion.error} />}
            {current ? (
              <DosePanel key={current.visitId} suggestion={current} onRecorded={recorded} reload={suggestion.reload} />
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
