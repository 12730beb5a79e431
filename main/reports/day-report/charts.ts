import { INK, MUTED, RULE, type ReportLayout } from './layout';

/**
 * Bar charts drawn as vector shapes on the report's page: sharp at any
 * printer resolution, in black and one grey so they survive a photocopy.
 */
export interface Bar {
  label: string;
  value: number;
}

const BAR = '#3b5b92';

/** Columns over a time axis (doses per hour): one column per label, the value above it. */
export function columnChart(layout: ReportLayout, title: string, bars: readonly Bar[], height = 120): void {
  const doc = layout.doc;
  layout.ensure(height + 40);
  layout.font(true, 9);
  doc.text(title, layout.left, layout.y, { width: layout.width });
  layout.y = doc.y + 4;
  const top = layout.y + 10;
  const base = top + height;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const slot = layout.width / Math.max(1, bars.length);
  const barWidth = Math.min(28, slot * 0.7);
  doc.moveTo(layout.left, base).lineTo(layout.left + layout.width, base).lineWidth(0.5).strokeColor(RULE).stroke();
  bars.forEach((b, i) => {
    const x = layout.left + i * slot + (slot - barWidth) / 2;
    const h = (b.value / max) * height;
    if (h > 0) doc.rect(x, base - h, barWidth, h).fill(BAR);
    layout.font(false, 6.5, INK);
    doc.text(String(b.value), x - 6, base - h - 9, { width: barWidth + 12, align: 'center', lineBreak: false });
    layout.font(false, 6.5, MUTED);
    doc.text(b.label, layout.left + i * slot, base + 3, { width: slot, align: 'center', lineBreak: false });
  });
  layout.y = base + 16;
}

/** Horizontal bars for categories (target groups, vaccines, lots), longest label first in its own column. */
export function barChart(layout: ReportLayout, title: string, bars: readonly Bar[], format: (v: number) => string = String): void {
  const doc = layout.doc;
  const row = 13;
  layout.ensure(28 + Math.min(bars.length, 6) * row);
  layout.font(true, 9);
  doc.text(title, layout.left, layout.y, { width: layout.width });
  layout.y = doc.y + 4;
  const labelWidth = layout.width * 0.32;
  const valueWidth = 50;
  const barSpace = layout.width - labelWidth - valueWidth - 8;
  const max = Math.max(1e-9, ...bars.map((b) => b.value));
  for (const b of bars) {
    layout.ensure(row);
    layout.font(false, 7.5, INK);
    doc.text(b.label, layout.left, layout.y + 2, { width: labelWidth - 6, lineBreak: false, ellipsis: true });
    const w = (b.value / max) * barSpace;
    if (w > 0) doc.rect(layout.left + labelWidth, layout.y + 2, w, row - 5).fill(BAR);
    layout.font(false, 7.5, INK);
    doc.text(format(b.value), layout.left + labelWidth + w + 4, layout.y + 2, { width: valueWidth, lineBreak: false });
    layout.y += row;
  }
  if (bars.length === 0) {
    layout.font(false, 8, MUTED);
    doc.text('—', layout.left, layout.y);
    layout.y += row;
  }
  layout.y += 6;
}
