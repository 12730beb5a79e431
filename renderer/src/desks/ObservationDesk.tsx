import { Alert, Badge, Button, Group, Modal, Paper, SegmentedControl, Stack, Table, Text, Textarea } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardEntry, ObservationState, StationErrorData } from '../../../preload/contract';
import { useSession } from '../app/session';
import { ErrorAlert } from '../components/ErrorAlert';
import { siteClock } from '../components/person-format';
import { Shortcut } from '../components/Shortcut';
import { useCoreQuery } from '../components/use-core-query';
import { station } from '../station';
import { useCoreTime } from './clinical/core-clock';
import { countdown } from './clinical/focus';
import { DeskHeader } from './DeskHeader';
import { AefiModal } from './observation/AefiModal';
import { chime } from './observation/chime';

const STATE_COLOR: Record<ObservationState, string> = { waiting: 'blue', due: 'teal', overdue: 'orange', released: 'gray' };
const ORDER: Record<ObservationState, number> = { overdue: 0, due: 1, waiting: 2, released: 3 };

/** The state by the core's clock now, not when the board was last loaded: someone becomes due while the nurse watches. */
function stateAt(e: BoardEntry, now: number): ObservationState {
  if (e.releasedAt) return 'released';
  if (now === 0) return e.state;
  if (now < Date.parse(e.dueAt)) return 'waiting';
  return now < Date.parse(e.overdueAt) ? 'due' : 'overdue';
}

/**
 * Step 4: observation after the dose. Everyone vaccinated today is on the
 * board with a countdown from the core's clock; the desk chimes and shows a
 * notice when someone is due. ↑/↓ moves between people, Alt+R releases,
 * Alt+E records an adverse event, and a supervisor releases early with
 * Alt+X and a reason.
 */
export function ObservationDesk() {
  const { t } = useTranslation(['observation', 'injection']);
  const session = useSession();
  const board = useCoreQuery(() => station.observation.board({}), [], ['queue:changed', 'aefi:recorded', 'doses:changed']);
  const now = useCoreTime(board.data?.now);
  const [show, setShow] = useState<'present' | 'all'>('present');
  const [selected, setSelected] = useState<string | null>(null);
  const [aefiFor, setAefiFor] = useState<BoardEntry | null>(null);
  const [earlyFor, setEarlyFor] = useState<BoardEntry | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<StationErrorData | null>(null);
  const announced = useRef(new Set<string>());
  const rows = useRef(new Map<string, HTMLTableRowElement>());

  const entries = (board.data?.entries ?? [])
    .map((e) => ({ entry: e, state: stateAt(e, now) }))
    .filter((r) => show === 'all' || r.state !== 'released')
    .sort((a, b) => ORDER[a.state] - ORDER[b.state] || a.entry.dueAt.localeCompare(b.entry.dueAt));
  const current = entries.find((r) => r.entry.visitId === selected)?.entry ?? entries[0]?.entry ?? null;

  // Tell the room once when someone's observation time is over.
  const due = entries.filter((r) => r.state === 'due' || r.state === 'overdue').map((r) => r.entry);
  const primed = useRef(false);
  useEffect(() => {
    if (now === 0) return;
    // Those already due when the desk opened are on the board; only newcomers are announced.
    if (!primed.current) {
      primed.current = true;
      for (const e of due) announced.current.add(e.visitId);
      return;
    }
    const fresh = due.filter((e) => !announced.current.has(e.visitId));
    if (fresh.length === 0) return;
    for (const e of fresh) {
      announced.current.add(e.visitId);
      notifications.show({ color: 'teal', title: t('dueNotice.title', { number: e.queueNumber }), message: t('dueNotice.text', { name: e.citizen.fullName }), autoClose: 8000 });
    }
    chime();
  }, [due, now, t]);

  const release = async (e: BoardEntry | null) => {
    if (!e) return;
    const result = await station.observation.release({ visitId: e.visitId });
    setError(result.ok ? null : result.error);
  };
  const releaseEarly = async () => {
    if (!earlyFor) return;
    const result = await station.observation.releaseEarly({ visitId: earlyFor.visitId, reason });
    if (!result.ok) return setError(result.error);
    setError(null);
    setEarlyFor(null);
    setReason('');
  };
  const move = (by: number) => {
    const i = entries.findIndex((r) => r.entry.visitId === current?.visitId);
    const next = entries[Math.max(0, Math.min(entries.length - 1, i + by))]?.entry;
    if (next) {
      setSelected(next.visitId);
      rows.current.get(next.visitId)?.focus();
    }
  };
  const isSupervisor = session.staff.role === 'supervisor';
  useHotkeys(
    [
      ['alt+R', () => void release(current)],
      ['alt+E', () => current && setAefiFor(current)],
      ['alt+X', () => isSupervisor && current && !current.releasedAt && setEarlyFor(current)],
      ['alt+A', () => setShow((s) => (s === 'all' ? 'present' : 'all'))],
    ],
    [],
  );

  const counts = { waiting: 0, due: 0, overdue: 0, released: 0 };
  for (const e of board.data?.entries ?? []) counts[stateAt(e, now)]++;

  return (
    <Stack>
      <DeskHeader desk="observation" />
      <Group justify="space-between">
        <Group gap="xs" data-testid="board-counts">
          {(Object.keys(counts) as ObservationState[]).map((s) => (
            <Badge key={s} color={STATE_COLOR[s]} variant="light" size="lg" data-state={s}>
              {t(`state.${s}`)}: {counts[s]}
            </Badge>
          ))}
        </Group>
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
          <Shortcut keys={['Alt', 'A']} />
        </Group>
      </Group>
      {board.error && <ErrorAlert error={board.error} />}
      {error && <ErrorAlert error={error} />}
      <Paper withBorder>
        <Table highlightOnHover data-testid="observation-board" aria-label={t('board')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('col.number')}</Table.Th>
              <Table.Th>{t('col.name')}</Table.Th>
              <Table.Th>{t('col.dose')}</Table.Th>
              <Table.Th>{t('col.started')}</Table.Th>
              <Table.Th>{t('col.left')}</Table.Th>
              <Table.Th>{t('col.state')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entries.map(({ entry: e, state }) => (
              <Table.Tr
                key={e.visitId}
                ref={(el) => {
                  if (el) rows.current.set(e.visitId, el);
                }}
                tabIndex={0}
                onFocus={() => setSelected(e.visitId)}
                onClick={() => setSelected(e.visitId)}
                onKeyDown={(ev) => {
                  if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
                    ev.preventDefault();
                    move(ev.key === 'ArrowDown' ? 1 : -1);
                  }
                }}
                bg={e.visitId === current?.visitId ? 'var(--mantine-color-teal-light)' : undefined}
                data-testid="board-row"
                data-queue-number={e.queueNumber}
                data-state={state}
              >
                <Table.Td fw={700} ff="monospace">
                  {e.queueNumber}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{e.citizen.fullName}</Text>
                  {e.aefiCount > 0 && (
                    <Badge color={e.seriousAefi ? 'red' : 'yellow'} size="xs" data-testid="aefi-badge">
                      {t(e.seriousAefi ? 'aefi.badgeSerious' : 'aefi.badge', { count: e.aefiCount })}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">
                    {e.productName} · {t('injection:history.dose', { number: e.doseNumber })}
                  </Text>
                </Table.Td>
                <Table.Td>{siteClock(e.startedAt)}</Table.Td>
                <Table.Td ff="monospace" data-testid="countdown">
                  {state === 'waiting' && now > 0 ? countdown(Date.parse(e.dueAt) - now) : state === 'released' ? siteClock(e.releasedAt ?? '') : t('dueSince', { at: siteClock(e.dueAt) })}
                </Table.Td>
                <Table.Td>
                  <Badge color={STATE_COLOR[state]}>{t(`state.${state}`)}</Badge>
                  {e.earlyReleaseReason && (
                    <Text size="xs" c="dimmed">
                      {t('early', { reason: e.earlyReleaseReason })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    {state !== 'released' && (
                      <Button size="compact-sm" variant={state === 'waiting' ? 'default' : 'filled'} onClick={() => void release(e)} data-testid="release">
                        {t('release')}
                      </Button>
                    )}
                    <Button size="compact-sm" variant="light" color="red" onClick={() => setAefiFor(e)} data-testid="record-aefi">
                      {t('aefi.open')}
                    </Button>
                    {isSupervisor && state === 'waiting' && (
                      <Button size="compact-sm" variant="subtle" onClick={() => setEarlyFor(e)} data-testid="release-early">
                        {t('releaseEarly')}
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {entries.length === 0 && (
          <Text p="md" c="dimmed" data-testid="board-empty">
            {t('empty')}
          </Text>
        )}
      </Paper>
      <Group gap="md">
        <Group gap={4}>
          <Shortcut keys={['Alt', 'R']} />
          <Text size="xs">{t('release')}</Text>
        </Group>
        <Group gap={4}>
          <Shortcut keys={['Alt', 'E']} />
          <Text size="xs">{t('aefi.open')}</Text>
        </Group>
        {isSupervisor && (
          <Group gap={4}>
            <Shortcut keys={['Alt', 'X']} />
            <Text size="xs">{t('releaseEarly')}</Text>
          </Group>
        )}
      </Group>
      {aefiFor && (
        <AefiModal
          entry={aefiFor}
          coreNow={now}
          onClose={(recorded) => {
            setAefiFor(null);
            if (recorded) notifications.show({ color: 'red', message: t('aefi.recorded', { number: aefiFor.queueNumber }) });
          }}
        />
      )}
      <Modal opened={earlyFor !== null} onClose={() => setEarlyFor(null)} title={t('earlyTitle', { number: earlyFor?.queueNumber ?? '' })}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void releaseEarly();
          }}
        >
          <Stack>
            <Alert color="yellow">{t('earlyWarning', { at: earlyFor ? siteClock(earlyFor.dueAt) : '' })}</Alert>
            <Textarea label={t('earlyReason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} required autosize minRows={2} data-autofocus />
            {error && <ErrorAlert error={error} />}
            <Group justify="flex-end">
              <Button type="submit" data-testid="release-early-confirm">
                {t('releaseEarly')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Stack>
  );
}
