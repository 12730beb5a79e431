import { ageInYears } from '../site-time';
import { dayNumber, fromDayNumber, isIsoDate } from './calendar';
import { summarizeHistory } from './dose-history';
import { productRule } from './products';
import type { DoseHistoryEntry, EligibilityRules } from './types';

/** The dose a citizen with an unfinished primary series comes back for, and from when. */
export interface NextDose {
  productCode: string;
  doseNumber: number;
  seriesDoses: number;
  /** The first day the series rules allow it (the interval of the product the series began with). */
  earliestDate: string;
}

/**
 * The appointment for the next primary dose, as the slip handed over at
 * release and the certificate of an unfinished series state it: the series'
 * own product (its older formulation when the child will have outgrown the
 * younger one by then), the dose number, and the first allowed day. Null when
 * there is no dose yet, the primary series is complete (boosters follow their
 * own policy, not a fixed appointment), or the series began with a product the
 * rules do not hold (its interval is unknown).
 */
export function nextDoseDue(rules: EligibilityRules, history: readonly DoseHistoryEntry[], dateOfBirth: string | null, today: string): NextDose | null {
  if (!isIsoDate(today)) return null;
  const summary = summarizeHistory(history, rules, today, dateOfBirth && isIsoDate(dateOfBirth) ? dateOfBirth : null);
  const last = summary.doses.at(-1);
  if (!last || summary.seriesProduct === null || summary.nextDoseNumber > summary.primaryDoses) return null;
  const series = productRule(rules, summary.seriesProduct);
  if (!series) return null;
  const earliestDate = fromDayNumber(dayNumber(last.date)! + series.minIntervalDays);
  let productCode = summary.seriesProduct;
  if (dateOfBirth && isIsoDate(dateOfBirth) && series.maxAgeYears !== null && series.olderFormulation && ageInYears(dateOfBirth, earliestDate) > series.maxAgeYears) {
    productCode = series.olderFormulation;
  }
  return { productCode, doseNumber: summary.nextDoseNumber, seriesDoses: summary.primaryDoses, earliestDate };
}
