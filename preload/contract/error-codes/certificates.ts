/** Codes of certificates: keys, issuing, printing, verifying. */
export const CERTIFICATES_ERROR_CODES = [] as const;
