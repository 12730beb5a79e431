import { isIsoDate } from './calendar';
import { summarizeHistory } from './dose-history';
import { evaluateWithHistory } from './evaluate-dose';
import { productRule } from './products';
import type { Contraindications, DoseEvaluation, DoseHistoryEntry, EligibilityRules } from './types';

export interface LotOnHand {
  productCode: string;
  lotNumber: string;
  expiryDate: string;
}

/** Why a product sits where it does in the list, so the desk can say "same as the first doses". */
export type Preference = 'series-product' | 'series-platform' | 'other';

export interface LotSuggestion {
  lot: LotOnHand;
  preference: Preference;
  evaluation: DoseEvaluation;
}

export interface SuggestionRequest {
  rules: EligibilityRules;
  lots: readonly LotOnHand[];
  history: readonly DoseHistoryEntry[];
  dateOfBirth: string;
  today: string;
  contraindications?: Contraindications | null;
}

const RANK: Record<Preference, number> = { 'series-product': 0, 'series-platform': 1, other: 2 };

/**
 * The lots on hand that may be given today, best first: the product the
 * citizen's series started with, then the same platform, then the rest; within
 * each of those the lot that expires first, so stock is used before it is lost.
 * Refused lots come back too, each with its explanation, so an empty list can
 * be explained at the desk.
 */
export function suggestProduct(req: SuggestionRequest): { suggestions: LotSuggestion[]; refused: LotSuggestion[] } {
  const todayOk = isIsoDate(req.today);
  const dobOk = isIsoDate(req.dateOfBirth) && (!todayOk || req.dateOfBirth <= req.today);
  const summary = summarizeHistory(req.history, req.rules, todayOk ? req.today : '9999-12-31', dobOk ? req.dateOfBirth : null);
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
    const platform = productRule(req.rules, lot.productCode)?.platform ?? null;
    const preference: Preference =
      summary.seriesProduct !== null && lot.productCode === summary.seriesProduct
        ? 'series-product'
        : seriesPlatform !== null && platform === seriesPlatform
          ? 'series-platform'
          : 'other';
    (evaluation.decision === 'allowed' ? suggestions : refused).push({ lot, preference, evaluation });
  }
  suggestions.sort(
    (a, b) =>
      RANK[a.preference] - RANK[b.preference] ||
      a.lot.expiryDate.localeCompare(b.lot.expiryDate) ||
      a.lot.productCode.localeCompare(b.lot.productCode) ||
      a.lot.lotNumber.localeCompare(b.lot.lotNumber),
  );
  return { suggestions, refused };
}
