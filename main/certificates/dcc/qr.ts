import QRCode from 'qrcode';

/**
 * QR codes for HC1 texts. The EU DCC specification asks for error-correction
 * level Q (a quarter of the code can be smudged or torn on paper), and an HC1
 * text is entirely QR alphanumeric characters (Base45 was chosen for that), so
 * the whole text goes in one alphanumeric segment: the smallest code there is.
 */
const OPTIONS = { errorCorrectionLevel: 'Q' } as const;

function segments(hc1: string): QRCode.QRCodeSegment[] {
  return [{ data: hc1, mode: 'alphanumeric' }];
}

/** The module grid: `size` × `size`, `dark[y * size + x]` true for a dark module. For vector drawing in PDFs. */
export interface QrMatrix {
  size: number;
  version: number;
  dark: boolean[];
}

export function toQrMatrix(hc1: string): QrMatrix {
  const code = QRCode.create(segments(hc1), OPTIONS);
  const { size, data } = code.modules;
  return { size, version: code.version, dark: Array.from(data, (m) => m === 1) };
}

/** A PNG of the code with the standard 4-module quiet zone; `scale` is pixels per module. */
export function toQrPng(hc1: string, options: { scale?: number } = {}): Promise<Buffer> {
  return QRCode.toBuffer(segments(hc1), { ...OPTIONS, type: 'png', margin: 4, scale: options.scale ?? 4 });
}
