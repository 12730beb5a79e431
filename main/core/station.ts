import { EventEmitter } from 'node:events';
import type { EventName, OpName, Result } from '../../preload/contract';
import { closeDatabase, openDatabase } from '../../db/open';
import { systemClock, type Clock } from './clock';
import { createDispatcher, type Logger } from './dispatch';
import type { Handlers } from './handler-types';
import { authHandlers, settingsHandlers, staffHandlers } from './handlers/auth';
import { catalogueHandlers, planHandlers, targetHandlers } from './handlers/plan';
import { setupHandlers } from './handlers/setup';
import { checkinHandlers } from './handlers/checkin';
import { clinicalHandlers } from './handlers/clinical';
import { certificatesHandlers } from './handlers/certificates';
import { syncHandlers } from './handlers/sync';
import type { SyncTuning } from './sync/service';
import { createServices, type Services } from './services';
import type { UsbScannerHost } from './services/checkin';
import { Store } from './store';
import { idleCheckpoints } from './idle-checkpoint';

export interface StationOptions {
  /** SQLite file; ':memory:' for tests. */
  databasePath: string;
  clock?: Clock;
  log?: Logger;
  /** Read USB HID-POS scanners (the hosting processes pass {}; tests pass a fake node-hid). Absent: no devices. */
  usbScanners?: UsbScannerHost;
  /**
   * Run the upload worker (the hosting processes do; in-process tests start it
   * themselves when they need it). Only the station that holds the database uploads.
   */
  syncWorker?: boolean;
  /** Retry and timeout of the upload (the hosting processes read STATION_SYNC_* from the environment). */
  sync?: SyncTuning;
}

export const consoleLogger: Logger = {
  info: (m, d) => console.log(`[core] ${m}`, d ?? ''),
  warn: (m, d) => console.warn(`[core] ${m}`, d ?? ''),
  error: (m, d) => console.error(`[core] ${m}`, d ?? ''),
};

export interface Station {
  /** The one entry point for every transport. */
  dispatch(op: string, request: unknown, connectionId: string): Promise<Result<unknown>>;
  /** Core → desk events, after commit. */
  onEvent(listener: (event: EventName, payload: unknown) => void): () => void;
  /** A desk went away (window closed or reloaded, socket dropped): its sign-in ends. */
  connectionClosed(connectionId: string): void;
  services: Services;
  close(): void;
}

function allHandlers(s: Services): Handlers<OpName> {
  return {
    ...setupHandlers(s),
    ...authHandlers(s),
    ...staffHandlers(s),
    ...settingsHandlers(s),
    ...catalogueHandlers(s),
    ...planHandlers(s),
    ...targetHandlers(s),
    ...checkinHandlers(s),
    ...clinicalHandlers(s),
    ...certificatesHandlers(s),
    ...syncHandlers(s),
  };
}

/**
 * The station core: database, services and the dispatcher, with no Electron
 * and no UI. The Electron utility process and the browser-mode server both
 * host exactly this.
 */
export function createStation(options: StationOptions): Station {
  const clock = options.clock ?? systemClock;
  const log = options.log ?? consoleLogger;
  const db = openDatabase(options.databasePath, { now: () => clock.now() });
  const events = new EventEmitter();
  events.setMaxListeners(100);
  const store = new Store(db, clock, (event, payload) => events.emit('event', event, payload));
  const services = createServices(store, { usbScanners: options.usbScanners, ...(options.sync ? { sync: options.sync } : {}) });
  const handle = createDispatcher(allHandlers(services), services.sessions, log);
  const checkpoints = idleCheckpoints(db);
  // Certificates print themselves when a visit is released (after its commit, like every desk hears it).
  events.on('event', (event: EventName, payload: unknown) => services.certificates.autoPrint.onEvent(event, payload));
  void services.checkin.scanners.start();
  if (options.syncWorker) services.sync.start();
  return {
    async dispatch(op, request, connectionId) {
      try {
        return await handle(op, request, connectionId);
      } finally {
        checkpoints.touched();
      }
    },
    onEvent(listener) {
      events.on('event', listener);
      return () => events.off('event', listener);
    },
    connectionClosed: (id) => services.sessions.signOut(id),
    services,
    close: () => {
      void services.sync.stop();
      checkpoints.stop();
      services.checkin.scanners.stop();
      closeDatabase(db);
    },
  };
}
