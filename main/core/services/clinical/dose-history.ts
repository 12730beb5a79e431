import type { Queries } from '../../../../db/queries';
import { CURRENT_RULES, summarizeHistory, type DoseHistoryEntry, type HistorySummary } from '../../../domain/eligibility';

/**
 * A citizen's valid doses from every source (ours, reported elsewhere, the
 * national registry) as the eligibility rules read them. A dose whose product
 * is not in our catalogue keeps an empty code: the rules count it as a dose of
 * an unknown product.
 */
export function historyEntries(q: Queries, citizenId: string): DoseHistoryEntry[] {
  return q.doses.historyEntries(citizenId).map((d) => ({ date: d.date, productCode: d.productCode ?? '', doseNumber: d.doseNumber, source: d.source }));
}

export function summarize(q: Queries, citizenId: string, today: string, dateOfBirth: string | null): { entries: DoseHistoryEntry[]; summary: HistorySummary } {
  const entries = historyEntries(q, citizenId);
  return { entries, summary: summarizeHistory(entries, CURRENT_RULES, today, dateOfBirth) };
}

/**
 * The series size a dose record carries (the DCC `sd`): the primary series'
 * length for primary doses; for boosters the dose number itself (3/3, 4/4),
 * as the EU DCC encoding guidance asks.
 */
export function seriesDosesFor(kind: 'primary' | 'booster', doseNumber: number, summary: HistorySummary): number {
  return kind === 'primary' ? summary.primaryDoses : doseNumber;
}
