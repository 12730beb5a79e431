import { targetQueries } from '../../db/queries/targets';
import BetterSqlite3 from 'better-sqlite3';
import { closeSync, fsyncSync, openSync } from 'node:fs';
import { closeDatabase } from '../../db/open';
import type { CitizenRecord } from '../../db/queries/citizens';
import { nameKey } from '../../main/domain/names';
import { syntheticPeople, type SyntheticPerson } from '../../main/core/services/synthetic-people';
import { msSince, nowNs } from '../harness';
import { BENCH_MORNING, BENCH_TODAY, openBenchStation, planSession, setUpSite } from './station';
import { insertTargetRecords, sequentialIds, targetRecords } from './targets';

/**
 * A station that has known a million citizens (earlier sessions, imported
 * lists), with today's session open and a target list drawn from them.
 * Built fast and untimed: rows go straight into the tables on a setup
 * connection with durability off and the citizen indexes built once,
 * sorted, after the rows; the timed work then runs on the station's own
 * connection and pragmas.
 */
export const CITIZENS = 1_000_000;
export const TODAYS_TARGETS = 20_000;
const SEED = 1994;

export interface MillionCitizens {
  file: string;
  planId: string;
  /**
   * A sample of the people on file: every person of today's list, then every 25th of the rest.
   * Only a sample is kept: a million objects held through the measurements would make the
   * collector's pauses part of every figure.
   */
  people: SyntheticPerson[];
  ms: number;
}

export async function buildMillionCitizens(dir: string, note: (m: string) => void): Promise<MillionCitizens> {
  const start = nowNs();
  const b = openBenchStation(dir);
  const { supervisorId } = await setUpSite(b);
  const plan = await planSession(b, 0, TODAYS_TARGETS);
  await b.call('plan:open', { id: plan.id });
  b.close();

  note(`generating ${CITIZENS.toLocaleString('en-US')} citizens`);
  const people = [...syntheticPeople(CITIZENS, SEED, { withoutIdEvery: 50 })];
  const db = new BetterSqlite3(b.file);
  db.pragma('journal_mode = DELETE');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -262144');
  db.pragma('temp_store = MEMORY');
  const indexes = db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'citizen' AND sql IS NOT NULL").all() as { name: string; sql: string }[];
  for (const i of indexes) db.exec(`DROP INDEX ${i.name}`);
  note('writing them');
  const insert = db.prepare(`INSERT INTO citizen (id, id_number, old_id_number, passport_number, nationality, full_name, name_key, date_of_birth, sex,
    address, phone, card_issue_date, verification, created_at, created_by, updated_at) VALUES (@id, @idNumber, @oldIdNumber, @passportNumber,
    @nationality, @fullName, @nameKey, @dateOfBirth, @sex, @address, @phone, @cardIssueDate, @verification, @createdAt, @createdBy, @updatedAt)`);
  const keys = new Map<string, string>();
  const nextId = sequentialIds(BENCH_MORNING.getTime() - 86_400_000);
  const at = new Date(BENCH_MORNING.getTime() - 30 * 86_400_000).toISOString();
  db.transaction(() => {
    for (const p of people) {
      let key = keys.get(p.fullName);
      if (key === undefined) keys.set(p.fullName, (key = nameKey(p.fullName)));
      const row: CitizenRecord = {
        id: nextId(),
        idNumber: p.idNumber,
        oldIdNumber: null,
        passportNumber: null,
        nationality: null,
        fullName: p.fullName,
        nameKey: key,
        dateOfBirth: p.dateOfBirth,
        sex: p.sex,
        address: p.address,
        phone: p.phone,
        cardIssueDate: null,
        verification: 'imported',
        createdAt: at,
        createdBy: supervisorId,
        updatedAt: at,
      };
      insert.run(row);
    }
  })();
  note(`today's list: ${TODAYS_TARGETS.toLocaleString('en-US')} of them`);
  insertTargetRecords(db, targetQueries(db).insert, targetRecords(people.slice(0, TODAYS_TARGETS), plan.id, supervisorId, BENCH_MORNING.toISOString(), sequentialIds(BENCH_MORNING.getTime())));
  note('building the citizen indexes');
  for (const i of indexes) db.exec(i.sql);
  db.exec('ANALYZE');
  db.pragma('journal_mode = WAL');
  closeDatabase(db);
  // The setup wrote hundreds of megabytes with syncing off; flush them now, so the kernel's write-back
  // does not compete with the fsyncs of the durable check-ins measured later.
  const fd = openSync(b.file, 'r+');
  fsyncSync(fd);
  closeSync(fd);
  const sample = people.filter((_, i) => i < TODAYS_TARGETS || i % 25 === 0);
  return { file: b.file, planId: plan.id, people: sample, ms: msSince(start) };
}

/** A chip ID card's QR payload for a person. */
export function cardOf(p: SyntheticPerson & { idNumber: string }, fullName = p.fullName): string {
  const [y, m, d] = p.dateOfBirth.split('-');
  return `${p.idNumber}||${fullName}|${d}${m}${y}|${p.sex === 'male' ? 'Nam' : 'Nữ'}|${p.address}|20042021`;
}

export { BENCH_TODAY };
