import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { operationNames } from '../../preload/api';
import type { Result } from '../../preload/contract';
import { DISCONNECTED_CHANNEL, EVENT_CHANNEL, type EventMessage } from '../../preload/electron-channel';
import { isAppUrl } from './app-origin';

export interface CoreCalls {
  call(op: string, request: unknown, connectionId: string): Promise<Result<unknown>>;
  connectionClosed(connectionId: string): void;
}

export interface IpcRelay {
  /** Makes a window's page a desk: its calls are accepted and its navigations end its sign-in. */
  attachDesk(contents: WebContents): void;
  /** Core → every desk. */
  broadcast(event: string, payload: unknown): void;
  /** To one window only (desk mode: each window has its own link to the hub). */
  sendTo(connectionId: string, event: string, payload: unknown): void;
  /** Every desk's sign-in is gone (the core restarted). */
  broadcastDisconnected(): void;
  dispose(): void;
}

/** One desk per page load; the id is stable for a window, so navigations must end the sign-in explicitly. */
export const connectionIdOf = (contents: WebContents) => `wc-${contents.id}`;

/**
 * Relays renderer calls to the core, one IPC channel per contract operation
 * (no generic "invoke anything" channel to abuse). Threat: a frame that is not
 * the station's own page — an iframe, a page that slipped past the navigation
 * guard, a window the shell did not make — calling the core with a desk's
 * sign-in. Only the main frame of a desk window, showing app://station, is
 * answered.
 */
export function createIpcRelay(core: CoreCalls): IpcRelay {
  const desks = new Map<number, WebContents>();

  const fromStationPage = (event: IpcMainInvokeEvent): boolean => {
    const frame = event.senderFrame;
    const contents = event.sender;
    if (!frame || desks.get(contents.id) !== contents) return false;
    const main = contents.mainFrame;
    const isMainFrame = frame.parent === null && frame.processId === main.processId && frame.routingId === main.routingId;
    return isMainFrame && isAppUrl(frame.url);
  };

  const ops = operationNames();
  for (const op of ops) {
    ipcMain.handle(op, async (event, request: unknown): Promise<Result<unknown>> => {
      if (!fromStationPage(event)) throw new Error(`refused ${op}: not from a station page`);
      try {
        return await core.call(op, request, connectionIdOf(event.sender));
      } catch (err) {
        return { ok: false, error: { code: 'INTERNAL', message: `station core unavailable: ${err instanceof Error ? err.message : String(err)}` } };
      }
    });
  }

  const send = (channel: string, message?: EventMessage) => {
    for (const contents of desks.values()) {
      if (!contents.isDestroyed()) contents.send(channel, message);
    }
  };

  return {
    attachDesk(contents) {
      const connectionId = connectionIdOf(contents);
      desks.set(contents.id, contents);
      // A reload or a new page is a new desk, as a new socket is in browser mode: the old sign-in must not carry over.
      contents.on('did-start-navigation', (details) => {
        if (details.isMainFrame && !details.isSameDocument) core.connectionClosed(connectionId);
      });
      contents.on('render-process-gone', () => core.connectionClosed(connectionId));
      contents.once('destroyed', () => {
        desks.delete(contents.id);
        core.connectionClosed(connectionId);
      });
    },
    broadcast(event, payload) {
      send(EVENT_CHANNEL, { event, payload });
    },
    sendTo(connectionId, event, payload) {
      for (const contents of desks.values()) {
        if (connectionIdOf(contents) === connectionId && !contents.isDestroyed()) contents.send(EVENT_CHANNEL, { event, payload });
      }
    },
    broadcastDisconnected() {
      send(DISCONNECTED_CHANNEL);
    },
    dispose() {
      for (const op of ops) ipcMain.removeHandler(op);
    },
  };
}
