/**
 * Unique Vaccination Certificate Identifier (UVCI), eHealth Network guidelines Annex 2.
 *
 * Form: `URN:UVCI:01:VN:<opaque>#<check>`. The check character is Luhn mod N over
 * the whole identifier before '#', prefix included, with the code points of the
 * EU DCC schema FAQ ("ABC…XYZ0123456789/:", N = 38; '#' only separates the check
 * character and is not part of the alphabet). The FAQ's worked example
 * `URN:UVCI:01:NL:187/37512422923` → `Z` is in the tests.
 */

const LUHN_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/:';
const N = LUHN_ALPHABET.length;

export const UVCI_PREFIX = 'URN:UVCI:';
/** Version of the UVCI scheme (Annex 2, this release). */
export const UVCI_VERSION = '01';
/** The schema's limit on certificate identifiers. */
export const UVCI_MAX_LENGTH = 80;

/** The Luhn mod 38 check character of `body`, or null if it has a character outside the alphabet. */
export function uvciCheckCharacter(body: string): string | null {
  let factor = 2;
  let sum = 0;
  // Right to left so the rightmost character always gets factor 2.
  for (let i = body.length - 1; i >= 0; i--) {
    const codePoint = LUHN_ALPHABET.indexOf(body.charAt(i));
    if (codePoint < 0) return null;
    const addend = factor * codePoint;
    sum += Math.floor(addend / N) + (addend % N);
    factor = factor === 2 ? 1 : 2;
  }
  return LUHN_ALPHABET.charAt((N - (sum % N)) % N);
}

/** Appends '#' and the check character. Returns null if the body has characters outside the alphabet. */
export function withUvciCheck(body: string): string | null {
  const check = uvciCheckCharacter(body);
  return check === null ? null : `${body}#${check}`;
}

/** True if the identifier ends in '#<check>' and the check character matches. */
export function hasValidUvciCheck(uvci: string): boolean {
  const hash = uvci.lastIndexOf('#');
  if (hash < 0 || hash !== uvci.length - 2) return false;
  return uvciCheckCharacter(uvci.slice(0, hash)) === uvci.charAt(hash + 1);
}

/**
 * The opaque part of a UVCI from a UUID (any version; the station uses v7):
 * its 128 bits in base 36, upper case, 25 characters, so it is unique exactly
 * when the UUID is and uses only the allowed characters.
 */
export function uvciOpaqueFromUuid(uuid: string): string | null {
  const hex = uuid.replace(/-/g, '');
  if (!/^[0-9a-fA-F]{32}$/.test(hex)) return null;
  return BigInt(`0x${hex}`).toString(36).toUpperCase().padStart(25, '0');
}

/** A full UVCI with check character for a country and an opaque unique part. */
export function makeUvci(country: string, opaque: string): string | null {
  if (!/^[A-Z]{2}$/.test(country)) return null;
  if (!/^[A-Z0-9/]+$/.test(opaque)) return null;
  const uvci = withUvciCheck(`${UVCI_PREFIX}${UVCI_VERSION}:${country}:${opaque}`);
  return uvci !== null && uvci.length <= UVCI_MAX_LENGTH ? uvci : null;
}

/** True for an identifier this station would issue: allowed characters, our prefix and a correct check character. */
export function isIssuableUvci(uvci: string): boolean {
  return (
    uvci.length <= UVCI_MAX_LENGTH &&
    /^URN:UVCI:01:[A-Z]{2}:[A-Z0-9/:]+#[A-Z0-9/:]$/.test(uvci) &&
    hasValidUvciCheck(uvci)
  );
}
