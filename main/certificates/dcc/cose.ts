import { Tag } from 'cbor-x';
import { type DccResult, dccFail, dccOk } from '../../domain/dcc/errors';
import { decodeCbor, encodeCbor } from './cbor';

/** COSE header labels (RFC 9052). */
export const COSE_HEADER = { alg: 1, kid: 4 } as const;
const TAG_COSE_SIGN1 = 18;
const TAG_CWT = 61;
/** array(4), then the text "Signature1": the fixed start of every Sig_structure. */
const SIG_STRUCTURE_START = Uint8Array.from([0x84, 0x6a, ...new TextEncoder().encode('Signature1')]);
/** tag(18) then array(4): the fixed start of every COSE_Sign1 message. */
const COSE_SIGN1_START = Uint8Array.of(0xc0 | TAG_COSE_SIGN1, 0x84);
const EMPTY_MAP = Uint8Array.of(0xa0);

/** One COSE_Sign1 message as read from a QR code. */
export interface CoseSign1 {
  /** The protected header exactly as received: the signature covers these bytes. */
  protectedBytes: Uint8Array;
  protectedHeader: ReadonlyMap<unknown, unknown>;
  unprotectedHeader: ReadonlyMap<unknown, unknown>;
  payload: Uint8Array;
  signature: Uint8Array;
  /**
   * COSE algorithm: the protected header's, else the unprotected one (conformance
   * case CO20 carries alg and kid unprotected only). Swapping an unprotected alg
   * gains nothing: the signer's trusted key must match the algorithm and still
   * verify the signature.
   */
  alg: number | undefined;
  /** Key identifier: the protected header's wins, the unprotected one is a fallback. */
  kid: Uint8Array | undefined;
  kidSource: 'protected' | 'unprotected' | undefined;
}

/**
 * Reads a COSE_Sign1 message: tagged 18, wrapped in the CWT tag 61 as well, or
 * untagged (all three are in use).
 */
export function parseCoseSign1(bytes: Uint8Array): DccResult<CoseSign1> {
  const decoded = decodeCbor(bytes);
  if (!decoded.ok) return decoded;
  let value = decoded.value;
  if (value instanceof Tag && value.tag === TAG_CWT) value = value.value;
  if (value instanceof Tag) {
    if (value.tag !== TAG_COSE_SIGN1) return dccFail('DCC_COSE_INVALID', `tag ${value.tag}`);
    value = value.value;
  }
  if (!Array.isArray(value) || value.length !== 4) return dccFail('DCC_COSE_INVALID', 'not a 4-element array');
  const [protectedBytes, unprotectedHeader, payload, signature] = value as unknown[];
  if (!(protectedBytes instanceof Uint8Array)) return dccFail('DCC_COSE_INVALID', 'protected header is not a byte string');
  if (!(unprotectedHeader instanceof Map)) return dccFail('DCC_COSE_INVALID', 'unprotected header is not a map');
  // A nil payload means "detached": a QR code carries its payload, so that is not a certificate.
  if (!(payload instanceof Uint8Array)) return dccFail('DCC_COSE_INVALID', 'payload is not a byte string');
  if (!(signature instanceof Uint8Array)) return dccFail('DCC_COSE_INVALID', 'signature is not a byte string');

  let protectedHeader: ReadonlyMap<unknown, unknown> = new Map();
  if (protectedBytes.length > 0) {
    const header = decodeCbor(protectedBytes);
    if (!header.ok) return header;
    if (!(header.value instanceof Map)) return dccFail('DCC_COSE_INVALID', 'protected header is not a map');
    protectedHeader = header.value;
  }

  const alg = protectedHeader.get(COSE_HEADER.alg) ?? unprotectedHeader.get(COSE_HEADER.alg);
  const protectedKid = protectedHeader.get(COSE_HEADER.kid);
  const unprotectedKid = unprotectedHeader.get(COSE_HEADER.kid);
  let kid: Uint8Array | undefined;
  let kidSource: CoseSign1['kidSource'];
  if (protectedKid instanceof Uint8Array) {
    kid = protectedKid;
    kidSource = 'protected';
  } else if (unprotectedKid instanceof Uint8Array) {
    kid = unprotectedKid;
    kidSource = 'unprotected';
  }
  return dccOk({
    protectedBytes,
    protectedHeader,
    unprotectedHeader,
    payload,
    signature,
    alg: typeof alg === 'number' && Number.isInteger(alg) ? alg : undefined,
    kid,
    kidSource,
  });
}

/**
 * The bytes a COSE_Sign1 signature covers (RFC 9052 §4.4):
 * ["Signature1", protected, external_aad = h'', payload].
 * Written out by hand: every signer and verifier must produce exactly this
 * deterministic encoding, and a general-purpose encoder is free to choose
 * longer length headers.
 */
export function sigStructure(protectedBytes: Uint8Array, payload: Uint8Array): Uint8Array {
  return concatBytes([SIG_STRUCTURE_START, cborHead(2, protectedBytes.length), protectedBytes, Uint8Array.of(0x40), cborHead(2, payload.length), payload]);
}

function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  let length = 0;
  for (const part of parts) length += part.length;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** The protected header this station signs with: algorithm and key identifier, both covered by the signature. */
export function encodeProtectedHeader(alg: number, kid: Uint8Array): Uint8Array {
  return encodeCbor(
    new Map<number, unknown>([
      [COSE_HEADER.alg, alg],
      [COSE_HEADER.kid, kid],
    ]),
  );
}

/**
 * A COSE_Sign1 message tagged 18, with an empty unprotected header:
 * tag(18) [bstr protected, {}, bstr payload, bstr signature]. Written out by
 * hand, like the Sig_structure: its shape never varies, so there is nothing
 * for a general encoder to decide, and the bytes are assembled in one copy.
 */
export function encodeCoseSign1(protectedBytes: Uint8Array, payload: Uint8Array, signature: Uint8Array): Uint8Array {
  return concatBytes([
    COSE_SIGN1_START,
    cborHead(2, protectedBytes.length),
    protectedBytes,
    EMPTY_MAP,
    cborHead(2, payload.length),
    payload,
    cborHead(2, signature.length),
    signature,
  ]);
}

/** Shortest-form CBOR head for a major type and length. */
function cborHead(major: number, length: number): Uint8Array {
  const m = major << 5;
  if (length < 24) return Uint8Array.of(m | length);
  if (length < 0x100) return Uint8Array.of(m | 24, length);
  if (length < 0x10000) return Uint8Array.of(m | 25, length >> 8, length & 0xff);
  return Uint8Array.of(m | 26, (length >>> 24) & 0xff, (length >> 16) & 0xff, (length >> 8) & 0xff, length & 0xff);
}
