import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPersonEntry, isCountryCode, isPassportNumber, isValidBirthDate, normalizePassportNumber } from '../../../main/domain/checkin/person-entry';

const TODAY = '2026-03-10';
const codes = (r: ReturnType<typeof checkPersonEntry>) => r.findings.map((f) => f.code);

describe('a person typed in at the desk', () => {
  it('is stored the way a card would give it: NFC, single spaces, Vietnamese capitals', () => {
    const r = checkPersonEntry({ fullName: '  TRẦN   THỊ BÍCH ', dateOfBirth: '2005-09-02', sex: 'female', idNumber: ' 079305654321 ' }, TODAY);
    expect(r.person).toEqual({ fullName: 'Trần Thị Bích', dateOfBirth: '2005-09-02', sex: 'female', idNumber: '079305654321' });
    expect(codes(r)).toEqual(['NAME_RECASED']);
  });

  it('gets the card\'s ID-number cross-checks as warnings, and the card\'s errors as refusals', () => {
    expect(codes(checkPersonEntry({ fullName: 'Nguyễn Văn An', dateOfBirth: '1994-03-15', sex: 'female', idNumber: '001094123456' }, TODAY))).toEqual(['ID_SEX_MISMATCH']);
    expect(codes(checkPersonEntry({ fullName: 'Nguyễn Văn An', dateOfBirth: '1995-03-15', sex: 'male', idNumber: '001094123456' }, TODAY))).toEqual(['ID_BIRTH_YEAR_MISMATCH']);
    const refusals: [Parameters<typeof checkPersonEntry>[0], string][] = [
      [{ fullName: 'Nguyễn Văn An', dateOfBirth: '1994-02-30', sex: 'male' }, 'INVALID_DATE'],
      [{ fullName: 'Nguyễn Văn An', dateOfBirth: '2027-01-01', sex: 'male' }, 'DOB_IN_FUTURE'],
      [{ fullName: 'Nguyễn Văn An', dateOfBirth: '1994-03-15', sex: 'male', idNumber: '01094123456' }, 'ID_NUMBER_INVALID'],
      [{ fullName: '   ', dateOfBirth: '1994-03-15', sex: 'male' }, 'NAME_MISSING'],
      [{ fullName: 'Nguyễn <b>An</b>', dateOfBirth: '1994-03-15', sex: 'male' }, 'NAME_INVALID'],
    ];
    for (const [entry, code] of refusals) {
      const r = checkPersonEntry(entry, TODAY);
      expect(r.person, code).toBeNull();
      expect(codes(r)).toContain(code);
    }
  });

  it('accepts a birth year or month alone, said as such', () => {
    expect(codes(checkPersonEntry({ fullName: 'Đặng Thị Đào', dateOfBirth: '1945', sex: 'female' }, TODAY))).toEqual(['DOB_PARTIAL']);
    expect(checkPersonEntry({ fullName: 'Đặng Thị Đào', dateOfBirth: '1945-06', sex: 'female' }, TODAY).person?.dateOfBirth).toBe('1945-06');
    expect(isValidBirthDate('1945-13')).toBe(false);
    expect(isValidBirthDate('1849')).toBe(false);
  });

  it('does not call a foreign name incomplete for lacking Vietnamese vowels', () => {
    expect(codes(checkPersonEntry({ fullName: 'Vlk Smyth', dateOfBirth: '1980-05-17', sex: 'male' }, TODAY, { foreigner: true }))).toEqual([]);
    expect(codes(checkPersonEntry({ fullName: 'Vlk Smyth', dateOfBirth: '1980-05-17', sex: 'male' }, TODAY))).toContain('NAME_MAY_BE_INCOMPLETE');
  });

  it('never throws, whatever is typed', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ maxLength: 20 }), fc.option(fc.string({ maxLength: 20 })), (name, dob, id) => {
        const r = checkPersonEntry({ fullName: name, dateOfBirth: dob, sex: 'male', idNumber: id }, TODAY);
        expect(r.person === null || r.findings.every((f) => f.severity === 'warning')).toBe(true);
      }),
    );
  });
});

describe('passports', () => {
  it('normalises the number as printed in the machine-readable zone and knows country codes', () => {
    expect(normalizePassportNumber(' c 1234-5678 ')).toBe('C12345678');
    expect(isPassportNumber('C12345678')).toBe(true);
    expect(isPassportNumber('C1')).toBe(false);
    expect(isCountryCode('GB')).toBe(true);
    expect(isCountryCode('VN')).toBe(true);
    expect(isCountryCode('XX')).toBe(false);
    expect(isCountryCode('gb')).toBe(false);
  });
});
