import { describe, expect, it } from 'vitest';
import { addCalendarMonths, certificateValidity } from '../../../main/domain/dcc/validity';

describe('certificate validity: 12 calendar months on the site calendar', () => {
  it('expires on the same day and time a year later', () => {
    const { iat, exp } = certificateValidity(new Date('2025-03-15T02:30:00Z'));
    expect(new Date(iat * 1000).toISOString()).toBe('2025-03-15T02:30:00.000Z');
    expect(new Date(exp * 1000).toISOString()).toBe('2026-03-15T02:30:00.000Z');
  });

  it('moves 29 February to 28 February of the next year', () => {
    // 2024-02-29 09:00 in Ha Noi.
    const exp = addCalendarMonths(new Date('2024-02-29T02:00:00Z'), 12);
    expect(exp.toISOString()).toBe('2025-02-28T02:00:00.000Z');
  });

  it('counts on the site calendar, not UTC: early morning on 1 March stays 1 March', () => {
    // 2024-03-01 05:00 in Ha Noi is still 29 February in UTC.
    expect(addCalendarMonths(new Date('2024-02-29T22:00:00Z'), 12).toISOString()).toBe('2025-02-28T22:00:00.000Z');
    // 2024-02-29 23:30 in Ha Noi (16:30 UTC) clamps to 28 February 2025, 23:30 Ha Noi.
    expect(addCalendarMonths(new Date('2024-02-29T16:30:00Z'), 12).toISOString()).toBe('2025-02-28T16:30:00.000Z');
  });

  it('clamps the 31st to the last day of shorter months', () => {
    expect(addCalendarMonths(new Date('2025-01-31T03:00:00Z'), 1).toISOString()).toBe('2025-02-28T03:00:00.000Z');
    expect(addCalendarMonths(new Date('2024-01-31T03:00:00Z'), 1).toISOString()).toBe('2024-02-29T03:00:00.000Z');
    expect(addCalendarMonths(new Date('2025-05-31T03:00:00Z'), 1).toISOString()).toBe('2025-06-30T03:00:00.000Z');
    expect(addCalendarMonths(new Date('2025-12-31T03:00:00Z'), 2).toISOString()).toBe('2026-02-28T03:00:00.000Z');
  });

  it('drops fractions of a second, as CWT times are whole seconds', () => {
    const { iat, exp } = certificateValidity(new Date('2025-06-01T00:00:00.999Z'));
    expect(Number.isInteger(iat) && Number.isInteger(exp)).toBe(true);
    expect(exp - iat).toBe(365 * 86_400);
  });
});
