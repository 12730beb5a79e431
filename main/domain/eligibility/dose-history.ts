import { isIsoDate } from './calendar';
import { productRule } from './products';
import type { DoseHistoryEntry, EligibilityRules, ExplanationParams } from './types';

export interface CountedDose {
  date: string;
  productCode: string;
  /** Whether the product is in the rules' catalogue (a dose abroad may not be). */
  known: boolean;
  number: number;
  source: string;
}

export interface HistoryProblem {
  code: 'HISTORY_DATE_INVALID' | 'HISTORY_DATE_IN_FUTURE' | 'HISTORY_BEFORE_BIRTH';
  params: ExplanationParams;
}

export interface HistorySummary {
  /** One dose per day, in date order, numbered. */
  doses: CountedDose[];
  nextDoseNumber: number;
  /** The product the primary series started with, or the first catalogued one when that is unknown. */
  seriesProduct: string | null;
  primaryDoses: number;
  /** Records dropped because another record of the same day was kept. */
  duplicatesMerged: number;
  problems: HistoryProblem[];
}

/** Prefer, for one day, the record the rules can reason about: a catalogued product, then a stated number. */
function better(a: DoseHistoryEntry, b: DoseHistoryEntry, rules: EligibilityRules): DoseHistoryEntry {
  const aKnown = productRule(rules, a.productCode) !== undefined;
  const bKnown = productRule(rules, b.productCode) !== undefined;
  if (aKnown !== bKnown) return aKnown ? a : b;
  const aNumbered = typeof a.doseNumber === 'number';
  const bNumbered = typeof b.doseNumber === 'number';
  if (aNumbered !== bNumbered) return aNumbered ? a : b;
  return a;
}

/**
 * Derives dose numbers from everything known about the citizen. Doses given
 * elsewhere count like ours. The same dose often arrives twice (our record and
 * the national registry's, or a paper card typed in), so records of one day
 * count once. A source's own dose number is trusted when it is higher than the
 * count, because it means earlier doses are missing from what we hold.
 */
export function summarizeHistory(
  history: readonly DoseHistoryEntry[],
  rules: EligibilityRules,
  today: string,
  dateOfBirth: string | null,
): HistorySummary {
  const problems: HistoryProblem[] = [];
  const byDay = new Map<string, DoseHistoryEntry>();
  let duplicatesMerged = 0;
  for (let i = 0; i < history.length; i++) {
    const entry = history[i]!;
    if (!isIsoDate(entry.date)) {
      problems.push({ code: 'HISTORY_DATE_INVALID', params: { index: i, date: String(entry.date) } });
      continue;
    }
    if (entry.date > today) {
      problems.push({ code: 'HISTORY_DATE_IN_FUTURE', params: { index: i, date: entry.date, today } });
      continue;
    }
    if (dateOfBirth !== null && entry.date < dateOfBirth) {
      problems.push({ code: 'HISTORY_BEFORE_BIRTH', params: { index: i, date: entry.date, dateOfBirth } });
      continue;
    }
    const same = byDay.get(entry.date);
    if (same) {
      duplicatesMerged++;
      byDay.set(entry.date, better(same, entry, rules));
    } else {
      byDay.set(entry.date, entry);
    }
  }

  const days = [...byDay.keys()].sort();
  const doses: CountedDose[] = [];
  let running = 0;
  let seriesProduct: string | null = null;
  for (const day of days) {
    const entry = byDay.get(day)!;
    const claimed = typeof entry.doseNumber === 'number' && Number.isInteger(entry.doseNumber) ? entry.doseNumber : 0;
    running = Math.max(running + 1, claimed);
    const known = productRule(rules, entry.productCode) !== undefined;
    if (seriesProduct === null && known) seriesProduct = entry.productCode;
    doses.push({ date: day, productCode: entry.productCode, known, number: running, source: entry.source });
  }
  const primaryDoses = seriesProduct === null ? rules.unknownProductPrimaryDoses : productRule(rules, seriesProduct)!.primaryDoses;
  return { doses, nextDoseNumber: running + 1, seriesProduct, primaryDoses, duplicatesMerged, problems };
}
