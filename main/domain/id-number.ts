import { PROVINCE_CODES } from './provinces';

/**
 * Checks on a 12-digit CCCD (citizen identity) number. The number encodes the
 * province of birth registration (digits 1–3), sex and century of birth
 * (digit 4: even male, odd female; 0/1 → 1900s, 2/3 → 2000s, 4/5 → 2100s …)
 * and the last two digits of the birth year (digits 5–6). Disagreement with
 * the person's data is a warning: the desk shows it, a person decides.
 */
export type IdNumberFinding =
  | { code: 'ID_NUMBER_INVALID'; severity: 'error' }
  | { code: 'ID_PROVINCE_UNKNOWN'; severity: 'warning'; province: string }
  | { code: 'ID_SEX_MISMATCH'; severity: 'warning'; encoded: 'male' | 'female' }
  | { code: 'ID_CENTURY_MISMATCH'; severity: 'warning'; encodedCentury: number }
  | { code: 'ID_BIRTH_YEAR_MISMATCH'; severity: 'warning'; encodedYearDigits: string };

export const CCCD_NUMBER = /^\d{12}$/;

export function isCccdNumber(text: string): boolean {
  return CCCD_NUMBER.test(text);
}

export interface IdNumberFacts {
  province: string;
  provinceName: string | null;
  sex: 'male' | 'female';
  /** First year of the encoded century, e.g. 1900. */
  century: number;
  yearDigits: string;
}

export function decodeIdNumber(idNumber: string): IdNumberFacts | null {
  if (!isCccdNumber(idNumber)) return null;
  const province = idNumber.slice(0, 3);
  const genderCentury = Number(idNumber[3]);
  return {
    province,
    provinceName: PROVINCE_CODES[province] ?? null,
    sex: genderCentury % 2 === 0 ? 'male' : 'female',
    century: 1900 + Math.floor(genderCentury / 2) * 100,
    yearDigits: idNumber.slice(4, 6),
  };
}

/** Cross-checks an ID number against a date of birth (yyyy-MM-dd) and, when known, sex. */
export function checkIdNumber(
  idNumber: string,
  person: { dateOfBirth?: string | null; sex?: 'male' | 'female' | null },
): IdNumberFinding[] {
  const facts = decodeIdNumber(idNumber);
  if (!facts) return [{ code: 'ID_NUMBER_INVALID', severity: 'error' }];
  const findings: IdNumberFinding[] = [];
  if (!facts.provinceName) findings.push({ code: 'ID_PROVINCE_UNKNOWN', severity: 'warning', province: facts.province });
  if (person.sex && person.sex !== facts.sex) {
    findings.push({ code: 'ID_SEX_MISMATCH', severity: 'warning', encoded: facts.sex });
  }
  const year = person.dateOfBirth ? Number(person.dateOfBirth.slice(0, 4)) : NaN;
  if (Number.isFinite(year)) {
    const century = Math.floor(year / 100) * 100;
    if (century !== facts.century) {
      findings.push({ code: 'ID_CENTURY_MISMATCH', severity: 'warning', encodedCentury: facts.century });
    }
    if (String(year % 100).padStart(2, '0') !== facts.yearDigits) {
      findings.push({ code: 'ID_BIRTH_YEAR_MISMATCH', severity: 'warning', encodedYearDigits: facts.yearDigits });
    }
  }
  return findings;
}
