import { createStationApi, type Transport } from './api';
import type { OpName } from './contract';

/**
 * Browser mode's counterpart of the Electron preload: installs the same
 * `window.station` before the app starts, carried over a WebSocket to the
 * loopback server instead of Electron IPC. A dropped socket is reopened; calls
 * in flight when it dropped fail with a transport error the UI shows.
 */
type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void };

function createSocketTransport(url: string): Transport {
  let socket: WebSocket | null = null;
  let opened: Promise<WebSocket> | null = null;
  let nextId = 1;
  const pending = new Map<number, Pending>();
  const listeners = new Set<(event: string, payload: unknown) => void>();

  const connect = (): Promise<WebSocket> => {
    if (opened) return opened;
    opened = new Promise((resolve, reject) => {
      const ws = new WebSocket(url);
      ws.onopen = () => {
        socket = ws;
        resolve(ws);
      };
      ws.onerror = () => reject(new Error('cannot reach the station core'));
      ws.onmessage = (e) => {
        const msg = JSON.parse(String(e.data)) as { type: string; id?: number; result?: unknown; event?: string; payload?: unknown };
        if (msg.type === 'result' && typeof msg.id === 'number') {
          pending.get(msg.id)?.resolve(msg.result);
          pending.delete(msg.id);
        } else if (msg.type === 'event' && msg.event) {
          for (const l of listeners) l(msg.event, msg.payload);
        }
      };
      ws.onclose = () => {
        socket = null;
        opened = null;
        for (const p of pending.values()) p.reject(new Error('connection to the station core closed'));
        pending.clear();
        // A new socket is a new desk: the core has signed this one out. Tell the app.
        window.dispatchEvent(new CustomEvent('station:disconnected'));
      };
    });
    return opened;
  };

  return {
    async call(op: OpName, request: unknown) {
      const ws = socket ?? (await connect());
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        ws.send(JSON.stringify({ type: 'call', id, op, request }));
      });
    },
    subscribe(listener) {
      listeners.add(listener);
      void connect().catch(() => {});
      return () => listeners.delete(listener);
    },
  };
}

const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/station`;
Object.defineProperty(window, 'station', {
  value: Object.freeze(createStationApi(createSocketTransport(url))),
  writable: false,
  configurable: false,
});
