import type { Result } from '../../../preload/contract';
import { createHubTransport, type HubTransport, type LinkStatus, type SocketLike } from '../../../preload/hub-transport';
import { hubSocketOpener, type DeskPairing } from '../../desk/hub-pairing';

/**
 * The desktop app as a desk of a hub: each window (a page load, `wc-<id>`)
 * is one window of this desk at the hub, with its own link and sign-in,
 * carried by the same transport a browser desk uses. The main process holds
 * the credential; the page only ever sees window.station.
 */
export interface HubDesk {
  call(op: string, request: unknown, connectionId: string): Promise<Result<unknown>>;
  connectionClosed(connectionId: string): void;
  status(connectionId: string): LinkStatus;
  /** The window's first connection has an outcome (online, refused, or failed once). */
  settled(connectionId: string): Promise<LinkStatus>;
  close(): void;
}

export function createHubDesk(
  pairing: DeskPairing,
  onEvent: (connectionId: string, event: string, payload: unknown) => void,
  open: (query: string) => SocketLike = hubSocketOpener(pairing),
): HubDesk {
  const windows = new Map<string, HubTransport>();
  const windowOf = (connectionId: string) => {
    let t = windows.get(connectionId);
    if (!t) {
      t = createHubTransport({ open });
      t.subscribe((event, payload) => onEvent(connectionId, event, payload));
      windows.set(connectionId, t);
    }
    return t;
  };
  return {
    call: (op, request, connectionId) => windowOf(connectionId).call(op as never, request) as Promise<Result<unknown>>,
    connectionClosed(connectionId) {
      // A reload or a closed window is a new desk window: the hub ends this one's sign-in at once.
      windows.get(connectionId)?.close();
      windows.delete(connectionId);
    },
    status: (connectionId) => windowOf(connectionId).status(),
    settled: (connectionId) => windowOf(connectionId).settled(),
    close() {
      for (const t of windows.values()) t.close();
      windows.clear();
    },
  };
}
