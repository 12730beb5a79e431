import BetterSqlite3 from 'better-sqlite3';
import { join } from 'node:path';
import { applyPragmas } from '../../db/open';
import { CURRENT_RULES, evaluateDose, suggestProduct, type DoseHistoryEntry } from '../../main/domain/eligibility';
import { COVID19_ADULT_V1, evaluateScreening } from '../../main/domain/screening';
import { seededRandom } from '../../main/core/services/synthetic-people';
import { addDays } from '../../main/domain/site-time';
import { adultAnswers } from '../../test/support/clinical-fixtures';
import { sample, summarize, type Figure, type Scenario } from '../harness';
import { DOSES_PER_VIAL, injectionDesk, sameRowsBare } from '../support/clinical';
import { BENCH_TODAY } from '../support/station';

/**
 * The clinical issue's figures: recording a dose durably (rules, dose row,
 * vial draw, observation, visit step, audit rows and upload row in one
 * transaction with one fsync) next to a bare durable single-row INSERT on the
 * same disk, and how long the pure rules take to decide.
 *
 * A dose touches about twenty B-tree pages (six rows, three updates, their
 * indexes), a single-row INSERT two; the WAL frames a commit appends and
 * syncs grow with that. The second baseline writes exactly the dose's rows
 * with the same statements and nothing else, so the table also says how much
 * of a dose's time is the rules, checks and contract rather than SQLite's own
 * writes.
 */

const ROUNDS = 10;
const PER_ROUND = 200;
const WARMUP = 50;

const doseRecord: Scenario = {
  name: 'dose-record-durable',
  area: 'clinical',
  title: 'Record a dose (doses:record: rules + dose + vial draw + observation + audit + outbox, one durable transaction) vs bare durable writes',
  async run({ sutDir, baselineDir, note }): Promise<Figure[]> {
    const total = WARMUP + ROUNDS * PER_ROUND;
    note(`two stations with ${total} screened visits each (every third with an earlier dose)`);
    const desk = await injectionDesk(sutDir, total);
    const bareDesk = await injectionDesk(join(baselineDir, 'rows'), total);
    const single = new BetterSqlite3(join(baselineDir, 'single.sqlite'));
    try {
      applyPragmas(single);
      single.exec('CREATE TABLE dose (id INTEGER PRIMARY KEY, visit TEXT NOT NULL, at TEXT NOT NULL) STRICT');
      const insert = single.prepare('INSERT INTO dose (visit, at) VALUES (?, ?)');
      const writeRows = sameRowsBare(bareDesk);

      const record = (i: number) => desk.b.call('doses:record', { visitId: desk.visits[i]!.visitId, lotId: desk.lotId });
      const bareInsert = (i: number) => insert.run(desk.visits[i]!.visitId, new Date().toISOString());
      let bareVials: string[] = [];
      const bareRows = (i: number, first: number) => writeRows(bareDesk.visits[i]!, bareVials[Math.floor((i - first) / DOSES_PER_VIAL)]!);

      note(`${ROUNDS * PER_ROUND} of each, alternating in rounds of ${PER_ROUND}; vials opened between rounds, untimed`);
      await desk.openVialsFor(WARMUP);
      bareVials = (await bareDesk.openVialsFor(WARMUP)).map((v) => v.id);
      await sample({ iterations: 0, warmup: WARMUP }, record);
      await sample({ iterations: 0, warmup: WARMUP }, bareInsert);
      await sample({ iterations: 0, warmup: WARMUP }, (i) => bareRows(i, 0));
      const samples = { dose: [] as number[], single: [] as number[], rows: [] as number[] };
      for (let r = 0; r < ROUNDS; r++) {
        const first = WARMUP + r * PER_ROUND;
        await desk.openVialsFor(PER_ROUND);
        bareVials = (await bareDesk.openVialsFor(PER_ROUND)).map((v) => v.id);
        samples.dose.push(...(await sample({ iterations: PER_ROUND }, (i) => record(first + i))));
        samples.single.push(...(await sample({ iterations: PER_ROUND }, (i) => bareInsert(first + i))));
        samples.rows.push(...(await sample({ iterations: PER_ROUND }, (i) => bareRows(first + i, first))));
      }
      const dose = summarize(samples.dose);
      const one = summarize(samples.single);
      const rows = summarize(samples.rows);
      const perSecond = (s: typeof dose) => 1000 / s.mean;
      return [
        {
          label: 'dose recorded, p50',
          value: dose.p50,
          unit: 'ms',
          better: 'lower',
          baseline: { label: 'bare durable single-row INSERT, p50', value: one.p50 },
          target: { kind: 'ratioAtLeast', value: 0.5 },
          detail: { n: dose.n, doseMean: dose.mean, doseMax: dose.max, bareMean: one.mean, bareMax: one.max },
        },
        { label: 'dose recorded, p99', value: dose.p99, unit: 'ms', better: 'lower', baseline: { label: 'bare single-row INSERT, p99', value: one.p99 } },
        { label: 'doses recorded one after another', value: perSecond(dose), unit: 'doses/s', better: 'higher', baseline: { label: 'bare single-row INSERTs', value: perSecond(one) } },
        {
          label: 'dose recorded vs its rows written bare, p50',
          value: dose.p50,
          unit: 'ms',
          better: 'lower',
          baseline: { label: "the dose's rows, same statements, nothing else, p50", value: rows.p50 },
          detail: { rowsMean: rows.mean, rowsP99: rows.p99 },
        },
      ];
    } finally {
      desk.b.close();
      bareDesk.b.close();
      single.close();
    }
  },
};

const EVALUATIONS = 20_000;

/** Histories a station meets: none, a first dose, a finished series (some mixed, some from elsewhere). */
function histories(count: number): DoseHistoryEntry[][] {
  const rnd = seededRandom(42);
  const products = ['comirnaty', 'spikevax', 'vaxzevria', 'vero-cell'];
  return Array.from({ length: count }, () => {
    const n = Math.floor(rnd() * 4);
    const out: DoseHistoryEntry[] = [];
    let day = addDays(BENCH_TODAY, -400);
    for (let i = 0; i < n; i++) {
      day = addDays(day, 30 + Math.floor(rnd() * 120));
      out.push({ date: day, productCode: products[Math.floor(rnd() * products.length)]!, doseNumber: i + 1, source: i === 0 ? 'national' : 'station' });
    }
    return out;
  });
}

const ruleEvaluation: Scenario = {
  name: 'rule-evaluation',
  area: 'clinical',
  title: 'Pure rules: one dose decision (evaluateDose), a suggestion over 4 lots (suggestProduct), one screening (evaluateScreening)',
  async run({ note }): Promise<Figure[]> {
    const cases = histories(1000);
    const lots = ['comirnaty', 'spikevax', 'vaxzevria', 'vero-cell'].map((productCode, i) => ({ productCode, lotNumber: `L${i}`, expiryDate: addDays(BENCH_TODAY, 30 + i) }));
    const births = ['1950-02-01', '1972-06-15', '1988-11-30', '2001-01-09'];
    const answers = [adultAnswers(), adultAnswers({ temperature: 38.1 }), adultAnswers({ 'allergy-other': true, 'bp-systolic': 150, 'bp-diastolic': 95 })];
    note(`${EVALUATIONS} evaluations of each`);
    const dose = await sample({ iterations: EVALUATIONS, warmup: 2000 }, (i) =>
      evaluateDose({
        rules: CURRENT_RULES,
        product: lots[i % lots.length]!.productCode,
        lot: lots[i % lots.length]!,
        history: cases[i % cases.length]!,
        dateOfBirth: births[i % births.length]!,
        today: BENCH_TODAY,
        contraindications: i % 7 === 0 ? { platforms: ['mRNA'], products: [] } : null,
      }),
    );
    const suggest = await sample({ iterations: EVALUATIONS, warmup: 2000 }, (i) =>
      suggestProduct({ rules: CURRENT_RULES, lots, history: cases[i % cases.length]!, dateOfBirth: births[i % births.length]!, today: BENCH_TODAY }),
    );
    const screening = await sample({ iterations: EVALUATIONS, warmup: 2000 }, (i) =>
      evaluateScreening(COVID19_ADULT_V1, answers[i % answers.length]!, { today: BENCH_TODAY, dateOfBirth: '1980-05-20', sex: 'male' }),
    );
    const d = summarize(dose);
    const s = summarize(suggest);
    const sc = summarize(screening);
    return [
      { label: 'evaluateDose, p50', value: d.p50, unit: 'ms', better: 'lower', detail: { n: d.n, mean: d.mean, max: d.max } },
      { label: 'evaluateDose, p99', value: d.p99, unit: 'ms', better: 'lower', target: { kind: 'atMost', value: 1 } },
      { label: 'suggestProduct (4 lots), p99', value: s.p99, unit: 'ms', better: 'lower', target: { kind: 'atMost', value: 1 }, detail: { p50: s.p50, max: s.max } },
      { label: 'evaluateScreening, p99', value: sc.p99, unit: 'ms', better: 'lower', target: { kind: 'atMost', value: 1 }, detail: { p50: sc.p50, max: sc.max } },
    ];
  },
};

export const clinicalScenarios: readonly Scenario[] = [doseRecord, ruleEvaluation];
