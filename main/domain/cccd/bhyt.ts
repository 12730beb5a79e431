import { normalizeName } from '../names';
import { parseCardDate, type DatePrecision } from './card-dates';
import { finding, type Finding } from './findings';

/**
 * Health-insurance (BHYT) card QR codes, which citizens often show at the desk
 * instead of their ID card (paper cards and the VssID app). Pipe-separated,
 * name and address hex-encoded UTF-8, dates dd/MM/yyyy (or a bare year), sex
 * 1 = male / 2 = female, ending in '$':
 *
 *   card no.|hex name|dob|sex|hex address or '-'|"01 - 028" facility|valid from|valid to or '-'|issued|…|$
 *
 * Older cards number them as 2 letters + 13 digits ("GD4797931234567": group,
 * benefit level, province, then the 10-digit social-insurance number); newer
 * ones carry only the 10-digit number. Read so the desk can say what was
 * scanned and offer name + date of birth for a search; it is not an identity document.
 */
export interface BhytReading {
  kind: 'bhyt';
  cardNumber: string;
  /** The 10-digit social-insurance number (mã số BHXH). */
  socialInsuranceNumber: string;
  fullName: string | null;
  dateOfBirth: string | null;
  dateOfBirthPrecision: DatePrecision | null;
  sex: 'male' | 'female' | null;
  address: string | null;
  /** Registered primary-care facility, e.g. "01-028". */
  primaryCareFacility: string | null;
  validFrom: string | null;
  validTo: string | null;
  findings: Finding[];
}

const OLD_CARD_NUMBER = /^[A-Z]{2}\d{13}$/u;
const SOCIAL_INSURANCE_NUMBER = /^\d{10}$/u;
const HEX = /^(?:[0-9a-fA-F]{2})+$/u;

/** Whether cleaned text has the shape of a BHYT card QR. */
export function looksLikeBhyt(text: string): boolean {
  const fields = text.split('|');
  if (fields.length < 4) return false;
  const number = (fields[0] ?? '').trim().toUpperCase();
  if (!OLD_CARD_NUMBER.test(number) && !SOCIAL_INSURANCE_NUMBER.test(number)) return false;
  const name = (fields[1] ?? '').trim();
  return name === '' || name === '-' || HEX.test(name);
}

export function readBhyt(text: string): BhytReading {
  const fields = text.split('|').map((f) => f.trim());
  const at = (i: number): string | null => {
    const v = fields[i];
    return v === undefined || v === '' || v === '-' || v === '$' ? null : v;
  };
  const findings: Finding[] = [];
  const cardNumber = (fields[0] ?? '').toUpperCase();
  const hexText = (i: number, field: string): string | null => {
    const v = at(i);
    if (v === null) return null;
    const decoded = decodeHexUtf8(v);
    if (decoded === null) findings.push(finding('BHYT_FIELD_UNREADABLE', { field }));
    return decoded;
  };
  const date = (i: number, field: string) => {
    const v = at(i);
    if (v === null) return null;
    const parsed = parseCardDate(v, field === 'dateOfBirth');
    if (!parsed) findings.push(finding('BHYT_FIELD_UNREADABLE', { field }));
    return parsed;
  };
  const fullName = hexText(1, 'fullName');
  const dob = date(2, 'dateOfBirth');
  const sexCode = at(3);
  const facility = at(5);
  return {
    kind: 'bhyt',
    cardNumber,
    socialInsuranceNumber: cardNumber.slice(-10),
    fullName: fullName === null ? null : normalizeName(fullName),
    dateOfBirth: dob?.value ?? null,
    dateOfBirthPrecision: dob?.precision ?? null,
    sex: sexCode === '1' ? 'male' : sexCode === '2' ? 'female' : null,
    address: (() => {
      const a = hexText(4, 'address');
      return a === null ? null : normalizeName(a);
    })(),
    primaryCareFacility: facility === null ? null : facility.replace(/\s*[-–]\s*/gu, '-'),
    validFrom: date(6, 'validFrom')?.value ?? null,
    validTo: date(7, 'validTo')?.value ?? null,
    findings,
  };
}

function decodeHexUtf8(hex: string): string | null {
  if (!HEX.test(hex)) return null;
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}
