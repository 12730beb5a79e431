/**
 * Observation after a dose. Everyone stays at least 30 minutes (longer when
 * screening asked for it); a citizen still on the board a while after that
 * is overdue, which means a nurse should go and look, not that anything is
 * wrong. Instants are UTC ISO-8601 text, as stored.
 */

/** The Ministry's minimum: "ở lại điểm tiêm ít nhất 30 phút". */
export const MIN_OBSERVATION_MINUTES = 30;

/** Station policy: 15 minutes after the end of observation, someone not yet released is overdue. */
export const OVERDUE_AFTER_MINUTES = 15;

/** `referred` and `left`: the visit ended in the observation area without a release (a hospital, or the person went). */
export type ObservationState = 'waiting' | 'due' | 'overdue' | 'released' | 'referred' | 'left';

function plusMinutes(instant: string, minutes: number): string {
  return new Date(Date.parse(instant) + minutes * 60_000).toISOString();
}

/** When observation that started at `startedAt` ends, and when a citizen still there becomes overdue. */
export function observationTimes(startedAt: string, minutes: number): { dueAt: string; overdueAt: string } {
  const dueAt = plusMinutes(startedAt, Math.max(minutes, MIN_OBSERVATION_MINUTES));
  return { dueAt, overdueAt: plusMinutes(dueAt, OVERDUE_AFTER_MINUTES) };
}

export function overdueAtFor(dueAt: string): string {
  return plusMinutes(dueAt, OVERDUE_AFTER_MINUTES);
}

export function observationState(o: { dueAt: string; releasedAt: string | null; endedAs?: 'referred' | 'left' | null }, now: string): ObservationState {
  if (o.releasedAt !== null) return 'released';
  if (o.endedAs) return o.endedAs;
  const t = Date.parse(now);
  if (t < Date.parse(o.dueAt)) return 'waiting';
  return t < Date.parse(overdueAtFor(o.dueAt)) ? 'due' : 'overdue';
}

/** Whole minutes still to wait, rounded up (a citizen 10 seconds short still has 1 minute to go). */
export function minutesLeft(dueAt: string, now: string): number {
  return Math.max(0, Math.ceil((Date.parse(dueAt) - Date.parse(now)) / 60_000));
}
