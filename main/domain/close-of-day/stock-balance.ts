/**
 * A lot's end-of-day balance, in doses, after the DHIS2 COVID-19 vaccine
 * stock reconciliation:
 *
 *     received − administered − wasted − remaining = variance (must be 0)
 *
 * where "wasted" is what open vials lost (wasted doses and the rest of each
 * discarded vial) and "remaining" is what is still on hand: the sealed vials
 * (as counted by the supervisor, or as the station expects them before the
 * count) and the doses still in vials left open. Two more checks hold for
 * every lot: the vials opened held at least the doses given (vials opened ×
 * doses per vial ≥ administered), and every dose drawn from a vial was
 * either administered or counted as wasted. Open-vial wastage is
 * (doses in opened vials − administered) / doses in opened vials.
 */
export interface LotStockInput {
  dosesPerVial: number;
  vialsReceived: number;
  vialsOpened: number;
  /** Σ doses_total of the lot's vials. */
  dosesInOpenedVials: number;
  /** Σ doses_drawn: draws for doses, whatever became of the dose record. */
  dosesDrawn: number;
  /** Σ wasted_doses: waste recorded and the rest of discarded vials. */
  dosesWasted: number;
  /** Valid dose records given from this lot. */
  dosesAdministered: number;
  /** Doses still in vials whose state is open (in their in-use time or not). */
  dosesLeftInOpenVials: number;
  /** The supervisor's count of sealed vials, if made. */
  sealedVialsCounted: number | null;
}

export type LotProblem =
  /** No physical count yet. */
  | 'count_missing'
  /** The balance is not zero and the count gave no reason. */
  | 'variance_unexplained'
  /** More doses given than the vials opened could hold. */
  | 'opened_less_than_administered'
  /** Vials still open at the end of the day. */
  | 'vials_still_open'
  /** Vials past their in-use time that nobody discarded. */
  | 'vials_past_in_use_time';

export interface LotBalance {
  dosesReceived: number;
  sealedVialsExpected: number;
  sealedVialsOnHand: number;
  dosesRemaining: number;
  /** received − administered − wasted − remaining. */
  varianceDoses: number;
  /** Drawn for a dose that is not (or no longer) recorded as given from this lot. */
  drawnNotAdministered: number;
  openedCoversAdministered: boolean;
  /** Open-vial wastage rate, 0..1; null when no vial was opened. */
  wastageRate: number | null;
}

export function lotBalance(l: LotStockInput): LotBalance {
  const dosesReceived = l.vialsReceived * l.dosesPerVial;
  const sealedVialsExpected = Math.max(0, l.vialsReceived - l.vialsOpened);
  const sealedVialsOnHand = l.sealedVialsCounted ?? sealedVialsExpected;
  const dosesRemaining = sealedVialsOnHand * l.dosesPerVial + l.dosesLeftInOpenVials;
  return {
    dosesReceived,
    sealedVialsExpected,
    sealedVialsOnHand,
    dosesRemaining,
    varianceDoses: dosesReceived - l.dosesAdministered - l.dosesWasted - dosesRemaining,
    drawnNotAdministered: l.dosesDrawn - l.dosesAdministered,
    openedCoversAdministered: l.vialsOpened * l.dosesPerVial >= l.dosesAdministered,
    wastageRate: wastageRate(l.dosesInOpenedVials, l.dosesAdministered),
  };
}

/** (doses in opened vials − administered) / doses in opened vials; null without opened vials. */
export function wastageRate(dosesInOpenedVials: number, administered: number): number | null {
  if (dosesInOpenedVials <= 0) return null;
  return Math.max(0, dosesInOpenedVials - administered) / dosesInOpenedVials;
}

export function lotProblems(
  balance: LotBalance,
  state: { counted: boolean; countReason: string | null; countVariance: number | null; vialsOpenNow: number; vialsPastInUseTime: number },
): LotProblem[] {
  const problems: LotProblem[] = [];
  if (!state.counted) problems.push('count_missing');
  // A reason given at the count covers the variance it saw; a variance that changed since needs a new count.
  else if (balance.varianceDoses !== 0 && !(state.countReason !== null && state.countVariance === balance.varianceDoses)) problems.push('variance_unexplained');
  if (!balance.openedCoversAdministered) problems.push('opened_less_than_administered');
  if (state.vialsPastInUseTime > 0) problems.push('vials_past_in_use_time');
  else if (state.vialsOpenNow > 0) problems.push('vials_still_open');
  return problems;
}
