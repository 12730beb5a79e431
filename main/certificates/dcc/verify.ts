import { type DccError } from '../../domain/dcc/errors';
import { type DccPayload } from '../../domain/dcc/types';
import { sigStructure } from './cose';
import { type DccDecodeReport, type DccStage, type DecodedDcc, decodeHc1 } from './decode';
import { checkDccSchema } from './schema';
import { verifyCoseSignature } from './signature';
import { type TrustList, type TrustedSigner, signersFor } from './trust-list';

export interface VerifyOptions {
  trustList: TrustList;
  /** The validation clock. */
  now: Date;
  /**
   * How far in the future an issue time may lie before the certificate is
   * refused as not yet valid: station clocks drift, and a certificate signed a
   * minute "from now" by a neighbouring desk is not a forgery.
   */
  clockSkewSeconds?: number;
}

export interface DccVerifyReport extends DccDecodeReport {
  /** True only when every stage ran and passed. */
  valid: boolean;
  /** The trusted document signer whose key verified the signature. */
  signer?: TrustedSigner;
  /** The payload, once it has matched the schema. */
  payload?: DccPayload;
}

const DEFAULT_CLOCK_SKEW_SECONDS = 300;

/**
 * Reads and checks an HC1 text completely. After DECODE the checks are
 * independent and all run, so a person can be told "genuine but expired" rather
 * than only the first problem: VERIFY (signature against the trust list by kid),
 * SCHEMAVALIDATION, EXPIRATIONCHECK, and KEYUSAGE (which needs the signer that
 * VERIFY found, so it runs only after a good signature).
 */
export function verifyHc1(text: string, options: VerifyOptions): DccVerifyReport {
  const report: DccVerifyReport = { ...decodeHc1(text), valid: false };
  const decoded = report.decoded;
  if (!decoded) return report;

  const record = (stage: DccStage, error: DccError | null): void => {
    report.stages[stage] = error ? { ok: false, error } : { ok: true };
    if (error && !report.failure) report.failure = { stage, error };
  };

  const verified = verifySignature(decoded, options.trustList);
  record('VERIFY', verified.error);
  if (verified.signer) report.signer = verified.signer;

  const schemaError = checkDccSchema(decoded.claims.hcert);
  record('SCHEMAVALIDATION', schemaError);
  if (!schemaError) report.payload = decoded.claims.hcert as DccPayload;

  record('EXPIRATIONCHECK', checkValidityPeriod(decoded, options.now, options.clockSkewSeconds));

  if (verified.signer) record('KEYUSAGE', checkKeyUsage(decoded, verified.signer));

  report.valid = report.failure === undefined;
  return report;
}

/** The VERIFY stage: the signer is looked up by kid, and its key must verify the Sig_structure. */
export function verifySignature(
  decoded: DecodedDcc,
  trustList: TrustList,
): { error: DccError | null; signer?: TrustedSigner } {
  const { cose } = decoded;
  if (!cose.kid) return { error: { code: 'DCC_KID_MISSING' } };
  const candidates = signersFor(trustList, cose.kid);
  if (candidates.length === 0) {
    return { error: { code: 'DCC_KID_UNKNOWN', detail: Buffer.from(cose.kid).toString('base64') } };
  }
  const signed = sigStructure(cose.protectedBytes, cose.payload);
  let lastError: DccError = { code: 'DCC_SIGNATURE_INVALID' };
  for (const signer of candidates) {
    const error = verifyCoseSignature(cose.alg, signer.publicKey, signed, cose.signature);
    if (!error) return { error: null, signer };
    lastError = error;
  }
  return { error: lastError };
}

/** The EXPIRATIONCHECK stage: the clock must lie before exp and not before iat. */
export function checkValidityPeriod(decoded: DecodedDcc, now: Date, clockSkewSeconds?: number): DccError | null {
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const { expiresAt, issuedAt } = decoded.claims;
  if (expiresAt === undefined) return { code: 'DCC_EXPIRY_MISSING' };
  if (nowSeconds >= expiresAt) return { code: 'DCC_EXPIRED', detail: new Date(expiresAt * 1000).toISOString() };
  const skew = clockSkewSeconds ?? DEFAULT_CLOCK_SKEW_SECONDS;
  if (issuedAt !== undefined && issuedAt > nowSeconds + skew) {
    return { code: 'DCC_NOT_YET_VALID', detail: new Date(issuedAt * 1000).toISOString() };
  }
  return null;
}

/** The KEYUSAGE stage: a signer restricted to some certificate types may sign only those. */
export function checkKeyUsage(decoded: DecodedDcc, signer: TrustedSigner): DccError | null {
  if (decoded.kinds.length === 0) return { code: 'DCC_SCHEMA_INVALID', detail: 'no vaccination, test or recovery entry' };
  return decoded.kinds.every((kind) => signer.allowedKinds.has(kind))
    ? null
    : { code: 'DCC_KEY_USAGE_MISMATCH', detail: decoded.kinds.join(',') };
}
