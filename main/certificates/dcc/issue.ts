import { type DccResult, dccOk } from '../../domain/dcc/errors';
import { type DccPayload } from '../../domain/dcc/types';
import { makeUvci, uvciOpaqueFromUuid } from '../../domain/dcc/uvci';
import { type VaccinationCertificateInput, buildVaccinationPayload } from '../../domain/dcc/vaccination-payload';
import { newId } from '../../core/ids';
import { type DccSigner, type SignedDcc, signDcc } from './sign';

export interface IssuedVaccinationCertificate extends SignedDcc {
  uvci: string;
  payload: DccPayload;
}

/**
 * A new UVCI for Viet Nam: a fresh UUIDv7 in base 36 with the Luhn mod N check
 * character, e.g. URN:UVCI:01:VN:0N4Q…#K. The UUID is the station's own record id
 * (main/core/ids.ts): every call gives a different one, so a
 * reissue never repeats an identifier.
 */
export function newVietnamUvci(uuid: string = newId()): string {
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
