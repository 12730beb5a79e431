/** Eligibility and dose rules: versioned data plus pure evaluators. */
export { PLATFORMS } from './types';
export type {
  BoosterRule,
  BoosterUse,
  CheckRule,
  Contraindications,
  DoseCheck,
  DoseEvaluation,
  DoseHistoryEntry,
  EligibilityRules,
  ExplanationParams,
  Platform,
  ProductRule,
} from './types';
export { RULES_V1 } from './rules-v1';
export { CURRENT_RULES, findRules } from './registry';
export { productRule } from './products';
export { summarizeHistory, type CountedDose, type HistoryProblem, type HistorySummary } from './dose-history';
export { evaluateDose, evaluateWithHistory, type DoseRequest } from './evaluate-dose';
export {
  deviationsFor,
  suggestProduct,
  summaryFor,
  type Deviation,
  type DeviationCode,
  type ListedDose,
  type LotOnHand,
  type LotSuggestion,
  type Preference,
  type SuggestionRequest,
} from './suggest-product';
export { nextDoseDue, type NextDose } from './next-dose';
export { addMonths, dateAgeReached, dayNumber, fromDayNumber } from './calendar';
