import { isAsked, isRequired } from './conditions';
import { personFor } from './validate-answers';
import type { ScreeningAnswers, ScreeningContext, ScreeningForm } from './types';

/**
 * Which questions the form asks this person given the answers so far, and
 * which of those must be answered. Follow-up questions (weeks of pregnancy,
 * the date of a COVID-19 infection) appear once the answer that opens them is
 * given, so the desk shows exactly what the form would ask on paper.
 */
export function questionStates(form: ScreeningForm, answers: ScreeningAnswers, ctx: ScreeningContext): { asked: string[]; required: string[] } {
  const { person } = personFor(form, ctx);
  if (!person) return { asked: [], required: [] };
  const asked: string[] = [];
  const required: string[] = [];
  for (const question of form.questions) {
    if (!isAsked(question, answers, person)) continue;
    asked.push(question.id);
    if (isRequired(question, answers, person)) required.push(question.id);
  }
  return { asked, required };
}
