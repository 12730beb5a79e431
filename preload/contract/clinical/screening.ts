import { z } from 'zod';
import { Empty, Instant, IsoDate, op } from '../common';
import { VisitStep } from '../checkin';

/**
 * Screening desk: the pre-vaccination checklist (versioned forms served as
 * data), a live preview of what the answers conclude, and the recorded
 * screening with any written override.
 */

export const ScreeningOutcome = z.enum(['eligible', 'postpone', 'contraindicated', 'refer']);
export type ScreeningOutcome = z.infer<typeof ScreeningOutcome>;

/** Vaccine platforms a screening can rule out ("not the same type"). */
export const Platform = z.enum(['mRNA', 'viral-vector', 'inactivated', 'protein-subunit']);
export type Platform = z.infer<typeof Platform>;

export const LocalText = z.object({ vi: z.string(), en: z.string() });
export type LocalText = z.infer<typeof LocalText>;

/** One question as the desk shows it; what an answer concludes stays in the core. */
export const ScreeningQuestion = z.object({
  id: z.string(),
  /** The paper form's numbering ("3a"). */
  label: z.string(),
  type: z.enum(['yes-no', 'number', 'date', 'choice']),
  text: LocalText,
  unit: z.string().optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  integer: z.boolean().optional(),
  options: z.array(z.object({ value: z.string(), text: LocalText })).optional(),
});
export type ScreeningQuestion = z.infer<typeof ScreeningQuestion>;

export const ScreeningFormView = z.object({
  id: z.string(),
  version: z.number().int(),
  title: LocalText,
  minAgeYears: z.number(),
  maxAgeYears: z.number().nullable(),
  baseObservationMinutes: z.number().int(),
  questions: z.array(ScreeningQuestion),
  sources: z.array(z.string()),
});
export type ScreeningFormView = z.infer<typeof ScreeningFormView>;

const Params = z.record(z.string(), z.union([z.string(), z.number()]));

export const ScreeningReason = z.object({
  questionId: z.string(),
  code: z.string(),
  effect: z.enum(['postpone', 'refer', 'contraindicate', 'avoid', 'caution']),
  params: Params,
});
export type ScreeningReason = z.infer<typeof ScreeningReason>;

export const AnswerProblem = z.object({ questionId: z.string(), code: z.string(), params: Params.optional() });
export type AnswerProblem = z.infer<typeof AnswerProblem>;

/** What the screening concluded and what the next desks act on. */
export const ScreeningDecision = z.object({
  outcome: ScreeningOutcome,
  /** What the form concluded before any override. */
  computedOutcome: ScreeningOutcome,
  reasons: z.array(ScreeningReason),
  observationMinutes: z.number().int(),
  precautions: z.array(z.string()),
  returnDate: z.string().nullable(),
  contraindicatedPlatforms: z.array(Platform),
  contraindicatedProducts: z.array(z.string()),
  override: z.object({ from: ScreeningOutcome, to: ScreeningOutcome, reason: z.string() }).nullable(),
});
export type ScreeningDecision = z.infer<typeof ScreeningDecision>;

export const AnswerValue = z.union([z.boolean(), z.number(), z.string().max(40), z.null()]);
export const ScreeningAnswers = z
  .record(z.string().max(64), AnswerValue)
  .refine((a) => Object.keys(a).length <= 100, 'too many answers');
export type ScreeningAnswers = z.infer<typeof ScreeningAnswers>;

export const ScreeningRecordView = ScreeningDecision.extend({
  id: z.string(),
  visitId: z.string(),
  formId: z.string(),
  formVersion: z.number().int(),
  answers: z.record(z.string(), AnswerValue),
  screenedAt: Instant,
  screenedBy: z.string(),
  /** Where the visit went: injection, or home (postponed, referred, contraindicated). */
  nextStep: VisitStep,
});
export type ScreeningRecordView = z.infer<typeof ScreeningRecordView>;

/** A nurse's decision against the form's conclusion, always with a written reason. */
export const ScreeningOverride = z.object({
  outcome: ScreeningOutcome,
  reason: z.string().max(1000),
  returnDate: IsoDate.optional(),
  observationMinutes: z.number().int().min(30).max(240).optional(),
  contraindicatedPlatforms: z.array(Platform).max(4).optional(),
  contraindicatedProducts: z.array(z.string().max(40)).max(20).optional(),
});
export type ScreeningOverride = z.infer<typeof ScreeningOverride>;

export const ScreeningPreview = z.object({
  formId: z.string(),
  formVersion: z.number().int(),
  /** Questions the form asks this person with these answers (follow-ups appear as answers arrive). */
  asked: z.array(z.string()),
  required: z.array(z.string()),
  /** The conclusion, once the answers are complete and plausible. */
  decision: ScreeningDecision.nullable(),
  problems: z.array(AnswerProblem),
});
export type ScreeningPreview = z.infer<typeof ScreeningPreview>;

export const screeningOps = {
  'screening:forms': op({ summary: 'The screening forms in use (newest version of each)', request: Empty, response: z.array(ScreeningFormView) }),
  'screening:preview': op({
    summary: 'Which questions apply to this visit and what the answers so far conclude; records nothing',
    request: z.object({ visitId: z.string(), answers: ScreeningAnswers }),
    response: ScreeningPreview,
  }),
  'screening:record': op({
    summary: 'Record a screening (answers, outcome, form version) and send the visit on',
    request: z.object({
      visitId: z.string(),
      formId: z.string().max(64),
      formVersion: z.number().int().min(1),
      answers: ScreeningAnswers,
      override: ScreeningOverride.optional(),
      /** Where the citizen is referred to, when the outcome is "refer" (then required). */
      referredTo: z.string().trim().max(200).optional(),
    }),
    response: ScreeningRecordView,
  }),
  'screening:get': op({
    summary: "The visit's latest screening, if any",
    request: z.object({ visitId: z.string() }),
    response: ScreeningRecordView.nullable(),
  }),
};
