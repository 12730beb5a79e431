import {
  BinaryBitmap,
  DecodeHintType,
  HybridBinarizer,
  QRCodeReader,
  RGBLuminanceSource,
  ResultMetadataType,
} from '@zxing/library';
import { decode as decodeJpeg } from 'jpeg-js';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';

/**
 * Reads the text of a QR code in a PNG or JPEG image with ZXing, as a phone or
 * desk scanner would: the image is turned into grey levels (transparent pixels
 * over white paper) and handed to the QR reader. ZXing's JavaScript port misses
 * roughly one large code in twenty that other readers decode (seen with codes
 * of version 18 and up), so a second, independent reader (jsQR) gets its turn,
 * as a phone app retries with another decoder. Returns null when neither reads it.
 */
export function readQrImage(image: Uint8Array): string | null {
  return readQrImageDetails(image)?.text ?? readWithJsQr(image);
}

function readWithJsQr(image: Uint8Array): string | null {
  try {
    const { width, height, rgba } = decodeImage(image);
    return jsQR(new Uint8ClampedArray(rgba.buffer, rgba.byteOffset, rgba.byteLength), width, height)?.data ?? null;
  } catch {
    return null;
  }
}

/** The text and the error-correction level (L, M, Q or H) of the QR code in an image. */
export function readQrImageDetails(image: Uint8Array): { text: string; errorCorrectionLevel: string } | null {
  let decodedImage: { width: number; height: number; rgba: Uint8Array };
  try {
    decodedImage = decodeImage(image);
  } catch {
    return null;
  }
  const { width, height, rgba } = decodedImage;
  const luminance = new Uint8ClampedArray(width * height);
  for (let i = 0; i < width * height; i++) {
    const a = (rgba[i * 4 + 3] as number) / 255;
    const grey = 0.299 * (rgba[i * 4] as number) + 0.587 * (rgba[i * 4 + 1] as number) + 0.114 * (rgba[i * 4 + 2] as number);
    luminance[i] = Math.round(grey * a + 255 * (1 - a));
  }
  const bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(luminance, width, height)));
  const hints = new Map<DecodeHintType, unknown>([[DecodeHintType.TRY_HARDER, true]]);
  try {
    const result = new QRCodeReader().decode(bitmap, hints);
    const level = result.getResultMetadata().get(ResultMetadataType.ERROR_CORRECTION_LEVEL);
    return { text: result.getText(), errorCorrectionLevel: String(level) };
  } catch {
    return null;
  }
}

function decodeImage(image: Uint8Array): { width: number; height: number; rgba: Uint8Array } {
  const buffer = Buffer.from(image);
  // Sniff the format: the VN sample is named .png but is a JPEG.
  if (buffer[0] === 0xff && buffer[1] === 0xd8) {
    const decoded = decodeJpeg(buffer, { useTArray: true, formatAsRGBA: true });
    return { width: decoded.width, height: decoded.height, rgba: decoded.data };
  }
  const png = PNG.sync.read(buffer);
  return { width: png.width, height: png.height, rgba: png.data };
}
