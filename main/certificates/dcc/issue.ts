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
 * A UVCI for Viet Nam from a UUID: the UUID in base 36 with the Luhn mod N
 * check character, e.g. URN:UVCI:01:VN:0N4Q…#K. The caller passes a fresh
 * station id (main/core/ids.ts) for each certificate, so a reissue never
 * repeats an identifier; the codec itself makes no identifiers.
 */
export function newVietnamUvci(uuid: string): string {
  const opaque = uvciOpaqueFromUuid(uuid);
  const uvci = opaque === null ? null : makeUvci('VN', opaque);
  if (uvci === null) throw new Error(`cannot make a UVCI from ${uuid}`);
  return uvci;
}

/**
 * Builds, checks and signs a vaccination certificate. The caller gives either
 * the UVCI (to re-sign an identifier it already recorded) or the fresh UUID a
 * new Vietnamese UVCI is made from.
 */
export function issueVaccinationCertificate(
  signer: DccSigner,
  input: Omit<VaccinationCertificateInput, 'uvci'> & ({ uvci: string } | { uuid: string }),
  options: { issuedAt: Date; validityMonths?: number },
): DccResult<IssuedVaccinationCertificate> {
  const { uvci: given, uuid, ...rest } = input as Omit<VaccinationCertificateInput, 'uvci'> & { uvci?: string; uuid?: string };
  const uvci = given ?? newVietnamUvci(uuid!);
  const payload = buildVaccinationPayload({ ...rest, uvci });
  if (!payload.ok) return payload;
  const signed = signDcc(signer, payload.value, options);
  if (!signed.ok) return signed;
  return dccOk({ ...signed.value, uvci, payload: payload.value });
}
