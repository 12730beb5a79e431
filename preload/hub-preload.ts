import { createStationApi } from './api';
import type { Result } from './contract';
import { deskLinkStatus, whenLinkSettles, withDeskOps } from './desk-ops';
import { createHubTransport, type SocketLike } from './hub-transport';

/**
 * A browser desk opened at the hub (https://hub:8443/): installs the same
 * `window.station` before the app starts, over the hub's desk socket. The
 * browser checked the hub's certificate before this script ran (pinned by
 * the site's browser shortcut, or accepted after comparing the fingerprint
 * with the hub's screen) and keeps the desk credential in an HttpOnly cookie,
 * so nothing here ever holds a secret. Pairing posts the code to /pair.
 */
const transport = createHubTransport({
  open: (query) => new WebSocket(`wss://${location.host}/desk?${query}`) as unknown as SocketLike,
});

const unavailable = <T>(code: 'DESK_MODE_UNAVAILABLE' | 'DISCOVERY_UNAVAILABLE'): Result<T> => ({
  ok: false,
  error: { code, message: 'a browser desk is paired at the hub address it opened' },
});

const link = () => deskLinkStatus(transport.status(), { address: location.host, fingerprint: null, canDiscover: false, needsAddress: false, paired: true });

const desk = withDeskOps(transport, {
  'desk:link': async () => {
    await transport.settled();
    return { ok: true, value: link() };
  },
  'desk:pair': async (request) => {
    let answer: Result<unknown>;
    try {
      const res = await fetch('/pair', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ code: request.code, deskName: request.deskName, client: 'browser' }),
        credentials: 'same-origin',
      });
      answer = (await res.json()) as Result<unknown>;
    } catch {
      return { ok: false, error: { code: 'HUB_UNREACHABLE', message: 'the hub cannot be reached' } };
    }
    if (!answer.ok) return answer;
    transport.reconnect();
    await whenLinkSettles(transport, 10_000);
    return { ok: true, value: link() };
  },
  'desk:probe': async () => unavailable('DESK_MODE_UNAVAILABLE'),
  'desk:forget': async () => unavailable('DESK_MODE_UNAVAILABLE'),
  'desk:discover': async () => unavailable('DISCOVERY_UNAVAILABLE'),
});

Object.defineProperty(window, 'station', {
  value: Object.freeze(createStationApi(desk)),
  writable: false,
  configurable: false,
});
