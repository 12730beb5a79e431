import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCccdPayload } from '../../../main/domain/cccd';

/**
 * Every case of the shared CCCD variants table (copied into test/fixtures/cccd)
 * gives the result its expectation column states.
 */
interface Case {
  name: string;
  raw: string;
  expect: string;
}

function unescape(text: string): string {
  return text.replace(/\\(r|n|t|u([0-9a-fA-F]{4}))/g, (_m, c: string, hex?: string) =>
    hex ? String.fromCharCode(parseInt(hex, 16)) : c === 'r' ? '\r' : c === 'n' ? '\n' : '\t',
  );
}

const cases: Case[] = readFileSync(new URL('../../fixtures/cccd/cccd-qr-variants.tsv', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '' && !line.startsWith('#'))
  .map((line) => {
    const [name = '', raw = '', expectation = ''] = line.split('\t');
    return { name, raw: unescape(raw), expect: expectation };
  });

/** The finding each warn/error row is about; the table states it in prose. */
const EXPECTED_CODE: Record<string, string> = {
  gender_mismatch: 'ID_SEX_MISMATCH',
  century_mismatch: 'ID_CENTURY_MISMATCH',
  year_mismatch: 'ID_BIRTH_YEAR_MISMATCH',
  bad_province: 'ID_PROVINCE_UNKNOWN',
  bad_date: 'INVALID_DATE',
  too_few_fields: 'TOO_FEW_FIELDS',
  not_cccd: 'NOT_CCCD',
};

function keyValues(expectation: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of expectation.matchAll(/(\w+)=(\S*)/g)) out[m[1] as string] = m[2] as string;
  return out;
}

describe('shared CCCD variants table', () => {
  it('has all twelve cases', () => {
    expect(cases.map((c) => c.name)).toHaveLength(12);
  });

  for (const c of cases) {
    it(`${c.name}: ${c.expect}`, () => {
      const reading = parseCccdPayload(c.raw);
      const codes = reading.findings.map((f) => f.code);
      if (c.expect.startsWith('ok')) {
        expect(reading.findings).toEqual([]);
        const identity = reading.identity;
        expect(identity).not.toBeNull();
        const kv = keyValues(c.expect);
        if (kv.id !== undefined) expect(identity?.idNumber).toBe(kv.id);
        if (kv.cmnd !== undefined) expect(identity?.oldIdNumber).toBe(kv.cmnd === '' ? null : kv.cmnd);
        if (kv.dob !== undefined) expect(identity?.dateOfBirth).toBe(kv.dob);
        if (kv.sex !== undefined) expect(identity?.sex).toBe(kv.sex);
        if (kv.issue !== undefined) expect(identity?.issueDate).toBe(kv.issue);
        const nfc = /NFC == "([^"]+)"/.exec(c.expect);
        if (nfc) expect(identity?.fullName).toBe(nfc[1]);
        expect(identity?.fullName).toBe(identity?.fullName.normalize('NFC'));
      } else {
        const code = EXPECTED_CODE[c.name];
        expect(code, `no expected code listed for ${c.name}`).toBeDefined();
        expect(codes).toContain(code);
        if (c.expect.startsWith('warn')) {
          // A warning leaves the identity in place for a person to judge.
          expect(reading.identity).not.toBeNull();
          expect(reading.findings.every((f) => f.severity === 'warning')).toBe(true);
        } else {
          expect(reading.identity).toBeNull();
          expect(reading.findings.find((f) => f.code === code)?.severity).toBe('error');
        }
      }
    });
  }
});
