/** Pre-vaccination screening: versioned forms as data plus pure evaluation. */
export type {
  AgeRule,
  AnswerProblem,
  AnswerValue,
  ChoiceOption,
  ChoiceQuestion,
  Condition,
  CrossCheck,
  DateQuestion,
  Effect,
  LocalText,
  NumberBand,
  NumberQuestion,
  Question,
  ReasonEffect,
  ScreeningAnswers,
  ScreeningContext,
  ScreeningEvaluation,
  ScreeningForm,
  ScreeningOutcome,
  ScreeningReason,
  ScreeningRecord,
  ScreeningResult,
  YesNoQuestion,
} from './types';
export { SCREENING_OUTCOMES } from './types';
export { COVID19_ADULT_V1, COVID19_CHILD_V1, SCREENING_FORMS, currentFormForAge, findForm } from './forms';
export { validateAnswers } from './validate-answers';
export { questionStates } from './question-states';
export { evaluateScreening } from './evaluate-screening';
export { formFingerprint } from './fingerprint';
export {
  OVERRIDE_REASON_MIN_LENGTH,
  applyOverride,
  decisionOf,
  type OverrideProblemCode,
  type OverrideRequest,
  type OverrideResult,
  type ScreeningDecision,
} from './override';
export { contraindicationsOf, permitsVaccination } from './permits';
