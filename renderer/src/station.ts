import type { Result, StationApi } from '../../preload/contract';

/**
 * The renderer's handle on the core. Whatever the transport, `window.station`
 * has the same named functions. This wrapper only watches answers for a lost
 * sign-in (idle lock enforced by the core, or a new connection) so the app can
 * show the lock or sign-in screen wherever the call was made.
 */
export const AUTH_LOST_EVENT = 'station:auth-lost';

function watch(api: StationApi): StationApi {
  const wrapped: Record<string, unknown> = {};
  for (const [area, actions] of Object.entries(api)) {
    if (typeof actions !== 'object' || actions === null) {
      wrapped[area] = actions;
      continue;
    }
    const out: Record<string, unknown> = {};
    for (const [name, fn] of Object.entries(actions as Record<string, (req: unknown) => Promise<Result<unknown>>>)) {
      out[name] = async (req: unknown) => {
        const result = await fn(req);
        if (!result.ok && (result.error.code === 'AUTH_REQUIRED' || result.error.code === 'AUTH_SESSION_LOCKED')) {
          window.dispatchEvent(new CustomEvent(AUTH_LOST_EVENT, { detail: result.error.code }));
        }
        return result;
      };
    }
    wrapped[area] = out;
  }
  return wrapped as unknown as StationApi;
}

if (!window.station) {
  throw new Error('window.station is missing: the page was opened without the station preload');
}

export const station: StationApi = watch(window.station);
