import { readFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { toQrMatrix, toQrPng } from '../../../main/certificates/dcc/qr';
import { readQrImageDetails } from './qr-image';

// Viet Nam's published sample: a real-size HC1 text.
const HC1 = (
  JSON.parse(
    readFileSync(new URL('../../fixtures/eu-dcc/dcc-quality-assurance/VN/1.3.0/VAC_VN.decoded.json', import.meta.url), 'utf8'),
  ) as { PREFIX: string }
).PREFIX;

describe('QR codes for certificates', () => {
  it('PNG reads back as the same HC1 text, at error-correction level Q', async () => {
    const read = readQrImageDetails(await toQrPng(HC1));
    expect(read).toEqual({ text: HC1, errorCorrectionLevel: 'Q' });
  });

  it('module matrix, drawn as a printer would, reads back as the same HC1 text', () => {
    const matrix = toQrMatrix(HC1);
    expect(matrix.dark).toHaveLength(matrix.size * matrix.size);
    expect(matrix.size).toBe(17 + 4 * matrix.version);
    const scale = 4;
    const quiet = 4;
    const side = (matrix.size + 2 * quiet) * scale;
    const png = new PNG({ width: side, height: side });
    png.data.fill(255);
    for (let y = 0; y < matrix.size; y++) {
      for (let x = 0; x < matrix.size; x++) {
        if (!matrix.dark[y * matrix.size + x]) continue;
        for (let dy = 0; dy < scale; dy++) {
          for (let dx = 0; dx < scale; dx++) {
            const offset = (((y + quiet) * scale + dy) * side + (x + quiet) * scale + dx) * 4;
            png.data[offset] = png.data[offset + 1] = png.data[offset + 2] = 0;
          }
        }
      }
    }
    expect(readQrImageDetails(PNG.sync.write(png))).toEqual({ text: HC1, errorCorrectionLevel: 'Q' });
  });

  it('encodes the text as alphanumeric, giving a smaller code than byte mode would', () => {
    const byteMode = QRCode.create([{ data: Buffer.from(HC1), mode: 'byte' }], { errorCorrectionLevel: 'Q' });
    expect(toQrMatrix(HC1).version).toBeLessThan(byteMode.version);
  });
});
