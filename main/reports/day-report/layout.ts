import PDFDocument from 'pdfkit';
import { beVietnamProFile } from '../../certificates/pdf/fonts';

/**
 * A4 pages for reports: a running cursor, headings, label/value blocks and
 * tables that continue on the next page with their header repeated. Text is
 * Be Vietnam Pro (regular and bold), embedded, so Vietnamese prints the same
 * on every printer.
 */
export const PAGE = { width: 595.28, height: 841.89, margin: 40 } as const;
const FOOTER = 28;
export const INK = '#111111';
export const MUTED = '#555555';
export const RULE = '#bbbbbb';
export const ALERT = '#b00020';

export interface Column {
  header: string;
  /** Share of the table's width. */
  width: number;
  align?: 'left' | 'right' | 'center';
}

export class ReportLayout {
  readonly doc: PDFKit.PDFDocument;
  readonly left = PAGE.margin;
  readonly width = PAGE.width - 2 * PAGE.margin;
  readonly bottom = PAGE.height - PAGE.margin - FOOTER;
  y: number = PAGE.margin;

  constructor(info: { title: string; author: string }) {
    this.doc = new PDFDocument({ size: 'A4', margin: 0, autoFirstPage: false, bufferPages: true, compress: true, info: { ...info, Producer: 'Vaccination Station', Creator: 'Vaccination Station' } });
    this.doc.registerFont('regular', beVietnamProFile('400Regular'));
    this.doc.registerFont('bold', beVietnamProFile('700Bold'));
    this.newPage();
  }

  newPage(): void {
    this.doc.addPage({ size: 'A4', margin: 0 });
    this.y = PAGE.margin;
  }

  /** Starts a new page unless `height` more points fit on this one. */
  ensure(height: number): void {
    if (this.y + height > this.bottom) this.newPage();
  }

  gap(points: number): void {
    this.y += points;
  }

  font(bold: boolean, size: number, colour = INK): this {
    this.doc.font(bold ? 'bold' : 'regular').fontSize(size).fillColor(colour);
    return this;
  }

  heading(text: string, size = 12): void {
    this.ensure(size * 3);
    this.gap(size * 0.6);
    this.font(true, size);
    this.doc.text(text, this.left, this.y, { width: this.width });
    this.y = this.doc.y + 3;
    this.doc.moveTo(this.left, this.y).lineTo(this.left + this.width, this.y).lineWidth(0.5).strokeColor(RULE).stroke();
    this.y += 5;
  }

  paragraph(text: string, options: { size?: number; colour?: string; bold?: boolean } = {}): void {
    const size = options.size ?? 9;
    this.font(options.bold ?? false, size, options.colour ?? INK);
    const height = this.doc.heightOfString(text, { width: this.width });
    this.ensure(height);
    this.doc.text(text, this.left, this.y, { width: this.width });
    this.y = this.doc.y + 2;
  }

  /** Label/value pairs in `columns` columns. */
  pairs(items: readonly (readonly [string, string])[], columns = 2, size = 9): void {
    const colWidth = this.width / columns;
    for (let i = 0; i < items.length; i += columns) {
      const row = items.slice(i, i + columns);
      const heights = row.map(([label, value]) => {
        this.font(false, size - 1.5);
        const a = this.doc.heightOfString(label, { width: colWidth - 8 });
        this.font(true, size);
        return a + this.doc.heightOfString(value || '—', { width: colWidth - 8 });
      });
      const h = Math.max(...heights) + 4;
      this.ensure(h);
      row.forEach(([label, value], j) => {
        const x = this.left + j * colWidth;
        this.font(false, size - 1.5, MUTED);
        this.doc.text(label, x, this.y, { width: colWidth - 8 });
        this.font(true, size);
        this.doc.text(value || '—', x, this.doc.y, { width: colWidth - 8 });
      });
      this.y += h;
    }
  }

  /** A table; rows that do not fit go on the next page under the header again. */
  table(columns: readonly Column[], rows: readonly (readonly string[])[], size = 8): void {
    const total = columns.reduce((a, c) => a + c.width, 0);
    const widths = columns.map((c) => (c.width / total) * this.width);
    const pad = 3;
    const measure = (cells: readonly string[], bold: boolean) => {
      this.font(bold, size);
      return Math.max(...cells.map((c, i) => this.doc.heightOfString(c || ' ', { width: widths[i]! - 2 * pad }))) + 2 * pad;
    };
    const draw = (cells: readonly string[], bold: boolean, shade: boolean) => {
      const h = measure(cells, bold);
      if (shade) this.doc.rect(this.left, this.y, this.width, h).fill('#eeeeee');
      let x = this.left;
      this.font(bold, size);
      cells.forEach((c, i) => {
        this.doc.text(c, x + pad, this.y + pad, { width: widths[i]! - 2 * pad, align: columns[i]!.align ?? 'left' });
        x += widths[i]!;
      });
      this.y += h;
      this.doc.moveTo(this.left, this.y).lineTo(this.left + this.width, this.y).lineWidth(0.3).strokeColor(RULE).stroke();
    };
    const header = columns.map((c) => c.header);
    const headerHeight = measure(header, true);
    this.ensure(headerHeight + (rows[0] ? measure(rows[0], false) : 0));
    draw(header, true, true);
    for (const row of rows) {
      const h = measure(row, false);
      if (this.y + h > this.bottom) {
        this.newPage();
        draw(header, true, true);
      }
      draw(row, false, false);
    }
    this.y += 4;
  }

  /** Draws each page's footer once every page exists ("Page 2/5"), then returns the finished PDF. */
  finish(footer: (page: number, pages: number) => string): Promise<{ pdf: Buffer; pages: number }> {
    const range = this.doc.bufferedPageRange();
    const pages = range.count;
    for (let i = 0; i < pages; i++) {
      this.doc.switchToPage(range.start + i);
      this.font(false, 7, MUTED);
      this.doc.text(footer(i + 1, pages), this.left, PAGE.height - PAGE.margin - 10, { width: this.width, align: 'center', lineBreak: false });
    }
    const chunks: Buffer[] = [];
    const done = new Promise<Buffer>((resolve, reject) => {
      this.doc.on('data', (c: Buffer) => chunks.push(c));
      this.doc.on('end', () => resolve(Buffer.concat(chunks)));
      this.doc.on('error', reject);
    });
    this.doc.end();
    return done.then((pdf) => ({ pdf, pages }));
  }
}
