import { describe, expect, it } from 'vitest';
import { percentile, summarize, type Figure } from '../../../bench/harness';
import { formatNumber, formatTable, ratio, verdict, type FigureRow } from '../../../bench/report';

const shuffled = (n: number) => Array.from({ length: n }, (_, i) => i + 1).sort((a, b) => ((a * 7919) % 101) - ((b * 7919) % 101));

describe('percentiles', () => {
  it('gives the nearest-rank p50 and p99 of known samples, whatever their order', () => {
    expect(percentile(shuffled(100), 50)).toBe(50);
    expect(percentile(shuffled(100), 99)).toBe(99);
    expect(percentile(shuffled(1000), 99)).toBe(990);
    expect(percentile([3, 1, 2], 50)).toBe(2);
  });

  it('p99 ignores one outlier in a hundred samples but not one in fifty', () => {
    const fast = Array.from({ length: 99 }, () => 1);
    expect(percentile([...fast, 500], 99)).toBe(1);
    expect(percentile([...fast.slice(0, 49), 500], 99)).toBe(500);
  });

  it('summarises samples and refuses an empty set', () => {
    expect(summarize([4, 1, 3, 2])).toEqual({ n: 4, p50: 2, p99: 4, mean: 2.5, min: 1, max: 4 });
    expect(() => percentile([], 50)).toThrow(/no samples/);
    expect(() => percentile([1], 0)).toThrow();
  });
});

const edit = (value: number, baseline?: number): Figure => ({
  label: 'plan edit p50',
  value,
  unit: 'ms',
  better: 'lower',
  ...(baseline !== undefined ? { baseline: { label: 'bare insert', value: baseline } } : {}),
  target: { kind: 'ratioAtLeast', value: 0.5 },
});

describe('ratio and verdict', () => {
  it('reads a latency ratio as baseline/ours: twice the bare time is exactly the 0.5 target', () => {
    expect(ratio(edit(2, 1))).toBe(0.5);
    expect(verdict(edit(2, 1))).toBe('pass');
    expect(verdict(edit(2.1, 1))).toBe('fail');
  });

  it('reads a throughput ratio as ours/baseline', () => {
    const rate: Figure = { label: 'confirm', value: 48_000, unit: 'rows/s', better: 'higher', baseline: { label: 'bare', value: 64_000 } };
    expect(ratio(rate)).toBeCloseTo(0.75);
    expect(verdict(rate)).toBe('—');
    expect(verdict({ ...rate, target: { kind: 'ratioAtLeast', value: 0.8 } })).toBe('fail');
  });

  it('fails a ratio target with no baseline measured, and checks absolute targets', () => {
    expect(ratio(edit(2))).toBeNull();
    expect(verdict(edit(2))).toBe('fail');
    const open: Figure = { label: 'open', value: 40, unit: 'ms', better: 'lower', target: { kind: 'atMost', value: 40 } };
    expect(verdict(open)).toBe('pass');
    expect(verdict({ ...open, value: 41 })).toBe('fail');
    expect(verdict({ ...open, target: { kind: 'atLeast', value: 50 } })).toBe('fail');
  });
});

describe('table', () => {
  it('formats small values to three significant digits and large ones as whole numbers', () => {
    expect(formatNumber(0.52241)).toBe('0.522');
    expect(formatNumber(8.8349)).toBe('8.83');
    expect(formatNumber(64_692.4)).toBe('64,692');
    expect(formatNumber(0)).toBe('0');
  });

  it('shows each figure with its baseline, ratio, target and verdict in aligned columns', () => {
    const rows: FigureRow[] = [
      { scenario: 'plan-edit-durable', ...edit(0.675, 0.376) },
      { scenario: 'plan-edit-durable', ...edit(1.2, 0.376) },
      { scenario: 'target-import-100k', label: 'total', value: 18_897.2, unit: 'rows/s', better: 'higher' },
    ];
    const lines = formatTable(rows).split('\n');
    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatch(/^scenario\s+figure\s+value\s+unit\s+baseline\s+ratio\s+target\s+verdict$/);
    expect(lines[2]).toMatch(/plan-edit-durable\s+plan edit p50\s+0\.675\s+ms\s+0\.376\s+0\.56\s+ratio ≥ 0\.5\s+pass$/);
    expect(lines[3]).toMatch(/0\.31\s+ratio ≥ 0\.5\s+fail$/);
    expect(lines[4]).toMatch(/target-import-100k\s+total\s+18,897\s+rows\/s\s+—\s+—\s+—\s+—$/);
    // Every column starts at the same place on every line, so the table reads in a terminal.
    const unitColumn = lines[0]!.indexOf('unit');
    for (const line of lines.slice(2)) expect(line.slice(unitColumn).startsWith('ms') || line.slice(unitColumn).startsWith('rows/s')).toBe(true);
  });
});
