/**
 * Encoders for the legacy encodings Excel writes, for building test files.
 * Windows-1258 stores Vietnamese with precomposed base letters (â ê ô ă ơ ư đ)
 * and separate combining tone marks, so text is decomposed, then base+mark
 * pairs the code page has are recomposed, and the rest are mapped one by one.
 */
const decoder = new TextDecoder('windows-1258');
const byteOf = new Map<string, number>();
for (let b = 0; b < 256; b++) {
  const ch = decoder.decode(new Uint8Array([b]));
  if (!byteOf.has(ch)) byteOf.set(ch, b);
}

export function encodeWindows1258(text: string): Uint8Array {
  const out: number[] = [];
  const chars = [...text.normalize('NFD')];
  for (let i = 0; i < chars.length; i++) {
    let ch = chars[i]!;
    // Collect the marks after a base letter; fold into the base the one mark the code page precomposes.
    const marks: string[] = [];
    while (i + 1 < chars.length && /\p{M}/u.test(chars[i + 1]!)) marks.push(chars[++i]!);
    for (let m = 0; m < marks.length; m++) {
      const composed = (ch + marks[m]).normalize('NFC');
      if ([...composed].length === 1 && byteOf.has(composed)) {
        ch = composed;
        marks.splice(m, 1);
        break;
      }
    }
    for (const c of [ch, ...marks]) {
      const b = byteOf.get(c);
      if (b === undefined) throw new Error(`not representable in windows-1258: ${c} U+${c.codePointAt(0)!.toString(16)}`);
      out.push(b);
    }
  }
  return Uint8Array.from(out);
}

export function encodeUtf16le(text: string, bom = true): Uint8Array {
  const buf = Buffer.from(text, 'utf16le');
  return bom ? Buffer.concat([Buffer.from([0xff, 0xfe]), buf]) : buf;
}

export function utf8WithBom(text: string): Uint8Array {
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
}

export const b64 = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64');
