import { readFileSync, writeFileSync } from 'node:fs';

/**
 * What every benchmark scenario is made of: timing, percentiles, memory, and
 * the shape of a scenario and its figures. Scenarios live in
 * bench/scenarios/<area>.ts and are listed in bench/scenarios/index.ts.
 */

/** The verdict a figure is held to. A ratio compares us with the baseline measured in the same run. */
export type Target =
  | { kind: 'ratioAtLeast'; value: number }
  | { kind: 'atMost'; value: number }
  | { kind: 'atLeast'; value: number };

export interface Figure {
  label: string;
  value: number;
  unit: string;
  /** Whether a smaller value (latency, memory) or a larger one (throughput) is the better one. */
  better: 'lower' | 'higher';
  /** The same quantity measured on a bare baseline, same disk, same run. */
  baseline?: { label: string; value: number };
  target?: Target;
  /** Extra numbers kept in the JSON only (sample count, min, max…). */
  detail?: Record<string, number>;
}

export interface ScenarioContext {
  /** An empty folder for the system under test. */
  sutDir: string;
  /** An empty folder for the baseline, next to sutDir on the same disk. */
  baselineDir: string;
  /** A progress line on stderr (setup steps can take seconds). */
  note(message: string): void;
}

export interface Scenario {
  /** Unique kebab-case name; `npm run bench -- <part of a name or an area>` selects scenarios. */
  name: string;
  area: string;
  title: string;
  run(ctx: ScenarioContext): Promise<Figure[]>;
}

export function nowNs(): bigint {
  return process.hrtime.bigint();
}

export function msSince(startNs: bigint): number {
  return Number(process.hrtime.bigint() - startNs) / 1e6;
}

/** Runs fn once and returns how long it took, in milliseconds, with its result. */
export async function timed<T>(fn: () => T | Promise<T>): Promise<{ ms: number; result: T }> {
  const start = nowNs();
  const result = await fn();
  return { ms: msSince(start), result };
}

/**
 * Nearest-rank percentile: the smallest sample such that at least p% of the
 * samples are at or below it. Always a value that was actually observed.
 */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) throw new Error('percentile of no samples');
  if (!(p > 0 && p <= 100)) throw new Error(`percentile must be in (0, 100], got ${p}`);
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.max(rank, 1) - 1]!;
}

export interface Summary {
  n: number;
  p50: number;
  p99: number;
  mean: number;
  min: number;
  max: number;
}

export function summarize(samples: readonly number[]): Summary {
  const sum = samples.reduce((a, b) => a + b, 0);
  return {
    n: samples.length,
    p50: percentile(samples, 50),
    p99: percentile(samples, 99),
    mean: sum / samples.length,
    // A reduce, not Math.min(...samples): a spread of a million samples overflows the stack.
    min: samples.reduce((a, b) => (b < a ? b : a), Infinity),
    max: samples.reduce((a, b) => (b > a ? b : a), -Infinity),
  };
}

/** Times `iterations` calls of fn (ms each) after `warmup` untimed calls that fill caches and JIT. */
export async function sample(options: { iterations: number; warmup?: number }, fn: (i: number) => unknown): Promise<number[]> {
  for (let i = 0; i < (options.warmup ?? 0); i++) await fn(i);
  const out: number[] = [];
  for (let i = 0; i < options.iterations; i++) {
    const start = nowNs();
    await fn(i);
    out.push(msSince(start));
  }
  return out;
}

/**
 * Measures the system under test and its baseline in alternating rounds, so a
 * disk or CPU that slows down halfway through the run affects both alike.
 */
export async function sideBySide(
  options: { rounds: number; perRound: number; warmup?: number },
  sut: (i: number) => unknown,
  baseline: (i: number) => unknown,
): Promise<{ sut: number[]; baseline: number[] }> {
  const out = { sut: [] as number[], baseline: [] as number[] };
  const warmup = options.warmup ?? 0;
  await sample({ iterations: 0, warmup }, sut);
  await sample({ iterations: 0, warmup }, baseline);
  for (let r = 0; r < options.rounds; r++) {
    const offset = warmup + r * options.perRound;
    out.sut.push(...(await sample({ iterations: options.perRound }, (i) => sut(offset + i))));
    out.baseline.push(...(await sample({ iterations: options.perRound }, (i) => baseline(offset + i))));
  }
  return out;
}

/** Full collection between scenarios so one scenario's garbage is not billed to the next. Needs --expose-gc. */
export function collectGarbage(): boolean {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return false;
  gc();
  gc();
  return true;
}

const MB = 1024 * 1024;

export function memoryMb(): { rssMb: number; heapUsedMb: number; externalMb: number } {
  const m = process.memoryUsage();
  return { rssMb: m.rss / MB, heapUsedMb: m.heapUsed / MB, externalMb: (m.external + m.arrayBuffers) / MB };
}

/**
 * Restarts the peak-RSS counter (Linux: writing 5 to clear_refs resets VmHWM),
 * so a scenario's peak is its own and not the process's lifetime high.
 * Returns false where that is not possible; the peak then covers the whole run.
 */
export function resetPeakRss(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

/** Highest resident set size since the last reset (or since start), in MB. */
export function peakRssMb(): number {
  try {
    const match = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (match) return Number(match[1]) / 1024;
  } catch {
    // not Linux: fall through to the lifetime peak
  }
  return process.resourceUsage().maxRSS / 1024;
}
