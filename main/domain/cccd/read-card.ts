import { checkIdNumber, isCccdNumber } from '../id-number';
import { compareCardDates, parseCardDate } from './card-dates';
import { readAddress, readName, readOldIdNumber, readSex } from './card-fields';
import { ID_LIKE, splitPayload, type SplitPayload } from './fields';
import { finding, hasError, type Finding } from './findings';
import { echo } from './scan-text';
import type { CccdIdentity, CccdReading } from './types';

/**
 * The fields of a chip ID card's QR payload:
 * `ID|old CMND|name|ddMMyyyy|Nam/Nữ|address|issue ddMMyyyy` (7 fields; cards
 * issued from 2024 add four empty fields), checked against each other.
 */

export interface ReadOptions {
  /** The site's date (yyyy-MM-dd); enables the checks against today. */
  today?: string;
}

const CARD_FIELDS = 7;

export interface CccdShape {
  text: string;
  split: SplitPayload;
}

/**
 * Whether cleaned text has the shape of a card payload: separated fields with
 * an ID-like first field, or at least seven fields led by digits. Shared with
 * the scan classifier so both agree on what counts as a card.
 */
export function cccdShape(text: string): CccdShape | null {
  const split = splitPayload(text);
  if (!split) return null;
  const first = (split.fields[0] ?? '').trim();
  if (ID_LIKE.test(first) || (split.fields.length >= CARD_FIELDS && /^\d+$/u.test(first))) return { text, split };
  return null;
}

export function readFields(split: SplitPayload, findings: Finding[], options: ReadOptions): CccdReading {
  if (split.substituted) findings.push(finding('SEPARATOR_SUBSTITUTED', { separator: split.separator }));
  const fields = [...split.fields];
  // The 2024 cards' four empty trailing fields, and any more a scanner pads on.
  while (fields.length > CARD_FIELDS && (fields[fields.length - 1] ?? '').trim() === '') fields.pop();
  if (fields.length < CARD_FIELDS) return refuse(finding('TOO_FEW_FIELDS', { count: fields.length, expected: CARD_FIELDS }), findings);
  if (fields.length > CARD_FIELDS) findings.push(finding('UNEXPECTED_FIELDS', { count: fields.length - CARD_FIELDS }));

  const [idText = '', oldText = '', nameText = '', dobText = '', sexText = '', addressText = '', issueText = ''] = fields;
  const idNumber = idText.trim();
  if (!isCccdNumber(idNumber)) findings.push(finding('ID_NUMBER_INVALID', { value: echo(idNumber) }));
  const oldIdNumber = readOldIdNumber(oldText, findings);
  const fullName = readName(nameText, findings);

  const dob = parseCardDate(dobText.trim(), true);
  if (!dob) findings.push(finding('INVALID_DATE', { field: 'dateOfBirth', value: echo(dobText.trim()) }));
  else if (dob.precision !== 'day') findings.push(finding('DOB_PARTIAL', { precision: dob.precision }));
  if (dob && options.today && compareCardDates(dob.value, options.today) > 0) {
    findings.push(finding('DOB_IN_FUTURE', { value: dob.value }));
  }

  const sex = readSex(sexText, findings);
  const address = readAddress(addressText, findings);

  let issueDate: string | null = null;
  const issue = issueText.trim();
  if (issue) {
    const parsed = parseCardDate(issue, false);
    if (!parsed) findings.push(finding('INVALID_DATE', { field: 'issueDate', value: echo(issue) }));
    else {
      issueDate = parsed.value;
      if (dob && compareCardDates(issueDate, dob.value) < 0) findings.push(finding('ISSUE_BEFORE_BIRTH', { issueDate }));
      if (options.today && issueDate > options.today) findings.push(finding('ISSUE_DATE_IN_FUTURE', { issueDate }));
    }
  }

  if (isCccdNumber(idNumber)) {
    for (const f of checkIdNumber(idNumber, { dateOfBirth: dob?.value ?? null, sex })) {
      if (f.code === 'ID_PROVINCE_UNKNOWN') findings.push(finding(f.code, { province: f.province }));
      else if (f.code === 'ID_SEX_MISMATCH') findings.push(finding(f.code, { encoded: f.encoded }));
      else if (f.code === 'ID_CENTURY_MISMATCH') findings.push(finding(f.code, { encodedCentury: f.encodedCentury }));
      else if (f.code === 'ID_BIRTH_YEAR_MISMATCH') findings.push(finding(f.code, { encodedYearDigits: f.encodedYearDigits }));
    }
  }

  if (hasError(findings) || !fullName || !dob || !sex) return { kind: 'cccd', identity: null, findings };
  const identity: CccdIdentity = {
    idNumber,
    oldIdNumber,
    fullName,
    dateOfBirth: dob.value,
    dateOfBirthPrecision: dob.precision,
    sex,
    address,
    issueDate,
  };
  return { kind: 'cccd', identity, findings };
}

function refuse(error: Finding, earlier: Finding[] = []): CccdReading {
  return { kind: 'cccd', identity: null, findings: [...earlier, error] };
}
