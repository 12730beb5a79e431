import { nameKey } from '../names';

/**
 * Rules for "could these two records be one citizen?". Pure and shared by the
 * cleansing workbench and paper backlog entry: candidates are only ever listed
 * for a person to decide, never merged on these rules alone.
 */

/** How two identity numbers relate: same, one digit off, two neighbours swapped, or unrelated. */
export type IdRelation = 'same' | 'one-digit' | 'transposition' | 'different';

export function relateIdNumbers(a: string, b: string): IdRelation {
  if (a === b) return 'same';
  if (a.length !== b.length || a.length === 0) return 'different';
  const diffs: number[] = [];
  for (let i = 0; i < a.length; i += 1) {
    if (a[i] !== b[i]) {
      diffs.push(i);
      if (diffs.length > 2) return 'different';
    }
  }
  if (diffs.length === 1) return 'one-digit';
  const [i, j] = diffs as [number, number];
  if (j === i + 1 && a[i] === b[j] && a[j] === b[i]) return 'transposition';
  return 'different';
}

/** How two ISO birth dates (yyyy-mm-dd, or yyyy when only the year is known) relate. */
export type BirthDateRelation = 'same' | 'day-month-swapped' | 'year-only' | 'different';

export function relateBirthDates(a: string, b: string): BirthDateRelation {
  if (a === b) return 'same';
  const pa = splitDate(a);
  const pb = splitDate(b);
  if (!pa || !pb) return 'different';
  if (pa.year !== pb.year) return 'different';
  if (pa.month === null || pb.month === null) return 'year-only';
  // A date stored year-only is often written 01/01 of that year.
  if ((pa.month === 1 && pa.day === 1) !== (pb.month === 1 && pb.day === 1)) return 'year-only';
  if (pa.month === pb.day && pa.day === pb.month) return 'day-month-swapped';
  return 'different';
}

function splitDate(iso: string): { year: number; month: number | null; day: number | null } | null {
  const full = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(iso);
  if (full) return { year: Number(full[1]), month: Number(full[2]), day: Number(full[3]) };
  const year = /^(\d{4})$/u.exec(iso);
  if (year) return { year: Number(year[1]), month: null, day: null };
  return null;
}

/** Levenshtein distance, stopping early once it exceeds `limit` (returns limit + 1). */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev = Array.from({ length: b.length + 1 }, (_v, i) => i);
  for (let i = 1; i <= a.length; i += 1) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return limit + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

/** How two names relate: identical, differing only in accents/case/spacing, a small misspelling, or unrelated. */
export type NameRelation = 'same' | 'accents-only' | 'spelling' | 'different';

/** Names within this many edits (after folding accents) count as one name misspelt. */
export const NAME_EDIT_LIMIT = 2;

export function relateNames(a: string, b: string): NameRelation {
  if (a.normalize('NFC').trim() === b.normalize('NFC').trim()) return 'same';
  const ka = nameKey(a);
  const kb = nameKey(b);
  if (ka === kb) return 'accents-only';
  if (editDistance(ka, kb, NAME_EDIT_LIMIT) <= NAME_EDIT_LIMIT) return 'spelling';
  return 'different';
}

export interface PersonFacts {
  readonly fullName: string;
  readonly birthDate: string;
  readonly idNumber: string | null;
}

/** Why two people are listed as a possible duplicate; empty when they are not. */
export interface DuplicateEvidence {
  readonly name: NameRelation;
  readonly birthDate: BirthDateRelation;
  readonly idNumber: IdRelation | 'missing';
}

/**
 * Two records are duplicate candidates when the birth date is the same or has
 * day and month swapped, the names fold to within a small edit distance, and
 * the ID numbers (when both are known) are equal, one digit apart or transposed.
 */
export function duplicateEvidence(a: PersonFacts, b: PersonFacts): DuplicateEvidence | null {
  const birthDate = relateBirthDates(a.birthDate, b.birthDate);
  if (birthDate !== 'same' && birthDate !== 'day-month-swapped') return null;
  const name = relateNames(a.fullName, b.fullName);
  if (name === 'different') return null;
  const idNumber = a.idNumber && b.idNumber ? relateIdNumbers(a.idNumber, b.idNumber) : 'missing';
  if (idNumber === 'different') return null;
  return { name, birthDate, idNumber };
}

/** Keys under which a record is indexed so candidates are found without comparing all pairs. */
export function candidateBlockKeys(p: PersonFacts): string[] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(p.birthDate);
  if (!m) return [`y:${p.birthDate}`];
  const [, y, mo, d] = m;
  // Same key for a date and its day/month swap, so both land in one block.
  const [lo, hi] = [mo!, d!].sort();
  return [`d:${y}-${lo}-${hi}`];
}
