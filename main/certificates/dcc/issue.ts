import { randomFillSync } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { type DccResult, dccOk } from '../../domain/dcc/errors';
import { type DccPayload } from '../../domain/dcc/types';
import { makeUvci, uvciOpaqueFromUuid } from '../../domain/dcc/uvci';
import { type VaccinationCertificateInput, buildVaccinationPayload } from '../../domain/dcc/vaccination-payload';
import { type DccSigner, type SignedDcc, signDcc } from './sign';

export interface IssuedVaccinationCertificate extends SignedDcc {
  uvci: string;
  payload: DccPayload;
}

/**
 * Random bytes for UVCIs, taken from a pool refilled 256 identifiers at a
 * time: the uuid package asks Web Crypto for 16 bytes per call, which was
 * about a fifteenth of signing a certificate.
 */
const pool = new Uint8Array(16 * 256);
let used = pool.length;

function sixteenRandomBytes(): Uint8Array {
  if (used + 16 > pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  used += 16;
  return pool.subarray(used - 16, used);
}

/**
 * A new UVCI for Viet Nam: a fresh UUIDv7 in base 36 with the Luhn mod N check
 * character, e.g. URN:UVCI:01:VN:0N4Q…#K. Every call gives a different one, so a
 * reissue never repeats an identifier.
 */
export function newVietnamUvci(uuid: string = uuidv7({ random: sixteenRandomBytes() })): string {
  const opaque = uvciOpaqueFromUuid(uuid);
  const uvci = opaque === null ? null : makeUvci('VN', opaque);
  if (uvci === null) throw new Error(`cannot make a UVCI from ${uuid}`);
  return uvci;
}

/**
 * Builds, checks and signs a vaccination certificate. The UVCI is new unless
 * the caller passes one (for tests, or to re-sign an identifier it already recorded).
 */
export function issueVaccinationCertificate(
  signer: DccSigner,
  input: Omit<VaccinationCertificateInput, 'uvci'> & { uvci?: string },
  options: { issuedAt: Date; validityMonths?: number },
): DccResult<IssuedVaccinationCertificate> {
  const uvci = input.uvci ?? newVietnamUvci();
  const payload = buildVaccinationPayload({ ...input, uvci });
  if (!payload.ok) return payload;
  const signed = signDcc(signer, payload.value, options);
  if (!signed.ok) return signed;
  return dccOk({ ...signed.value, uvci, payload: payload.value });
}
