import { Alert, Grid, Stack, Tabs } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CitizenSummary, QueueEntry, Target } from '../../../preload/contract';
import { useCurrentPlan } from '../app/current-plan';
import { keysOf, useShortcuts } from '../app/shortcuts';
import { ErrorAlert } from '../components/ErrorAlert';
import { QueuePanel } from '../components/QueuePanel';
import { Shortcut } from '../components/Shortcut';
import { TargetSearch } from '../components/TargetSearch';
import { decodeQrImage } from '../scanning/qr-image';
import { useWedgeScanner } from '../scanning/use-wedge-scanner';
import { station } from '../station';
import { CameraModal } from './checkin/CameraModal';
import { CheckedInBanner } from './checkin/CheckedInBanner';
import { CitizenSearchPanel } from './checkin/CitizenSearchPanel';
import { DoseHistoryPanel } from './checkin/DoseHistoryPanel';
import { MatchPanel } from './checkin/MatchPanel';
import { PersonFormModal } from './checkin/PersonFormModal';
import { ScanPanel } from './checkin/ScanPanel';
import { ScanResultCard } from './checkin/ScanResultCard';
import { useCheckinDesk } from './checkin/use-checkin-desk';
import { useFieldFocus } from './checkin/use-field-focus';
import { focusQueue } from './clinical/focus';
import { DeskHeader } from './DeskHeader';
import { LeftModal } from './clinical/LeftModal';
import { SessionSummary } from './SessionSummary';

type Dialog = null | 'camera' | 'manual' | 'foreigner' | { left: QueueEntry };

/**
 * Step 1: identify the citizen in one scan and send them to screening. The
 * card is read from a keyboard-wedge scanner (anywhere on the desk, no field
 * focused), a USB HID-POS scanner, the webcam or a photo; the registration
 * it matches is shown beside it, and the card's data wins on confirmation.
 */
export function CheckInDesk() {
  const { t } = useTranslation('checkin');
  const { current } = useCurrentPlan();
  const desk = useCheckinDesk();
  const { view } = desk;
  const [dialog, setDialog] = useState<Dialog>(null);
  const [listRow, setListRow] = useState<Target | null>(null);
  const [tab, setTab] = useState<string | null>('list');
  const [imageProblem, setImageProblem] = useState<'no-code' | 'not-an-image' | null>(null);
  const [searchSeed, setSearchSeed] = useState<{ n: number; query: string; dateOfBirth: string }>({ n: 0, query: '', dateOfBirth: '' });
  const fileInput = useRef<HTMLInputElement>(null);
  const searchInput = useRef<HTMLInputElement>(null);
  const fieldFocused = useFieldFocus(dialog === null);

  useWedgeScanner((burst) => {
    setImageProblem(null);
    void desk.scanText(burst.text, 'wedge');
  }, dialog === null);

  // USB HID-POS scans arrive from the core by id; this desk fetches and shows them.
  const showScan = useRef(desk.showScan);
  useEffect(() => {
    showScan.current = desk.showScan;
  });
  useEffect(() => station.on('scanner:scan', (e) => void showScan.current(e.scanId)), []);

  const cardScan = view.kind === 'scan' && view.scan.reading.kind === 'cccd' && view.scan.reading.identity ? view : null;
  const card = cardScan?.scan.reading.kind === 'cccd' ? cardScan.scan.reading.identity : null;
  const match = cardScan?.match ?? null;
  const unmatched = match && !match.citizen && !match.target ? match : null;
  const canConfirm = !!match && !match.checkedInToday && !(match.otherPerson && !match.citizen);

  const openManual = (row: Target | null) => {
    setListRow(row);
    setDialog('manual');
  };
  const focusSearch = () => {
    setTab('known');
    window.setTimeout(() => searchInput.current?.focus(), 0);
  };
  // Not while a dialog is open: Alt+Enter there must not check in the card still shown behind it.
  const free = dialog === null;
  useShortcuts({
    camera: () => free && setDialog('camera'),
    image: () => free && fileInput.current?.click(),
    passport: () => free && setDialog('foreigner'),
    manual: () => free && openManual(null),
    search: () => free && focusSearch(),
    record: () => free && canConfirm && void desk.confirm(),
    queue: () => free && focusQueue(),
    close: () => dialog === null && desk.clear(),
  });

  const onImage = async (file: File | undefined) => {
    if (fileInput.current) fileInput.current.value = '';
    if (!file) return;
    const decoded = await decodeQrImage(file);
    setImageProblem(decoded.ok ? null : decoded.reason);
    if (decoded.ok) void desk.scanText(decoded.text, 'image');
  };
  const checkInKnown = async (c: CitizenSummary) => {
    const answer = await station.checkin.checkInKnown({ citizenId: c.id });
    if (!answer.ok) return answer.error;
    desk.finished(answer.value);
    return null;
  };
  const historyFor = view.kind === 'done' ? view.result.visit.citizen.id : (match?.citizen?.id ?? null);

  return (
    <Stack>
      <DeskHeader desk="checkin" />
      <SessionSummary showLots={false} />
      <Grid>
        <Grid.Col span={8}>
          <Stack>
            <ScanPanel
              reading={view.kind === 'reading'}
              fieldFocused={fieldFocused}
              onCamera={() => setDialog('camera')}
              onImage={() => fileInput.current?.click()}
              onForeigner={() => setDialog('foreigner')}
              onManual={() => openManual(null)}
              onClear={view.kind === 'ready' ? null : desk.clear}
            />
            {imageProblem && (
              <Alert color="orange" data-testid="image-problem" withCloseButton onClose={() => setImageProblem(null)}>
                {t(`image.${imageProblem}`)}
              </Alert>
            )}
            {view.kind === 'failed' && <ErrorAlert error={view.error} />}
            {view.kind === 'scan' && (
              <ScanResultCard
                scan={view.scan}
                onSearchPerson={(query, dateOfBirth) => {
                  setSearchSeed((s) => ({ n: s.n + 1, query, dateOfBirth: dateOfBirth ? dateOfBirth.split('-').reverse().join('/') : '' }));
                  focusSearch();
                }}
              />
            )}
            {card && match && cardScan && (
              <MatchPanel card={card} match={match} busy={cardScan.busy} error={cardScan.error} onConfirm={(o) => void desk.confirm(o)} onCompare={(c) => void desk.compare(c)} />
            )}
            {view.kind === 'done' && <CheckedInBanner result={view.result} />}
            {historyFor && <DoseHistoryPanel citizenId={historyFor} />}
          </Stack>
        </Grid.Col>
        <Grid.Col span={4}>
          <QueuePanel steps={['screening']} onLeave={(e) => free && setDialog({ left: e })} />
        </Grid.Col>
      </Grid>

      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="list">{t('tabs.list')}</Tabs.Tab>
          <Tabs.Tab value="known" rightSection={<Shortcut keys={keysOf('search')} />}>
            {t('tabs.known')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="list" pt="sm">
          {current && (
            <TargetSearch
              planId={current.id}
              pick={
                unmatched
                  ? { label: t('match.compare'), onPick: (row) => void desk.compare({ targetId: row.id }) }
                  : { label: t('tabs.checkInWithoutCard'), onPick: (row) => openManual(row) }
              }
            />
          )}
        </Tabs.Panel>
        <Tabs.Panel value="known" pt="sm">
          <CitizenSearchPanel
            key={searchSeed.n}
            initial={searchSeed}
            inputRef={searchInput}
            onCompare={unmatched ? (c) => void desk.compare({ citizenId: c.id }) : undefined}
            onCheckIn={checkInKnown}
          />
        </Tabs.Panel>
      </Tabs>

      <CameraModal
        opened={dialog === 'camera'}
        onClose={() => setDialog(null)}
        onText={(text) => {
          setDialog(null);
          void desk.scanText(text, 'camera');
        }}
      />
      <PersonFormModal
        mode={dialog === 'manual' || dialog === 'foreigner' ? dialog : null}
        target={dialog === 'manual' ? listRow : null}
        onClose={() => setDialog(null)}
        onDone={(result) => {
          setDialog(null);
          desk.finished(result);
        }}
      />
      {dialog !== null && typeof dialog === 'object' && <LeftModal visit={dialog.left} afterDose={false} onClose={() => setDialog(null)} />}
      <input
        ref={fileInput}
        type="file"
        accept="image/*"
        hidden
        onChange={(e) => void onImage(e.currentTarget.files?.[0])}
        data-testid="qr-image-input"
        aria-label={t('scan.image')}
      />
    </Stack>
  );
}
