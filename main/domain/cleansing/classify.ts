import {
  duplicateEvidence,
  relateBirthDates,
  relateIdNumbers,
  relateNames,
  type DuplicateEvidence,
} from '../people/similarity';

/**
 * Classifies one row of a mismatch list (from the platform, the population
 * database or the upload queue's rejections) against the station's records.
 * The population database is the reference: a suggestion sets the station's
 * field to the population value. Pure: the caller looks up the records.
 */

export type Sex = 'male' | 'female';

export interface IdentityValues {
  readonly fullName: string | null;
  readonly birthDate: string | null; // yyyy-mm-dd or yyyy
  readonly sex: Sex | null;
  readonly idNumber: string | null;
}

export interface MismatchRow {
  readonly recordId: string | null; // station citizen or dose identifier as the platform knows it
  readonly cccd: string | null;
  readonly platform: IdentityValues;
  readonly population: IdentityValues;
}

export interface StationPerson {
  readonly citizenId: string;
  readonly fullName: string;
  readonly birthDate: string;
  readonly sex: Sex | null;
  readonly idNumber: string | null;
}

export interface StationMatches {
  /** The station record the row's identifier points at, if any. */
  readonly byRecord: StationPerson | null;
  /** Station records found by the row's CCCD or the population ID (exact). */
  readonly byIdNumber: readonly StationPerson[];
  /** Other station records in the same birth-date block (duplicate candidates). */
  readonly neighbours: readonly StationPerson[];
}

export type MismatchKind = 'id-typo' | 'name' | 'birth-date' | 'sex' | 'duplicate' | 'not-found' | 'no-difference';

export type MismatchDetail =
  | 'one-digit'
  | 'transposition'
  | 'accents-only'
  | 'spelling'
  | 'day-month-swapped'
  | 'year-only'
  | 'other'
  | null;

export type CorrectableField = 'fullName' | 'birthDate' | 'sex' | 'idNumber';

export interface Classification {
  readonly kind: MismatchKind;
  readonly detail: MismatchDetail;
  readonly citizenId: string | null;
  /** Fields where the station differs from the population database, with the suggested value. */
  readonly suggestion: Partial<Record<CorrectableField, string>>;
  /** For 'duplicate': the other record and why it looks like the same citizen. */
  readonly duplicateOf: { readonly citizenId: string; readonly evidence: DuplicateEvidence } | null;
}

const NOT_FOUND: Classification = {
  kind: 'not-found',
  detail: null,
  citizenId: null,
  suggestion: {},
  duplicateOf: null,
};

/** The population value when the database gave one, else the platform's. */
function reference(row: MismatchRow, field: CorrectableField): string | null {
  const v = row.population[field] ?? row.platform[field];
  return v === null || v === '' ? null : v;
}

export function classifyMismatch(row: MismatchRow, matches: StationMatches): Classification {
  const person = matches.byRecord ?? (matches.byIdNumber.length === 1 ? matches.byIdNumber[0]! : null);
  if (!person) return NOT_FOUND;

  const refName = reference(row, 'fullName');
  const refBirth = reference(row, 'birthDate');
  const refSex = reference(row, 'sex');
  const refId = reference(row, 'idNumber') ?? row.cccd;

  // A second station record for the same citizen: same ID elsewhere, or a fuzzy neighbour.
  const twin =
    matches.byIdNumber.find((p) => p.citizenId !== person.citizenId) ??
    matches.neighbours.find((p) => p.citizenId !== person.citizenId && duplicateEvidence(person, p) !== null);
  if (twin) {
    return {
      kind: 'duplicate',
      detail: null,
      citizenId: person.citizenId,
      suggestion: {},
      duplicateOf: {
        citizenId: twin.citizenId,
        evidence: duplicateEvidence(person, twin) ?? {
          name: relateNames(person.fullName, twin.fullName),
          birthDate: relateBirthDates(person.birthDate, twin.birthDate),
          idNumber: person.idNumber && twin.idNumber ? relateIdNumbers(person.idNumber, twin.idNumber) : 'missing',
        },
      },
    };
  }

  const suggestion: Partial<Record<CorrectableField, string>> = {};
  let kind: MismatchKind = 'no-difference';
  let detail: MismatchDetail = null;
  const note = (k: MismatchKind, d: MismatchDetail): void => {
    if (kind === 'no-difference') {
      kind = k;
      detail = d;
    }
  };

  if (refId && person.idNumber !== refId) {
    suggestion.idNumber = refId;
    const rel = person.idNumber ? relateIdNumbers(person.idNumber, refId) : 'different';
    note('id-typo', rel === 'one-digit' || rel === 'transposition' ? rel : 'other');
  }
  if (refName) {
    const rel = relateNames(person.fullName, refName);
    if (rel !== 'same') {
      suggestion.fullName = refName;
      note('name', rel === 'different' ? 'other' : rel);
    }
  }
  if (refBirth && person.birthDate !== refBirth) {
    const rel = relateBirthDates(person.birthDate, refBirth);
    suggestion.birthDate = refBirth;
    note('birth-date', rel === 'day-month-swapped' || rel === 'year-only' ? rel : 'other');
  }
  if (refSex && person.sex !== refSex) {
    suggestion.sex = refSex;
    note('sex', null);
  }
  return { kind, detail, citizenId: person.citizenId, suggestion, duplicateOf: null };
}
