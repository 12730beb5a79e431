import type { Figure, Target } from './harness';

/**
 * How we compare with the baseline, as a throughput ratio: 1 means as fast as
 * the bare baseline, 0.5 means half as fast (twice the time). For latencies
 * that is baseline/ours; for rates it is ours/baseline.
 */
export function ratio(figure: Figure): number | null {
  if (!figure.baseline || figure.baseline.value <= 0 || figure.value <= 0) return null;
  return figure.better === 'lower' ? figure.baseline.value / figure.value : figure.value / figure.baseline.value;
}

export type Verdict = 'pass' | 'fail' | '—';

export function verdict(figure: Figure): Verdict {
  const t = figure.target;
  if (!t) return '—';
  switch (t.kind) {
    case 'ratioAtLeast': {
      const r = ratio(figure);
      return r !== null && r >= t.value ? 'pass' : 'fail';
    }
    case 'atMost':
      return figure.value <= t.value ? 'pass' : 'fail';
    case 'atLeast':
      return figure.value >= t.value ? 'pass' : 'fail';
  }
}

/** Three significant digits for small values, whole numbers with separators for large ones. */
export function formatNumber(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  const abs = Math.abs(v);
  if (abs >= 100) return Math.round(v).toLocaleString('en-US');
  if (abs === 0) return '0';
  return Number(v.toPrecision(3)).toString();
}

export function formatTarget(target: Target | undefined, unit: string): string {
  if (!target) return '—';
  switch (target.kind) {
    case 'ratioAtLeast':
      return `ratio ≥ ${formatNumber(target.value)}`;
    case 'atMost':
      return `≤ ${formatNumber(target.value)} ${unit}`;
    case 'atLeast':
      return `≥ ${formatNumber(target.value)} ${unit}`;
  }
}

export interface FigureRow extends Figure {
  scenario: string;
}

const HEADERS = ['scenario', 'figure', 'value', 'unit', 'baseline', 'ratio', 'target', 'verdict'] as const;

export function tableCells(row: FigureRow): string[] {
  const r = ratio(row);
  return [
    row.scenario,
    row.label,
    formatNumber(row.value),
    row.unit,
    row.baseline ? formatNumber(row.baseline.value) : '—',
    r === null ? '—' : r.toFixed(2),
    formatTarget(row.target, row.unit),
    verdict(row),
  ];
}

/** A plain-text table that reads well in a terminal and in a pasted report. Numbers are right-aligned. */
export function formatTable(rows: readonly FigureRow[]): string {
  const body = rows.map(tableCells);
  const widths = HEADERS.map((h, i) => Math.max(h.length, ...body.map((cells) => cells[i]!.length)));
  const numeric = new Set([2, 4, 5]);
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => (numeric.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(HEADERS), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}
