/**
 * What the desk is told about a scanned card. Codes are stable (the UI
 * translates them); severity is fixed per code so every screen agrees:
 * an error means the scan gives no identity, a warning means a person looks.
 */
export const FINDING_SEVERITY = {
  // The scan as a whole
  PAYLOAD_TOO_LONG: 'error',
  NOT_CCCD: 'error',
  TOO_FEW_FIELDS: 'error',
  UNEXPECTED_FIELDS: 'warning',
  SEPARATOR_SUBSTITUTED: 'warning',
  CONTROL_CHARACTERS_REMOVED: 'warning',
  TEXT_ENCODING_REPAIRED: 'warning',
  // ID numbers
  ID_NUMBER_INVALID: 'error',
  ID_PROVINCE_UNKNOWN: 'warning',
  ID_SEX_MISMATCH: 'warning',
  ID_CENTURY_MISMATCH: 'warning',
  ID_BIRTH_YEAR_MISMATCH: 'warning',
  OLD_ID_NUMBER_INVALID: 'warning',
  // Name
  NAME_MISSING: 'error',
  NAME_GARBLED: 'error',
  NAME_INVALID: 'error',
  NAME_MAY_BE_INCOMPLETE: 'warning',
  NAME_RECASED: 'warning',
  // Dates
  INVALID_DATE: 'error',
  DOB_IN_FUTURE: 'error',
  DOB_PARTIAL: 'warning',
  ISSUE_BEFORE_BIRTH: 'warning',
  ISSUE_DATE_IN_FUTURE: 'warning',
  // Sex and address
  SEX_INVALID: 'error',
  SEX_INFERRED: 'warning',
  ADDRESS_MISSING: 'warning',
  ADDRESS_GARBLED: 'warning',
  // Health-insurance card fields
  BHYT_FIELD_UNREADABLE: 'warning',
} as const satisfies Record<string, 'error' | 'warning'>;

export type FindingCode = keyof typeof FINDING_SEVERITY;
export type FindingParams = Record<string, string | number>;

export interface Finding {
  code: FindingCode;
  severity: 'error' | 'warning';
  params: FindingParams;
}

export function finding(code: FindingCode, params: FindingParams = {}): Finding {
  return { code, severity: FINDING_SEVERITY[code], params };
}

export function hasError(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}
