import { type KeyObject, type X509Certificate, createHash } from 'node:crypto';
import type { ErrorCode } from '../../../preload/contract';
import { type TrustedSigner, trustedSignerFromDer } from '../dcc/trust-list';
import { x509 } from '../dcc/x509';

/**
 * Reading and checking document-signer certificates: the national one issued
 * for our key, and other issuers' ones added to the trust list. Input is what a
 * supervisor has: a PEM file (maybe a chain) or a DER file, which the UI sends
 * as base64.
 */
export type CheckResult<T> = { ok: true; value: T } | { ok: false; code: ErrorCode; params?: Record<string, string> };

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\s]+?)-----END CERTIFICATE-----/g;
/** A chain of more than this many certificates is not a document-signer file. */
const MAX_CERTIFICATES = 8;

/** Every DER certificate in the text: PEM blocks, or one base64 DER. */
export function certificatesIn(text: string): Uint8Array[] {
  if (text.includes('-----BEGIN')) {
    return [...text.matchAll(PEM_BLOCK)].slice(0, MAX_CERTIFICATES).map((m) => new Uint8Array(Buffer.from(m[1]!.replace(/\s+/g, ''), 'base64')));
  }
  const compact = text.replace(/\s+/g, '');
  if (compact.length === 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(compact)) return [];
  return [new Uint8Array(Buffer.from(compact, 'base64'))];
}

export function fingerprintOf(der: Uint8Array): string {
  return createHash('sha256').update(der).digest('hex');
}

/** The country (C=) of a certificate's subject, if it names one. */
export function countryOf(certificate: X509Certificate): string | null {
  const match = /(?:^|\n)C=([A-Za-z]{2})(?:\n|$)/.exec(certificate.subject);
  return match ? match[1]!.toUpperCase() : null;
}

/** The subject on one line, as people read it ("CN=…, O=…, C=VN"). */
export function subjectLine(certificate: X509Certificate): string {
  return certificate.subject.split('\n').reverse().join(', ');
}

function parseAll(text: string): TrustedSigner[] {
  const parsed: TrustedSigner[] = [];
  for (const der of certificatesIn(text)) {
    const signer = trustedSignerFromDer(der);
    if (signer.ok) parsed.push(signer.value);
  }
  return parsed;
}

/** False when a key-usage extension is present and does not allow digital signatures. */
function allowsDigitalSignature(der: Uint8Array): boolean {
  try {
    const usage = new x509.X509Certificate(Buffer.from(der)).getExtension(x509.KeyUsagesExtension);
    return !usage || (usage.usages & x509.KeyUsageFlags.digitalSignature) !== 0;
  } catch {
    return false;
  }
}

function derOf(signer: TrustedSigner): Uint8Array {
  return new Uint8Array(signer.certificate.raw);
}

/**
 * The national document-signer certificate for our key, checked before
 * anything is replaced: it must parse, be for our public key, be valid now,
 * and be allowed to sign vaccination certificates (or be unrestricted).
 */
export function checkNationalCertificate(text: string, ourKey: KeyObject, now: Date): CheckResult<{ der: Uint8Array; signer: TrustedSigner }> {
  const candidates = parseAll(text);
  if (candidates.length === 0) return { ok: false, code: 'CERT_DSC_UNREADABLE' };
  const ours = ourKey.export({ type: 'spki', format: 'der' });
  const signer = candidates.find((c) => c.publicKey.export({ type: 'spki', format: 'der' }).equals(ours));
  if (!signer) return { ok: false, code: 'CERT_DSC_KEY_MISMATCH', params: { subject: subjectLine(candidates[0]!.certificate) } };
  const from = new Date(signer.certificate.validFrom);
  const to = new Date(signer.certificate.validTo);
  if (now < from) return { ok: false, code: 'CERT_DSC_NOT_YET_VALID', params: { validFrom: from.toISOString() } };
  if (now > to) return { ok: false, code: 'CERT_DSC_EXPIRED', params: { validTo: to.toISOString() } };
  const der = derOf(signer);
  if (!signer.allowedKinds.has('v') || !allowsDigitalSignature(der)) return { ok: false, code: 'CERT_DSC_KEY_USAGE' };
  return { ok: true, value: { der, signer } };
}

/**
 * Another issuer's document signer for the trust list. Its dates are shown,
 * not enforced: certificates it signed while valid stay genuine, and the
 * certificate's own expiry is checked when one is verified.
 */
export function checkTrustedCertificate(text: string): CheckResult<{ der: Uint8Array; signer: TrustedSigner }> {
  const [signer] = parseAll(text);
  if (!signer) return { ok: false, code: 'CERT_DSC_UNREADABLE' };
  const type = signer.publicKey.asymmetricKeyType;
  const curve = signer.publicKey.asymmetricKeyDetails?.namedCurve;
  // The two algorithms the EU DCC allows: ES256 (P-256) and PS256 (RSA).
  if (!((type === 'ec' && curve === 'prime256v1') || type === 'rsa' || type === 'rsa-pss')) return { ok: false, code: 'CERT_DSC_NOT_ES256' };
  return { ok: true, value: { der: derOf(signer), signer } };
}
