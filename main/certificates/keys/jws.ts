import { createPublicKey, sign, verify, type KeyObject } from 'node:crypto';

/**
 * JSON Web Signature (RFC 7515), compact serialization, ES256 only (ECDSA
 * P-256 with SHA-256, the signature as R‖S, RFC 7518 section 3.4): the form
 * the station signs its own statements in (the day's manifest, and later the
 * audit chain's head), so any JOSE library can check them.
 */
export interface JwsHeader {
  alg: 'ES256';
  kid: string;
  typ?: string;
  /** SHA-256 of the signer's certificate (DER), base64url. */
  'x5t#S256'?: string;
}

export function base64url(data: Buffer | string): string {
  return Buffer.from(data).toString('base64url');
}

export function signJws(privateKey: KeyObject, header: JwsHeader, payload: string): string {
  const input = `${base64url(JSON.stringify(header))}.${base64url(payload)}`;
  const signature = sign('sha256', Buffer.from(input, 'ascii'), { key: privateKey, dsaEncoding: 'ieee-p1363' });
  return `${input}.${signature.toString('base64url')}`;
}

export type JwsCheck =
  | { ok: true; header: JwsHeader; payload: string }
  | { ok: false; reason: 'malformed' | 'algorithm' | 'signature'; header: Partial<JwsHeader> | null; payload: string | null };

const B64URL = /^[A-Za-z0-9_-]*$/;

/** Checks a compact JWS against a public key (SPKI DER). Anything but a well-formed ES256 signature that verifies is refused. */
export function verifyJws(jws: string, publicKeyDer: Buffer): JwsCheck {
  const parts = jws.split('.');
  if (parts.length !== 3 || !parts.every((p) => B64URL.test(p))) return { ok: false, reason: 'malformed', header: null, payload: null };
  let header: Partial<JwsHeader>;
  let payload: string;
  try {
    header = JSON.parse(Buffer.from(parts[0]!, 'base64url').toString('utf8')) as Partial<JwsHeader>;
    payload = Buffer.from(parts[1]!, 'base64url').toString('utf8');
  } catch {
    return { ok: false, reason: 'malformed', header: null, payload: null };
  }
  if (header === null || typeof header !== 'object' || header.alg !== 'ES256') return { ok: false, reason: 'algorithm', header, payload };
  const signature = Buffer.from(parts[2]!, 'base64url');
  let valid: boolean;
  try {
    const key = createPublicKey({ key: publicKeyDer, format: 'der', type: 'spki' });
    valid = signature.length === 64 && verify('sha256', Buffer.from(`${parts[0]}.${parts[1]}`, 'ascii'), { key, dsaEncoding: 'ieee-p1363' }, signature);
  } catch {
    valid = false;
  }
  return valid ? { ok: true, header: header as JwsHeader, payload } : { ok: false, reason: 'signature', header, payload };
}
