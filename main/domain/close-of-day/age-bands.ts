import { ageInYears, dateOfBirthForRules } from '../site-time';

/**
 * Age bands of the day report, at the session date. They follow the
 * groups Viet Nam's COVID-19 campaign reported by: children 5–11,
 * adolescents 12–17, adults 18–49, 50–64, and 65 and over; younger children
 * have their own band for routine immunisation.
 */
export const AGE_BANDS = ['0-4', '5-11', '12-17', '18-49', '50-64', '65+'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

const LOWER: readonly [number, AgeBand][] = [
  [65, '65+'],
  [50, '50-64'],
  [18, '18-49'],
  [12, '12-17'],
  [5, '5-11'],
  [0, '0-4'],
];

/** The band of a person on a day; a birth year alone counts as its last day (the youngest age possible). */
export function ageBand(dateOfBirth: string, onDate: string): AgeBand {
  const age = ageInYears(dateOfBirthForRules(dateOfBirth), onDate);
  return LOWER.find(([min]) => age >= min)?.[1] ?? '0-4';
}
