import { Button, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardEntry, ObservationState, StationErrorData } from '../../../preload/contract';
import { useSession } from '../app/session';
import { keysOf, useShortcuts, type ShortcutAction } from '../app/shortcuts';
import { ErrorAlert } from '../components/ErrorAlert';
import { Shortcut } from '../components/Shortcut';
import { station } from '../station';
import { NextDoseSlip } from './clinical/NextDoseSlip';
import { DeskHeader } from './DeskHeader';
import { AefiModal } from './observation/AefiModal';
import { BoardCounts, ObservationBoard } from './observation/ObservationBoard';
import { present, useObservationBoard } from './observation/use-board';
import { LeftModal } from './clinical/LeftModal';
import { EarlyReleaseModal, ReferModal } from './observation/VisitEndModals';

type Dialog = { kind: 'aefi' | 'refer' | 'left' | 'early'; entry: BoardEntry } | null;

/**
 * Step 4: observation after the dose. Everyone vaccinated today is on the
 * board with a countdown from the core's clock; the desk chimes and shows a
 * notice when someone is due. ↑/↓ moves between people, Alt+R releases (and
 * shows the next-dose slip, Alt+P prints it), Alt+E records an adverse event,
 * Alt+T refers to a hospital, Alt+W records that someone left; a supervisor
 * releases early, or after a serious event, with Alt+X and a reason.
 */
export function ObservationDesk() {
  const { t } = useTranslation(['observation', 'injection', 'clinical']);
  const session = useSession();
  const [show, setShow] = useState<'present' | 'all'>('present');
  const { rows, counts, now, error: boardError } = useObservationBoard(show);
  const [selected, setSelected] = useState<string | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [slip, setSlip] = useState<BoardEntry | null>(null);
  const [error, setError] = useState<StationErrorData | null>(null);
  const rowEls = useRef(new Map<string, HTMLTableRowElement>());
  const current = rows.find((r) => r.entry.visitId === selected) ?? rows[0] ?? null;
  const isSupervisor = session.staff.role === 'supervisor';

  const release = async (e: BoardEntry | undefined) => {
    if (!e) return;
    const result = await station.observation.release({ visitId: e.visitId });
    setError(result.ok ? null : result.error);
    if (result.ok) setSlip(result.value);
  };
  const move = (by: number) => {
    const i = rows.findIndex((r) => r.entry.visitId === current?.entry.visitId);
    const next = rows[Math.max(0, Math.min(rows.length - 1, i + by))]?.entry;
    if (next) {
      setSelected(next.visitId);
      rowEls.current.get(next.visitId)?.focus();
    }
  };
  const open = (kind: NonNullable<Dialog>['kind'], e: BoardEntry | undefined, state?: ObservationState) => {
    if (!e || dialog) return;
    if (kind !== 'aefi' && state !== undefined && !present(state)) return;
    if (kind === 'early' && !isSupervisor) return;
    setDialog({ kind, entry: e });
  };
  useShortcuts({
    release: () => current && present(current.state) && void release(current.entry),
    aefi: () => open('aefi', current?.entry),
    refer: () => open('refer', current?.entry, current?.state),
    left: () => open('left', current?.entry, current?.state),
    early: () => open('early', current?.entry, current?.state),
    showAll: () => setShow((s) => (s === 'all' ? 'present' : 'all')),
    print: () => slip?.nextDose && window.print(),
  });

  const closeDialog = (done: boolean, released?: BoardEntry) => {
    const was = dialog;
    setDialog(null);
    if (done && was?.kind === 'aefi') notifications.show({ color: 'red', message: t('aefi.recorded', { number: was.entry.queueNumber }) });
    if (released) setSlip(released);
  };
  const hint = (action: ShortcutAction, label: string) => (
    <Group gap={4} key={action}>
      <Shortcut keys={keysOf(action)} />
      <Text size="xs">{label}</Text>
    </Group>
  );

  return (
    <Stack>
      <DeskHeader desk="observation" />
      <Group justify="space-between">
        <BoardCounts counts={counts} />
        <Group gap="xs">
          <SegmentedControl
            size="xs"
            value={show}
            onChange={(v) => setShow(v as 'present' | 'all')}
            data={[
              { value: 'present', label: t('show.present') },
              { value: 'all', label: t('show.all') },
            ]}
          />
          <Shortcut keys={keysOf('showAll')} />
        </Group>
      </Group>
      {slip && <NextDoseSlip entry={slip} onClose={() => setSlip(null)} />}
      {boardError && <ErrorAlert error={boardError} />}
      {error && <ErrorAlert error={error} />}
      <ObservationBoard
        rows={rows}
        now={now}
        currentId={current?.entry.visitId ?? null}
        onSelect={setSelected}
        onMove={move}
        rowRef={(id, el) => {
          if (el) rowEls.current.set(id, el);
        }}
        actions={(e, state) => (
          <Group gap={4} wrap="nowrap">
            {present(state) && (
              <Button size="compact-sm" variant={state === 'waiting' ? 'default' : 'filled'} onClick={() => void release(e)} data-testid="release">
                {t('release')}
              </Button>
            )}
            <Button size="compact-sm" variant="light" color="red" onClick={() => open('aefi', e)} data-testid="record-aefi">
              {t('aefi.open')}
            </Button>
            {present(state) && (
              <Button size="compact-sm" variant="subtle" color="red" onClick={() => open('refer', e, state)} data-testid="refer">
                {t('refer.open')}
              </Button>
            )}
            {isSupervisor && present(state) && (state === 'waiting' || e.seriousAefi) && (
              <Button size="compact-sm" variant="subtle" onClick={() => open('early', e, state)} data-testid="release-early">
                {t('releaseEarly')}
              </Button>
            )}
          </Group>
        )}
      />
      <Group gap="md">
        {hint('release', t('release'))}
        {hint('aefi', t('aefi.open'))}
        {hint('refer', t('refer.open'))}
        {hint('left', t('clinical:left.open'))}
        {isSupervisor && hint('early', t('releaseEarly'))}
        {hint('help', t('shortcuts:open'))}
      </Group>
      {dialog?.kind === 'aefi' && <AefiModal entry={dialog.entry} coreNow={now} onClose={closeDialog} />}
      {dialog?.kind === 'refer' && <ReferModal entry={dialog.entry} onClose={closeDialog} />}
      {dialog?.kind === 'left' && <LeftModal visit={dialog.entry} afterDose onClose={closeDialog} />}
      {dialog?.kind === 'early' && <EarlyReleaseModal entry={dialog.entry} onClose={closeDialog} />}
    </Stack>
  );
}
