import type { ErrorCode, PlanState } from '../../preload/contract';

/** A broken rule, as a stable code plus the values its message needs. */
export interface RuleViolation {
  code: ErrorCode;
  params?: Record<string, string | number>;
}

/** Only a planned session can have its date, period, place or capacity changed. */
export function checkPlanEditable(state: PlanState): RuleViolation | null {
  return state === 'planned' ? null : { code: 'PLAN_NOT_EDITABLE', params: { state } };
}

/** Lots and target lists can still grow once the day is open (a late delivery, walk-in lists). */
export function checkPlanAcceptsSupplies(state: PlanState): RuleViolation | null {
  return state === 'closed' ? { code: 'PLAN_NOT_EDITABLE', params: { state } } : null;
}

export function checkSessionDate(sessionDate: string, siteToday: string): RuleViolation | null {
  return sessionDate < siteToday ? { code: 'PLAN_DATE_PAST', params: { sessionDate, today: siteToday } } : null;
}

/**
 * A lot must last the whole session day (expiry dates are inclusive). For an
 * open session the day is today, so an already-expired lot is refused outright.
 */
export function checkLotExpiry(lot: { expiryDate: string; lotNumber: string }, plan: { state: PlanState; sessionDate: string }, siteToday: string): RuleViolation | null {
  if (plan.state === 'open' && lot.expiryDate < siteToday) {
    return { code: 'LOT_EXPIRED', params: { lotNumber: lot.lotNumber, expiryDate: lot.expiryDate } };
  }
  if (lot.expiryDate < plan.sessionDate) {
    return {
      code: 'LOT_EXPIRES_BEFORE_SESSION',
      params: { lotNumber: lot.lotNumber, expiryDate: lot.expiryDate, sessionDate: plan.sessionDate },
    };
  }
  return null;
}

/** Opening is for the day itself, with at least one usable lot. */
export function checkCanOpen(
  plan: { state: PlanState; sessionDate: string },
  usableLots: number,
  otherOpenToday: boolean,
  siteToday: string,
): RuleViolation | null {
  if (plan.state !== 'planned') return { code: 'PLAN_STATE_INVALID', params: { state: plan.state, wanted: 'open' } };
  if (plan.sessionDate !== siteToday) {
    return { code: 'PLAN_NOT_TODAY', params: { sessionDate: plan.sessionDate, today: siteToday } };
  }
  if (usableLots === 0) return { code: 'PLAN_NO_LOTS' };
  if (otherOpenToday) return { code: 'PLAN_OTHER_OPEN' };
  return null;
}
