/**
 * The station's own origin. Every trust decision in the shell (navigation,
 * permissions, IPC) compares against this and nothing else.
 *
 * Node's URL gives custom schemes an opaque origin ("null"), so the check is
 * on scheme and host, never on `URL.origin`.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'station';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

export function isAppUrl(url: string | null | undefined): boolean {
  if (!url) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === '';
  } catch {
    return false;
  }
}
