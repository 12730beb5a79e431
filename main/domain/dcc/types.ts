/**
 * The EU Digital COVID Certificate payload (hcert, schema 1.3.x) as the JSON
 * schema shapes it. Field names are the schema's short keys because they are
 * what travels inside the QR and what other countries' verifiers read.
 */

/** Schema version written by this station: Viet Nam's published samples use 1.3.0. */
export const DCC_SCHEMA_VERSION = '1.3.0';

/** Person name; fnt/gnt are the ICAO 9303 forms (A–Z and '<' only). */
export interface DccNames {
  fn?: string;
  fnt?: string;
  gn?: string;
  gnt?: string;
}

export interface DccVaccinationEntry {
  /** Disease or agent targeted (SNOMED CT, COVID-19 is 840539006). */
  tg: string;
  /** Vaccine or prophylaxis type (value set vaccine-prophylaxis). */
  vp: string;
  /** Medicinal product (value set vaccine-medicinal-product). */
  mp: string;
  /** Marketing authorisation holder or manufacturer (value set vaccine-mah-manf). */
  ma: string;
  /** Dose number in the series. */
  dn: number;
  /** Total doses in the series. */
  sd: number;
  /** Date of vaccination, yyyy-MM-dd. */
  dt: string;
  /** Country of vaccination, ISO 3166 alpha-2. */
  co: string;
  /** Certificate issuer. */
  is: string;
  /** Unique certificate identifier (UVCI). */
  ci: string;
}

export interface DccTestEntry {
  tg: string;
  tt: string;
  nm?: string;
  ma?: string;
  sc: string;
  tr: string;
  tc?: string;
  co: string;
  is: string;
  ci: string;
}

export interface DccRecoveryEntry {
  tg: string;
  fr: string;
  co: string;
  is: string;
  df: string;
  du: string;
  ci: string;
}

export interface DccPayload {
  ver: string;
  nam: DccNames;
  /** Date of birth: yyyy-MM-dd, yyyy-MM, yyyy or empty. */
  dob: string;
  v?: DccVaccinationEntry[];
  t?: DccTestEntry[];
  r?: DccRecoveryEntry[];
}

/** The three certificate types; key usage in the signer's certificate may restrict which it may sign. */
export type DccKind = 'v' | 't' | 'r';
export const DCC_KINDS: readonly DccKind[] = ['v', 't', 'r'];

/** CWT claim keys (RFC 8392) and the hcert claim of the EU DCC specification. */
export const CWT_CLAIM = { iss: 1, exp: 4, iat: 6, hcert: -260 } as const;
/** Inside the hcert claim, key 1 holds the EU DCC payload. */
export const HCERT_EU_DCC = 1;
