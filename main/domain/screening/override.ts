import { isIsoDate } from '../eligibility/calendar';
import { PLATFORMS, type Platform } from '../eligibility/types';
import { SCREENING_OUTCOMES, type ScreeningOutcome, type ScreeningResult } from './types';

/** A nurse's decision against the computed conclusion; the service stamps the time and audits it. */
export interface OverrideRequest {
  outcome: ScreeningOutcome;
  /** Written reason, kept with the screening record. */
  reason: string;
  staffId: string;
  /** Required when overriding to postpone unless the computed result already has one. */
  returnDate?: string | null;
  observationMinutes?: number;
  /**
   * Replace the contraindicated platforms/products. Left out, they are kept:
   * clearing a contraindication must be said explicitly, never implied by
   * overriding to "eligible".
   */
  contraindicatedPlatforms?: readonly Platform[];
  contraindicatedProducts?: readonly string[];
}

export interface ScreeningDecision extends ScreeningResult {
  /** What the form concluded, whatever the final outcome is. */
  computedOutcome: ScreeningOutcome;
  override: { from: ScreeningOutcome; to: ScreeningOutcome; reason: string; staffId: string } | null;
}

export type OverrideProblemCode =
  | 'OVERRIDE_OUTCOME_INVALID'
  | 'OVERRIDE_REASON_TOO_SHORT'
  | 'OVERRIDE_STAFF_REQUIRED'
  | 'OVERRIDE_RETURN_DATE_REQUIRED'
  | 'OVERRIDE_RETURN_DATE_INVALID'
  | 'OVERRIDE_OBSERVATION_TOO_SHORT'
  | 'OVERRIDE_PLATFORM_UNKNOWN'
  | 'OVERRIDE_CONTRAINDICATION_REQUIRED'
  | 'OVERRIDE_CHANGES_NOTHING';

export type OverrideResult =
  | { ok: true; decision: ScreeningDecision }
  | { ok: false; code: OverrideProblemCode; params?: Record<string, string | number> };

/** Short enough for a real reason in Vietnamese ("Sốt do mọc răng"), long enough to refuse "ok". */
export const OVERRIDE_REASON_MIN_LENGTH = 5;

/** The decision as computed, before anyone overrides it. */
export function decisionOf(result: ScreeningResult): ScreeningDecision {
  return { ...result, computedOutcome: result.outcome, override: null };
}

function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

/**
 * Applies a nurse's override to a computed screening result. The computed
 * outcome and every reason stay in the decision; only the final outcome and
 * what the desks act on (return date, observation time, contraindications)
 * change. Observation can be lengthened, never cut below the form's base.
 */
export function applyOverride(result: ScreeningResult, req: OverrideRequest, today: string): OverrideResult {
  if (!SCREENING_OUTCOMES.includes(req.outcome)) return { ok: false, code: 'OVERRIDE_OUTCOME_INVALID', params: { outcome: String(req.outcome) } };
  const reason = typeof req.reason === 'string' ? req.reason.trim() : '';
  if ([...reason].length < OVERRIDE_REASON_MIN_LENGTH) return { ok: false, code: 'OVERRIDE_REASON_TOO_SHORT', params: { minLength: OVERRIDE_REASON_MIN_LENGTH } };
  if (typeof req.staffId !== 'string' || req.staffId.trim() === '') return { ok: false, code: 'OVERRIDE_STAFF_REQUIRED' };

  let returnDate: string | null = null;
  if (req.outcome === 'postpone') {
    returnDate = req.returnDate ?? result.returnDate;
    if (returnDate === null) return { ok: false, code: 'OVERRIDE_RETURN_DATE_REQUIRED' };
    if (!isIsoDate(returnDate) || returnDate <= today) return { ok: false, code: 'OVERRIDE_RETURN_DATE_INVALID', params: { returnDate: String(returnDate), today } };
  }

  const observationMinutes = req.observationMinutes ?? result.observationMinutes;
  if (!Number.isInteger(observationMinutes) || observationMinutes < result.baseObservationMinutes) {
    return { ok: false, code: 'OVERRIDE_OBSERVATION_TOO_SHORT', params: { minimum: result.baseObservationMinutes } };
  }

  const platforms = req.contraindicatedPlatforms ? [...req.contraindicatedPlatforms] : [...result.contraindicatedPlatforms];
  const unknown = platforms.find((p) => !PLATFORMS.includes(p));
  if (unknown !== undefined) return { ok: false, code: 'OVERRIDE_PLATFORM_UNKNOWN', params: { platform: String(unknown) } };
  const products = req.contraindicatedProducts ? [...req.contraindicatedProducts] : [...result.contraindicatedProducts];
  if (req.outcome === 'contraindicated' && platforms.length === 0 && products.length === 0) {
    return { ok: false, code: 'OVERRIDE_CONTRAINDICATION_REQUIRED' };
  }

  if (
    req.outcome === result.outcome &&
    returnDate === result.returnDate &&
    observationMinutes === result.observationMinutes &&
    sameList(platforms, result.contraindicatedPlatforms) &&
    sameList(products, result.contraindicatedProducts)
  ) {
    return { ok: false, code: 'OVERRIDE_CHANGES_NOTHING' };
  }

  return {
    ok: true,
    decision: {
      ...result,
      outcome: req.outcome,
      returnDate,
      observationMinutes,
      contraindicatedPlatforms: platforms,
      contraindicatedProducts: products,
      computedOutcome: result.outcome,
      override: { from: result.outcome, to: req.outcome, reason, staffId: req.staffId },
    },
  };
}
