import BetterSqlite3 from 'better-sqlite3';
import { statSync } from 'node:fs';
import { applyPragmas, closeDatabase } from '../../db/open';
import { ManualClock } from '../../main/core/clock';
import { syntheticPeople } from '../../main/core/services/synthetic-people';
import { createStation } from '../../main/core/station';
import { msSince, nowNs } from '../harness';
import { BENCH_MORNING, openBenchStation, planSession, setUpSite } from './station';
import { targetQueries } from '../../db/queries/targets';
import { copyPlanTargets, insertTargetRecords, sequentialIds, targetRecords } from './targets';

/**
 * A station database as it looks after months of sessions: ten plans of
 * 100,000 targets each, today's plan open. Built fast (one transaction per
 * plan on a setup connection with durability off) because the build is setup,
 * not the figure; the timed opens use the station's own pragmas.
 */
export const PLANS = 10;
export const TARGETS_PER_PLAN = 100_000;

export async function buildMillionTargetDatabase(
  dir: string,
  note: (m: string) => void,
): Promise<{ file: string; openPlanId: string; rows: number; fileMb: number; ms: number }> {
  const start = nowNs();
  const b = openBenchStation(dir);
  const { supervisorId } = await setUpSite(b);
  const planIds: string[] = [];
  for (let d = 0; d < PLANS; d++) planIds.push((await planSession(b, d, TARGETS_PER_PLAN)).id);
  const openPlanId = planIds[0]!;
  await b.call('plan:open', { id: openPlanId });
  b.close();

  const db = new BetterSqlite3(b.file);
  // Setup shortcuts, safe only because a crash here means rebuilding a throw-away file: no journal
  // fsyncs, no WAL copy of every page, and the secondary indexes built once, sorted, after the rows.
  // A sorted build packs index pages fuller than months of random inserts would, so the file is
  // a little smaller than a real one and the open figures a little kinder.
  db.pragma('journal_mode = DELETE');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -262144');
  db.pragma('temp_store = MEMORY');
  const indexes = db
    .prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'plan_target' AND sql IS NOT NULL")
    .all() as { name: string; sql: string }[];
  // Statements are prepared while the indexes exist: some lookups name their index (INDEXED BY).
  const { insert } = targetQueries(db);
  for (const i of indexes) db.exec(`DROP INDEX ${i.name}`);
  // One plan's worth of citizens generated in JavaScript, the other plans copied from it inside
  // SQLite: the same people on several days' lists, as with second doses, at a fraction of the cost.
  const startMs = BENCH_MORNING.getTime();
  note(`filling plan 1/${PLANS}`);
  let rows = insertTargetRecords(db, insert, targetRecords(syntheticPeople(TARGETS_PER_PLAN, 1000), openPlanId, supervisorId, BENCH_MORNING.toISOString(), sequentialIds(startMs)));
  note(`copying it into plans 2–${PLANS}`);
  for (const [d, planId] of planIds.entries()) {
    if (d > 0) rows += db.transaction(() => copyPlanTargets(db, openPlanId, planId, startMs, d * 0x1000000))();
  }
  note('building the indexes');
  for (const i of indexes) db.exec(i.sql);
  db.pragma('journal_mode = WAL');
  // Closed the way the station closes (optimize, WAL checkpointed), so every timed open starts from the same file.
  closeDatabase(db);
  return { file: b.file, openPlanId, rows, fileMb: statSync(b.file).size / 1024 / 1024, ms: msSince(start) };
}

/**
 * What a restart costs before the first desk sees its list: the station core
 * opens the file (pragmas, migrations check, prepared statements), finds
 * today's open session and reads the first page of its targets, as
 * plan:current and targets:list do.
 */
export function openAndReadStation(file: string, expectedPlanId: string): { openMs: number; readMs: number } {
  const start = nowNs();
  const station = createStation({ databasePath: file, clock: new ManualClock(BENCH_MORNING), log: { info() {}, warn() {}, error() {} } });
  const openMs = msSince(start);
  const readStart = nowNs();
  const current = station.services.plans.current();
  const q = station.services.store.q.targets;
  const total = current ? q.count(current.id) : 0;
  const page = current ? q.page(current.id, 50, 0) : [];
  const readMs = msSince(readStart);
  station.close();
  if (current?.id !== expectedPlanId || total !== TARGETS_PER_PLAN || page.length !== 50) {
    throw new Error(`first read saw plan ${current?.id ?? 'none'} with ${total} targets and a page of ${page.length}`);
  }
  return { openMs, readMs };
}

/** The floor: a bare connection with the same pragmas and the same two reads, no migrations check, no services. */
export function openAndReadBare(file: string, planId: string): number {
  const start = nowNs();
  const db = new BetterSqlite3(file);
  applyPragmas(db);
  db.prepare('SELECT count(*) FROM plan_target WHERE plan_id = ?').pluck().get(planId);
  const page = db.prepare('SELECT * FROM plan_target WHERE plan_id = ? ORDER BY name_key, id LIMIT 50').all(planId);
  const ms = msSince(start);
  db.close();
  if (page.length !== 50) throw new Error(`bare read saw ${page.length} rows`);
  return ms;
}
