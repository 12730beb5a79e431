import { BrowserQRCodeReader } from '@zxing/browser';
import { DecodeHintType } from '@zxing/library';

/**
 * QR codes from the webcam and from image files (a photo of a card), read
 * with zxing in the page. The text goes to the core's parser exactly as a
 * scanner's would.
 */

/** Card payloads are UTF-8 without an ECI marker; without this hint zxing may guess Latin-1 and garble the name. */
export function qrReader(): BrowserQRCodeReader {
  const hints = new Map<DecodeHintType, unknown>([
    [DecodeHintType.CHARACTER_SET, 'UTF-8'],
    [DecodeHintType.TRY_HARDER, true],
  ]);
  return new BrowserQRCodeReader(hints);
}

export type ImageDecode = { ok: true; text: string } | { ok: false; reason: 'no-code' | 'not-an-image' };

/** Largest side tried after the full-size attempt: phone photos are big and the code small in them. */
const SCALED_SIDE = 1600;

export async function decodeQrImage(file: Blob): Promise<ImageDecode> {
  const url = URL.createObjectURL(file);
  try {
    const image = await loadImage(url);
    if (!image) return { ok: false, reason: 'not-an-image' };
    const reader = qrReader();
    for (const side of [Math.max(image.naturalWidth, image.naturalHeight), SCALED_SIDE, 800]) {
      const text = tryCanvas(reader, image, side);
      if (text !== null) return { ok: true, text };
    }
    return { ok: false, reason: 'no-code' };
  } finally {
    URL.revokeObjectURL(url);
  }
}

function loadImage(url: string): Promise<HTMLImageElement | null> {
  return new Promise((resolve) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => resolve(null);
    image.src = url;
  });
}

function tryCanvas(reader: BrowserQRCodeReader, image: HTMLImageElement, side: number): string | null {
  const scale = Math.min(1, side / Math.max(image.naturalWidth, image.naturalHeight));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(image.naturalWidth * scale));
  canvas.height = Math.max(1, Math.round(image.naturalHeight * scale));
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
  try {
    return reader.decodeFromCanvas(canvas).getText();
  } catch {
    return null;
  }
}
