import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { MANIFEST_TABLES, recordLine, type ManifestTable, type StatementTable } from '../../../domain/close-of-day';

/**
 * Reads a session's records in the manifest's canonical order and writes
 * their lines (see main/domain/close-of-day/manifest.ts and
 * docs/close-of-day.md). Used when a day is closed and, with the columns a
 * stored statement lists, when a day is verified, by the station and by
 * `npm run station -- verify-day`.
 */

const PLAN_VISITS = `SELECT id FROM visit WHERE plan_id = @planId`;
const PLAN_LOTS = `SELECT id FROM vaccine_lot WHERE plan_id = @planId`;

/** Which rows of each table belong to a session. */
const SCOPE: Readonly<Record<string, string>> = {
  session_plan: `id = @planId`,
  vaccine_lot: `plan_id = @planId`,
  plan_target: `plan_id = @planId`,
  visit: `plan_id = @planId`,
  screening: `visit_id IN (${PLAN_VISITS})`,
  vial: `lot_id IN (${PLAN_LOTS})`,
  vial_waste: `vial_id IN (SELECT id FROM vial WHERE lot_id IN (${PLAN_LOTS}))`,
  dose: `visit_id IN (${PLAN_VISITS})`,
  observation: `visit_id IN (${PLAN_VISITS})`,
  aefi: `visit_id IN (${PLAN_VISITS})`,
  aefi_follow_up: `aefi_id IN (SELECT id FROM aefi WHERE visit_id IN (${PLAN_VISITS}))`,
  stock_count: `plan_id = @planId`,
  identity_conflict: `plan_id = @planId`,
  dose_correction_request: `plan_id = @planId`,
  close_decision: `plan_id = @planId`,
  session_reopen: `plan_id = @planId`,
  amendment: `plan_id = @planId`,
};

export interface DayRecords {
  /** The canonical lines, in order. */
  text: string;
  count: number;
  tables: StatementTable[];
  sha256: string;
}

export function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** The columns a table has now, in their defined order. */
export function tableColumns(db: Database, table: string): string[] {
  return (db.prepare(`SELECT name FROM pragma_table_info(?) ORDER BY cid`).all(table) as { name: string }[]).map((r) => r.name);
}

/** The columns hashed for a table today: all of them but the manifest's exclusions. */
export function manifestColumns(db: Database, t: ManifestTable): string[] {
  return tableColumns(db, t.name).filter((c) => !t.exclude.includes(c));
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * RFC 8785 JSON of one row, written directly: member names are sorted once
 * per table (UTF-16 order, as canonicalJson sorts), values are what SQLite
 * gives (text, integer, real, null), serialized by JSON.stringify as RFC 8785
 * asks. Equal to canonicalJson of the row object (a unit test holds them to it).
 */
function rowJson(sortedNames: readonly string[], indexes: readonly number[], row: readonly unknown[], table: string): string {
  let out = '{';
  for (let i = 0; i < sortedNames.length; i++) {
    const v = row[indexes[i]!];
    if (typeof v === 'bigint' || (typeof v === 'object' && v !== null)) throw new Error(`${table}.${sortedNames[i]} holds a value the manifest cannot represent`);
    if (typeof v === 'number' && !Number.isFinite(v)) throw new Error(`${table}.${sortedNames[i]} is not a finite number`);
    out += `${i === 0 ? '' : ','}${JSON.stringify(sortedNames[i])}:${v === null || v === undefined ? 'null' : JSON.stringify(v)}`;
  }
  return `${out}}`;
}

/**
 * The session's record lines. `columnsFor` gives the columns to hash per
 * table (today's for a close, the statement's for a verification); a column
 * the table no longer has is refused rather than silently skipped; null
 * leaves the table out.
 */
export function readDayRecords(db: Database, planId: string, columnsFor: (t: ManifestTable) => string[] | null = (t) => manifestColumns(db, t)): DayRecords {
  const tables: StatementTable[] = [];
  const all = createHash('sha256');
  const parts: string[] = [];
  let count = 0;
  for (const t of MANIFEST_TABLES) {
    const columns = columnsFor(t);
    // A table a statement does not list (added to the manifest after it was signed) is not part of it.
    if (columns === null) continue;
    const present = new Set(tableColumns(db, t.name));
    for (const c of columns) if (!present.has(c)) throw new Error(`${t.name} has no column ${c}`);
    if (!columns.includes(t.key)) throw new Error(`${t.name}: the key column ${t.key} must be hashed`);
    const sorted = [...columns].sort();
    const indexes = sorted.map((c) => columns.indexOf(c));
    const keyIndex = columns.indexOf(t.key);
    const statement = db.prepare(`SELECT ${columns.map(quote).join(', ')} FROM ${quote(t.name)} WHERE ${SCOPE[t.name]} ORDER BY ${quote(t.key)}`).raw();
    const own = createHash('sha256');
    let rows = 0;
    for (const row of statement.iterate({ planId }) as Iterable<unknown[]>) {
      const line = recordLine(t.name, String(row[keyIndex]), sha256Hex(rowJson(sorted, indexes, row, t.name)));
      own.update(line);
      all.update(line);
      parts.push(line);
      rows++;
    }
    count += rows;
    tables.push({ name: t.name, columns, rows, sha256: own.digest('hex') });
  }
  return { text: parts.join(''), count, tables, sha256: all.digest('hex') };
}
