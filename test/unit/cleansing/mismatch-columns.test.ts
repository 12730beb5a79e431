import { describe, expect, it } from 'vitest';
import { mapMismatchHeader, parseMismatchRow } from '../../../main/domain/cleansing/mismatch-columns';

describe('mismatch list columns', () => {
  const header = ['Mã hồ sơ', 'Số CCCD', 'Họ tên nền tảng', 'Ngày sinh CSDLQG', 'Giới tính CSDLQG', 'Họ tên CSDLQG'];

  it('matches Vietnamese headers leniently', () => {
    const m = mapMismatchHeader(header);
    expect(m).toEqual({
      ok: true,
      columns: { recordId: 0, cccd: 1, platformName: 2, populationBirthDate: 3, populationSex: 4, populationName: 5 },
    });
    expect(mapMismatchHeader(['HO_TEN_CSDLQG'])).toEqual({ ok: false, reason: 'no-identifier' });
    expect(mapMismatchHeader(['record_id', 'note'])).toEqual({ ok: false, reason: 'no-reference-values' });
  });

  it('parses dates, year-only dates, sex and spaced ID numbers; reports bad cells by column', () => {
    const m = mapMismatchHeader(header);
    if (!m.ok) throw new Error('header');
    expect(parseMismatchRow(['r1', '001 090 004567', 'Nguyen Van An', '07/03/1990', 'Nam', 'Nguyễn  Văn Ân'], m.columns)).toEqual({
      ok: true,
      row: {
        recordId: 'r1',
        cccd: '001090004567',
        platform: { fullName: 'Nguyen Van An', birthDate: null, sex: null, idNumber: null },
        population: { fullName: 'Nguyễn Văn Ân', birthDate: '1990-03-07', sex: 'male', idNumber: null },
      },
    });
    const yearOnly = parseMismatchRow(['r1', '', '', '1990', 'Nữ', ''], m.columns);
    expect(yearOnly.ok && yearOnly.row.population).toMatchObject({ birthDate: '1990', sex: 'female' });
    expect(parseMismatchRow(['r1', '', '', '31/02/1990', '', ''], m.columns)).toEqual({
      ok: false,
      problem: 'bad-date',
      column: 'populationBirthDate',
    });
    expect(parseMismatchRow(['r1', '', '', '', 'x', ''], m.columns)).toMatchObject({ ok: false, problem: 'bad-sex' });
    expect(parseMismatchRow(['', '', 'A', '', '', ''], m.columns)).toMatchObject({ ok: false, problem: 'no-identifier' });
  });
});
