import PDFDocument from 'pdfkit';
import type { QrMatrix } from '../dcc/qr';
import { type CertificateDoseLine, drawDoseTable, planDoseTable } from './dose-table';
import { certificateFont, useCertificateFont } from './fonts';
import { paperDate } from './paper-date';
import { drawQr, qrSideFor } from './qr-drawing';

export { paperDate } from './paper-date';
export type { CertificateDoseLine } from './dose-table';

/**
 * The printed certificate: Vietnamese first, English beside it, on A6 (a
 * pocket card) or A5. One layout is drawn in A6 millimetres and scaled up for
 * A5, so both papers look alike and the QR grows with the page.
 *
 * The QR is drawn as vector squares (one rectangle per run of dark modules),
 * never as a bitmap: it stays sharp at any printer resolution. On A6 it is
 * 52 mm wide with its quiet zone, on A5 73 mm; the EU DCC guidelines ask for
 * at least 35 mm at this data size so phone cameras read it from paper, so
 * where a long history or name leaves less room the code shrinks to no less
 * than 35 mm (the code itself, on A6) and the dose table gets smaller instead.
 */
export interface CertificatePaperInput {
  paper: 'A5' | 'A6';
  /** Signed with the station's self-signed certificate: printed visibly as such. */
  provisional: boolean;
  holder: {
    fullName: string;
    /** yyyy-MM-dd, yyyy-MM or yyyy */
    dateOfBirth: string;
    idNumber: string | null;
    passportNumber: string | null;
  };
  doses: readonly CertificateDoseLine[];
  /** An unfinished primary series: the dose to come back for, and the first day it may be given (yyyy-MM-dd). */
  nextDose?: { vaccine: string; doseNumber: number; seriesDoses: number; fromDate: string } | null;
  /** Site calendar dates, yyyy-MM-dd. */
  issuedOn: string;
  validUntil: string;
  issuer: string;
  uvci: string;
  qr: QrMatrix;
}

const MM = 72 / 25.4;
const A6 = { width: 105, height: 148 };
const SCALE = { A6: 1, A5: 148 / 105 } as const;
const MARGIN = 6;
const WIDTH = A6.width - 2 * MARGIN;
const BOTTOM = A6.height - MARGIN;
/** The QR's side with its quiet zone when there is room. */
const QR_MM = 52;
/** The least the code itself (without quiet zone) may measure on A6; A5 scales it up. */
export const QR_MIN_CODE_MM = 35;
const QR_GAP_ABOVE = 2;
const QR_GAP_BELOW = 1;
const UVCI_LINE = 3.4;
/** A field's label (2.4 mm) and the space before its value. */
const LABEL_SIZE = 2.4;
const LABEL_HEIGHT = 3;
/** Line height over font size: Be Vietnam Pro's ascent (1000) minus descent (-265), per 1000 units. */
const LINE = 1.265;
const INK = '#111111';
const MUTED = '#555555';
const ALERT = '#b00020';

export const PROVISIONAL_NOTICE = {
  vi: 'Tạm thời — chờ ký số quốc gia',
  en: 'Provisional — pending national signature',
} as const;

/** Renders the PDF. pdfkit writes through a stream; the chunks are joined when it ends. */
export function renderCertificatePdf(input: CertificatePaperInput): Promise<Buffer> {
  const size = input.paper === 'A5' ? 'A5' : 'A6';
  const doc = new PDFDocument({
    size,
    margin: 0,
    autoFirstPage: false,
    compress: true,
    // The parsed font object is the default font, so pdfkit never loads its built-in Helvetica.
    font: certificateFont() as unknown as string,
    info: {
      Title: `${input.provisional ? 'PROVISIONAL ' : ''}COVID-19 vaccination certificate ${input.uvci}`,
      Author: input.issuer,
      Producer: 'Vaccination Station',
      Creator: 'Vaccination Station',
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  useCertificateFont(doc);
  doc.addPage({ size, margin: 0 });
  doc.scale(SCALE[input.paper] * MM);
  drawCard(doc, input);
  doc.end();
  return done;
}

type Doc = PDFKit.PDFDocument;

/**
 * Top to bottom: title, the provisional box, the holder, the doses, the QR,
 * the UVCI and the issue dates. The footer's height is known before the
 * table is planned, so the table is given the room the QR leaves it.
 */
function drawCard(doc: Doc, input: CertificatePaperInput): void {
  let y = MARGIN;
  emphasis(doc, INK, 4);
  doc.text('GIẤY CHỨNG NHẬN TIÊM CHỦNG COVID-19', MARGIN, y, { width: WIDTH, align: 'center', lineBreak: false, ...EMPHASIS });
  y += 4.8;
  doc.fontSize(2.9).fillColor(MUTED);
  doc.text('COVID-19 Vaccination Certificate (EU DCC)', MARGIN, y, { width: WIDTH, align: 'center', lineBreak: false });
  y += 4.4;
  y = input.provisional ? provisionalBox(doc, y) : y + 1;

  const { holder } = input;
  y = field(doc, 'Họ và tên / Name', holder.fullName, MARGIN, y, WIDTH, 4, 2);
  const half = WIDTH / 2;
  const identity = holder.idNumber
    ? { label: 'Số CCCD / ID number', value: holder.idNumber }
    : holder.passportNumber
      ? { label: 'Hộ chiếu / Passport', value: holder.passportNumber }
      : { label: 'Giấy tờ / ID document', value: '—' };
  const left = field(doc, 'Ngày sinh / Date of birth', paperDate(holder.dateOfBirth), MARGIN, y, half - 2, 3.4, 1);
  y = Math.max(left, field(doc, identity.label, identity.value, MARGIN + half, y, half, 3.4, 1));

  const third = WIDTH / 3;
  const footer = [
    { label: 'Ngày cấp / Issued', value: paperDate(input.issuedOn), size: 3.2, lines: 1 },
    { label: 'Có giá trị đến / Valid until', value: paperDate(input.validUntil), size: 3.2, lines: 1 },
    { label: 'Nơi cấp / Issuer', value: input.issuer, size: 2.8, lines: 2 },
  ];
  const footerHeight = UVCI_LINE + Math.max(...footer.map((f) => fieldHeight(doc, f.value, third, f.size, f.lines)));
  const qrMin = qrSideFor(input.qr, QR_MIN_CODE_MM);
  const tableTop = y + 1;
  const nextHeight = input.nextDose ? NEXT_DOSE_LINE : 0;
  const table = planDoseTable(doc, input.doses, WIDTH, BOTTOM - footerHeight - QR_GAP_BELOW - qrMin - QR_GAP_ABOVE - nextHeight - tableTop);
  y = drawDoseTable(doc, table, MARGIN, tableTop, WIDTH);
  if (input.nextDose) y = nextDoseLine(doc, input.nextDose, y);

  const qrTop = y + QR_GAP_ABOVE;
  const qrSide = Math.max(qrMin, Math.min(QR_MM, BOTTOM - footerHeight - QR_GAP_BELOW - qrTop));
  drawQr(doc, input.qr, MARGIN + (WIDTH - qrSide) / 2, qrTop, qrSide, INK);
  y = qrTop + qrSide + QR_GAP_BELOW;
  doc.fontSize(2.4).fillColor(MUTED);
  doc.text(input.uvci, MARGIN, y, { width: WIDTH, align: 'center', lineBreak: false });
  y += UVCI_LINE;
  footer.forEach((f, i) => field(doc, f.label, f.value, MARGIN + i * third, y, third, f.size, f.lines));
}

const NEXT_DOSE_LINE = 4.2;

/** The appointment of an unfinished series, under the doses, in both languages on one line. */
function nextDoseLine(doc: Doc, next: NonNullable<CertificatePaperInput['nextDose']>, top: number): number {
  const y = top + 0.8;
  const dose = `${next.doseNumber}/${next.seriesDoses}`;
  const text = `Mũi tiếp theo / Next dose: ${next.vaccine} ${dose}, từ / from ${paperDate(next.fromDate)}`;
  emphasis(doc, INK, 2.7);
  doc.text(text, MARGIN, y, { width: WIDTH, lineBreak: false, ellipsis: true, ...EMPHASIS });
  return top + NEXT_DOSE_LINE;
}

/**
 * The red box of a provisional certificate. Each line is placed below the
 * previous one's full line height (the font's ascent leaves room for stacked
 * Vietnamese marks, its descent for g, p and dots below), and the box is
 * drawn around both with padding, so neither line touches its border.
 */
function provisionalBox(doc: Doc, top: number): number {
  const padding = 0.6;
  const viSize = 3.4;
  const enSize = 3;
  const viTop = top + padding;
  // The English line has no marks above its capitals: it may start inside the Vietnamese line's descent.
  const enTop = viTop + viSize * LINE - 0.3;
  const bottom = enTop + enSize * LINE + padding;
  doc.lineWidth(0.4).strokeColor(ALERT).rect(MARGIN, top, WIDTH, bottom - top).stroke();
  emphasis(doc, ALERT, viSize);
  doc.text(PROVISIONAL_NOTICE.vi, MARGIN, viTop, { width: WIDTH, align: 'center', lineBreak: false, ...EMPHASIS });
  doc.fontSize(enSize).fillColor(ALERT);
  doc.text(PROVISIONAL_NOTICE.en, MARGIN, enTop, { width: WIDTH, align: 'center', lineBreak: false });
  return bottom + 1.6;
}

/**
 * Emphasis without a second font: the regular face filled and outlined with a
 * thin stroke of the same colour (PDF text rendering mode 2). Embedding a
 * semibold face too would double the font work and bytes of every certificate.
 */
const EMPHASIS = { fill: true, stroke: true } as const;

function emphasis(doc: Doc, colour: string, size: number): void {
  doc.fontSize(size).fillColor(colour).strokeColor(colour).lineWidth(size * 0.035);
}

/** How many lines a value takes at `size` in `width`, up to `maxLines`. */
function valueLines(doc: Doc, value: string, width: number, size: number, maxLines: number): number {
  if (maxLines === 1) return 1;
  doc.fontSize(size);
  const lines = Math.round(doc.heightOfString(value, { width }) / (size * LINE));
  return Math.min(maxLines, Math.max(1, lines));
}

function fieldHeight(doc: Doc, value: string, width: number, size: number, maxLines: number): number {
  return LABEL_HEIGHT + valueLines(doc, value, width, size, maxLines) * size * LINE + 0.6;
}

/** A small grey label over its value (at most `maxLines` lines, then shortened); returns the y below it. */
function field(doc: Doc, label: string, value: string, x: number, y: number, width: number, size: number, maxLines: number): number {
  const height = fieldHeight(doc, value, width, size, maxLines);
  doc.fontSize(LABEL_SIZE).fillColor(MUTED);
  doc.text(label, x, y, { width, lineBreak: false });
  emphasis(doc, INK, size);
  const lineBreak = maxLines > 1;
  doc.text(value, x, y + LABEL_HEIGHT, { width, height: maxLines * size * LINE + 0.2, ellipsis: true, lineBreak, ...EMPHASIS });
  return y + height;
}
