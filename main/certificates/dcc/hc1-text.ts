import { type DccResult, dccFail, dccOk } from '../../domain/dcc/errors';
import { MAX_HC1_LENGTH } from './limits';

/** Context identifier of an EU DCC in a QR code: health certificate, version 1. */
export const HC1_PREFIX = 'HC1:';

const BASE45_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';
const BASE45_CODES = Uint8Array.from(BASE45_ALPHABET, (c) => c.charCodeAt(0));
const BASE45_VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < BASE45_ALPHABET.length; i++) BASE45_VALUE[BASE45_ALPHABET.charCodeAt(i)] = i;

/**
 * Strips the 'HC1:' prefix. Keyboard-wedge scanners and pasting add line
 * breaks at the ends; those are dropped, but not spaces, which are Base45 digits.
 */
export function unprefixHc1(text: string): DccResult<string> {
  if (text.length > MAX_HC1_LENGTH + 8) return dccFail('DCC_INPUT_TOO_LARGE', `${text.length} characters`);
  const trimmed = text.replace(/^[\r\n\t]+|[\r\n\t]+$/g, '');
  if (trimmed.length > MAX_HC1_LENGTH) return dccFail('DCC_INPUT_TOO_LARGE', `${trimmed.length} characters`);
  if (!trimmed.startsWith(HC1_PREFIX)) return dccFail('DCC_PREFIX_MISSING');
  return dccOk(trimmed.slice(HC1_PREFIX.length));
}

/**
 * Base45 (RFC 9285) decoding. The base45 package decodes without checking
 * anything (a wrong character becomes silent garbage), and checking means
 * computing every group's value anyway, so the bytes are written in the same
 * pass: alphabet, length (never 1 mod 3) and each group's value (a triple at
 * most 65535, a trailing pair at most 255) are all checked.
 */
export function decodeBase45(text: string): DccResult<Uint8Array> {
  if (text.length === 0) return dccFail('DCC_BASE45_INVALID', 'empty');
  if (text.length % 3 === 1) return dccFail('DCC_BASE45_INVALID', 'length');
  const out = new Uint8Array(Math.floor(text.length / 3) * 2 + (text.length % 3 === 2 ? 1 : 0));
  let o = 0;
  for (let i = 0; i < text.length; i += 3) {
    const c = value(text, i);
    const d = value(text, i + 1);
    if (c < 0 || d < 0) return dccFail('DCC_BASE45_INVALID', `character at ${c < 0 ? i : i + 1}`);
    if (i + 2 < text.length) {
      const e = value(text, i + 2);
      if (e < 0) return dccFail('DCC_BASE45_INVALID', `character at ${i + 2}`);
      const n = c + d * 45 + e * 2025;
      if (n > 0xffff) return dccFail('DCC_BASE45_INVALID', `group at ${i}`);
      out[o++] = n >> 8;
      out[o++] = n & 0xff;
    } else {
      const n = c + d * 45;
      if (n > 0xff) return dccFail('DCC_BASE45_INVALID', 'final group');
      out[o++] = n;
    }
  }
  return dccOk(out);
}

/**
 * 'HC1:' + Base45 (RFC 9285): each byte pair is a number below 65536 written
 * as three base-45 digits, least significant first; a last odd byte, two.
 * The base45 package builds each group through arrays, destructuring and
 * string concatenation (about 7 % of signing a certificate); this writes the
 * character codes into one buffer.
 * The unit tests hold it to the package's output.
 */
export function encodeHc1(compressed: Uint8Array): string {
  const pairs = compressed.length - (compressed.length % 2);
  const out = Buffer.allocUnsafe(HC1_PREFIX.length + (pairs / 2) * 3 + (pairs < compressed.length ? 2 : 0));
  let o = out.write(HC1_PREFIX, 'latin1');
  for (let i = 0; i < pairs; i += 2) {
    const n = (compressed[i]! << 8) | compressed[i + 1]!;
    out[o++] = BASE45_CODES[n % 45]!;
    out[o++] = BASE45_CODES[Math.floor(n / 45) % 45]!;
    out[o++] = BASE45_CODES[Math.floor(n / 2025)]!;
  }
  if (pairs < compressed.length) {
    const n = compressed[pairs]!;
    out[o++] = BASE45_CODES[n % 45]!;
    out[o] = BASE45_CODES[Math.floor(n / 45)]!;
  }
  return out.toString('latin1');
}

function value(text: string, index: number): number {
  const code = text.charCodeAt(index);
  return code < 128 ? (BASE45_VALUE[code] as number) : -1;
}
