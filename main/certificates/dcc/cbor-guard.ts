import { type DccError } from '../../domain/dcc/errors';

/**
 * A structural pass over CBOR bytes before cbor-x sees them. cbor-x has no
 * nesting limit (it recurses, so a few thousand nested arrays exhaust the stack)
 * and honours tags with side effects: shared references (28/29) can build cycles
 * and re-read input, record and packing tags change decoder state. A QR code
 * from a stranger must not reach any of that, so this pass checks that the bytes
 * are exactly one well-formed item, no deeper than `maxDepth`, with at most
 * `maxItems` data items, every declared length within the input, and only tags
 * the EU DCC format uses or that decode to plain values.
 */

export interface CborLimits {
  maxDepth: number;
  maxItems: number;
}

/** Room for COSE/CWT/hcert (about 8 levels deep, a few hundred items) many times over. */
export const DCC_CBOR_LIMITS: CborLimits = { maxDepth: 24, maxItems: 5_000 };

/**
 * Tags let through: date/time (0, 1), bignums (2, 3), decimal fractions (4, 5),
 * expected conversions (21–23), embedded CBOR (24), COSE_Sign1 (18), CWT (61) and
 * RFC 8943 dates (100, 1004). Everything else is refused.
 */
const ALLOWED_TAGS = new Set([0, 1, 2, 3, 4, 5, 18, 21, 22, 23, 24, 61, 100, 1004]);

const BREAK = 0xff;

class Refusal {
  constructor(readonly error: DccError) {}
}

export function checkCborStructure(bytes: Uint8Array, limits: CborLimits = DCC_CBOR_LIMITS): DccError | null {
  let pos = 0;
  let items = 0;

  const fail = (code: DccError['code'], detail: string): never => {
    throw new Refusal({ code, detail });
  };

  /** Reads the argument of a head whose additional info is `ai`; -1 means indefinite length. */
  const readArgument = (ai: number): number => {
    if (ai < 24) return ai;
    const size = ai === 24 ? 1 : ai === 25 ? 2 : ai === 26 ? 4 : ai === 27 ? 8 : 0;
    if (ai === 31) return -1;
    if (size === 0) fail('DCC_CBOR_INVALID', `reserved additional info ${ai} at ${pos - 1}`);
    if (pos + size > bytes.length) fail('DCC_CBOR_INVALID', 'truncated head');
    let value = 0;
    for (let i = 0; i < size; i++) value = value * 256 + (bytes[pos + i] as number);
    pos += size;
    // Beyond 2^53 the value is imprecise, but any length that large is refused below anyway.
    return value;
  };

  const remaining = (): number => bytes.length - pos;

  const readItem = (depth: number): void => {
    if (depth > limits.maxDepth) fail('DCC_CBOR_TOO_DEEP', `deeper than ${limits.maxDepth}`);
    if (++items > limits.maxItems) fail('DCC_CBOR_TOO_MANY_ITEMS', `more than ${limits.maxItems} items`);
    if (pos >= bytes.length) fail('DCC_CBOR_INVALID', 'truncated item');
    const initial = bytes[pos++] as number;
    const major = initial >> 5;
    const ai = initial & 0x1f;
    const arg = readArgument(ai);
    switch (major) {
      case 0:
      case 1:
        if (arg < 0) fail('DCC_CBOR_INVALID', 'indefinite integer');
        return;
      case 2:
      case 3:
        if (arg >= 0) {
          if (arg > remaining()) fail('DCC_CBOR_INVALID', 'string longer than input');
          pos += arg;
          return;
        }
        // Indefinite string: definite chunks of the same major type until break.
        for (;;) {
          if (pos >= bytes.length) fail('DCC_CBOR_INVALID', 'unterminated string');
          if (bytes[pos] === BREAK) {
            pos++;
            return;
          }
          const chunk = bytes[pos++] as number;
          if (chunk >> 5 !== major) fail('DCC_CBOR_INVALID', 'bad string chunk');
          const len = readArgument(chunk & 0x1f);
          if (len < 0 || len > remaining()) fail('DCC_CBOR_INVALID', 'bad string chunk length');
          pos += len;
        }
      case 4:
      case 5: {
        const perEntry = major === 4 ? 1 : 2;
        if (arg >= 0) {
          // Every item takes at least one byte: a count beyond the input is a lie.
          if (arg * perEntry > remaining()) fail('DCC_CBOR_INVALID', 'container longer than input');
          for (let i = 0; i < arg * perEntry; i++) readItem(depth + 1);
          return;
        }
        for (let n = 0; ; n++) {
          if (pos >= bytes.length) fail('DCC_CBOR_INVALID', 'unterminated container');
          if (bytes[pos] === BREAK) {
            pos++;
            if (major === 5 && n % 2 !== 0) fail('DCC_CBOR_INVALID', 'map with a key and no value');
            return;
          }
          readItem(depth + 1);
        }
      }
      case 6:
        if (arg < 0) fail('DCC_CBOR_INVALID', 'indefinite tag');
        if (!ALLOWED_TAGS.has(arg)) fail('DCC_CBOR_UNSUPPORTED_TAG', `tag ${arg}`);
        readItem(depth + 1);
        return;
      default:
        // Major 7: simple values and floats; a break outside an indefinite container is malformed.
        if (ai === 31) fail('DCC_CBOR_INVALID', 'unexpected break');
        if (ai === 24 && arg < 32) fail('DCC_CBOR_INVALID', 'non-canonical simple value');
        return;
    }
  };

  try {
    readItem(0);
    if (pos !== bytes.length) fail('DCC_CBOR_INVALID', `${bytes.length - pos} bytes after the item`);
    return null;
  } catch (e) {
    if (e instanceof Refusal) return e.error;
    throw e;
  }
}
