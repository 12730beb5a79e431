import { createHash } from 'node:crypto';
import type { ErrorCode } from '../../../../preload/contract';
import { signJws, type JwsHeader } from '../../../certificates/keys/jws';
import { StationError } from '../../errors';
import type { SigningKeys } from './signing-keys';

/**
 * Signing the station's own statements with the station key (the P-256 key
 * certificates are signed with): the day's manifest at each close, and
 * anything else the station must be able to prove it wrote and nobody
 * changed since. The result is a compact JWS (ES256) naming the key and its
 * certificate, so the district checks it with the key's fingerprint or the
 * certificate it already holds.
 */
export interface StationSignature {
  jws: string;
  keyId: string;
  /** SHA-256 of the public key (SPKI DER), hex. */
  spkiSha256: string;
  /** SHA-256 of the certificate the key is known by now (national if imported, else provisional), hex. */
  certificateSha256: string;
  national: boolean;
}

/** The key as a statement names it, before signing (the statement carries it, so it is signed too). */
export interface StationKeyIdentity {
  keyId: string;
  spkiSha256: string;
  certificateSha256: string;
  national: boolean;
}

export function fingerprintHex(der: Buffer | Uint8Array): string {
  return createHash('sha256').update(der).digest('hex');
}

/**
 * The station key, or a refusal in the caller's words: `codes` lets the close
 * of day say "unlock the key to close the day" rather than speak of certificates.
 */
export function openStationKey(keys: SigningKeys, codes: { missing: ErrorCode; locked: ErrorCode }) {
  try {
    const { row, privateKey } = keys.stationKey();
    const certificate = row.nationalCertificateDer ?? row.provisionalCertificateDer;
    const identity: StationKeyIdentity = {
      keyId: row.id,
      spkiSha256: fingerprintHex(row.publicKeyDer),
      certificateSha256: fingerprintHex(certificate),
      national: row.nationalCertificateDer !== null,
    };
    return {
      identity,
      sign(payload: string, typ: string): StationSignature {
        const header: JwsHeader = { alg: 'ES256', kid: row.id, typ, 'x5t#S256': Buffer.from(identity.certificateSha256, 'hex').toString('base64url') };
        return { jws: signJws(privateKey, header, payload), ...identity };
      },
    };
  } catch (err) {
    if (err instanceof StationError && err.code === 'CERT_NO_SIGNING_KEY') throw new StationError(codes.missing, 'the station has no key to sign the day with');
    if (err instanceof StationError && err.code === 'CERT_SIGNING_LOCKED') throw new StationError(codes.locked, 'unlock the station key to sign the day');
    throw err;
  }
}
export type OpenStationKey = ReturnType<typeof openStationKey>;
