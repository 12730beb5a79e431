import type { Database } from 'better-sqlite3';
import type { Target } from '../../preload/contract';

export interface TargetRecord {
  id: string;
  planId: string;
  idNumber: string | null;
  fullName: string;
  nameKey: string;
  dateOfBirth: string;
  sex: 'male' | 'female' | null;
  phone: string | null;
  address: string | null;
  targetGroup: string | null;
  productCode: string | null;
  doseNumber: number | null;
  sourceFile: string | null;
  sourceLine: number | null;
  importedAt: string;
  importedBy: string;
}

const COLUMNS = `id, plan_id AS planId, id_number AS idNumber, full_name AS fullName, date_of_birth AS dateOfBirth, sex, phone,
  address, target_group AS targetGroup, product_code AS productCode, dose_number AS doseNumber, source_line AS sourceLine`;

export function targetQueries(db: Database) {
  const insert = db.prepare(`INSERT INTO plan_target (id, plan_id, id_number, full_name, name_key, date_of_birth, sex, phone, address,
    target_group, product_code, dose_number, source_file, source_line, imported_at, imported_by)
    VALUES (@id, @planId, @idNumber, @fullName, @nameKey, @dateOfBirth, @sex, @phone, @address, @targetGroup, @productCode,
    @doseNumber, @sourceFile, @sourceLine, @importedAt, @importedBy)`);
  const idNumbers = db.prepare('SELECT id_number AS idNumber FROM plan_target WHERE plan_id = ? AND id_number IS NOT NULL').pluck();
  const count = db.prepare('SELECT count(*) FROM plan_target WHERE plan_id = ?').pluck();
  const page = db.prepare(`SELECT ${COLUMNS} FROM plan_target WHERE plan_id = ? ORDER BY name_key, id LIMIT ? OFFSET ?`);
  const byIdNumber = db.prepare(`SELECT ${COLUMNS} FROM plan_target WHERE plan_id = ? AND id_number = ?`);
  const searchCount = db.prepare(`SELECT count(*) FROM plan_target WHERE plan_id = @planId AND (name_key >= @key AND name_key < @keyEnd OR id_number LIKE @idPrefix)`).pluck();
  const search = db.prepare(`SELECT ${COLUMNS} FROM plan_target WHERE plan_id = @planId AND (name_key >= @key AND name_key < @keyEnd OR id_number LIKE @idPrefix)
    ORDER BY name_key, id LIMIT @limit OFFSET @offset`);
  return {
    insert: (t: TargetRecord) => void insert.run(t),
    idNumbers: (planId: string) => new Set(idNumbers.all(planId) as string[]),
    count: (planId: string) => count.get(planId) as number,
    page: (planId: string, limit: number, offset: number) => page.all(planId, limit, offset) as Target[],
    byIdNumber: (planId: string, idNumber: string) => (byIdNumber.get(planId, idNumber) as Target | undefined) ?? null,
    /** Name-prefix search on the folded key, or ID-number prefix. */
    search: (planId: string, key: string, idPrefix: string, limit: number, offset: number) => {
      const params = { planId, key, keyEnd: `${key}\uffff`, idPrefix: idPrefix ? `${idPrefix}%` : '\u0000', limit, offset };
      return { total: searchCount.get(params) as number, rows: search.all(params) as Target[] };
    },
  };
}
