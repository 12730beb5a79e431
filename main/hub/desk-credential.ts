import type { IncomingMessage } from 'node:http';
import { readCookie } from '../web/access-token';

/**
 * Where a desk keeps its credential: a browser in an HttpOnly, Secure,
 * SameSite=Strict cookie set when it paired (the page's scripts never see
 * it); the desktop app sends the same cookie header from the main process.
 */
export const DESK_COOKIE = 'station_desk';
/** A paired desk stays paired until revoked; the cookie outlives a year of sessions. */
const COOKIE_MAX_AGE_S = 5 * 365 * 86_400;

export function deskCookie(credential: string): string {
  return `${DESK_COOKIE}=${credential}; HttpOnly; Secure; SameSite=Strict; Path=/; Max-Age=${COOKIE_MAX_AGE_S}`;
}

export function credentialOf(req: IncomingMessage): string | null {
  return readCookie(req.headers.cookie, DESK_COOKIE);
}
