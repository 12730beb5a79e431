import { formatIsoDate, isRealDate } from '../site-time';

/**
 * Dates as ID cards carry them: ddMMyyyy with no separators. People whose
 * birth was registered with only a year (common for the elderly) have cards
 * and payloads with "yyyy" or "MMyyyy"; hospital systems that read these cards
 * handle the same forms, so the desk keeps the precision instead of inventing a day.
 */
export type DatePrecision = 'day' | 'month' | 'year';

export interface CardDate {
  /** yyyy-MM-dd, or yyyy-MM / yyyy when the card gives less. */
  value: string;
  precision: DatePrecision;
}

const MIN_YEAR = 1850;

/** Reads a card date. `allowPartial` is for dates of birth only; issue dates are always full. */
export function parseCardDate(raw: string, allowPartial: boolean): CardDate | null {
  // Some apps and re-encoders write 15/03/1994 or 15.03.1994; the card itself never does.
  const text = raw.replace(/[/.-]/gu, '');
  if (!/^\d+$/u.test(text)) return null;
  if (text.length === 8) {
    const day = Number(text.slice(0, 2));
    const month = Number(text.slice(2, 4));
    const year = Number(text.slice(4));
    // "00001945" / "00031945" are how some registries spell an unknown day or month.
    if (allowPartial && day === 0 && month === 0) return yearOnly(year);
    if (allowPartial && day === 0) return monthOnly(year, month);
    if (year < MIN_YEAR || !isRealDate(year, month, day)) return null;
    return { value: formatIsoDate(year, month, day), precision: 'day' };
  }
  if (!allowPartial) return null;
  if (text.length === 6) return monthOnly(Number(text.slice(2)), Number(text.slice(0, 2)));
  if (text.length === 4) return yearOnly(Number(text));
  return null;
}

function yearOnly(year: number): CardDate | null {
  return year >= MIN_YEAR && year <= 9999 ? { value: String(year).padStart(4, '0'), precision: 'year' } : null;
}

function monthOnly(year: number, month: number): CardDate | null {
  if (year < MIN_YEAR || year > 9999 || month < 1 || month > 12) return null;
  return { value: `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`, precision: 'month' };
}

/** The card's form of a date: ddMMyyyy, MMyyyy or yyyy. */
export function formatCardDate(value: string): string {
  const [year = '', month, day] = value.split('-');
  if (day !== undefined && month !== undefined) return `${day}${month}${year}`;
  if (month !== undefined) return `${month}${year}`;
  return year;
}

/**
 * Orders two dates of possibly different precision; compares only the parts
 * both have, so "1994" is neither before nor after "1994-03-15".
 */
export function compareCardDates(a: string, b: string): number {
  const len = Math.min(a.length, b.length);
  const x = a.slice(0, len);
  const y = b.slice(0, len);
  return x < y ? -1 : x > y ? 1 : 0;
}
