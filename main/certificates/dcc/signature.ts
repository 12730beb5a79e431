import { type KeyObject, constants, sign, verify } from 'node:crypto';
import { type DccError } from '../../domain/dcc/errors';

/**
 * The two signature algorithms the EU DCC specification allows. Anything else
 * is refused (conformance case CO4: "algorithm not supported").
 */
export const COSE_ALG = { ES256: -7, PS256: -37 } as const;

/**
 * Checks a COSE signature with Node's crypto. ES256 signatures are the raw
 * r‖s pair (IEEE P1363), not DER. PS256 is RSASSA-PSS with SHA-256; RFC 8230
 * fixes the salt at 32 bytes, but the salt length is read from the signature
 * (it does not weaken PSS), so a signer that used a longer salt still verifies.
 */
export function verifyCoseSignature(
  alg: number | undefined,
  publicKey: KeyObject,
  signedBytes: Uint8Array,
  signature: Uint8Array,
): DccError | null {
  if (alg === COSE_ALG.ES256) {
    if (publicKey.asymmetricKeyType !== 'ec' || publicKey.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
      return { code: 'DCC_SIGNER_KEY_MISMATCH', detail: 'ES256 needs a P-256 key' };
    }
    if (signature.length !== 64) return { code: 'DCC_SIGNATURE_INVALID', detail: 'ES256 signature length' };
    const good = safely(() => verify('sha256', signedBytes, { key: publicKey, dsaEncoding: 'ieee-p1363' }, signature));
    return good ? null : { code: 'DCC_SIGNATURE_INVALID' };
  }
  if (alg === COSE_ALG.PS256) {
    if (publicKey.asymmetricKeyType !== 'rsa' && publicKey.asymmetricKeyType !== 'rsa-pss') {
      return { code: 'DCC_SIGNER_KEY_MISMATCH', detail: 'PS256 needs an RSA key' };
    }
    const good = safely(() =>
      verify(
        'sha256',
        signedBytes,
        { key: publicKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_AUTO },
        signature,
      ),
    );
    return good ? null : { code: 'DCC_SIGNATURE_INVALID' };
  }
  return { code: 'DCC_ALGORITHM_UNSUPPORTED', detail: alg === undefined ? 'no alg in the header' : `alg ${alg}` };
}

/** A signature OpenSSL cannot even parse is simply not a valid signature. */
function safely(check: () => boolean): boolean {
  try {
    return check();
  } catch {
    return false;
  }
}

/** ES256 signature (raw r‖s) over the Sig_structure bytes. */
export function signEs256(privateKey: KeyObject, signedBytes: Uint8Array): Uint8Array {
  const signature = sign('sha256', signedBytes, { key: privateKey, dsaEncoding: 'ieee-p1363' });
  return new Uint8Array(signature.buffer, signature.byteOffset, signature.byteLength);
}
