import { notifications } from '@mantine/notifications';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardEntry, ObservationState } from '../../../../preload/contract';
import { useCoreQuery } from '../../components/use-core-query';
import { station } from '../../station';
import { useCoreTime } from '../clinical/core-clock';
import { chime } from './chime';

const ORDER: Record<ObservationState, number> = { overdue: 0, due: 1, waiting: 2, referred: 3, left: 4, released: 5 };

/** The state by the core's clock now, not when the board was last loaded: someone becomes due while the nurse watches. */
export function stateAt(e: BoardEntry, now: number): ObservationState {
  if (e.releasedAt) return 'released';
  if (e.state === 'referred' || e.state === 'left') return e.state;
  if (now === 0) return e.state;
  if (now < Date.parse(e.dueAt)) return 'waiting';
  return now < Date.parse(e.overdueAt) ? 'due' : 'overdue';
}

export interface BoardRowView {
  entry: BoardEntry;
  state: ObservationState;
}

/** Everyone whose visit is over (released, referred, gone) is "not present". */
export const present = (state: ObservationState) => state === 'waiting' || state === 'due' || state === 'overdue';

/**
 * Today's observation board, live: reloads on every queue change and
 * adverse event, counts down by the core's clock, and tells the room once
 * (a chime and a notice) when someone's time is over. Used by the desk and
 * by the locked desk, which shows the board read-only: it is a safety
 * display and keeps running while nobody is signed in at the keyboard.
 */
export function useObservationBoard(show: 'present' | 'all') {
  const { t } = useTranslation('observation');
  const board = useCoreQuery(() => station.observation.board({}), [], ['queue:changed', 'aefi:recorded', 'doses:changed']);
  const now = useCoreTime(board.data?.now);
  const all: BoardRowView[] = (board.data?.entries ?? []).map((e) => ({ entry: e, state: stateAt(e, now) }));
  const rows = all
    .filter((r) => show === 'all' || present(r.state))
    .sort((a, b) => ORDER[a.state] - ORDER[b.state] || a.entry.dueAt.localeCompare(b.entry.dueAt));

  const announced = useRef(new Set<string>());
  const primed = useRef(false);
  const due = all.filter((r) => r.state === 'due' || r.state === 'overdue').map((r) => r.entry);
  useEffect(() => {
    if (now === 0) return;
    // Those already due when the board opened are on it; only newcomers are announced.
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

  const counts: Record<ObservationState, number> = { waiting: 0, due: 0, overdue: 0, released: 0, referred: 0, left: 0 };
  for (const r of all) counts[r.state]++;
  return { rows, counts, now, error: board.error, reload: board.reload };
}
