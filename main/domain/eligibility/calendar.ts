import { formatIsoDate, parseIsoDate } from '../site-time';

/**
 * Calendar arithmetic for clinical intervals, on plain yyyy-MM-dd dates (the
 * site's calendar day). Day numbers make "21 days after" a subtraction with no
 * Date objects, which keeps rule evaluation cheap enough to run on every scan.
 */

/** Days since 1970-01-01 for a real calendar date, or null if the text is not one. */
export function dayNumber(isoDate: string): number | null {
  const p = parseIsoDate(isoDate);
  if (!p) return null;
  return Date.UTC(p.year, p.month - 1, p.day) / 86_400_000;
}

export function fromDayNumber(day: number): string {
  const dt = new Date(day * 86_400_000);
  return formatIsoDate(dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate());
}

export function isIsoDate(text: unknown): text is string {
  return typeof text === 'string' && parseIsoDate(text) !== null;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Adds calendar months. A day that does not exist in the target month falls
 * back to that month's last day (30 November + 3 months = 28 February), the way
 * a nurse counting on a calendar does; it never spills into the next month.
 */
export function addMonths(isoDate: string, months: number): string {
  const p = parseIsoDate(isoDate);
  if (!p) throw new RangeError(`not a date: ${isoDate}`);
  const index = p.year * 12 + (p.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return formatIsoDate(year, month, Math.min(p.day, daysInMonth(year, month)));
}

/**
 * The first day on which someone born on `dateOfBirth` is `years` old, matching
 * ageInYears: a 29 February birthday counts from 1 March in common years.
 */
export function dateAgeReached(dateOfBirth: string, years: number): string {
  const p = parseIsoDate(dateOfBirth);
  if (!p) throw new RangeError(`not a date: ${dateOfBirth}`);
  const year = p.year + years;
  if (p.month === 2 && p.day === 29 && !isLeapYear(year)) return formatIsoDate(year, 3, 1);
  return formatIsoDate(year, p.month, p.day);
}

/** The later of two ISO dates (string order is date order for yyyy-MM-dd). */
export function laterDate(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return a >= b ? a : b;
}
