import BetterSqlite3 from 'better-sqlite3';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { WorkItem } from '../../preload/contract';
import { BUSY_DAY_PASSPHRASE, seedBusyDay } from '../../test/support/busy-day';
import { summarize, timed, type Figure, type Scenario } from '../harness';
import { openBenchStation, setUpSite, type BenchStation } from '../support/station';

/**
 * The close-of-day issue's figures on a 5,000-dose day: closing it
 * (reconciliation, work list and decisions, the lock, the manifest's 25,000
 * record hashes and its signature, in one durable transaction) and rendering
 * the day report PDF, each beside a bare `SELECT count(*)` over the same
 * rows on the same file, so the ratio travels between machines.
 */
const DOSES = 5000;
const ROUNDS = 5;

/** The rows the manifest covers, counted table by table with the same scoping, and nothing else. */
function countSameRows(file: string, planId: string): number {
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    const visits = `SELECT id FROM visit WHERE plan_id = @p`;
    const lots = `SELECT id FROM vaccine_lot WHERE plan_id = @p`;
    const queries = [
      `SELECT count(*) FROM plan_target WHERE plan_id = @p`,
      `SELECT count(*) FROM vaccine_lot WHERE plan_id = @p`,
      `SELECT count(*) FROM visit WHERE plan_id = @p`,
      `SELECT count(*) FROM screening WHERE visit_id IN (${visits})`,
      `SELECT count(*) FROM vial WHERE lot_id IN (${lots})`,
      `SELECT count(*) FROM dose WHERE visit_id IN (${visits})`,
      `SELECT count(*) FROM observation WHERE visit_id IN (${visits})`,
      `SELECT count(*) FROM aefi WHERE visit_id IN (${visits})`,
    ];
    return queries.reduce((n, sql) => n + (db.prepare(sql).pluck().get({ p: planId }) as number), 0);
  } finally {
    db.close();
  }
}

async function seededDay(dir: string): Promise<{ file: string; planId: string; decisions: { key: string; reason: string }[] }> {
  const b = openBenchStation(dir);
  try {
    await setUpSite(b);
    const plan = await seedBusyDay(b.station, b.call, DOSES);
    const view = await b.call<{ workList: WorkItem[] }>('closeOfDay:day', { planId: plan.id });
    return { file: b.file, planId: plan.id, decisions: view.workList.map((i) => ({ key: i.key, reason: 'Ghi nhận khi kết thúc buổi tiêm' })) };
  } finally {
    b.close();
  }
}

/** A copy of the seeded day, opened with the key unlocked, as a supervisor finds it at the end of the day. */
async function copyOf(template: string, dir: string, i: number): Promise<BenchStation> {
  const copy = join(dir, `round-${i}`);
  rmSync(copy, { recursive: true, force: true });
  mkdirSync(copy, { recursive: true });
  copyFileSync(template, join(copy, 'station.sqlite'));
  const b = openBenchStation(copy);
  await b.call('auth:login', { username: 'giamsat', pin: '2468' });
  await b.call('certificates:unlockSigning', { passphrase: BUSY_DAY_PASSPHRASE });
  return b;
}

const closeDay: Scenario = {
  name: 'close-of-day-5000',
  area: 'close-of-day',
  title: `Close a ${DOSES.toLocaleString('en')}-dose day (reconciliation + lock + manifest + signature, one durable transaction), and its report PDF`,
  async run({ sutDir, note }): Promise<Figure[]> {
    note(`seeding a ${DOSES}-dose day`);
    const day = await seededDay(join(sutDir, 'template'));
    const closes: number[] = [];
    const reports: number[] = [];
    const counts: number[] = [];
    let records = 0;
    let pages = 0;
    for (let i = 0; i < ROUNDS; i++) {
      note(`round ${i + 1}/${ROUNDS}`);
      const b = await copyOf(day.file, sutDir, i);
      try {
        const closed = await timed(() => b.call<{ manifest: { records: number } }>('closeOfDay:close', { planId: day.planId, decisions: day.decisions }));
        closes.push(closed.ms);
        records = closed.result.manifest.records;
        const report = await timed(() => b.call<{ pages: number }>('closeOfDay:report', { planId: day.planId, language: 'vi' }));
        reports.push(report.ms);
        pages = report.result.pages;
      } finally {
        b.close();
      }
      counts.push((await timed(() => countSameRows(join(sutDir, `round-${i}`, 'station.sqlite'), day.planId))).ms);
    }
    const close = summarize(closes);
    const report = summarize(reports);
    const count = summarize(counts);
    return [
      {
        label: `close the day (${records.toLocaleString('en')} records hashed), median`,
        value: close.p50,
        unit: 'ms',
        better: 'lower',
        baseline: { label: 'SELECT count(*) over the same rows', value: count.p50 },
        target: { kind: 'atMost', value: 2000 },
        detail: { min: close.min, max: close.max, n: close.n, records },
      },
      {
        label: `day report PDF (${pages} pages, Vietnamese), median`,
        value: report.p50,
        unit: 'ms',
        better: 'lower',
        baseline: { label: 'SELECT count(*) over the same rows', value: count.p50 },
        target: { kind: 'atMost', value: 3000 },
        detail: { min: report.min, max: report.max, n: report.n, pages },
      },
    ];
  },
};

export const closeOfDayScenarios: readonly Scenario[] = [closeDay];
