/** Codes of screening, injection and observation. */
export const CLINICAL_ERROR_CODES = [] as const;
