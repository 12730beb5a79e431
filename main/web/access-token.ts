import { randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Browser mode listens on loopback only, but any local program or web page
 * could still reach 127.0.0.1. The link the station prints carries a launch
 * token that works once: opening it gives that browser its own random
 * session in an HttpOnly SameSite=Strict cookie, and the token is spent. A
 * token copied from the terminal, the shell history or the browser's history
 * later opens nothing, and the cookie is never the token itself.
 */
export const COOKIE_NAME = 'station_session';

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

/** Launch tokens not yet used and the sessions they were traded for. */
export class BrowserAccess {
  private readonly launchTokens = new Set<string>();
  private readonly sessions = new Set<string>();

  /** A new one-time link token (the first is printed at start; another on request, for another browser). */
  issueLaunchToken(token = newAccessToken()): string {
    this.launchTokens.add(token);
    return token;
  }

  /** Spends a launch token; returns the new session's cookie value, or null if the token is unknown or used. */
  redeem(token: string | null): string | null {
    for (const t of this.launchTokens) {
      if (tokensEqual(token, t)) {
        this.launchTokens.delete(t);
        const session = newAccessToken();
        this.sessions.add(session);
        return session;
      }
    }
    return null;
  }

  hasSession(cookieHeader: string | undefined): boolean {
    const value = readCookie(cookieHeader, COOKIE_NAME);
    for (const s of this.sessions) if (tokensEqual(value, s)) return true;
    return false;
  }
}
