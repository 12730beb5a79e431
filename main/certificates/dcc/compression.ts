import { constants, deflateSync, inflateSync } from 'node:zlib';
import { type DccResult, dccFail, dccOk } from '../../domain/dcc/errors';
import { MAX_INFLATED_BYTES } from './limits';

/**
 * zlib inflation with a hard output cap: zlib stops as soon as the output
 * would pass the cap, so a zip bomb costs at most that much memory and time.
 * Only the zlib format is accepted (the EU DCC mandates it); raw CBOR that was
 * never compressed is refused, as the conformance data requires.
 */
export function inflateBounded(compressed: Uint8Array, maxOutput: number = MAX_INFLATED_BYTES): DccResult<Uint8Array> {
  try {
    const out = inflateSync(compressed, { maxOutputLength: maxOutput, chunkSize: chunkSizeFor(compressed.length * 4) });
    return dccOk(new Uint8Array(out.buffer, out.byteOffset, out.byteLength));
  } catch (e) {
    if (e instanceof RangeError || (e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
      return dccFail('DCC_DECOMPRESSED_TOO_LARGE', `over ${maxOutput} bytes`);
    }
    return dccFail('DCC_COMPRESSION_INVALID', e instanceof Error ? e.message : String(e));
  }
}

/** Best compression: every byte saved makes the QR code smaller and easier to scan from paper. */
export function deflateForQr(data: Uint8Array): Uint8Array {
  const out = deflateSync(data, { level: constants.Z_BEST_COMPRESSION, chunkSize: chunkSizeFor(data.length + 64) });
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}

/**
 * zlib's output buffer for one call. Node allocates 16 kB by default for
 * every call, ten times what a certificate takes (a few hundred bytes);
 * sized to the data, the allocation stops being a measurable share of
 * signing and verifying. Longer output just takes more chunks.
 */
function chunkSizeFor(expected: number): number {
  return Math.min(constants.Z_DEFAULT_CHUNK, Math.max(1024, expected));
}
