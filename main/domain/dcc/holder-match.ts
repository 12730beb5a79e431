import { icaoTransliterate } from './icao-transliteration';
import { type DccNames } from './types';

/**
 * Does a certificate belong to this citizen? Checked before its doses enter
 * the citizen's history or a national certificate is linked to them.
 *
 * Names are compared in their ICAO form (what every issuer must fill in, in
 * A–Z), as a set of name parts: a Vietnamese card writes the family name
 * first, a foreign issuer splits family and given names its own way, and the
 * parts are the same either way. The date of birth must agree as far as the
 * certificate gives it (issuers may write only yyyy or yyyy-MM).
 */
export type HolderMismatch = 'name' | 'date_of_birth';

function nameParts(icao: string): string[] {
  return icao.split('<').filter((p) => p.length > 0).sort();
}

export function holderMismatch(
  citizen: { fullName: string; dateOfBirth: string },
  certificate: { nam: DccNames; dob: string },
): HolderMismatch | null {
  const ours = icaoTransliterate(citizen.fullName);
  const theirs = [certificate.nam.fnt ?? icaoTransliterate(certificate.nam.fn ?? '') ?? '', certificate.nam.gnt ?? icaoTransliterate(certificate.nam.gn ?? '') ?? '']
    .filter((p) => p.length > 0)
    .join('<');
  if (ours === null || theirs.length === 0 || nameParts(ours).join('<') !== nameParts(theirs).join('<')) return 'name';
  // Some issuers write a date-time; the date part is what counts.
  const dob = certificate.dob.slice(0, 10);
  if (dob.length === 0 || !citizen.dateOfBirth.startsWith(dob)) return 'date_of_birth';
  return null;
}
