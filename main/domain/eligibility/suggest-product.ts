import { isIsoDate } from './calendar';
import { summarizeHistory, type HistorySummary } from './dose-history';
import { evaluateWithHistory } from './evaluate-dose';
import { productRule } from './products';
import type { Contraindications, DoseEvaluation, DoseHistoryEntry, EligibilityRules, ExplanationParams } from './types';

export interface LotOnHand {
  productCode: string;
  lotNumber: string;
  expiryDate: string;
  /** Doses that can be drawn now from an open vial of this lot (0 or absent: a vial must be opened first). */
  openDoses?: number;
}

/** What the session's target list says this citizen comes for; either part may be missing from the file. */
export interface ListedDose {
  productCode: string | null;
  doseNumber: number | null;
}

/**
 * Why a product sits where it does in the list, so the desk can say "same as
 * the first doses" or "as on today's list".
 */
export type Preference = 'series-product' | 'listed-product' | 'series-platform' | 'other';

/**
 * A way in which giving this lot departs from what the citizen's own series or
 * the target list calls for. Allowed by the rules, but never by default: the
 * nurse confirms it with the reason in front of her.
 */
export type DeviationCode = 'SERIES_PRODUCT_DIFFERS' | 'LIST_PRODUCT_DIFFERS' | 'LIST_DOSE_DIFFERS';

export interface Deviation {
  code: DeviationCode;
  params: ExplanationParams;
}

export interface LotSuggestion {
  lot: LotOnHand;
  preference: Preference;
  evaluation: DoseEvaluation;
  deviations: Deviation[];
}

export interface SuggestionRequest {
  rules: EligibilityRules;
  lots: readonly LotOnHand[];
  history: readonly DoseHistoryEntry[];
  dateOfBirth: string;
  today: string;
  contraindications?: Contraindications | null;
  /** The citizen's row of today's target list, if they are on it. */
  listed?: ListedDose | null;
}

const RANK: Record<Preference, number> = { 'series-product': 0, 'listed-product': 1, 'series-platform': 2, other: 3 };

/**
 * What giving `productCode` as `evaluation` would depart from. The series
 * counts for primary doses, where the rules want the series finished with the
 * product it began with (another product may be allowed, but it is a choice);
 * boosters may be any product the rules allow. The list counts when it names a
 * product or a dose number.
 */
export function deviationsFor(summary: HistorySummary, productCode: string, evaluation: Pick<DoseEvaluation, 'kind' | 'doseNumber'>, listed: ListedDose | null | undefined): Deviation[] {
  const out: Deviation[] = [];
  if (summary.seriesProduct !== null && evaluation.kind === 'primary' && productCode !== summary.seriesProduct) {
    out.push({ code: 'SERIES_PRODUCT_DIFFERS', params: { seriesProduct: summary.seriesProduct, productCode, doseNumber: evaluation.doseNumber } });
  }
  if (listed?.productCode && listed.productCode !== productCode) {
    out.push({ code: 'LIST_PRODUCT_DIFFERS', params: { listedProduct: listed.productCode, productCode } });
  }
  if (listed?.doseNumber && listed.doseNumber !== evaluation.doseNumber) {
    out.push({ code: 'LIST_DOSE_DIFFERS', params: { listedDose: listed.doseNumber, doseNumber: evaluation.doseNumber } });
  }
  return out;
}

function preferenceOf(summary: HistorySummary, seriesPlatform: string | null, rules: EligibilityRules, productCode: string, listed: ListedDose | null | undefined): Preference {
  if (summary.seriesProduct !== null && productCode === summary.seriesProduct) return 'series-product';
  if (listed?.productCode && productCode === listed.productCode) return 'listed-product';
  const platform = productRule(rules, productCode)?.platform ?? null;
  if (seriesPlatform !== null && platform === seriesPlatform) return 'series-platform';
  return 'other';
}

/** The summary suggestProduct and the recording both judge by, with the same guards on bad dates. */
export function summaryFor(req: Pick<SuggestionRequest, 'rules' | 'history' | 'dateOfBirth' | 'today'>): HistorySummary {
  const todayOk = isIsoDate(req.today);
  const dobOk = isIsoDate(req.dateOfBirth) && (!todayOk || req.dateOfBirth <= req.today);
  return summarizeHistory(req.history, req.rules, todayOk ? req.today : '9999-12-31', dobOk ? req.dateOfBirth : null);
}

/**
 * The lots on hand that may be given today, best first, in the order a nurse
 * is expected to follow: the product of the citizen's own series, then the
 * product today's target list names for them, then the same platform as the
 * series, then the rest. Within each, stock decides: a lot with an open vial
 * first (its doses are lost when the in-use time runs out), then the lot that
 * expires first. Refused lots come back too, each with its explanation, so an
 * empty list can be explained at the desk. Every lot carries what giving it
 * would depart from (series, list), for the desk to confirm.
 */
export function suggestProduct(req: SuggestionRequest): { suggestions: LotSuggestion[]; refused: LotSuggestion[] } {
  const summary = summaryFor(req);
  const seriesPlatform = summary.seriesProduct === null ? null : (productRule(req.rules, summary.seriesProduct)?.platform ?? null);

  const suggestions: LotSuggestion[] = [];
  const refused: LotSuggestion[] = [];
  for (const lot of req.lots) {
    const evaluation = evaluateWithHistory(
      {
        rules: req.rules,
        product: lot.productCode,
        lot: { expiryDate: lot.expiryDate, lotNumber: lot.lotNumber },
        history: req.history,
        dateOfBirth: req.dateOfBirth,
        today: req.today,
        contraindications: req.contraindications ?? null,
      },
      summary,
    );
    const preference = preferenceOf(summary, seriesPlatform, req.rules, lot.productCode, req.listed);
    const deviations = deviationsFor(summary, lot.productCode, evaluation, req.listed);
    (evaluation.decision === 'allowed' ? suggestions : refused).push({ lot, preference, evaluation, deviations });
  }
  const open = (l: LotOnHand) => ((l.openDoses ?? 0) > 0 ? 0 : 1);
  suggestions.sort(
    (a, b) =>
      RANK[a.preference] - RANK[b.preference] ||
      open(a.lot) - open(b.lot) ||
      a.lot.expiryDate.localeCompare(b.lot.expiryDate) ||
      a.lot.productCode.localeCompare(b.lot.productCode) ||
      a.lot.lotNumber.localeCompare(b.lot.lotNumber),
  );
  return { suggestions, refused };
}
