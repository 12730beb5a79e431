/**
 * Turns the bytes of a spreadsheet export into text. Excel on Vietnamese
 * Windows writes "CSV UTF-8" (with BOM), "Unicode text" (UTF-16LE) or plain
 * "CSV" in the ANSI code page, Windows-1258, whose tone marks are combining
 * characters: decoded text is NFC-normalised so names compare equal.
 */
export type DecodeResult =
  | { ok: true; text: string; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1258' }
  | { ok: false; code: 'IMPORT_ENCODING_UNSUPPORTED' | 'IMPORT_NOT_CSV' | 'IMPORT_FILE_EMPTY'; params?: Record<string, string> };

// Bytes Windows-1258 leaves undefined: their presence means some other code page.
const UNDEFINED_IN_1258 = new Set([0x81, 0x8a, 0x8d, 0x8e, 0x8f, 0x90, 0x9a, 0x9d, 0x9e]);

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

function decodeStrict(bytes: Uint8Array, label: string): string | null {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}

/** Guesses UTF-16 without a BOM from where the zero bytes fall in ASCII-heavy text. */
function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length - (bytes.length % 2), 4096);
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.3 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.3 && oddZeros < pairs * 0.05) return 'utf-16be';
  return null;
}

export function decodeCsvBytes(bytes: Uint8Array): DecodeResult {
  if (bytes.length === 0) return { ok: false, code: 'IMPORT_FILE_EMPTY' };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return { ok: false, code: 'IMPORT_NOT_CSV', params: { kind: 'xlsx' } };
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) return { ok: false, code: 'IMPORT_NOT_CSV', params: { kind: 'xls' } };
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return { ok: false, code: 'IMPORT_NOT_CSV', params: { kind: 'pdf' } };

  let encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1258';
  let text: string | null;
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    encoding = 'utf-8';
    text = decodeStrict(bytes, 'utf-8');
  } else if (startsWith(bytes, [0xff, 0xfe])) {
    encoding = 'utf-16le';
    text = decodeStrict(bytes, 'utf-16le');
  } else if (startsWith(bytes, [0xfe, 0xff])) {
    encoding = 'utf-16be';
    text = decodeStrict(bytes, 'utf-16be');
  } else {
    const utf16 = sniffUtf16(bytes);
    if (utf16) {
      encoding = utf16;
      text = decodeStrict(bytes, utf16);
    } else {
      text = decodeStrict(bytes, 'utf-8');
      encoding = 'utf-8';
      if (text === null) {
        if (bytes.some((b) => UNDEFINED_IN_1258.has(b) || b === 0)) {
          return { ok: false, code: 'IMPORT_ENCODING_UNSUPPORTED' };
        }
        encoding = 'windows-1258';
        text = new TextDecoder('windows-1258').decode(bytes);
      }
    }
  }
  if (text === null) return { ok: false, code: 'IMPORT_ENCODING_UNSUPPORTED', params: { encoding } };
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // NUL or other C0 controls (beyond tab/CR/LF) mean a binary file, not text.
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/u.test(text.slice(0, 65536))) {
    return { ok: false, code: 'IMPORT_NOT_CSV', params: { kind: 'binary' } };
  }
  return { ok: true, text: text.normalize('NFC'), encoding };
}
