import { type KeyObject, X509Certificate, createHash } from 'node:crypto';
import { type DccResult, dccFail, dccOk } from '../../domain/dcc/errors';
import { allowedKinds } from '../../domain/dcc/key-usage';
import { type DccKind } from '../../domain/dcc/types';

/** A document-signer certificate the station trusts, indexed by its key identifier. */
export interface TrustedSigner {
  /** First 8 bytes of SHA-256 over the certificate's DER (EU DCC key identifier). */
  kid: Uint8Array;
  certificate: X509Certificate;
  publicKey: KeyObject;
  /** Extended key usage OIDs, undefined when the certificate has no such extension. */
  extendedKeyUsage: readonly string[] | undefined;
  /** The certificate types those OIDs let it sign (all three when unrestricted). */
  allowedKinds: ReadonlySet<DccKind>;
}

/** Document-signer certificates by base64 kid. Several may share a kid; each is tried. */
export interface TrustList {
  readonly byKid: ReadonlyMap<string, readonly TrustedSigner[]>;
}

/** The EU DCC key identifier of a certificate: the first 8 bytes of SHA-256 over its DER. */
export function kidOf(certificateDer: Uint8Array): Uint8Array {
  return new Uint8Array(createHash('sha256').update(certificateDer).digest().subarray(0, 8));
}

export function kidKey(kid: Uint8Array): string {
  return Buffer.from(kid.buffer, kid.byteOffset, kid.byteLength).toString('base64');
}

/** Parses a DER certificate into a trust-list entry; a certificate that will not parse is refused. */
export function trustedSignerFromDer(der: Uint8Array): DccResult<TrustedSigner> {
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(der);
  } catch (e) {
    return dccFail('DCC_SIGNER_CERTIFICATE_INVALID', `certificate does not parse: ${e instanceof Error ? e.message : String(e)}`);
  }
  const extendedKeyUsage = extendedKeyUsageOf(certificate);
  return dccOk({
    kid: kidOf(der),
    certificate,
    publicKey: certificate.publicKey,
    extendedKeyUsage,
    allowedKinds: allowedKinds(extendedKeyUsage),
  });
}

export function createTrustList(signers: readonly TrustedSigner[]): TrustList {
  const byKid = new Map<string, TrustedSigner[]>();
  for (const signer of signers) {
    const key = kidKey(signer.kid);
    const list = byKid.get(key) ?? [];
    list.push(signer);
    byKid.set(key, list);
  }
  return { byKid };
}

export function signersFor(trustList: TrustList, kid: Uint8Array): readonly TrustedSigner[] {
  return trustList.byKid.get(kidKey(kid)) ?? [];
}

/**
 * Node names the extended key usage list `keyUsage` (newer releases add
 * `extKeyUsage` and deprecate the old name); read whichever exists.
 */
function extendedKeyUsageOf(certificate: X509Certificate): readonly string[] | undefined {
  const withNewName = certificate as X509Certificate & { extKeyUsage?: string[] };
  const oids = withNewName.extKeyUsage ?? certificate.keyUsage;
  return oids && oids.length > 0 ? oids : undefined;
}
