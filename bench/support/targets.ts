import type { Database } from 'better-sqlite3';
import type { TargetRecord } from '../../db/queries/targets';
import { newId } from '../../main/core/ids';
import { nameKey } from '../../main/domain/names';
import type { SyntheticPerson } from '../../main/core/services/synthetic-people';

/**
 * Target rows written straight into plan_target, bypassing the import path:
 * the bare baseline for the import, and the fast way to fill a database with
 * a million rows before measuring how long it takes to open.
 */
export function* targetRecords(
  people: Iterable<SyntheticPerson>,
  planId: string,
  importedBy: string,
  importedAt: string,
  nextId: () => string = newId,
): Generator<TargetRecord> {
  // Synthetic names repeat a lot; folding each distinct name once keeps a million-row setup quick.
  const keys = new Map<string, string>();
  let line = 1;
  for (const p of people) {
    line++;
    let key = keys.get(p.fullName);
    if (key === undefined) keys.set(p.fullName, (key = nameKey(p.fullName)));
    yield {
      id: nextId(),
      planId,
      idNumber: p.idNumber,
      fullName: p.fullName,
      nameKey: key,
      dateOfBirth: p.dateOfBirth,
      sex: p.sex,
      phone: p.phone,
      address: p.address,
      targetGroup: 'adults_18_plus',
      productCode: 'comirnaty',
      doseNumber: 1,
      sourceFile: 'bench-targets.csv',
      sourceLine: line,
      importedAt,
      importedBy,
    };
  }
}

/** Inserts the rows with one prepared statement in one transaction; returns the count. */
export function insertTargetRecords(db: Database, insert: (row: TargetRecord) => void, rows: Iterable<TargetRecord>): number {
  return db.transaction(() => {
    let n = 0;
    for (const row of rows) {
      insert(row);
      n++;
    }
    return n;
  })();
}

/**
 * UUIDv7-shaped, time-ordered ids from a counter: the same text form and index
 * order as the station's ids, without the per-id cost of random bytes, for
 * setup that writes a million rows. Never for rows the station itself writes.
 */
export function sequentialIds(startMs: number, first = 0): () => string {
  const head = idHead(startMs);
  let n = first;
  return () => `${head}-7000-8000-${(n++).toString(16).padStart(12, '0')}`;
}

function idHead(startMs: number): string {
  const ts = startMs.toString(16).padStart(12, '0');
  return `${ts.slice(0, 8)}-${ts.slice(8, 12)}`;
}

/**
 * Copies one plan's targets into another inside SQLite (no row crosses into
 * JavaScript), giving each copy a fresh id from the same sequence as
 * sequentialIds(startMs, idOffset + rowid). Columns are read from the table, so
 * a later migration that adds one does not break the copy.
 */
export function copyPlanTargets(db: Database, fromPlanId: string, toPlanId: string, startMs: number, idOffset: number): number {
  const columns = (db.pragma('table_info(plan_target)') as { name: string }[]).map((c) => c.name);
  const values = columns.map((c) => (c === 'id' ? "printf('%s-7000-8000-%012x', @head, @offset + rowid)" : c === 'plan_id' ? '@to' : c));
  const sql = `INSERT INTO plan_target (${columns.join(', ')}) SELECT ${values.join(', ')} FROM plan_target WHERE plan_id = @from`;
  return db.prepare(sql).run({ head: idHead(startMs), offset: idOffset, to: toPlanId, from: fromPlanId }).changes;
}
