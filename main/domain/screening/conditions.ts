import type { Condition, NumberBand, Question, ScreeningAnswers } from './types';

export interface Person {
  ageYears: number;
  /** Unknown sex asks the sex-specific questions rather than skip them. */
  sex: 'male' | 'female' | null;
}

function holds(condition: Condition, answers: ScreeningAnswers, person: Person): boolean {
  if ('answer' in condition) return answers[condition.answer] === condition.is;
  if ('answered' in condition) {
    const value = answers[condition.answered];
    return value !== null && value !== undefined;
  }
  if ('sex' in condition) return person.sex === null || person.sex === condition.sex;
  if ('minAgeYears' in condition) return person.ageYears >= condition.minAgeYears;
  return person.ageYears <= condition.maxAgeYears;
}

export function allHold(conditions: readonly Condition[] | undefined, answers: ScreeningAnswers, person: Person): boolean {
  if (!conditions) return true;
  for (const c of conditions) if (!holds(c, answers, person)) return false;
  return true;
}

export function isAsked(question: Question, answers: ScreeningAnswers, person: Person): boolean {
  return allHold(question.when, answers, person);
}

export function isRequired(question: Question, answers: ScreeningAnswers, person: Person): boolean {
  if (question.requiredWhen) return allHold(question.requiredWhen, answers, person);
  return question.required !== false;
}

export function bandMatches(band: NumberBand, value: number, answers: ScreeningAnswers, person: Person): boolean {
  if (band.lt !== undefined && !(value < band.lt)) return false;
  if (band.lte !== undefined && !(value <= band.lte)) return false;
  if (band.gt !== undefined && !(value > band.gt)) return false;
  if (band.gte !== undefined && !(value >= band.gte)) return false;
  return allHold(band.when, answers, person);
}
