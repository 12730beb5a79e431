import { type DccKind } from './types';

/**
 * Document-signer certificates may be restricted to the certificate types they
 * sign through extended key usage OIDs (EU DCC technical specification vol. 1).
 * Both OID arcs are in use: the specified one and the one early national
 * signers were issued with.
 */
export const DCC_KEY_USAGE_OIDS: Readonly<Record<DccKind, readonly string[]>> = {
  t: ['1.3.6.1.4.1.1847.2021.1.1', '1.3.6.1.4.1.0.1847.2021.1.1'],
  v: ['1.3.6.1.4.1.1847.2021.1.2', '1.3.6.1.4.1.0.1847.2021.1.2'],
  r: ['1.3.6.1.4.1.1847.2021.1.3', '1.3.6.1.4.1.0.1847.2021.1.3'],
};

const ALL_DCC_OIDS = new Set(Object.values(DCC_KEY_USAGE_OIDS).flat());

/**
 * The certificate types a signer may sign, from its extended key usage OIDs.
 * No extension, or one without any DCC OID, leaves the signer unrestricted.
 */
export function allowedKinds(extendedKeyUsage: readonly string[] | undefined): ReadonlySet<DccKind> {
  const dccOids = (extendedKeyUsage ?? []).filter((oid) => ALL_DCC_OIDS.has(oid));
  if (dccOids.length === 0) return new Set<DccKind>(['v', 't', 'r']);
  const kinds = new Set<DccKind>();
  for (const kind of ['v', 't', 'r'] as const) {
    if (DCC_KEY_USAGE_OIDS[kind].some((oid) => dccOids.includes(oid))) kinds.add(kind);
  }
  return kinds;
}

/** True if a signer with these OIDs may sign a certificate holding every one of `kinds`. */
export function keyUsageAllows(
  extendedKeyUsage: readonly string[] | undefined,
  kinds: readonly DccKind[],
): boolean {
  const allowed = allowedKinds(extendedKeyUsage);
  return kinds.every((kind) => allowed.has(kind));
}
