import { randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Browser mode listens on loopback only, but any local program or web page
 * could still reach 127.0.0.1. A random token per launch, handed to the
 * browser once in the URL and kept in an HttpOnly SameSite=Strict cookie,
 * means only the browser the station opened can talk to the core.
 */
export const COOKIE_NAME = 'station_token';

export function newAccessToken(): string {
  return randomBytes(24).toString('base64url');
}

export function tokensEqual(a: string | undefined | null, b: string): boolean {
  if (!a) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return null;
}
