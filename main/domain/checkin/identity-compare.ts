import { nameKey, normalizeName } from '../names';

/**
 * Comparing the identity read from a card with what the station has on file
 * (a citizen record or a row of the day's target list). Pure.
 *
 * Dates of birth come in three precisions, written as their ISO prefix:
 * "1945" (year only, common for the elderly), "1945-03" and "1945-03-12".
 * Two dates are compatible when they agree on every part both state, so
 * "1945" matches "1945-03-12" for finding a person; whether they are the same
 * VALUE (and so need no correction) is a separate, exact question.
 */

export type IdentityField = 'idNumber' | 'fullName' | 'dateOfBirth' | 'sex';

export interface ComparableIdentity {
  idNumber: string | null;
  fullName: string;
  dateOfBirth: string;
  sex: 'male' | 'female' | null;
}

export interface IdentityDifference {
  field: IdentityField;
  /** What the station has on file. */
  registered: string;
  /** What the card says; it wins when the nurse confirms. */
  card: string;
  /** Names only: the two differ in accents, case or spacing alone ("NGUYEN VAN AN" vs "Nguyễn Văn An"). */
  sameLetters?: boolean;
}

const PARTIAL_DATE = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/u;

export function isPartialIsoDate(text: string): boolean {
  return PARTIAL_DATE.test(text);
}

export function datePrecision(date: string): 'year' | 'month' | 'day' {
  return date.length === 4 ? 'year' : date.length === 7 ? 'month' : 'day';
}

/** Agree on every part both dates state. */
export function datesCompatible(a: string, b: string): boolean {
  const n = Math.min(a.length, b.length);
  return n >= 4 && a.slice(0, n) === b.slice(0, n);
}

/**
 * The index range holding every stored date compatible with `date` within its
 * year: "1994", "1994-03", "1994-03-15" all sort inside ["1994", "1994~").
 * Callers filter the range with datesCompatible.
 */
export function yearRange(date: string): { from: string; to: string } {
  const year = date.slice(0, 4);
  return { from: year, to: `${year}~` };
}

/**
 * For a full date, every stored form compatible with it: the day itself and
 * records that hold only its month or only its year. Lets a search on a
 * (date, name) index use exact lookups instead of a year-wide range.
 */
export function storedFormsOfDay(date: string): string[] {
  return [date, date.slice(0, 7), date.slice(0, 4)];
}

/**
 * The fields where the registration says something different from the card.
 * A field the registration leaves empty is filled from the card without
 * being called a difference: there is nothing to correct.
 */
export function diffIdentity(card: ComparableIdentity, registered: ComparableIdentity): IdentityDifference[] {
  const out: IdentityDifference[] = [];
  if (registered.idNumber && card.idNumber && registered.idNumber !== card.idNumber) {
    out.push({ field: 'idNumber', registered: registered.idNumber, card: card.idNumber });
  }
  const regName = normalizeName(registered.fullName);
  if (regName !== card.fullName) {
    out.push({ field: 'fullName', registered: regName, card: card.fullName, sameLetters: nameKey(regName) === nameKey(card.fullName) });
  }
  if (registered.dateOfBirth && registered.dateOfBirth !== card.dateOfBirth) {
    out.push({ field: 'dateOfBirth', registered: registered.dateOfBirth, card: card.dateOfBirth });
  }
  if (registered.sex && card.sex && registered.sex !== card.sex) {
    out.push({ field: 'sex', registered: registered.sex, card: card.sex });
  }
  return out;
}

/**
 * Whether a registration found by ID number looks like somebody else: neither
 * the name (letters) nor the birth date agree. Correcting it from the card
 * would hand one person's record, and dose history, to another, so the desk
 * stops instead of applying the card.
 */
export function looksLikeOtherPerson(card: ComparableIdentity, registered: ComparableIdentity): boolean {
  return nameKey(card.fullName) !== nameKey(registered.fullName) && !datesCompatible(card.dateOfBirth, registered.dateOfBirth);
}
