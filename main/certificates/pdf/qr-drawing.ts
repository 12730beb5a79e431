import type { QrMatrix } from '../dcc/qr';

/** The quiet zone ISO/IEC 18004 asks for around a QR code, in modules. */
export const QR_QUIET_MODULES = 4;

/** The side (quiet zone included) at which the code itself, without the quiet zone, is `codeMm` wide. */
export function qrSideFor(qr: QrMatrix, codeMm: number): number {
  return (codeMm * (qr.size + 2 * QR_QUIET_MODULES)) / qr.size;
}

/**
 * Vector QR: each run of dark modules in a row is one rectangle, in module
 * units (whole numbers keep the content stream small), all filled at once.
 * The path is written as one piece of content rather than a pdfkit call per
 * rectangle (about 1,500 of them): same bytes, a fraction of the time. The
 * fill colour is set before the path starts, as PDF requires. The quiet zone
 * is the white page around it.
 */
export function drawQr(doc: PDFKit.PDFDocument, qr: QrMatrix, x: number, y: number, sideMm: number, colour: string): void {
  const module = sideMm / (qr.size + 2 * QR_QUIET_MODULES);
  const rects: string[] = [];
  for (let row = 0; row < qr.size; row++) {
    const offset = row * qr.size;
    let col = 0;
    while (col < qr.size) {
      if (!qr.dark[offset + col]) {
        col++;
        continue;
      }
      const start = col;
      while (col < qr.size && qr.dark[offset + col]) col++;
      rects.push(`${start} ${row} ${col - start} 1 re`);
    }
  }
  doc.save();
  doc.fillColor(colour);
  doc.translate(x + QR_QUIET_MODULES * module, y + QR_QUIET_MODULES * module).scale(module);
  doc.addContent(rects.join('\n'));
  doc.addContent('f');
  doc.restore();
}
