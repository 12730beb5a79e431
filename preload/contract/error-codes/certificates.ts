/**
 * Codes of reading and issuing EU DCCs. The codec in main/domain/dcc and
 * main/certificates/dcc uses these as its own list (it imports them from here:
 * the contract cannot import from main, so this file is the one source).
 * They name the stage that refused the input so a supervisor can tell
 * "not a certificate" from "forged" from "expired".
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

/** Codes of the station's certificate work: signing keys, issuing, printing, verifying, importing. */
export const CERTIFICATE_ERROR_CODES = [
  // Signing key and its protection.
  'CERT_NO_SIGNING_KEY',
  'CERT_SIGNING_KEY_EXISTS',
  'CERT_SIGNING_LOCKED',
  'CERT_PASSPHRASE_REQUIRED',
  'CERT_PASSPHRASE_WRONG',
  'CERT_OS_PROTECTION_UNAVAILABLE',
  // The national document-signer certificate and the trust list.
  'CERT_DSC_UNREADABLE',
  'CERT_DSC_KEY_MISMATCH',
  'CERT_DSC_NOT_YET_VALID',
  'CERT_DSC_EXPIRED',
  'CERT_DSC_KEY_USAGE',
  'CERT_DSC_NOT_ES256',
  'CERT_TRUST_DUPLICATE',
  'CERT_TRUST_OWN_KEY',
  // Issuing.
  'CERT_NOT_RELEASED',
  'CERT_NO_DOSES',
  'CERT_CITIZEN_INCOMPLETE',
  'CERT_ALREADY_CURRENT',
  'CERT_NOT_REISSUABLE',
  'CERT_SUPERSEDED',
  // Printing.
  'CERT_PRINTER_NOT_SET',
  'CERT_PRINTER_UNKNOWN',
  'CERT_PRINT_FAILED',
  'CERT_PRINTING_UNAVAILABLE',
  // Verifying and importing.
  'CERT_NOT_VERIFIED',
  'CERT_HOLDER_MISMATCH',
  'CERT_NOT_VACCINATION',
  'CERT_NOT_NATIONAL',
  'CERT_BATCH_RUNNING',
] as const;

/** Codes of certificates: keys, issuing, printing, verifying. */
export const CERTIFICATES_ERROR_CODES = [...DCC_ERROR_CODES, ...CERTIFICATE_ERROR_CODES] as const;
