import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  classifyScan,
  FINDING_SEVERITY,
  formatCccdPayload,
  MAX_PAYLOAD_BYTES,
  parseCccdPayload,
  type CccdIdentity,
  type ScanReading,
} from '../../../main/domain/cccd';
import { normalizeName } from '../../../main/domain/names';

/**
 * Properties of the card reader: it never throws, whatever a scanner sends,
 * and every identity it can produce survives being written as a payload and
 * read back.
 */

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
const control = fc.integer({ min: 0, max: 0x9f }).filter((c) => c < 0x20 || c >= 0x7f).map((c) => String.fromCharCode(c));
const anyPlane = fc.integer({ min: 0, max: 0x10ffff }).map((c) => (c >= 0xd800 && c <= 0xdfff ? String.fromCharCode(c) : String.fromCodePoint(c)));
const cardish = fc.constantFrom('|', '｜', '¦', '~', '0', '1', '9', 'Nam', 'Nữ', 'N', '?', '\uFFFD', 'ễ', 'e\u0303', 'Ã', '»', '…', ' ', '\r\n', '\uFEFF', ']Q1', 'HC1:', '$', '-', '/');
const noisyUnit = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: 'binary', maxLength: 1 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 1 }) },
  { weight: 2, arbitrary: cardish },
  { weight: 1, arbitrary: loneSurrogate },
  { weight: 1, arbitrary: control },
  { weight: 1, arbitrary: anyPlane },
);
const noisyText = fc.array(noisyUnit, { maxLength: 300 }).map((parts) => parts.join(''));

/** A readable card payload with one field replaced by noise: the shapes scanners actually mangle. */
const CARD = ['001094123456', '012345678', 'Nguyễn Văn An', '15031994', 'Nam', 'Hà Nội', '20042021', '', '', '', ''];
const mangledCard = fc
  .tuple(fc.integer({ min: 0, max: CARD.length - 1 }), noisyText, fc.integer({ min: 1, max: CARD.length }))
  .map(([at, noise, count]) => CARD.slice(0, count).map((f, i) => (i === at ? noise : f)).join('|'));

function assertWellFormed(reading: ScanReading): void {
  const findings = 'findings' in reading ? reading.findings : [];
  for (const f of findings) expect(f.severity).toBe(FINDING_SEVERITY[f.code]);
  if (reading.kind === 'cccd') {
    const hasError = findings.some((f) => f.severity === 'error');
    expect(reading.identity === null).toBe(hasError);
    if (reading.identity) expect(reading.identity.fullName).toBe(reading.identity.fullName.normalize('NFC'));
  }
}

describe('the reader never throws', () => {
  it('on arbitrary text: every plane, controls, lone surrogates, card-like pieces', () => {
    fc.assert(
      fc.property(fc.oneof(noisyText, mangledCard, fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' })), (raw) => {
        assertWellFormed(classifyScan(raw));
        assertWellFormed(parseCccdPayload(raw, { today: '2026-03-10' }));
      }),
      { numRuns: 3000 },
    );
  });

  it('on megabyte strings, which are refused as too long', () => {
    fc.assert(
      fc.property(fc.oneof(noisyText, mangledCard).filter((s) => s.length > 0), (chunk) => {
        const huge = chunk.repeat(Math.ceil(1_048_576 / chunk.length));
        expect(parseCccdPayload(huge).findings.map((f) => f.code)).toEqual(['PAYLOAD_TOO_LONG']);
        expect(classifyScan(huge).kind).toBe('rejected');
      }),
      { numRuns: 25 },
    );
  });

  it('refuses exactly the payloads over 4 KB of UTF-8', () => {
    fc.assert(
      fc.property(noisyUnit.filter((u) => u.length > 0), fc.integer({ min: 1000, max: 4200 }), (unit, count) => {
        const raw = unit.repeat(count).slice(0, 4200);
        const tooLong = Buffer.byteLength(raw, 'utf8') > MAX_PAYLOAD_BYTES;
        expect(classifyScan(raw).kind === 'rejected').toBe(tooLong);
      }),
      { numRuns: 300 },
    );
  });
});

// --- identities as cards state them -------------------------------------------------------------

const INITIALS = ['', 'B', 'C', 'Ch', 'D', 'Đ', 'G', 'Gi', 'H', 'Kh', 'L', 'M', 'N', 'Ng', 'Nh', 'Ph', 'Qu', 'S', 'T', 'Th', 'Tr', 'V', 'X'];
const NUCLEI = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y', 'oa', 'uy', 'ươ', 'iê', 'uô'];
const TONES = ['', '\u0300', '\u0301', '\u0303', '\u0309', '\u0323'];
const FINALS = ['', 'c', 'ch', 'm', 'n', 'ng', 'nh', 'p', 't'];

const syllable = fc
  .tuple(fc.constantFrom(...INITIALS), fc.constantFrom(...NUCLEI), fc.constantFrom(...TONES), fc.constantFrom(...FINALS))
  .map(([initial, nucleus, tone, final]) => {
    const word = `${initial}${nucleus.slice(0, 1)}${tone}${nucleus.slice(1)}${final}`.normalize('NFC');
    return word.charAt(0).toUpperCase() + word.slice(1);
  });
const fullName = fc.array(syllable, { minLength: 2, maxLength: 5 }).map((words) => words.join(' '));

const TRANSPORT_CHARACTERS = /[\u0000-\u001F\u007F-\u009F\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF|]/u;
const address = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.array(syllable, { maxLength: 8 }).map((w) => `Số ${w.length} ${w.join(' ')}, Hà Nội`),
)
  .filter((s) => !TRANSPORT_CHARACTERS.test(s))
  .map(normalizeName);

const day = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const dateOfBirth = fc.oneof(
  { weight: 8, arbitrary: day.map((value) => ({ value, precision: 'day' as const })) },
  { weight: 1, arbitrary: day.map((d) => ({ value: d.slice(0, 7), precision: 'month' as const })) },
  { weight: 1, arbitrary: day.map((d) => ({ value: d.slice(0, 4), precision: 'year' as const })) },
);

const identity: fc.Arbitrary<CccdIdentity> = fc.record({
  idNumber: fc.stringMatching(/^\d{12}$/),
  oldIdNumber: fc.option(fc.oneof(fc.stringMatching(/^\d{9}$/), fc.stringMatching(/^\d{12}$/)), { nil: null }),
  fullName,
  dob: dateOfBirth,
  sex: fc.constantFrom('male' as const, 'female' as const),
  address,
  issueDate: fc.option(day, { nil: null }),
}).map(({ dob, ...rest }) => ({ ...rest, dateOfBirth: dob.value, dateOfBirthPrecision: dob.precision }));

const EXPLAINED_BY_THE_PERSON = new Set([
  'ID_PROVINCE_UNKNOWN',
  'ID_SEX_MISMATCH',
  'ID_CENTURY_MISMATCH',
  'ID_BIRTH_YEAR_MISMATCH',
  'ISSUE_BEFORE_BIRTH',
  'DOB_PARTIAL',
  'ADDRESS_MISSING',
  'ADDRESS_GARBLED',
]);

describe('formatted identities read back as themselves', () => {
  it('in both the 7-field and the 2024 11-field layout', () => {
    fc.assert(
      fc.property(identity, fc.constantFrom(7 as const, 11 as const), (person, layout) => {
        const payload = formatCccdPayload(person, layout);
        const reading = parseCccdPayload(payload);
        // Only what the generated person itself may warrant: ID-number disagreements, partial dates, odd addresses.
        const unexpected = reading.findings.filter((f) => !EXPLAINED_BY_THE_PERSON.has(f.code));
        expect(unexpected).toEqual([]);
        expect(reading.identity).toEqual(person);
        expect(formatCccdPayload(reading.identity as CccdIdentity, layout)).toBe(payload);
        expect(classifyScan(payload)).toEqual(reading);
      }),
      { numRuns: 2000 },
    );
  });

  it('also when the scanner adds its usual wrapping', () => {
    fc.assert(
      fc.property(identity, fc.constantFrom('\r\n', '\n', '\t', '\r'), fc.constantFrom('', '\uFEFF', ']Q1', '\u0002'), (person, suffix, prefix) => {
        expect(parseCccdPayload(prefix + formatCccdPayload(person) + suffix).identity).toEqual(person);
      }),
      { numRuns: 500 },
    );
  });
});
