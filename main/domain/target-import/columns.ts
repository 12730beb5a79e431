import { nameKey } from '../names';

/**
 * Target-list columns and the header spellings accepted for each. Headers are
 * matched on their folded form, so "Họ và tên", "HO_VA_TEN" and "ho va ten"
 * are one column. README.md documents this table for site staff.
 */
export const TARGET_COLUMNS = {
  idNumber: ['so_cccd', 'cccd', 'so_dinh_danh', 'so_dinh_danh_ca_nhan', 'id_number', 'citizen_id'],
  fullName: ['ho_va_ten', 'ho_ten', 'full_name', 'name'],
  dateOfBirth: ['ngay_sinh', 'ngay_thang_nam_sinh', 'date_of_birth', 'dob'],
  sex: ['gioi_tinh', 'sex', 'gender'],
  phone: ['so_dien_thoai', 'dien_thoai', 'sdt', 'phone'],
  address: ['dia_chi', 'address'],
  targetGroup: ['nhom_doi_tuong', 'doi_tuong', 'target_group'],
  product: ['vac_xin', 'vaccine', 'product'],
  doseNumber: ['mui_thu', 'mui', 'dose_number', 'dose'],
} as const;

export type TargetColumn = keyof typeof TARGET_COLUMNS;
export const REQUIRED_COLUMNS: readonly TargetColumn[] = ['fullName', 'dateOfBirth'];

export function headerKey(header: string): string {
  return nameKey(header).replace(/ /g, '_');
}

export type HeaderMapping =
  | { ok: true; columns: Partial<Record<TargetColumn, number>>; recognised: string[] }
  | { ok: false; missing: TargetColumn[] };

/** Maps each known column to its index in the header row. */
export function mapHeader(header: readonly string[]): HeaderMapping {
  const columns: Partial<Record<TargetColumn, number>> = {};
  const keys = header.map(headerKey);
  for (const [column, spellings] of Object.entries(TARGET_COLUMNS) as [TargetColumn, readonly string[]][]) {
    const index = keys.findIndex((k) => spellings.includes(k));
    if (index >= 0) columns[column] = index;
  }
  const missing = REQUIRED_COLUMNS.filter((c) => columns[c] === undefined);
  if (missing.length > 0) return { ok: false, missing };
  return { ok: true, columns, recognised: Object.keys(columns) };
}
