import { compareCardDates } from '../cccd/card-dates';
import { readName } from '../cccd/card-fields';
import { finding, hasError, type Finding } from '../cccd/findings';
import { checkIdNumber, isCccdNumber } from '../id-number';
import { isRealDate } from '../site-time';
import { isPartialIsoDate } from './identity-compare';

/**
 * A person typed in at the desk: a citizen without a card (recorded as
 * 'unverified') or a foreigner from their passport (recorded as
 * 'site_verified'). The same checks a card gets, with the same finding codes,
 * so a typed record is no weaker than the rules allow.
 */

export interface PersonEntry {
  fullName: string;
  /** yyyy-MM-dd, or yyyy-MM / yyyy when the person's papers state less. */
  dateOfBirth: string;
  sex: 'male' | 'female';
  idNumber?: string | null;
}

export interface CheckedPerson {
  fullName: string;
  dateOfBirth: string;
  sex: 'male' | 'female';
  idNumber: string | null;
}

const MIN_YEAR = 1850;

export function checkPersonEntry(
  entry: PersonEntry,
  today: string,
  options: { foreigner?: boolean } = {},
): { person: CheckedPerson | null; findings: Finding[] } {
  const findings: Finding[] = [];
  const fullName = readName(entry.fullName, findings);
  // Foreign names legitimately have words without Vietnamese vowels ("Vlk", "Smyth").
  if (options.foreigner) findings.splice(0, findings.length, ...findings.filter((f) => f.code !== 'NAME_MAY_BE_INCOMPLETE'));

  const dateOfBirth = entry.dateOfBirth.trim();
  if (!isValidBirthDate(dateOfBirth)) findings.push(finding('INVALID_DATE', { field: 'dateOfBirth', value: dateOfBirth.slice(0, 20) }));
  else {
    if (dateOfBirth.length < 10) findings.push(finding('DOB_PARTIAL', { precision: dateOfBirth.length === 4 ? 'year' : 'month' }));
    if (compareCardDates(dateOfBirth, today) > 0) findings.push(finding('DOB_IN_FUTURE', { value: dateOfBirth }));
  }

  const idNumber = entry.idNumber?.replace(/\s+/gu, '') || null;
  if (idNumber !== null) {
    if (!isCccdNumber(idNumber)) findings.push(finding('ID_NUMBER_INVALID', { value: idNumber.slice(0, 20) }));
    else {
      for (const f of checkIdNumber(idNumber, { dateOfBirth, sex: entry.sex })) {
        if (f.code === 'ID_PROVINCE_UNKNOWN') findings.push(finding(f.code, { province: f.province }));
        else if (f.code === 'ID_SEX_MISMATCH') findings.push(finding(f.code, { encoded: f.encoded }));
        else if (f.code === 'ID_CENTURY_MISMATCH') findings.push(finding(f.code, { encodedCentury: f.encodedCentury }));
        else if (f.code === 'ID_BIRTH_YEAR_MISMATCH') findings.push(finding(f.code, { encodedYearDigits: f.encodedYearDigits }));
      }
    }
  }
  return {
    person: fullName === null || hasError(findings) ? null : { fullName, dateOfBirth, sex: entry.sex, idNumber },
    findings,
  };
}

export function isValidBirthDate(text: string): boolean {
  if (!isPartialIsoDate(text)) return false;
  const [y = 0, m, d] = text.split('-').map(Number);
  if (y < MIN_YEAR) return false;
  if (m === undefined) return true;
  if (m < 1 || m > 12) return false;
  return d === undefined || isRealDate(y, m, d);
}

/**
 * Passport numbers as printed in the machine-readable zone: letters and
 * digits only. People type them with spaces or dashes and in lower case.
 */
export function normalizePassportNumber(raw: string): string {
  return raw.replace(/[\s-]+/gu, '').toUpperCase();
}

export function isPassportNumber(text: string): boolean {
  return /^[A-Z0-9]{5,20}$/u.test(text);
}

const regionNames = (() => {
  try {
    return new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
  } catch {
    return null;
  }
})();

/** An ISO 3166-1 alpha-2 country code the platform's ICU data knows. */
export function isCountryCode(code: string): boolean {
  if (!/^[A-Z]{2}$/u.test(code)) return false;
  // Without ICU region data, accept the shape; the list in the UI comes from the same source.
  if (!regionNames) return true;
  try {
    return regionNames.of(code) !== undefined;
  } catch {
    return false;
  }
}
