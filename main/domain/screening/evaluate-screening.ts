import { PLATFORMS, type Platform } from '../eligibility/types';
import { addMonths, laterDate } from '../eligibility/calendar';
import { addDays } from '../site-time';
import { bandMatches, isAsked, type Person } from './conditions';
import { personFor, validateAnswers } from './validate-answers';
import type {
  AnswerValue,
  Effect,
  ScreeningAnswers,
  ScreeningContext,
  ScreeningEvaluation,
  ScreeningForm,
  ScreeningReason,
  ScreeningResult,
} from './types';

/** What the effects fired so far add up to. */
interface Tally {
  refer: boolean;
  contraindicated: boolean;
  postponeUntil: string | null;
  observationMinutes: number;
  precautions: string[];
  platforms: Platform[];
  products: string[];
  reasons: ScreeningReason[];
}

function addUnique<T>(into: T[], items: readonly T[] | undefined): void {
  if (!items) return;
  for (const item of items) if (!into.includes(item)) into.push(item);
}

function apply(effect: Effect, questionId: string, answer: AnswerValue | null, today: string, tally: Tally, base: Record<string, string | number>): void {
  const params: Record<string, string | number> = { ...base };
  switch (effect.kind) {
    case 'postpone': {
      const returnDate = addDays(today, effect.returnAfterDays);
      tally.postponeUntil = laterDate(tally.postponeUntil, returnDate);
      params.returnDate = returnDate;
      tally.reasons.push({ questionId, code: effect.code, effect: 'postpone', params });
      return;
    }
    case 'postpone-after-answer-date': {
      const returnDate = addMonths(answer as string, effect.months);
      // Once the window has passed the answer no longer matters.
      if (returnDate <= today) return;
      tally.postponeUntil = laterDate(tally.postponeUntil, returnDate);
      params.returnDate = returnDate;
      params.months = effect.months;
      tally.reasons.push({ questionId, code: effect.code, effect: 'postpone', params });
      return;
    }
    case 'postpone-until-value': {
      const days = Math.ceil((effect.reach - (answer as number)) * effect.daysPerUnit);
      const returnDate = addDays(today, Math.max(days, 1));
      tally.postponeUntil = laterDate(tally.postponeUntil, returnDate);
      params.returnDate = returnDate;
      params.reach = effect.reach;
      tally.reasons.push({ questionId, code: effect.code, effect: 'postpone', params });
      return;
    }
    case 'refer':
      tally.refer = true;
      tally.reasons.push({ questionId, code: effect.code, effect: 'refer', params });
      return;
    case 'contraindicate':
    case 'avoid':
      if (effect.kind === 'contraindicate') tally.contraindicated = true;
      addUnique(tally.platforms, effect.platforms);
      addUnique(tally.products, effect.products);
      if (effect.platforms?.length) params.platforms = effect.platforms.join(', ');
      if (effect.products?.length) params.products = effect.products.join(', ');
      tally.reasons.push({ questionId, code: effect.code, effect: effect.kind, params });
      return;
    case 'caution':
      if (effect.observationMinutes !== undefined) {
        tally.observationMinutes = Math.max(tally.observationMinutes, effect.observationMinutes);
        params.observationMinutes = effect.observationMinutes;
      }
      addUnique(tally.precautions, effect.precautions);
      tally.reasons.push({ questionId, code: effect.code, effect: 'caution', params });
      return;
  }
}

/**
 * The conclusion, from the most to the least final: a contraindication to
 * every platform ends it; a referral sends the person to hospital whatever else
 * applies; a postponement stops today's dose; a contraindication to some
 * platforms still allows the others; otherwise eligible (with any cautions).
 */
function outcomeOf(tally: Tally): ScreeningResult['outcome'] {
  if (tally.contraindicated && PLATFORMS.every((p) => tally.platforms.includes(p))) return 'contraindicated';
  if (tally.refer) return 'refer';
  if (tally.postponeUntil !== null) return 'postpone';
  if (tally.contraindicated) return 'contraindicated';
  return 'eligible';
}

function conclude(form: ScreeningForm, answers: ScreeningAnswers, person: Person, today: string): ScreeningResult {
  const tally: Tally = {
    refer: false,
    contraindicated: false,
    postponeUntil: null,
    observationMinutes: form.baseObservationMinutes,
    precautions: [],
    platforms: [],
    products: [],
    reasons: [],
  };
  for (const question of form.questions) {
    const answer = answers[question.id];
    if (answer === null || answer === undefined || !isAsked(question, answers, person)) continue;
    switch (question.type) {
      case 'yes-no':
        if (answer === true && question.onYes) for (const e of question.onYes) apply(e, question.id, answer, today, tally, {});
        break;
      case 'number':
        for (const band of question.bands ?? []) {
          if (!bandMatches(band, answer as number, answers, person)) continue;
          for (const e of band.effects) apply(e, question.id, answer, today, tally, { value: answer as number, unit: question.unit });
        }
        break;
      case 'date':
        for (const e of question.effects ?? []) apply(e, question.id, answer, today, tally, { date: answer as string });
        break;
      case 'choice': {
        const option = question.options.find((o) => o.value === answer);
        for (const e of option?.effects ?? []) apply(e, question.id, answer, today, tally, { choice: answer as string });
        break;
      }
    }
  }
  for (const rule of form.ageRules) {
    if (person.ageYears < rule.minAgeYears) continue;
    for (const e of rule.effects) apply(e, 'age', person.ageYears, today, tally, { ageYears: person.ageYears });
  }

  const outcome = outcomeOf(tally);
  return {
    formId: form.id,
    formVersion: form.version,
    outcome,
    reasons: tally.reasons,
    observationMinutes: tally.observationMinutes,
    baseObservationMinutes: form.baseObservationMinutes,
    precautions: tally.precautions,
    returnDate: tally.postponeUntil,
    contraindicatedPlatforms: tally.platforms,
    contraindicatedProducts: tally.products,
  };
}

/**
 * Validates the answers against the form, then concludes. Invalid or missing
 * answers come back as problems with stable codes; nothing is concluded from
 * a form that is not complete and plausible.
 */
export function evaluateScreening(form: ScreeningForm, answers: ScreeningAnswers, ctx: ScreeningContext): ScreeningEvaluation {
  const problems = validateAnswers(form, answers, ctx);
  if (problems.length > 0) return { ok: false, problems };
  const { person } = personFor(form, ctx);
  return { ok: true, result: conclude(form, answers, person!, ctx.today) };
}
