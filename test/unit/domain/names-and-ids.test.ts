import { describe, expect, it } from 'vitest';
import { checkIdNumber, decodeIdNumber } from '../../../main/domain/id-number';
import { nameKey, normalizeName } from '../../../main/domain/names';
import { ageInYears, addDays, siteDay } from '../../../main/domain/site-time';
import { parseDateText, parsePhone, parseSex } from '../../../main/domain/target-import/parse-fields';
import { mapHeader } from '../../../main/domain/target-import/columns';

describe('names', () => {
  it('stores NFC with single spaces, whatever the keyboard or card sent', () => {
    expect(normalizeName('  Nguye\u0302\u0303n   Va\u0306n An ')).toBe('Nguyễn Văn An');
  });
  it('compares case- and diacritics-insensitively, with Đ folded to D', () => {
    expect(nameKey('Đặng Thị Ánh')).toBe('dang thi anh');
    expect(nameKey('NGUYEN  van an')).toBe(nameKey('Nguyễn Văn An'));
  });
});

describe('CCCD number', () => {
  it('decodes province, sex and century', () => {
    expect(decodeIdNumber('079305654321')).toMatchObject({ province: '079', provinceName: 'Hồ Chí Minh', sex: 'female', century: 2000, yearDigits: '05' });
    expect(decodeIdNumber('12345')).toBeNull();
  });
  it('agrees with a matching person and names each disagreement', () => {
    expect(checkIdNumber('001094123456', { dateOfBirth: '1994-03-15', sex: 'male' })).toEqual([]);
    expect(checkIdNumber('001094123456', { dateOfBirth: '1994-03-15', sex: 'female' }).map((f) => f.code)).toEqual(['ID_SEX_MISMATCH']);
    expect(checkIdNumber('001294123456', { dateOfBirth: '1994-03-15', sex: 'male' }).map((f) => f.code)).toEqual(['ID_CENTURY_MISMATCH']);
    expect(checkIdNumber('001095123456', { dateOfBirth: '1994-03-15' }).map((f) => f.code)).toEqual(['ID_BIRTH_YEAR_MISMATCH']);
    expect(checkIdNumber('003094123456', {}).map((f) => f.code)).toEqual(['ID_PROVINCE_UNKNOWN']);
  });
});

describe('site time', () => {
  it('files an instant on the day in Viet Nam, not the machine\'s zone', () => {
    expect(siteDay(new Date('2026-03-09T16:59:59Z'))).toBe('2026-03-09');
    expect(siteDay(new Date('2026-03-09T17:00:00Z'))).toBe('2026-03-10');
  });
  it('counts age in completed years, birthday inclusive', () => {
    expect(ageInYears('2014-03-10', '2026-03-09')).toBe(11);
    expect(ageInYears('2014-03-10', '2026-03-10')).toBe(12);
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
  });
});

describe('spreadsheet fields', () => {
  it('reads the date forms Vietnamese spreadsheets use, and refuses impossible ones', () => {
    expect(parseDateText('15/03/1994')).toEqual({ ok: true, value: '1994-03-15' });
    expect(parseDateText('5-3-1994')).toEqual({ ok: true, value: '1994-03-05' });
    expect(parseDateText('15031994')).toEqual({ ok: true, value: '1994-03-15' });
    expect(parseDateText('1994-03-15')).toEqual({ ok: true, value: '1994-03-15' });
    expect(parseDateText('31/02/1994')).toEqual({ ok: false, reason: 'impossible' });
    expect(parseDateText('March 5')).toEqual({ ok: false, reason: 'format' });
  });
  it('reads sex and phone as people write them', () => {
    expect(parseSex('Nữ')).toBe('female');
    expect(parseSex('NAM')).toBe('male');
    expect(parseSex('x')).toBeNull();
    expect(parsePhone('+84 912 345 678')).toBe('0912345678');
    expect(parsePhone('12')).toBeNull();
  });
  it('matches headers in Vietnamese with or without accents, and in English', () => {
    const m = mapHeader(['Số CCCD', 'Họ và tên', 'NGAY SINH', 'gender']);
    expect(m).toEqual({ ok: true, columns: { idNumber: 0, fullName: 1, dateOfBirth: 2, sex: 3 }, recognised: ['idNumber', 'fullName', 'dateOfBirth', 'sex'] });
    expect(mapHeader(['name'])).toEqual({ ok: false, missing: ['dateOfBirth'] });
  });
});
