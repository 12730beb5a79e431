import { paperDate } from './paper-date';

/**
 * The dose table of the printed certificate, in A6 millimetres.
 *
 * Column widths are measured, not fixed: the font's figures are proportional,
 * so a fixed date column that holds 31/12/2025 cuts 02/09/2026 short. The dose,
 * date and lot columns get the width of their widest entry, so they are always
 * printed whole; the vaccine and the place share what is left and wrap or
 * shorten. A short history gets two lines a row; a long one gets one line a
 * row, smaller, so the QR code keeps its size on the card.
 */

/** One row of the certificate's dose table. */
export interface CertificateDoseLine {
  doseNumber: number;
  seriesDoses: number;
  /** yyyy-MM-dd */
  givenOn: string;
  vaccine: string;
  lot: string | null;
  place: string;
}

type Doc = PDFKit.PDFDocument;

const HEADS = ['Mũi\nDose', 'Ngày\nDate', 'Vắc xin\nVaccine', 'Số lô\nLot', 'Nơi tiêm\nPlace'] as const;
const HEAD_SIZE = 2.2;
const HEAD_HEIGHT = 5.8;
/** Space between columns. */
const GAP = 1.2;
/** A lot number longer than this wraps (two-line rows) or is shortened. */
const MAX_LOT = 24;
const TWO_LINE = { size: 2.6, row: 6.2, lineGap: -0.5 } as const;
const ONE_LINE = { size: 2.4, row: 3.4 } as const;
/** Below this row height the text would be too small to read on A6. */
const MIN_ROW = 2.6;
const MUTED = '#555555';
const INK = '#111111';

export interface DoseTablePlan {
  rows: readonly (readonly string[])[];
  /** Doses left out for lack of room (the oldest), said in a last line. */
  omitted: number;
  columns: readonly number[];
  size: number;
  row: number;
  twoLines: boolean;
  height: number;
}

function cellsOf(dose: CertificateDoseLine): string[] {
  return [`${dose.doseNumber}/${dose.seriesDoses}`, paperDate(dose.givenOn), dose.vaccine, dose.lot ?? '—', dose.place];
}

/** The widest of some texts at the current font size. */
function widest(doc: Doc, texts: readonly string[]): number {
  let max = 0;
  for (const text of texts) max = Math.max(max, doc.widthOfString(text));
  return max;
}

function measureColumns(doc: Doc, rows: readonly (readonly string[])[], size: number, width: number): number[] {
  doc.fontSize(HEAD_SIZE);
  const headWidths = HEADS.map((head) => widest(doc, head.split('\n')));
  doc.fontSize(size);
  const column = (i: number) => Math.max(headWidths[i]!, widest(doc, rows.map((r) => r[i]!)));
  const dose = column(0) + GAP;
  const date = column(1) + GAP;
  const lot = Math.min(column(3), MAX_LOT) + GAP;
  const rest = width - dose - date - lot;
  // The vaccine gets what its longest name needs, between a third and half of the rest; the place the remainder.
  const vaccine = Math.min(Math.max(column(2) + GAP, rest / 3), rest / 2);
  return [dose, date, vaccine, lot, rest - vaccine];
}

/**
 * Chooses the row style that fits `room` millimetres of height: two lines a
 * row for up to four doses, else one line, shrunk down to MIN_ROW; past that
 * the oldest doses are left out and counted in a last line (the QR carries the
 * latest dose, and the station keeps the full history).
 */
export function planDoseTable(doc: Doc, doses: readonly CertificateDoseLine[], width: number, room: number): DoseTablePlan {
  const all = doses.map(cellsOf);
  const body = room - HEAD_HEIGHT;
  if (all.length <= 4 && all.length * TWO_LINE.row <= body) {
    return {
      rows: all,
      omitted: 0,
      columns: measureColumns(doc, all, TWO_LINE.size, width),
      size: TWO_LINE.size,
      row: TWO_LINE.row,
      twoLines: true,
      height: HEAD_HEIGHT + all.length * TWO_LINE.row,
    };
  }
  const row = Math.max(MIN_ROW, Math.min(ONE_LINE.row, body / Math.max(all.length, 1)));
  const size = Math.min(ONE_LINE.size, (row - 0.3) / 1.265);
  const fits = Math.max(1, Math.floor(body / row));
  const omitted = all.length > fits ? all.length - (fits - 1) : 0;
  const rows = omitted > 0 ? all.slice(omitted) : all;
  const lines = rows.length + (omitted > 0 ? 1 : 0);
  return { rows, omitted, columns: measureColumns(doc, rows, size, width), size, row, twoLines: false, height: HEAD_HEIGHT + lines * row };
}

/** Draws the planned table with its top at `y`; returns the y below it. */
export function drawDoseTable(doc: Doc, plan: DoseTablePlan, x: number, y: number, width: number): number {
  doc.fontSize(HEAD_SIZE).fillColor(MUTED);
  let cx = x;
  HEADS.forEach((head, i) => {
    doc.text(head, cx, y, { width: plan.columns[i]! - GAP + 0.01, lineBreak: true, lineGap: -0.4 });
    cx += plan.columns[i]!;
  });
  y += HEAD_HEIGHT;
  doc.lineWidth(0.2).strokeColor(MUTED).moveTo(x, y - 0.6).lineTo(x + width, y - 0.6).stroke();

  doc.fontSize(plan.size).fillColor(INK);
  if (plan.omitted > 0) {
    doc.text(`+ ${plan.omitted} mũi trước đó / earlier doses`, x, y, { width, height: plan.size * 1.4, ellipsis: true, lineBreak: false });
    y += plan.row;
  }
  for (const cells of plan.rows) {
    cx = x;
    cells.forEach((cell, i) => {
      // Dose, date and lot columns were measured to hold their widest entry: they never wrap or shorten.
      const wraps = plan.twoLines && i >= 2;
      // pdfkit decides where to shorten from the font's line height, before the (negative) line gap.
      doc.text(cell, cx, y, {
        width: plan.columns[i]! - GAP + 0.01,
        height: (wraps ? 2 : 1) * plan.size * 1.265 + 0.2,
        ellipsis: true,
        lineBreak: wraps,
        lineGap: wraps ? TWO_LINE.lineGap : 0,
      });
      cx += plan.columns[i]!;
    });
    y += plan.row;
  }
  return y;
}
