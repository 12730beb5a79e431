import { v7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import { newVietnamUvci } from '../../../main/certificates/dcc/issue';
import {
  hasValidUvciCheck,
  isIssuableUvci,
  makeUvci,
  uvciCheckCharacter,
  uvciOpaqueFromUuid,
} from '../../../main/domain/dcc/uvci';

describe('UVCI check character (Luhn mod 38 over the whole identifier)', () => {
  it('gives Z for the EU DCC schema FAQ example', () => {
    expect(uvciCheckCharacter('URN:UVCI:01:NL:187/37512422923')).toBe('Z');
  });

  it.each([
    'URN:UVCI:01:AT:10807843F94AEE0EE5093FBC254BD813#B',
    'URN:UVCI:01:AT:858CC18CFCF5965EF82F60E493349AA5#K',
    'URN:UVCI:01:AT:B5921A35D6A0D696421B3E2462178297#I',
    'URN:UVCI:01:NL:DADFCC47C7334E45A906DB12FD859FB7#1',
  ])('accepts the check character of the published identifier %s', (uvci) => {
    expect(hasValidUvciCheck(uvci)).toBe(true);
  });

  it('catches a mistyped character and a swap of neighbours', () => {
    expect(hasValidUvciCheck('URN:UVCI:01:AT:10807843F94AEE0EE5093FBC254BD814#B')).toBe(false);
    expect(hasValidUvciCheck('URN:UVCI:01:AT:10807843F94AEE0EE5093FBC254BD831#B')).toBe(false);
  });

  it('refuses characters outside the UVCI alphabet', () => {
    expect(uvciCheckCharacter('urn:uvci:01:vn:abc')).toBeNull();
    expect(makeUvci('VN', 'ABC-123')).toBeNull();
    expect(makeUvci('Vn', 'ABC123')).toBeNull();
  });

  it('has no check to validate when the identifier carries none (Viet Nam sample)', () => {
    expect(hasValidUvciCheck('URN:UVCI:01:VN:FFFE3D31FABD035899134A9D3BAE9BCF')).toBe(false);
  });
});

describe('new UVCIs for Viet Nam', () => {
  it('are well formed, checked and within the schema length', () => {
    const uvci = newVietnamUvci(v7());
    expect(uvci).toMatch(/^URN:UVCI:01:VN:[0-9A-Z]{25}#[A-Z0-9/:]$/);
    expect(isIssuableUvci(uvci)).toBe(true);
    expect(uvci.length).toBeLessThanOrEqual(80);
  });

  it('differ on every call', () => {
    const many = new Set(Array.from({ length: 2000 }, () => newVietnamUvci(v7())));
    expect(many.size).toBe(2000);
  });

  it('map distinct UUIDs to distinct identifiers', () => {
    expect(uvciOpaqueFromUuid('0190a7e2-1111-7000-8000-000000000001')).not.toBe(
      uvciOpaqueFromUuid('0190a7e2-1111-7000-8000-000000000002'),
    );
    expect(uvciOpaqueFromUuid('ffffffff-ffff-ffff-ffff-ffffffffffff')).toHaveLength(25);
    expect(uvciOpaqueFromUuid('not a uuid')).toBeNull();
  });
});
