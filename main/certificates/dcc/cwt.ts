import { type DccResult, dccFail, dccOk } from '../../domain/dcc/errors';
import { CWT_CLAIM, HCERT_EU_DCC } from '../../domain/dcc/types';
import { decodeCbor, encodeCbor } from './cbor';

/** The CWT claims of a health certificate. Times are CWT NumericDates (seconds since the epoch). */
export interface DccClaims {
  issuer: string | undefined;
  issuedAt: number | undefined;
  expiresAt: number | undefined;
  /** The EU DCC payload as plain JSON, not yet checked against the schema. */
  hcert: unknown;
}

/** Reads the CWT claims map (the COSE payload) and its hcert → 1 entry. */
export function parseDccClaims(payload: Uint8Array): DccResult<DccClaims> {
  const decoded = decodeCbor(payload);
  if (!decoded.ok) return decoded;
  const claims = decoded.value;
  if (!(claims instanceof Map)) return dccFail('DCC_CWT_INVALID', 'claims are not a map');
  const iss = claims.get(CWT_CLAIM.iss);
  if (iss !== undefined && typeof iss !== 'string') return dccFail('DCC_CWT_INVALID', 'iss');
  const issuedAt = numericDate(claims.get(CWT_CLAIM.iat));
  const expiresAt = numericDate(claims.get(CWT_CLAIM.exp));
  if (issuedAt === null) return dccFail('DCC_CWT_INVALID', 'iat');
  if (expiresAt === null) return dccFail('DCC_CWT_INVALID', 'exp');
  const hcertClaim = claims.get(CWT_CLAIM.hcert);
  if (!(hcertClaim instanceof Map) || !hcertClaim.has(HCERT_EU_DCC)) return dccFail('DCC_HCERT_MISSING');
  const hcert = toJson(hcertClaim.get(HCERT_EU_DCC));
  if (!hcert.ok) return hcert;
  return dccOk({ issuer: iss, issuedAt, expiresAt, hcert: hcert.value });
}

/** The CWT claims this station signs. */
export function encodeDccClaims(issuer: string, iat: number, exp: number, hcert: unknown): Uint8Array {
  return encodeCbor(
    new Map<number, unknown>([
      [CWT_CLAIM.iss, issuer],
      [CWT_CLAIM.iat, iat],
      [CWT_CLAIM.exp, exp],
      [CWT_CLAIM.hcert, new Map([[HCERT_EU_DCC, hcert]])],
    ]),
  );
}

/** Latest NumericDate accepted: 9999-12-31T23:59:59Z, so every accepted time is a real date. */
const MAX_NUMERIC_DATE = 253_402_300_799;

/** undefined when absent, null when present but not a time in seconds between 1970 and 9999. */
function numericDate(value: unknown): number | undefined | null {
  if (value === undefined) return undefined;
  let seconds: number;
  if (typeof value === 'bigint') {
    if (value < 0n || value > BigInt(MAX_NUMERIC_DATE)) return null;
    seconds = Number(value);
  } else if (typeof value === 'number' && Number.isFinite(value)) {
    seconds = Math.floor(value);
  } else {
    return null;
  }
  return seconds >= 0 && seconds <= MAX_NUMERIC_DATE ? seconds : null;
}

/**
 * CBOR value → JSON value for schema validation and display. Map keys must be
 * strings; byte strings, undefined, tags and non-finite numbers have no JSON
 * form and make the payload unreadable. A "__proto__" key is defined as an own
 * property so it stays a key and cannot replace the object's prototype.
 */
function toJson(value: unknown, depth = 0): DccResult<unknown> {
  if (depth > 32) return dccFail('DCC_CWT_INVALID', 'too deep');
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return dccOk(value);
  if (typeof value === 'number') return Number.isFinite(value) ? dccOk(value) : dccFail('DCC_CWT_INVALID', 'number');
  if (typeof value === 'bigint') {
    return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER)
      ? dccOk(Number(value))
      : dccFail('DCC_CWT_INVALID', 'integer out of range');
  }
  // A tagged date/time (tags 0/1) decodes to a Date; the schema wants the text form.
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? dccFail('DCC_CWT_INVALID', 'date') : dccOk(value.toISOString());
  }
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (const item of value) {
      const converted = toJson(item, depth + 1);
      if (!converted.ok) return converted;
      out.push(converted.value);
    }
    return dccOk(out);
  }
  if (value instanceof Map) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of value) {
      if (typeof key !== 'string') return dccFail('DCC_CWT_INVALID', 'non-text key in payload');
      const converted = toJson(item, depth + 1);
      if (!converted.ok) return converted;
      if (key === '__proto__') {
        Object.defineProperty(out, key, { value: converted.value, enumerable: true, writable: true, configurable: true });
      } else {
        out[key] = converted.value;
      }
    }
    return dccOk(out);
  }
  return dccFail('DCC_CWT_INVALID', 'value with no JSON form in payload');
}
