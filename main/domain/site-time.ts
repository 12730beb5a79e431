/**
 * Time at the site. Instants are stored in UTC; the site's calendar day is the
 * day in Asia/Ho_Chi_Minh, whatever the machine's own time zone says, so a
 * station whose OS clock zone is misconfigured still files doses on the right day.
 */
export const SITE_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const dayFormatter = new Intl.DateTimeFormat('en-CA', {
  timeZone: SITE_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The site's calendar date (yyyy-MM-dd) at an instant. */
export function siteDay(instant: Date): string {
  return dayFormatter.format(instant);
}

/** UTC ISO-8601 text of an instant, the only form instants are stored in. */
export function toInstant(date: Date): string {
  return date.toISOString();
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses yyyy-MM-dd into its parts, or null if it is not a real calendar date. */
export function parseIsoDate(text: string): { year: number; month: number; day: number } | null {
  const m = ISO_DATE.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return isRealDate(year, month, day) ? { year, month, day } : null;
}

export function isRealDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  const dt = new Date(Date.UTC(year, month - 1, day));
  return dt.getUTCFullYear() === year && dt.getUTCMonth() === month - 1 && dt.getUTCDate() === day;
}

export function formatIsoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Adds whole days to a calendar date. */
export function addDays(isoDate: string, days: number): string {
  const p = parseIsoDate(isoDate);
  if (!p) throw new RangeError(`not a date: ${isoDate}`);
  const dt = new Date(Date.UTC(p.year, p.month - 1, p.day + days));
  return formatIsoDate(dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate());
}

/** Completed years of age on a date (birthdays on 29 February count from 1 March in common years). */
export function ageInYears(dateOfBirth: string, onDate: string): number {
  const b = parseIsoDate(dateOfBirth);
  const d = parseIsoDate(onDate);
  if (!b || !d) throw new RangeError('not a date');
  let age = d.year - b.year;
  if (d.month < b.month || (d.month === b.month && d.day < b.day)) age -= 1;
  return age;
}

/**
 * A date of birth usable by age rules. Some cards carry only the year (or year
 * and month) of birth; rules then take the LAST day it could be, the youngest
 * age the person can have, so a minimum-age limit is never passed on a guess.
 */
export function dateOfBirthForRules(dateOfBirth: string): string {
  if (/^\d{4}$/.test(dateOfBirth)) return `${dateOfBirth}-12-31`;
  const m = /^(\d{4})-(\d{2})$/.exec(dateOfBirth);
  if (m) {
    const lastDay = new Date(Date.UTC(Number(m[1]), Number(m[2]), 0)).getUTCDate();
    return `${dateOfBirth}-${String(lastDay).padStart(2, '0')}`;
  }
  return dateOfBirth;
}
