import type { Result } from '../../preload/contract';
import type { StationEndpoint } from '../core/station';
import type { ParentChannel } from './parent-channel';
import { parseHostMessage, type CoreToHost } from './protocol';

export interface ServedCore {
  /** Waits for calls already running (a PIN check is async), then closes the database (optimize + checkpoint). */
  stop(): Promise<void>;
}

/**
 * Answers the host's messages with the station core. Calls arriving after
 * shutdown began are refused rather than run against a closing database.
 */
export function serveCore(station: StationEndpoint, channel: ParentChannel, onStopped: () => void): ServedCore {
  const send = (message: CoreToHost) => channel.send(message);
  const inFlight = new Set<Promise<unknown>>();
  let stopping: Promise<void> | null = null;
  const stopEvents = station.onEvent((event, payload) => void send({ type: 'event', event, payload }));

  const stop = () =>
    (stopping ??= (async () => {
      await Promise.allSettled([...inFlight]);
      // An upload answer in flight is recorded before the database closes.
      await station.stopBackgroundWork();
      stopEvents();
      station.close();
    })());

  channel.onMessage((raw) => {
    const message = parseHostMessage(raw);
    if (!message) return;
    switch (message.type) {
      case 'call': {
        if (stopping) {
          void send({ type: 'result', id: message.id, result: internal('the station is shutting down') });
          return;
        }
        const running = station
          .dispatch(message.op, message.request, message.connectionId)
          .catch((err: unknown): Result<unknown> => internal(`core failed: ${String(err)}`))
          .then((result) => send({ type: 'result', id: message.id, result }));
        inFlight.add(running);
        void running.finally(() => inFlight.delete(running));
        return;
      }
      case 'connection-closed':
        station.connectionClosed(message.connectionId);
        return;
      case 'signing-data-key':
        station.provideSigningOsKey(Buffer.from(message.key, 'base64'));
        return;
      case 'shutdown':
        void stop().then(onStopped);
        return;
    }
  });
  void send({ type: 'ready' });
  return { stop };
}

function internal(message: string): Result<unknown> {
  return { ok: false, error: { code: 'INTERNAL', message } };
}
