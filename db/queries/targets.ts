import type { Database } from 'better-sqlite3';
import type { Target, TargetListRow, VisitStep } from '../../preload/contract';

/**
 * A stored target-list row: the person as the import validated them, and
 * which file and line they came from. The fields are the domain's valid row
 * (main/domain/target-import), restated here because db/ depends on nothing
 * above it; the service passes the validated row in.
 */
export interface TargetRecord {
  id: string;
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
  planId: string;
  sourceFile: string | null;
  sourceLine: number | null;
  importedAt: string;
  importedBy: string;
}

/** A target-list row and the citizen it was linked to when that person was checked in. */
export type LinkedTarget = Target & { citizenId: string | null };

/** A page row with the visit made against it (by the visit_target index), for "already checked in" marks. */
const LISTED = `, (SELECT v.queue_number FROM visit v WHERE v.target_id = plan_target.id) AS visitQueueNumber,
  (SELECT v.step FROM visit v WHERE v.target_id = plan_target.id) AS visitStep`;

type ListedRaw = Target & { visitQueueNumber: number | null; visitStep: VisitStep | null };
function listed({ visitQueueNumber, visitStep, ...t }: ListedRaw): TargetListRow {
  return { ...t, visit: visitQueueNumber !== null && visitStep !== null ? { queueNumber: visitQueueNumber, step: visitStep } : null };
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
  const page = db.prepare(`SELECT ${COLUMNS}${LISTED} FROM plan_target WHERE plan_id = ? ORDER BY name_key, id LIMIT ? OFFSET ?`);
  const byIdNumber = db.prepare(`SELECT ${COLUMNS} FROM plan_target WHERE plan_id = ? AND id_number = ?`);
  const searchCount = db.prepare(`SELECT count(*) FROM plan_target WHERE plan_id = @planId AND (name_key >= @key AND name_key < @keyEnd OR id_number LIKE @idPrefix)`).pluck();
  const search = db.prepare(`SELECT ${COLUMNS}${LISTED} FROM plan_target WHERE plan_id = @planId AND (name_key >= @key AND name_key < @keyEnd OR id_number LIKE @idPrefix)
    ORDER BY name_key, id LIMIT @limit OFFSET @offset`);
  // Check-in lookups: the row with the citizen it was linked to at an earlier check-in.
  const MATCH = `${COLUMNS}, citizen_id AS citizenId`;
  const matchById = db.prepare(`SELECT ${MATCH} FROM plan_target WHERE id = ?`);
  const matchByIdNumber = db.prepare(`SELECT ${MATCH} FROM plan_target INDEXED BY plan_target_id_number WHERE plan_id = ? AND id_number = ?`);
  const matchByNameInYear = db.prepare(`SELECT ${MATCH} FROM plan_target INDEXED BY plan_target_name
    WHERE plan_id = @planId AND name_key = @key AND date_of_birth >= @from AND date_of_birth < @to LIMIT 50`);
  const matchByCitizen = db.prepare(`SELECT ${MATCH} FROM plan_target INDEXED BY plan_target_citizen WHERE citizen_id = ? AND plan_id = ? LIMIT 1`);
  const link = db.prepare('UPDATE plan_target SET citizen_id = ? WHERE id = ?');
  return {
    matchById: (id: string) => (matchById.get(id) as LinkedTarget | undefined) ?? null,
    matchByIdNumber: (planId: string, idNumber: string) => (matchByIdNumber.get(planId, idNumber) as LinkedTarget | undefined) ?? null,
    /** Rows with this name key born within [from, to): callers narrow by date precision. */
    matchByNameInYear: (planId: string, key: string, from: string, to: string) => matchByNameInYear.all({ planId, key, from, to }) as LinkedTarget[],
    matchByCitizen: (planId: string, citizenId: string) => (matchByCitizen.get(citizenId, planId) as LinkedTarget | undefined) ?? null,
    /** Ties a list row to the citizen checked in for it. */
    linkCitizen: (id: string, citizenId: string) => void link.run(citizenId, id),
    insert: (t: TargetRecord) => void insert.run(t),
    idNumbers: (planId: string) => new Set(idNumbers.all(planId) as string[]),
    count: (planId: string) => count.get(planId) as number,
    page: (planId: string, limit: number, offset: number) => (page.all(planId, limit, offset) as ListedRaw[]).map(listed),
    byIdNumber: (planId: string, idNumber: string) => (byIdNumber.get(planId, idNumber) as Target | undefined) ?? null,
    /** Name-prefix search on the folded key, or ID-number prefix. */
    search: (planId: string, key: string, idPrefix: string, limit: number, offset: number) => {
      const params = { planId, key, keyEnd: `${key}\uffff`, idPrefix: idPrefix ? `${idPrefix}%` : '\u0000', limit, offset };
      return { total: searchCount.get(params) as number, rows: (search.all(params) as ListedRaw[]).map(listed) };
    },
  };
}
