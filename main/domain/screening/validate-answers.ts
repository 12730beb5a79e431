import { ageInYears } from '../site-time';
import { isIsoDate } from '../eligibility/calendar';
import { isAsked, isRequired, type Person } from './conditions';
import type { AnswerProblem, Question, ScreeningAnswers, ScreeningContext, ScreeningForm } from './types';

function isAnswered(value: unknown): boolean {
  return value !== null && value !== undefined;
}

/** The person the form is about, or the problems that stop us knowing them. */
export function personFor(form: ScreeningForm, ctx: ScreeningContext): { person: Person | null; problems: AnswerProblem[] } {
  const problems: AnswerProblem[] = [];
  if (!isIsoDate(ctx.today)) problems.push({ questionId: 'context', code: 'CONTEXT_TODAY_INVALID', params: { today: String(ctx.today) } });
  if (!isIsoDate(ctx.dateOfBirth)) {
    problems.push({ questionId: 'context', code: 'CONTEXT_DATE_OF_BIRTH_INVALID', params: { dateOfBirth: String(ctx.dateOfBirth) } });
  }
  if (ctx.sex !== null && ctx.sex !== 'male' && ctx.sex !== 'female') {
    problems.push({ questionId: 'context', code: 'CONTEXT_SEX_INVALID', params: { sex: String(ctx.sex) } });
  }
  if (problems.length > 0) return { person: null, problems };
  if (ctx.dateOfBirth > ctx.today) {
    return { person: null, problems: [{ questionId: 'context', code: 'CONTEXT_DATE_OF_BIRTH_IN_FUTURE', params: { dateOfBirth: ctx.dateOfBirth, today: ctx.today } }] };
  }
  const ageYears = ageInYears(ctx.dateOfBirth, ctx.today);
  if (ageYears < form.minAgeYears || (form.maxAgeYears !== null && ageYears > form.maxAgeYears)) {
    const params: Record<string, number> = { ageYears, minAgeYears: form.minAgeYears };
    if (form.maxAgeYears !== null) params.maxAgeYears = form.maxAgeYears;
    return { person: null, problems: [{ questionId: 'context', code: 'FORM_AGE_OUT_OF_RANGE', params }] };
  }
  return { person: { ageYears, sex: ctx.sex }, problems: [] };
}

function checkValue(question: Question, value: unknown, ctx: ScreeningContext): AnswerProblem | null {
  const questionId = question.id;
  switch (question.type) {
    case 'yes-no':
      return typeof value === 'boolean' ? null : { questionId, code: 'ANSWER_NOT_YES_NO' };
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return { questionId, code: 'ANSWER_NOT_A_NUMBER' };
      if (question.integer && !Number.isInteger(value)) return { questionId, code: 'ANSWER_NOT_WHOLE_NUMBER', params: { value } };
      if (value < question.min || value > question.max) {
        return { questionId, code: 'ANSWER_OUT_OF_RANGE', params: { value, min: question.min, max: question.max, unit: question.unit } };
      }
      return null;
    }
    case 'date': {
      if (!isIsoDate(value)) return { questionId, code: 'ANSWER_NOT_A_DATE', params: { value: String(value) } };
      if (value > ctx.today) return { questionId, code: 'ANSWER_DATE_IN_FUTURE', params: { date: value, today: ctx.today } };
      if (value < ctx.dateOfBirth) return { questionId, code: 'ANSWER_DATE_BEFORE_BIRTH', params: { date: value, dateOfBirth: ctx.dateOfBirth } };
      return null;
    }
    case 'choice': {
      if (typeof value === 'string' && question.options.some((o) => o.value === value)) return null;
      return { questionId, code: 'ANSWER_CHOICE_INVALID', params: { value: String(value), allowed: question.options.map((o) => o.value).join(', ') } };
    }
  }
}

/**
 * Checks answers against the form before anything is concluded from them:
 * every required answer present, each of the right kind and within what a
 * body or a device can produce (a temperature of 50 °C is a typing error, not a
 * fever). Answers to questions the form did not ask are refused too, so a
 * stale answer left behind in the UI cannot drive a conclusion.
 */
export function validateAnswers(form: ScreeningForm, answers: ScreeningAnswers, ctx: ScreeningContext): AnswerProblem[] {
  const { person, problems } = personFor(form, ctx);
  if (!person) return problems;

  const ids = new Set<string>();
  for (const q of form.questions) ids.add(q.id);
  for (const key of Object.keys(answers)) {
    if (!ids.has(key) && isAnswered(answers[key])) problems.push({ questionId: key, code: 'ANSWER_UNKNOWN_QUESTION' });
  }

  for (const question of form.questions) {
    const value = answers[question.id];
    const asked = isAsked(question, answers, person);
    if (!asked) {
      if (isAnswered(value)) problems.push({ questionId: question.id, code: 'ANSWER_NOT_APPLICABLE' });
      continue;
    }
    if (!isAnswered(value)) {
      if (isRequired(question, answers, person)) problems.push({ questionId: question.id, code: 'ANSWER_REQUIRED' });
      continue;
    }
    const problem = checkValue(question, value, ctx);
    if (problem) problems.push(problem);
  }

  for (const check of form.crossChecks) {
    if (check.kind === 'less-than') {
      const lower = answers[check.lower];
      const upper = answers[check.upper];
      const alreadyFlagged = problems.some((p) => p.questionId === check.lower || p.questionId === check.upper);
      if (typeof lower === 'number' && typeof upper === 'number' && !(lower < upper) && !alreadyFlagged) {
        problems.push({ questionId: check.lower, code: check.code, params: { [check.lower]: lower, [check.upper]: upper } });
      }
    } else if (isAnswered(answers[check.first]) !== isAnswered(answers[check.second])) {
      const missing = isAnswered(answers[check.first]) ? check.second : check.first;
      if (!problems.some((p) => p.questionId === missing)) problems.push({ questionId: missing, code: check.code });
    }
  }
  return problems;
}
