import { Decoder, Encoder, type Options } from 'cbor-x';
import { type DccResult, dccFail, dccOk } from '../../domain/dcc/errors';
import { type CborLimits, DCC_CBOR_LIMITS, checkCborStructure } from './cbor-guard';

/**
 * cbor-x configured for COSE/CWT: maps stay Maps (COSE and CWT keys are
 * integers), no records or packing extensions, and byte strings are written as
 * plain byte strings — with cbor-x's default tag 64 on Uint8Array, every other
 * implementation would see a tagged value and the signature would not verify.
 */
const decoder = new Decoder({ mapsAsObjects: false, useRecords: false, bundleStrings: false });
const encoderOptions: Options & { useTag259ForMaps: boolean } = {
  tagUint8Array: false,
  // Otherwise cbor-x marks Maps with tag 259, which no COSE reader expects
  // (the option exists in cbor-x but not in its type declarations).
  useTag259ForMaps: false,
  useRecords: false,
  variableMapSize: true,
  bundleStrings: false,
};
const encoder = new Encoder(encoderOptions);

/** Decodes one CBOR item after the structural guard has accepted it. */
export function decodeCbor(bytes: Uint8Array, limits: CborLimits = DCC_CBOR_LIMITS): DccResult<unknown> {
  const refused = checkCborStructure(bytes, limits);
  if (refused) return { ok: false, error: refused };
  try {
    return dccOk(decoder.decode(bytes) as unknown);
  } catch (e) {
    return dccFail('DCC_CBOR_INVALID', e instanceof Error ? e.message : String(e));
  }
}

/** Encodes a value; the result is a fresh buffer the caller owns. */
export function encodeCbor(value: unknown): Uint8Array {
  // cbor-x hands back a view into its working buffer; copy so later encodes cannot touch it.
  return Uint8Array.from(encoder.encode(value));
}
