/**
 * Turns the bytes of a spreadsheet export into text. Excel on Vietnamese
 * Windows writes "CSV UTF-8" (with BOM), "Unicode text" (UTF-16LE) or plain
 * "CSV" in the ANSI code page, Windows-1258, whose tone marks are combining
 * characters: decoded text is NFC-normalised so names compare equal.
 */
export type DecodeResult =
  | { ok: true; text: string; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1258' }
  | { ok: false; code: 'IMPORT_ENCODING_UNSUPPORTED' | 'IMPORT_ENCODING_TCVN3' | 'IMPORT_INVALID_UTF8' | 'IMPORT_NOT_CSV' | 'IMPORT_FILE_EMPTY'; params?: Record<string, string> };

// Bytes Windows-1258 leaves undefined: their presence means some other code page.
const UNDEFINED_IN_1258 = new Set([0x81, 0x8a, 0x8d, 0x8e, 0x8f, 0x90, 0x9a, 0x9d, 0x9e]);

/**
 * Where UTF-8 breaks in a file that is mostly UTF-8 (well-formed multi-byte
 * sequences elsewhere): a damaged file, not a legacy code page. Decoding it as
 * Windows-1258 would garble every Vietnamese letter, so it is refused with the line.
 */
function brokenUtf8Line(bytes: Uint8Array): number | null {
  let valid = 0;
  let firstBad = -1;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    let ok = need >= 0;
    for (let k = 1; ok && k <= need; k++) ok = i + k < bytes.length && (bytes[i + k]! & 0xc0) === 0x80;
    if (ok) {
      if (need > 0) valid++;
      i += need + 1;
    } else {
      if (firstBad < 0) firstBad = i;
      i++;
    }
  }
  if (valid === 0 || firstBad < 0) return null;
  let line = 1;
  for (let i = 0; i < firstBad; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/**
 * TCVN3 (ABC, the .Vn fonts of older Vietnamese offices) puts its toned vowels
 * and ă â ê ô ơ ư đ at 0xA1–0xBF, where Windows-1258 has only symbols (¡ £ µ ¸ …)
 * that never appear in names. A file whose high bytes often fall there is TCVN3.
 */
function looksLikeTcvn3(bytes: Uint8Array): boolean {
  let high = 0;
  let symbolRange = 0;
  for (const b of bytes) {
    if (b < 0x80) continue;
    high++;
    if (b >= 0xa1 && b <= 0xbf) symbolRange++;
  }
  return high > 0 && symbolRange / high >= 0.2;
}

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
        const badLine = brokenUtf8Line(bytes);
        if (badLine !== null) return { ok: false, code: 'IMPORT_INVALID_UTF8', params: { line: String(badLine) } };
        if (looksLikeTcvn3(bytes)) return { ok: false, code: 'IMPORT_ENCODING_TCVN3' };
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
