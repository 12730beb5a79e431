import { nameKey, normalizeName, titleCaseName } from '../names';
import { echo } from './scan-text';
import { finding, type Finding } from './findings';

/**
 * The card's text fields: name, sex, address, old number. Each reader returns
 * the canonical value (or null) and pushes what it noticed into `findings`.
 */

/** U+FFFD or '?' where a letter was: a scanner or code page could not carry the character. */
const LOST_CHARACTER = /[\uFFFD?]/u;
/** Letters, combining marks, and the separators Vietnamese names use. */
const NAME_CHARACTERS = /^[\p{L}\p{M} '’.-]+$/u;
const VOWEL = /[aeiouy]/u;

function recaseIfShouting(name: string): string {
  const letters = name.replace(/[^\p{L}]/gu, '');
  if (letters.length < 2) return name;
  const hasLower = /\p{Ll}/u.test(letters);
  const hasUpper = /\p{Lu}/u.test(letters);
  // Caps Lock on while a keyboard-emulating scanner types gives "nGUYỄN vĂN aN".
  const capsInverted = name.split(' ').every((w) => /^\p{Ll}/u.test(w) && !/\p{Ll}/u.test(w.slice(1)));
  return !hasLower || !hasUpper || capsInverted ? titleCaseName(name) : name;
}

export function readName(raw: string, findings: Finding[]): string | null {
  const scanned = normalizeName(raw);
  if (!scanned) {
    findings.push(finding('NAME_MISSING'));
    return null;
  }
  if (LOST_CHARACTER.test(scanned)) {
    findings.push(finding('NAME_GARBLED', { value: echo(scanned) }));
    return null;
  }
  if (!NAME_CHARACTERS.test(scanned) || scanned.length > 120) {
    findings.push(finding('NAME_INVALID', { value: echo(scanned) }));
    return null;
  }
  const name = recaseIfShouting(scanned);
  if (name !== scanned) findings.push(finding('NAME_RECASED', { value: echo(scanned) }));
  // Every Vietnamese syllable has a vowel; a word without one means an ASCII-only
  // scanner path dropped the accented letters ("Văn" arriving as "Vn").
  const vowelless = name.split(' ').find((w) => /\p{L}/u.test(w) && !VOWEL.test(nameKey(w)));
  if (vowelless) findings.push(finding('NAME_MAY_BE_INCOMPLETE', { word: vowelless }));
  return name;
}

export function readSex(raw: string, findings: Finding[]): 'male' | 'female' | null {
  const key = nameKey(raw);
  if (key === 'nam') return 'male';
  if (key === 'nu') return 'female';
  // "Nữ" with its one non-ASCII letter lost ("N", "N?"); "Nam" is plain ASCII and survives.
  if (/^n[?\uFFFD]*$/iu.test(raw.trim())) {
    findings.push(finding('SEX_INFERRED', { value: echo(raw.trim()) }));
    return 'female';
  }
  findings.push(finding('SEX_INVALID', { value: echo(raw.trim()) }));
  return null;
}

export function readAddress(raw: string, findings: Finding[]): string {
  const address = normalizeName(raw);
  if (!address) findings.push(finding('ADDRESS_MISSING'));
  else if (LOST_CHARACTER.test(address)) findings.push(finding('ADDRESS_GARBLED', { value: echo(address) }));
  return address;
}

/** The earlier CMND number: 9 digits, or 12 for the 2012–2016 generation. */
export function readOldIdNumber(raw: string, findings: Finding[]): string | null {
  const text = raw.trim();
  if (!text) return null;
  if (/^(?:\d{9}|\d{12})$/u.test(text)) return text;
  findings.push(finding('OLD_ID_NUMBER_INVALID', { value: echo(text) }));
  return null;
}
