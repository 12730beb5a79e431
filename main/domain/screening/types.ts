import type { Platform } from '../eligibility/types';

/**
 * Shapes of a pre-vaccination screening form. A form is data: its questions,
 * the answer each expects and the effect each answer has on the conclusion.
 * Published versions never change; answers are stored with formId + version.
 */

export type ScreeningOutcome = 'eligible' | 'postpone' | 'contraindicated' | 'refer';
export const SCREENING_OUTCOMES: readonly ScreeningOutcome[] = ['eligible', 'postpone', 'contraindicated', 'refer'];

export interface LocalText {
  vi: string;
  en: string;
}

/** A condition on the person or on another answer; a list of them must all hold. */
export type Condition =
  | { answer: string; is: boolean | string }
  | { answered: string }
  | { sex: 'female' | 'male' }
  | { minAgeYears: number }
  | { maxAgeYears: number };

/**
 * What an answer does to the conclusion. Codes are stable and translated by
 * the UI; they are what the nurse reads as the reason.
 */
export type Effect =
  /** Come back after a fixed number of days (acute illness, fever). */
  | { kind: 'postpone'; code: string; returnAfterDays: number }
  /** For a date answer: come back that many months after it (COVID-19 infection + 3 months); nothing once passed. */
  | { kind: 'postpone-after-answer-date'; code: string; months: number }
  /** For a number answer that grows by the day (weeks of pregnancy): come back when it reaches `reach`. */
  | { kind: 'postpone-until-value'; code: string; reach: number; daysPerUnit: number }
  /** Vaccinate only in a hospital. */
  | { kind: 'refer'; code: string }
  /** The form's "contraindicated" conclusion, for these platforms or products. */
  | { kind: 'contraindicate'; code: string; platforms?: readonly Platform[]; products?: readonly string[] }
  /** Keep these products or platforms away without changing the conclusion (Sputnik V in pregnancy). */
  | { kind: 'avoid'; code: string; platforms?: readonly Platform[]; products?: readonly string[] }
  /** The form's "caution" group: vaccinate, observe longer and/or take the listed precautions. */
  | { kind: 'caution'; code: string; observationMinutes?: number; precautions?: readonly string[] };

interface QuestionBase {
  id: string;
  /** The form's own numbering ("3a"), for printing next to the paper form. */
  label: string;
  text: LocalText;
  /** The question is asked only when all of these hold. */
  when?: readonly Condition[];
  /** Required when asked, unless requiredWhen says otherwise. Defaults to true. */
  required?: boolean;
  /** Required only when all of these hold (blood pressure from 65 years). */
  requiredWhen?: readonly Condition[];
}

export interface YesNoQuestion extends QuestionBase {
  type: 'yes-no';
  onYes?: readonly Effect[];
}

/** A range of a number answer; the bounds present must all hold. */
export interface NumberBand {
  lt?: number;
  lte?: number;
  gt?: number;
  gte?: number;
  when?: readonly Condition[];
  effects: readonly Effect[];
}

export interface NumberQuestion extends QuestionBase {
  type: 'number';
  unit: string;
  /** Plausible range: anything outside is a typing or device error, not a finding. */
  min: number;
  max: number;
  integer?: boolean;
  bands?: readonly NumberBand[];
}

export interface DateQuestion extends QuestionBase {
  type: 'date';
  effects?: readonly Effect[];
}

export interface ChoiceOption {
  value: string;
  text: LocalText;
  effects?: readonly Effect[];
}

export interface ChoiceQuestion extends QuestionBase {
  type: 'choice';
  options: readonly ChoiceOption[];
}

export type Question = YesNoQuestion | NumberQuestion | DateQuestion | ChoiceQuestion;

/** Conclusions drawn from the person's age rather than from a question. */
export interface AgeRule {
  minAgeYears: number;
  effects: readonly Effect[];
}

/** Rules between two answers: numbers in order (diastolic below systolic), or a pair given together. */
export type CrossCheck =
  | { kind: 'less-than'; lower: string; upper: string; code: string }
  | { kind: 'both-or-neither'; first: string; second: string; code: string };

export interface ScreeningForm {
  id: string;
  version: number;
  title: LocalText;
  /** The documents the form follows, for the supervisor's screen and audits. */
  sources: readonly string[];
  minAgeYears: number;
  maxAgeYears: number | null;
  /** Everyone is observed at least this long after the dose. */
  baseObservationMinutes: number;
  questions: readonly Question[];
  ageRules: readonly AgeRule[];
  crossChecks: readonly CrossCheck[];
}

export type AnswerValue = boolean | number | string;
/** Answers by question id; null or absent means not answered. */
export type ScreeningAnswers = Readonly<Record<string, AnswerValue | null | undefined>>;

/** What is stored for a screening: the answers never travel without their form version. */
export interface ScreeningRecord {
  formId: string;
  formVersion: number;
  answers: ScreeningAnswers;
}

export interface ScreeningContext {
  /** The site's calendar day. */
  today: string;
  dateOfBirth: string;
  sex: 'male' | 'female' | null;
}

export interface AnswerProblem {
  /** The question concerned; "context" for the person's data, or the later id of a cross-check. */
  questionId: string;
  code: string;
  params?: Record<string, string | number>;
}

export type ReasonEffect = 'postpone' | 'refer' | 'contraindicate' | 'avoid' | 'caution';

export interface ScreeningReason {
  /** The question whose answer drove this; "age" for conclusions from the date of birth. */
  questionId: string;
  code: string;
  effect: ReasonEffect;
  params: Record<string, string | number>;
}

export interface ScreeningResult {
  formId: string;
  formVersion: number;
  outcome: ScreeningOutcome;
  reasons: ScreeningReason[];
  /** How long to observe after the dose; never below the form's base. */
  observationMinutes: number;
  baseObservationMinutes: number;
  /** Instructions for the injection desk (fine needle, press 2 minutes…), as codes. */
  precautions: string[];
  /** When a postponement applies: the first day to come back. */
  returnDate: string | null;
  contraindicatedPlatforms: Platform[];
  contraindicatedProducts: string[];
}

export type ScreeningEvaluation = { ok: true; result: ScreeningResult } | { ok: false; problems: AnswerProblem[] };
