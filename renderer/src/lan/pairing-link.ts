/**
 * What a hub's QR says: `https://<host>:<port>/#pair=<code>&fp=<fingerprint>`.
 * Read on the pairing screen (scanned, pasted, or the page's own address
 * when a browser opened the QR's link), so nobody types a fingerprint.
 */
export interface PairingLink {
  address: string | null;
  code: string | null;
  fingerprint: string | null;
}

export function readPairingLink(text: string): PairingLink {
  const raw = text.trim();
  try {
    const url = new URL(/^https?:\/\//i.test(raw) ? raw : `https://${raw}`);
    const fragment = new URLSearchParams(url.hash.replace(/^#\/?/, ''));
    return { address: url.host || null, code: fragment.get('pair'), fingerprint: fragment.get('fp')?.toUpperCase() ?? null };
  } catch {
    return { address: null, code: null, fingerprint: null };
  }
}

/** A fingerprint in groups of four bytes, for reading aloud and comparing with the hub's screen. */
export function fingerprintGroups(fingerprint: string): string {
  const bytes = fingerprint.split(':');
  const groups: string[] = [];
  for (let i = 0; i < bytes.length; i += 4) groups.push(bytes.slice(i, i + 4).join(''));
  return groups.join(' ');
}
