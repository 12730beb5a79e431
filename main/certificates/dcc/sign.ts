import { type KeyObject, type X509Certificate, createPublicKey } from 'node:crypto';
import { type DccResult, dccFail, dccOk } from '../../domain/dcc/errors';
import { type DccKind, type DccPayload, DCC_KINDS } from '../../domain/dcc/types';
import { DCC_VALIDITY_MONTHS, certificateValidity } from '../../domain/dcc/validity';
import { deflateForQr } from './compression';
import { encodeCoseSign1, encodeProtectedHeader, sigStructure } from './cose';
import { encodeDccClaims } from './cwt';
import { encodeHc1 } from './hc1-text';
import { checkDccSchema } from './schema';
import { COSE_ALG, signEs256 } from './signature';
import { trustedSignerFromDer } from './trust-list';

/** Everything needed to sign, prepared once: the key, its certificate and the protected header bytes. */
export interface DccSigner {
  readonly privateKey: KeyObject;
  readonly certificateDer: Uint8Array;
  readonly certificate: X509Certificate;
  readonly kid: Uint8Array;
  readonly protectedHeader: Uint8Array;
  /** CWT issuer claim: the issuing country. */
  readonly issuerCountry: string;
  readonly allowedKinds: ReadonlySet<DccKind>;
  /** The certificate's validity period, read once. */
  readonly validFromMs: number;
  readonly validToMs: number;
}

export interface SignedDcc {
  /** The QR text: 'HC1:' + Base45(zlib(COSE_Sign1)). */
  hc1: string;
  kid: Uint8Array;
  /** CWT iat and exp, seconds since the epoch. */
  issuedAt: number;
  expiresAt: number;
}

/**
 * Prepares a signer from a P-256 private key and the certificate for it (the
 * provisional self-signed one or the national document-signer certificate).
 * The key must be the certificate's: otherwise every QR would fail to verify.
 */
export function createDccSigner(input: {
  privateKey: KeyObject;
  certificateDer: Uint8Array;
  issuerCountry?: string;
}): DccResult<DccSigner> {
  const parsed = trustedSignerFromDer(input.certificateDer);
  if (!parsed.ok) return parsed;
  const { certificate, kid } = parsed.value;
  const key = input.privateKey;
  if (key.type !== 'private' || key.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
    return dccFail('DCC_SIGNER_KEY_MISMATCH', 'ES256 needs a P-256 private key');
  }
  const ours = createPublicKey(key).export({ type: 'spki', format: 'der' });
  const theirs = certificate.publicKey.export({ type: 'spki', format: 'der' });
  if (!ours.equals(theirs)) return dccFail('DCC_SIGNER_KEY_MISMATCH', 'the certificate is for another key');

  return dccOk({
    privateKey: key,
    certificateDer: input.certificateDer,
    certificate,
    kid,
    protectedHeader: encodeProtectedHeader(COSE_ALG.ES256, kid),
    issuerCountry: input.issuerCountry ?? 'VN',
    allowedKinds: parsed.value.allowedKinds,
    validFromMs: Date.parse(certificate.validFrom),
    validToMs: Date.parse(certificate.validTo),
  });
}

/**
 * Signs an EU DCC payload: CWT claims (iss, iat, exp = iat + 12 calendar months,
 * hcert), COSE_Sign1 with ES256 and the kid in the protected header, zlib,
 * Base45, 'HC1:'. Strict in what it generates: the payload must match the
 * schema exactly, the signer's key usage must allow its certificate type, and
 * the signer's certificate must be valid at the issue time.
 */
export function signDcc(
  signer: DccSigner,
  payload: DccPayload,
  options: { issuedAt: Date; validityMonths?: number },
): DccResult<SignedDcc> {
  const schemaError = checkDccSchema(payload, 'issue');
  if (schemaError) return { ok: false, error: schemaError };
  const kinds = DCC_KINDS.filter((kind) => payload[kind] !== undefined);
  if (!kinds.every((kind) => signer.allowedKinds.has(kind))) {
    return dccFail('DCC_KEY_USAGE_MISMATCH', kinds.join(','));
  }
  const issuedAtMs = options.issuedAt.getTime();
  if (Number.isNaN(issuedAtMs)) return dccFail('DCC_VALIDITY_INVALID', 'issue time');
  if (issuedAtMs < signer.validFromMs || issuedAtMs > signer.validToMs) {
    return dccFail('DCC_SIGNER_CERTIFICATE_INVALID', 'not valid at the issue time');
  }
  const { iat, exp } = certificateValidity(options.issuedAt, options.validityMonths ?? DCC_VALIDITY_MONTHS);
  if (exp <= iat) return dccFail('DCC_VALIDITY_INVALID', 'expiry not after issue');

  const claims = encodeDccClaims(signer.issuerCountry, iat, exp, payload);
  const signature = signEs256(signer.privateKey, sigStructure(signer.protectedHeader, claims));
  const cose = encodeCoseSign1(signer.protectedHeader, claims, signature);
  return dccOk({ hc1: encodeHc1(deflateForQr(cose)), kid: signer.kid, issuedAt: iat, expiresAt: exp });
}
