/**
 * Stable codes for everything that can go wrong reading or issuing an EU DCC.
 * The UI translates them; they name the stage that refused the input so a
 * supervisor can tell "not a certificate" from "forged" from "expired".
 */
export const DCC_ERROR_CODES = [
  // Reading: one code per refusal, in pipeline order.
  'DCC_INPUT_TOO_LARGE',
  'DCC_PREFIX_MISSING',
  'DCC_BASE45_INVALID',
  'DCC_COMPRESSION_INVALID',
  'DCC_DECOMPRESSED_TOO_LARGE',
  'DCC_CBOR_INVALID',
  'DCC_CBOR_TOO_DEEP',
  'DCC_CBOR_TOO_MANY_ITEMS',
  'DCC_CBOR_UNSUPPORTED_TAG',
  'DCC_COSE_INVALID',
  'DCC_CWT_INVALID',
  'DCC_HCERT_MISSING',
  'DCC_ALGORITHM_UNSUPPORTED',
  'DCC_KID_MISSING',
  'DCC_KID_UNKNOWN',
  'DCC_SIGNER_CERTIFICATE_INVALID',
  'DCC_SIGNER_KEY_MISMATCH',
  'DCC_SIGNATURE_INVALID',
  'DCC_SCHEMA_INVALID',
  'DCC_EXPIRY_MISSING',
  'DCC_EXPIRED',
  'DCC_NOT_YET_VALID',
  'DCC_KEY_USAGE_MISMATCH',
  // Issuing.
  'DCC_NAME_MISSING',
  'DCC_NAME_TOO_LONG',
  'DCC_NAME_NOT_TRANSLITERABLE',
  'DCC_DATE_INVALID',
  'DCC_DOSE_INVALID',
  'DCC_CODE_INVALID',
  'DCC_ISSUER_INVALID',
  'DCC_UVCI_INVALID',
  'DCC_VALIDITY_INVALID',
] as const;

export type DccErrorCode = (typeof DCC_ERROR_CODES)[number];

/** A refusal: the code is for people (translated), detail is for logs. */
export interface DccError {
  code: DccErrorCode;
  detail?: string;
}

export type DccResult<T> = { ok: true; value: T } | { ok: false; error: DccError };

export function dccOk<T>(value: T): DccResult<T> {
  return { ok: true, value };
}

export function dccFail<T = never>(code: DccErrorCode, detail?: string): DccResult<T> {
  return detail === undefined ? { ok: false, error: { code } } : { ok: false, error: { code, detail } };
}
