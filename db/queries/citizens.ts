import type { Database, Statement } from 'better-sqlite3';
import type { CitizenSummary, IdentityCorrection, Verification } from '../../preload/contract';

export interface CitizenRecord {
  id: string;
  idNumber: string | null;
  oldIdNumber: string | null;
  passportNumber: string | null;
  nationality: string | null;
  fullName: string;
  nameKey: string;
  dateOfBirth: string;
  sex: 'male' | 'female' | null;
  address: string | null;
  phone: string | null;
  cardIssueDate: string | null;
  verification: Verification;
  createdAt: string;
  createdBy: string | null;
  updatedAt: string;
}

export interface CorrectionRecord {
  id: string;
  citizenId: string;
  targetId: string | null;
  field: 'idNumber' | 'fullName' | 'dateOfBirth' | 'sex' | 'address';
  before: string | null;
  after: string | null;
  source: 'card' | 'supervisor';
  staffId: string;
  at: string;
}

const COLUMNS = `id, id_number AS idNumber, old_id_number AS oldIdNumber, passport_number AS passportNumber, nationality,
  full_name AS fullName, name_key AS nameKey, date_of_birth AS dateOfBirth, sex, address, phone, card_issue_date AS cardIssueDate,
  verification, created_at AS createdAt, created_by AS createdBy, updated_at AS updatedAt`;

/** Identity columns a check-in may change, and their names in the table. */
const UPDATABLE = {
  idNumber: 'id_number',
  oldIdNumber: 'old_id_number',
  fullName: 'full_name',
  nameKey: 'name_key',
  dateOfBirth: 'date_of_birth',
  sex: 'sex',
  address: 'address',
  cardIssueDate: 'card_issue_date',
  verification: 'verification',
} as const satisfies Partial<Record<keyof CitizenRecord, string>>;

function pick<T extends object, K extends keyof T>(o: T, keys: readonly K[]): Pick<T, K> {
  const out = {} as Pick<T, K>;
  for (const k of keys) out[k] = o[k];
  return out;
}

export function toCitizenSummary(c: CitizenRecord): CitizenSummary {
  return {
    id: c.id,
    idNumber: c.idNumber,
    passportNumber: c.passportNumber,
    nationality: c.nationality,
    fullName: c.fullName,
    dateOfBirth: c.dateOfBirth,
    sex: c.sex,
    verification: c.verification,
  };
}

/**
 * Citizens the station knows. Every lookup names its index (INDEXED BY): the
 * check-in desk's response time with a million people on file depends on
 * these plans, so a planner change fails loudly instead of scanning.
 */
export function citizenQueries(db: Database) {
  const byId = db.prepare(`SELECT ${COLUMNS} FROM citizen WHERE id = ?`);
  const byIdNumber = db.prepare(`SELECT ${COLUMNS} FROM citizen INDEXED BY citizen_id_number WHERE id_number = ?`);
  const byPassport = db.prepare(`SELECT ${COLUMNS} FROM citizen INDEXED BY citizen_passport WHERE nationality = ? AND passport_number = ?`);
  const byNameInYear = db.prepare(`SELECT ${COLUMNS} FROM citizen INDEXED BY citizen_name
    WHERE name_key = @key AND date_of_birth >= @from AND date_of_birth < @to LIMIT 50`);
  const namePrefix = db.prepare(`SELECT ${COLUMNS} FROM citizen INDEXED BY citizen_name
    WHERE name_key >= @from AND name_key < @to ORDER BY name_key, date_of_birth LIMIT @limit`);
  // The unary + keeps the year a filter on the index entries walked in name order. Given both ranges,
  // the planner (with ANALYZE statistics of a big file) picks a skip-scan over every distinct name
  // instead, tens of times slower for a short name like "nguyen".
  const namePrefixInYear = db.prepare(`SELECT ${COLUMNS} FROM citizen INDEXED BY citizen_name
    WHERE name_key >= @from AND name_key < @to AND +date_of_birth >= @dobFrom AND +date_of_birth < @dobTo
    ORDER BY name_key, date_of_birth LIMIT @limit`);
  const namePrefixOnDays = db.prepare(`SELECT ${COLUMNS} FROM citizen INDEXED BY citizen_dob_name
    WHERE date_of_birth IN (@day, @month, @year) AND name_key >= @from AND name_key < @to
    ORDER BY name_key, date_of_birth LIMIT @limit`);
  const idPrefix = db.prepare(`SELECT ${COLUMNS} FROM citizen INDEXED BY citizen_id_number
    WHERE id_number >= @from AND id_number < @to ORDER BY id_number LIMIT @limit`);
  const passportPrefix = db.prepare(`SELECT ${COLUMNS} FROM citizen INDEXED BY citizen_passport_number
    WHERE passport_number >= @from AND passport_number < @to ORDER BY passport_number LIMIT @limit`);
  const insert = db.prepare(`INSERT INTO citizen (id, id_number, old_id_number, passport_number, nationality, full_name, name_key,
    date_of_birth, sex, address, phone, card_issue_date, verification, created_at, created_by, updated_at)
    VALUES (@id, @idNumber, @oldIdNumber, @passportNumber, @nationality, @fullName, @nameKey, @dateOfBirth, @sex, @address, @phone,
    @cardIssueDate, @verification, @createdAt, @createdBy, @updatedAt)`);
  // One statement per set of changed columns: an indexed column left out of SET leaves its index
  // untouched, so a returning citizen whose card matches costs no index writes at all.
  const updates = new Map<string, Statement>();
  const updateColumns = (columns: readonly (keyof typeof UPDATABLE)[]) => {
    const key = columns.join(',');
    let statement = updates.get(key);
    if (!statement) {
      statement = db.prepare(`UPDATE citizen SET ${columns.map((c) => `${UPDATABLE[c]} = @${c}`).join(', ')}, updated_at = @updatedAt WHERE id = @id`);
      updates.set(key, statement);
    }
    return statement;
  };
  const insertCorrection = db.prepare(`INSERT INTO identity_correction (id, citizen_id, target_id, field, before_value, after_value, source, staff_id, at)
    VALUES (@id, @citizenId, @targetId, @field, @before, @after, @source, @staffId, @at)`);
  const corrections = db.prepare(`SELECT c.id, c.field, c.before_value AS "before", c.after_value AS "after", c.source, s.full_name AS staffName,
    c.at, c.target_id AS targetId FROM identity_correction c JOIN staff s ON s.id = c.staff_id
    WHERE c.citizen_id = ? ORDER BY c.at DESC, c.id DESC`);

  const one = (row: unknown) => (row as CitizenRecord | undefined) ?? null;
  const range = (prefix: string) => ({ from: prefix, to: `${prefix}\uffff` });
  return {
    byId: (id: string) => one(byId.get(id)),
    byIdNumber: (idNumber: string) => one(byIdNumber.get(idNumber)),
    byPassport: (nationality: string, passportNumber: string) => one(byPassport.get(nationality, passportNumber)),
    /** Everyone with this name key born within [from, to): callers narrow by date precision. */
    byNameInYear: (key: string, from: string, to: string) => byNameInYear.all({ key, from, to }) as CitizenRecord[],
    searchByName: (keyPrefix: string, limit: number) => namePrefix.all({ ...range(keyPrefix), limit }) as CitizenRecord[],
    searchByNameInYear: (keyPrefix: string, year: string, limit: number) =>
      namePrefixInYear.all({ ...range(keyPrefix), dobFrom: year, dobTo: `${year}~`, limit }) as CitizenRecord[],
    /** Born on `day` (or recorded with only its month or year), name starting with the prefix. */
    searchByNameOnDay: (keyPrefix: string, day: string, limit: number) =>
      namePrefixOnDays.all({ ...range(keyPrefix), day, month: day.slice(0, 7), year: day.slice(0, 4), limit }) as CitizenRecord[],
    searchByIdNumber: (digits: string, limit: number) => idPrefix.all({ ...range(digits), limit }) as CitizenRecord[],
    searchByPassport: (prefix: string, limit: number) => passportPrefix.all({ ...range(prefix), limit }) as CitizenRecord[],
    insert: (c: CitizenRecord) => void insert.run(c),
    /** Writes the columns of `after` that differ from `before` (and updated_at); nothing when none differ. */
    update: (before: CitizenRecord, after: CitizenRecord) => {
      const changed = (Object.keys(UPDATABLE) as (keyof typeof UPDATABLE)[]).filter((c) => before[c] !== after[c]);
      if (changed.length > 0) updateColumns(changed).run({ ...pick(after, changed), updatedAt: after.updatedAt, id: after.id });
      return changed.length > 0;
    },
    insertCorrection: (c: CorrectionRecord) => void insertCorrection.run(c),
    corrections: (citizenId: string) => corrections.all(citizenId) as IdentityCorrection[],
  };
}
