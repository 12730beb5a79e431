/**
 * JSON Canonicalization Scheme (RFC 8785) for the values a station record
 * holds: null, booleans, finite numbers, strings, arrays and plain objects.
 * Object members are sorted by their names' UTF-16 code units; numbers and
 * strings are serialized as ECMAScript's JSON.stringify does, which is what
 * RFC 8785 specifies (sections 3.2.2.2 and 3.2.2.3). The same record thus
 * always gives the same bytes, on any machine, whatever order its columns
 * were read in.
 */
export type CanonicalValue = null | boolean | number | string | readonly CanonicalValue[] | { readonly [key: string]: CanonicalValue };

export function canonicalJson(value: CanonicalValue): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError('RFC 8785 has no form for NaN or Infinity');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((v: CanonicalValue) => canonicalJson(v)).join(',')}]`;
  const object = value as { readonly [key: string]: CanonicalValue };
  // Default sort compares UTF-16 code units, as RFC 8785 section 3.2.3 asks.
  const keys = Object.keys(object).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(object[k]!)}`).join(',')}}`;
}
