/**
 * npm run bench [-- <name or area>...]
 *
 * Runs the benchmark scenarios (all, or those whose name contains one of the
 * words given, or whose area is one of them), prints the machine and a table,
 * and writes bench-results/<timestamp>.json and bench-results/latest.json.
 * Each scenario gets a fresh folder under BENCH_DIR (default: the OS temp
 * folder), with the system under test and its baseline side by side on the
 * same disk. Exit code 1 when a scenario fails to run or misses its target.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { collectGarbage, memoryMb, msSince, nowNs, peakRssMb, resetPeakRss, type Figure, type Scenario } from './harness';
import { describeMachine, machineInfo } from './machine';
import { formatTable, ratio, verdict, type FigureRow } from './report';
import { SCENARIOS } from './scenarios';

interface ScenarioResult {
  name: string;
  area: string;
  title: string;
  ok: boolean;
  error?: string;
  durationMs: number;
  memory: { peakRssMb: number; rssAfterMb: number; heapUsedAfterMb: number };
  figures: (Figure & { ratio: number | null; verdict: string })[];
}

function select(all: readonly Scenario[], words: readonly string[]): Scenario[] {
  if (words.length === 0) return [...all];
  return all.filter((s) => words.some((w) => s.area === w || s.name.includes(w)));
}

async function runOne(s: Scenario, benchDir: string): Promise<ScenarioResult> {
  const dir = mkdtempSync(join(benchDir, `station-bench-${s.name}-`));
  const sutDir = join(dir, 'sut');
  const baselineDir = join(dir, 'baseline');
  mkdirSync(sutDir);
  mkdirSync(baselineDir);
  collectGarbage();
  resetPeakRss();
  const start = nowNs();
  const note = (m: string) => process.stderr.write(`  ${s.name} [${(msSince(start) / 1000).toFixed(1)} s]: ${m}\n`);
  let figures: Figure[] = [];
  let error: string | undefined;
  try {
    figures = await s.run({ sutDir, baselineDir, note });
  } catch (err) {
    error = err instanceof Error ? (err.stack ?? err.message) : String(err);
    process.stderr.write(`  ${s.name}: FAILED\n${error}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const durationMs = msSince(start);
  const peak = peakRssMb();
  collectGarbage();
  const after = memoryMb();
  return {
    name: s.name,
    area: s.area,
    title: s.title,
    ok: error === undefined,
    ...(error !== undefined ? { error } : {}),
    durationMs,
    memory: { peakRssMb: peak, rssAfterMb: after.rssMb, heapUsedAfterMb: after.heapUsedMb },
    figures: figures.map((f) => ({ ...f, ratio: ratio(f), verdict: verdict(f) })),
  };
}

async function main(): Promise<number> {
  const words = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const chosen = select(SCENARIOS, words);
  if (chosen.length === 0) {
    console.error(`no scenario matches ${words.join(' ')}; available:\n${SCENARIOS.map((s) => `  ${s.area}/${s.name}  ${s.title}`).join('\n')}`);
    return 2;
  }
  const benchDir = resolve(process.env.BENCH_DIR ?? tmpdir());
  mkdirSync(benchDir, { recursive: true });
  const machine = machineInfo(benchDir);
  console.log(describeMachine(machine));
  if (!collectGarbage()) console.log('note:   run with node --expose-gc (npm run bench does) to collect garbage between scenarios');
  console.log('');

  const startedAt = new Date();
  const results: ScenarioResult[] = [];
  for (const s of chosen) {
    process.stderr.write(`${s.area}/${s.name}: ${s.title}\n`);
    const r = await runOne(s, benchDir);
    process.stderr.write(`  ${s.name}: ${r.ok ? 'done' : 'failed'} in ${(r.durationMs / 1000).toFixed(1)} s, peak RSS ${r.memory.peakRssMb.toFixed(0)} MB\n`);
    results.push(r);
  }

  const rows: FigureRow[] = results.flatMap((r) => r.figures.map((f) => ({ ...f, scenario: r.name })));
  console.log('');
  console.log(formatTable(rows));
  const failed = results.filter((r) => !r.ok).map((r) => `${r.name} did not run to the end`);
  const missed = rows.filter((r) => verdict(r) === 'fail').map((r) => `${r.scenario}: ${r.label} missed its target`);
  for (const line of [...failed, ...missed]) console.log(`FAIL ${line}`);

  const root = resolve(__dirname, '..', '..');
  const outDir = join(root, 'bench-results');
  mkdirSync(outDir, { recursive: true });
  const stamp = startedAt.toISOString().replace(/[:.]/g, '-');
  const json = JSON.stringify({ startedAt: startedAt.toISOString(), finishedAt: new Date().toISOString(), selected: words, machine, scenarios: results }, null, 2);
  writeFileSync(join(outDir, `${stamp}.json`), `${json}\n`);
  writeFileSync(join(outDir, 'latest.json'), `${json}\n`);
  console.log(`\nresults: ${join('bench-results', `${stamp}.json`)} (and bench-results/latest.json)`);
  return failed.length + missed.length > 0 ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  },
);
