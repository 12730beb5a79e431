import { headerKey } from '../target-import/columns';
import { compactIdNumber, parseDateText, parseSex } from '../target-import/parse-fields';
import { normalizeName } from '../names';
import type { IdentityValues, MismatchRow } from './classify';

/**
 * Columns of a mismatch list as the platform or the population database sends
 * it, matched leniently on folded headers like the target list ("Số CCCD",
 * "so_cccd", "CCCD" are one column). The platform's and the population
 * database's values come in column pairs distinguished by a prefix or suffix.
 */
export const MISMATCH_COLUMNS = {
  recordId: ['ma_ho_so', 'ma_ban_ghi', 'ma_mui_tiem', 'record_id', 'dose_id', 'id_ban_ghi', 'identifier'],
  cccd: ['so_cccd', 'cccd', 'so_dinh_danh', 'citizen_id'],
  platformName: ['ho_ten_nen_tang', 'ho_ten_he_thong', 'platform_name'],
  platformBirthDate: ['ngay_sinh_nen_tang', 'ngay_sinh_he_thong', 'platform_birth_date', 'platform_dob'],
  platformSex: ['gioi_tinh_nen_tang', 'gioi_tinh_he_thong', 'platform_sex'],
  platformId: ['so_dinh_danh_nen_tang', 'cccd_nen_tang', 'platform_id'],
  populationName: ['ho_ten_csdlqg', 'ho_ten_dan_cu', 'population_name'],
  populationBirthDate: ['ngay_sinh_csdlqg', 'ngay_sinh_dan_cu', 'population_birth_date', 'population_dob'],
  populationSex: ['gioi_tinh_csdlqg', 'gioi_tinh_dan_cu', 'population_sex'],
  populationId: ['so_dinh_danh_csdlqg', 'cccd_csdlqg', 'cccd_dan_cu', 'population_id'],
} as const;

export type MismatchColumn = keyof typeof MISMATCH_COLUMNS;

export type MismatchHeader =
  | { ok: true; columns: Partial<Record<MismatchColumn, number>> }
  | { ok: false; reason: 'no-identifier' | 'no-reference-values' };

export function mapMismatchHeader(header: readonly string[]): MismatchHeader {
  const keys = header.map(headerKey);
  const columns: Partial<Record<MismatchColumn, number>> = {};
  for (const [column, spellings] of Object.entries(MISMATCH_COLUMNS) as [MismatchColumn, readonly string[]][]) {
    const index = keys.findIndex((k) => spellings.includes(k));
    if (index >= 0) columns[column] = index;
  }
  // A row must point at a station record somehow, and say what the right values are.
  if (columns.recordId === undefined && columns.cccd === undefined) return { ok: false, reason: 'no-identifier' };
  const reference = Object.keys(columns).filter((c) => c.startsWith('platform') || c.startsWith('population'));
  if (reference.length === 0) return { ok: false, reason: 'no-reference-values' };
  return { ok: true, columns };
}

export type RowProblem = 'bad-date' | 'bad-sex' | 'no-identifier';

export type ParsedMismatch = { ok: true; row: MismatchRow } | { ok: false; problem: RowProblem; column: MismatchColumn | null };

/** A birth date as lists write it, or only the year when that is all the database holds. */
function parseBirthDate(text: string): string | null | 'bad' {
  const t = text.trim();
  if (t === '') return null;
  if (/^\d{4}$/u.test(t)) return t;
  const d = parseDateText(t);
  return d.ok ? d.value : 'bad';
}

export function parseMismatchRow(cells: readonly string[], columns: Partial<Record<MismatchColumn, number>>): ParsedMismatch {
  const cell = (c: MismatchColumn): string => {
    const i = columns[c];
    return i === undefined ? '' : (cells[i] ?? '').trim();
  };
  const values = (prefix: 'platform' | 'population'): IdentityValues | RowProblem => {
    const birth = parseBirthDate(cell(`${prefix}BirthDate`));
    if (birth === 'bad') return 'bad-date';
    const sexText = cell(`${prefix}Sex`);
    const sex = sexText === '' ? null : parseSex(sexText);
    if (sexText !== '' && sex === null) return 'bad-sex';
    const name = cell(`${prefix}Name`);
    const id = compactIdNumber(cell(`${prefix}Id`));
    return { fullName: name === '' ? null : normalizeName(name), birthDate: birth, sex, idNumber: id === '' ? null : id };
  };
  const platform = values('platform');
  if (typeof platform === 'string') return { ok: false, problem: platform, column: platform === 'bad-date' ? 'platformBirthDate' : 'platformSex' };
  const population = values('population');
  if (typeof population === 'string')
    return { ok: false, problem: population, column: population === 'bad-date' ? 'populationBirthDate' : 'populationSex' };
  const recordId = cell('recordId');
  const cccd = compactIdNumber(cell('cccd'));
  if (recordId === '' && cccd === '') return { ok: false, problem: 'no-identifier', column: null };
  return { ok: true, row: { recordId: recordId || null, cccd: cccd || null, platform, population } };
}
