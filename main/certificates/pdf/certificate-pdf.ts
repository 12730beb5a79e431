import PDFDocument from 'pdfkit';
import type { QrMatrix } from '../dcc/qr';
import { certificateFont, useCertificateFonts } from './fonts';

/**
 * The printed certificate: Vietnamese first, English beside it, on A6 (a
 * pocket card) or A5. One layout is drawn in A6 millimetres and scaled up for
 * A5, so both papers look alike and the QR grows with the page.
 *
 * The QR is drawn as vector squares (one rectangle per run of dark modules),
 * never as a bitmap: it stays sharp at any printer resolution. On A6 it is
 * 52 mm wide, on A5 73 mm; the EU DCC guidelines ask for at least 35 mm at
 * this data size so phone cameras read it from paper.
 */
export interface CertificateDoseLine {
  doseNumber: number;
  seriesDoses: number;
  /** yyyy-MM-dd */
  givenOn: string;
  vaccine: string;
  lot: string | null;
  place: string;
}

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
const QR_MM = 52;
const INK = '#111111';
const MUTED = '#555555';
const ALERT = '#b00020';

export const PROVISIONAL_NOTICE = {
  vi: 'Tạm thời — chờ ký số quốc gia',
  en: 'Provisional — pending national signature',
} as const;

/** dd/MM/yyyy for a full date; partial dates of birth (yyyy-MM, yyyy) as far as they go. */
export function paperDate(iso: string): string {
  const parts = iso.split('-');
  return parts.reverse().join('/');
}

/** Renders the PDF. pdfkit writes through a stream; the chunks are joined when it ends. */
export function renderCertificatePdf(input: CertificatePaperInput): Promise<Buffer> {
  const size = input.paper === 'A5' ? 'A5' : 'A6';
  const doc = new PDFDocument({
    size,
    margin: 0,
    autoFirstPage: false,
    compress: true,
    // The parsed font object is the default font, so pdfkit never loads its built-in Helvetica.
    font: certificateFont('regular') as unknown as string,
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
  useCertificateFonts(doc);
  doc.addPage({ size, margin: 0 });
  doc.scale(SCALE[input.paper] * MM);
  drawCard(doc, input);
  doc.end();
  return done;
}

type Doc = PDFKit.PDFDocument;

function drawCard(doc: Doc, input: CertificatePaperInput): void {
  const width = A6.width - 2 * MARGIN;
  let y = MARGIN;

  emphasis(doc, INK, 4);
  doc.text('GIẤY CHỨNG NHẬN TIÊM CHỦNG COVID-19', MARGIN, y, { width, align: 'center', lineBreak: false, ...EMPHASIS });
  y += 4.8;
  doc.font('regular').fontSize(2.9).fillColor(MUTED);
  doc.text('COVID-19 Vaccination Certificate (EU DCC)', MARGIN, y, { width, align: 'center', lineBreak: false });
  y += 4.4;

  if (input.provisional) {
    doc.lineWidth(0.4).strokeColor(ALERT).rect(MARGIN, y, width, 8).stroke();
    emphasis(doc, ALERT, 3.4);
    doc.text(PROVISIONAL_NOTICE.vi, MARGIN, y + 0.9, { width, align: 'center', lineBreak: false, ...EMPHASIS });
    doc.font('regular').fontSize(3);
    doc.text(PROVISIONAL_NOTICE.en, MARGIN, y + 4.5, { width, align: 'center', lineBreak: false });
    y += 10;
  } else {
    y += 1;
  }

  const { holder } = input;
  y = field(doc, 'Họ và tên / Name', holder.fullName, MARGIN, y, width, 4);
  const half = width / 2;
  const identity = holder.idNumber
    ? { label: 'Số CCCD / ID number', value: holder.idNumber }
    : holder.passportNumber
      ? { label: 'Hộ chiếu / Passport', value: holder.passportNumber }
      : { label: 'Giấy tờ / ID document', value: '—' };
  field(doc, 'Ngày sinh / Date of birth', paperDate(holder.dateOfBirth), MARGIN, y, half - 2, 3.4);
  y = field(doc, identity.label, identity.value, MARGIN + half, y, half, 3.4);

  y = doseTable(doc, input.doses, MARGIN, y + 1, width);

  const qrTop = y + 2;
  const qrLeft = MARGIN + (width - QR_MM) / 2;
  drawQr(doc, input.qr, qrLeft, qrTop, QR_MM);
  y = qrTop + QR_MM + 1;
  doc.font('regular').fontSize(2.4).fillColor(MUTED);
  doc.text(input.uvci, MARGIN, y, { width, align: 'center', lineBreak: false });
  y += 3.4;

  const third = width / 3;
  field(doc, 'Ngày cấp / Issued', paperDate(input.issuedOn), MARGIN, y, third, 3.2);
  field(doc, 'Có giá trị đến / Valid until', paperDate(input.validUntil), MARGIN + third, y, third, 3.2);
  field(doc, 'Nơi cấp / Issuer', input.issuer, MARGIN + 2 * third, y, third, 2.8);
}

/**
 * Emphasis without a second font: the regular face filled and outlined with a
 * thin stroke of the same colour (PDF text rendering mode 2). Embedding a
 * semibold face too would double the font work and bytes of every certificate.
 */
const EMPHASIS = { fill: true, stroke: true } as const;

function emphasis(doc: Doc, colour: string, size: number): void {
  doc.font('regular').fontSize(size).fillColor(colour).strokeColor(colour).lineWidth(size * 0.035);
}

/** A small grey label over its value; returns the y below it. */
function field(doc: Doc, label: string, value: string, x: number, y: number, width: number, valueSize: number): number {
  doc.font('regular').fontSize(2.4).fillColor(MUTED);
  doc.text(label, x, y, { width, lineBreak: false });
  emphasis(doc, INK, valueSize);
  doc.text(value, x, y + 2.8, { width, height: valueSize * 2.6, ellipsis: true, ...EMPHASIS });
  return Math.max(doc.y, y + 2.8 + valueSize * 1.3) + 1;
}

function doseTable(doc: Doc, doses: readonly CertificateDoseLine[], x: number, y: number, width: number): number {
  // Column widths in mm: dose, date, vaccine, lot, place (the rest).
  const cols = [7, 17, 23, 13, width - 60];
  const heads = ['Mũi\nDose', 'Ngày\nDate', 'Vắc xin\nVaccine', 'Số lô\nLot', 'Nơi tiêm\nPlace'];
  // A short history gets two lines for the place (site names are long); a long one shrinks to keep the QR on the card.
  const twoLines = doses.length <= 4;
  const row = twoLines ? 6.2 : 3.4;
  const size = twoLines ? 2.6 : 2.4;

  doc.font('regular').fontSize(2.2).fillColor(MUTED);
  let cx = x;
  heads.forEach((head, i) => {
    doc.text(head, cx, y, { width: cols[i]! - 1, lineBreak: true, lineGap: -0.4 });
    cx += cols[i]!;
  });
  y += 5.8;
  doc.lineWidth(0.2).strokeColor(MUTED).moveTo(x, y - 0.6).lineTo(x + width, y - 0.6).stroke();

  doc.font('regular').fontSize(size).fillColor(INK);
  for (const dose of doses) {
    const cells = [`${dose.doseNumber}/${dose.seriesDoses}`, paperDate(dose.givenOn), dose.vaccine, dose.lot ?? '—', dose.place];
    cx = x;
    cells.forEach((cell, i) => {
      const wraps = twoLines && (i === 2 || i === 4);
      doc.text(cell, cx, y, { width: cols[i]! - 1, height: wraps ? row + 0.4 : size * 1.4, ellipsis: true, lineBreak: wraps, lineGap: -0.5 });
      cx += cols[i]!;
    });
    y += row;
  }
  return y;
}

/**
 * Vector QR: each run of dark modules in a row is one rectangle, all filled at
 * once, in module units (whole numbers keep the content stream small). The
 * 4-module quiet zone is the white page around it.
 */
function drawQr(doc: Doc, qr: QrMatrix, x: number, y: number, sizeMm: number): void {
  const quiet = 4;
  const module = sizeMm / (qr.size + 2 * quiet);
  doc.save();
  doc.translate(x + quiet * module, y + quiet * module).scale(module);
  for (let row = 0; row < qr.size; row++) {
    let col = 0;
    while (col < qr.size) {
      if (!qr.dark[row * qr.size + col]) {
        col++;
        continue;
      }
      const start = col;
      while (col < qr.size && qr.dark[row * qr.size + col]) col++;
      doc.rect(start, row, col - start, 1);
    }
  }
  doc.fill(INK);
  doc.restore();
}
