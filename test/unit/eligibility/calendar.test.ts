import { describe, expect, it } from 'vitest';
import { addMonths, dateAgeReached, dayNumber, fromDayNumber } from '../../../main/domain/eligibility/calendar';
import { ageInYears } from '../../../main/domain/site-time';

describe('addMonths', () => {
  it.each([
    ['2025-01-15', 3, '2025-04-15'],
    ['2025-11-30', 3, '2026-02-28'], // no 30 February: last day of the month
    ['2023-11-30', 3, '2024-02-29'], // leap year
    ['2025-08-31', 3, '2025-11-30'],
    ['2025-10-31', 4, '2026-02-28'],
    ['2025-12-31', 1, '2026-01-31'],
    ['2025-03-31', -1, '2025-02-28'],
  ])('%s + %i months = %s', (from, months, expected) => {
    expect(addMonths(from, months)).toBe(expected);
  });
});

describe('dateAgeReached', () => {
  it('is the birthday itself', () => {
    expect(dateAgeReached('2010-06-15', 12)).toBe('2022-06-15');
  });

  it('agrees with ageInYears for a 29 February birthday in a common year', () => {
    const day = dateAgeReached('2008-02-29', 18);
    expect(day).toBe('2026-03-01');
    expect(ageInYears('2008-02-29', day)).toBe(18);
    expect(ageInYears('2008-02-29', '2026-02-28')).toBe(17);
  });
});

describe('day numbers', () => {
  it('round-trip and count days across a month end', () => {
    expect(fromDayNumber(dayNumber('2026-02-28')! + 1)).toBe('2026-03-01');
    expect(dayNumber('2026-03-01')! - dayNumber('2026-01-01')!).toBe(59);
    expect(dayNumber('2026-02-30')).toBeNull();
  });
});
