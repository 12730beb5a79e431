import type { QueueEntry } from '../../../../preload/contract';
import type { Queries } from '../../../../db/queries';
import { siteDay } from '../../../domain/site-time';
import { StationError } from '../../errors';

/**
 * Clinical desks act only on today's open session: a visit from another day
 * (or another session) is not theirs to screen, inject or release.
 */
export function openPlanIdAt(q: Queries, at: string): string {
  const planId = q.visits.openPlanIdOn(siteDay(new Date(at)));
  if (!planId) throw new StationError('NO_OPEN_SESSION', 'no session is open today');
  return planId;
}

/** A visit of today's open session as the queue shows it, with the site's day the write happens on. */
export function visitOfToday(q: Queries, visitId: string, at: string): { visit: QueueEntry; planId: string; today: string } {
  const today = siteDay(new Date(at));
  const planId = q.visits.openPlanIdOn(today);
  if (!planId) throw new StationError('NO_OPEN_SESSION', 'no session is open today');
  const visit = q.visits.entry(visitId);
  if (!visit || visit.planId !== planId) throw new StationError('NOT_FOUND', "no such visit in today's session", { id: visitId });
  return { visit, planId, today };
}

/** Station policy for every written reason (voids, corrections, early release): a real sentence, not "ok". */
export const REASON_MIN_LENGTH = 5;

export function requireReason(reason: string): string {
  const text = reason.trim();
  if ([...text].length < REASON_MIN_LENGTH) throw new StationError('REASON_TOO_SHORT', 'write a reason', { minLength: REASON_MIN_LENGTH });
  return text;
}
