import { EventEmitter } from 'node:events';
import type { EventName, OpName, Result, StationHealth } from '../../preload/contract';
import { closeDatabase } from '../../db/open';
import { systemClock, type Clock } from './clock';
import { createDispatcher, type Logger } from './dispatch';
import type { Handlers } from './handler-types';
import { authHandlers, settingsHandlers, staffHandlers } from './handlers/auth';
import { catalogueHandlers, planHandlers, targetHandlers } from './handlers/plan';
import { setupHandlers } from './handlers/setup';
import { checkinHandlers } from './handlers/checkin';
import { clinicalHandlers } from './handlers/clinical';
import { certificatesHandlers } from './handlers/certificates';
import { closeOfDayHandlers } from './handlers/close-of-day';
import { syncHandlers } from './handlers/sync';
import type { SyncTuning } from './sync/service';
import { createServices, type Services } from './services';
import type { UsbScannerHost } from './services/checkin';
import { Store } from './store';
import { idleCheckpoints } from './idle-checkpoint';
import { stationHandlers } from './handlers/station';
import { deskHandlers, hubHandlers } from './handlers/hub';
import { StorageHealth } from './storage/health';
import { IntegrityChecks } from './storage/integrity-check';
import { openCheckedDatabase, StorageProblemError } from './storage/open-check';
import { storageProblemOf } from './storage/sqlite-errors';
import { unavailableStation } from './unavailable-station';

export interface StationOptions {
  /** SQLite file; ':memory:' for tests. */
  databasePath: string;
  clock?: Clock;
  log?: Logger;
  /** Read USB HID-POS scanners (the hosting processes pass {}; tests pass a fake node-hid). Absent: no devices. */
  usbScanners?: UsbScannerHost;
  /** Bytes free in the database's folder; tests pass their own to play a disk filling up. Default: the OS's count. */
  freeBytes?: (folder: string) => number;
  /** How often a full disk is looked at again (ms). */
  diskProbeMs?: number;
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

/** What a transport needs of the core: a working station, or one that could not open its database. */
export interface StationEndpoint {
  /** The one entry point for every transport. */
  dispatch(op: string, request: unknown, connectionId: string): Promise<Result<unknown>>;
  /** Core → desk events, after commit. */
  onEvent(listener: (event: EventName, payload: unknown) => void): () => void;
  /** A desk went away (window closed or reloaded, socket dropped): its sign-in ends. */
  connectionClosed(connectionId: string): void;
  /** Whether someone is signed in at this desk (a transport reads larger frames only from such desks). */
  signedIn(connectionId: string): boolean;
  /** Whether the database can be read and written (also the `station:health` operation). */
  health(): StationHealth;
  /** The OS-protected key that opens the signing key (Electron; see main/electron/signing-data-key.ts). */
  provideSigningOsKey(key: Buffer): void;
  /** Stops background work that writes (the upload worker), waiting for an answer in flight to be recorded. */
  stopBackgroundWork(): Promise<void>;
  close(): void;
}

export interface Station extends StationEndpoint {
  services: Services;
  /** The full integrity check, off the core's thread (it also runs once, some minutes after start). */
  checkIntegrity(): ReturnType<IntegrityChecks['run']>;
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
    ...stationHandlers(s),
    ...closeOfDayHandlers(s),
    ...syncHandlers(s),
    ...hubHandlers(s),
    ...deskHandlers(),
  };
}

/**
 * The station core: database, services and the dispatcher, with no Electron
 * and no UI. The Electron utility process and the browser-mode server both
 * host exactly this. Throws StorageProblemError when the database cannot be
 * trusted (hosts use openStation, which serves the start-up screen instead).
 */
export function createStation(options: StationOptions): Station {
  const clock = options.clock ?? systemClock;
  const log = options.log ?? consoleLogger;
  const db = openCheckedDatabase(options.databasePath, () => clock.now());
  const events = new EventEmitter();
  events.setMaxListeners(100);
  const health = new StorageHealth({
    databaseFile: options.databasePath,
    now: () => clock.now(),
    onChange: (h) => events.emit('event', 'station:health', h),
    freeBytes: options.freeBytes,
    probeMs: options.diskProbeMs,
    log: (m) => log.warn(m),
  });
  const storageFailure = (err: unknown) => {
    const problem = storageProblemOf(err);
    return problem ? health.report(problem, err instanceof Error ? err.message : String(err)) : null;
  };
  const store = new Store(db, clock, (event, payload) => events.emit('event', event, payload), health);
  const services = createServices(store, { usbScanners: options.usbScanners, health, log, ...(options.sync ? { sync: options.sync } : {}) });
  const handle = createDispatcher(allHandlers(services), services.sessions, log, storageFailure);
  const checkpoints = idleCheckpoints(db, {
    onFailure: (err) => {
      if (!storageFailure(err)) log.error('idle checkpoint failed', err instanceof Error ? err.message : err);
    },
  });
  const integrity = new IntegrityChecks(options.databasePath, (messages) => health.report('corrupt', messages.join('; ')));
  if (options.databasePath !== ':memory:') {
    // Almost no space left at start: say so now, not at the first check-in.
    health.checkFreeSpace();
    integrity.schedule();
  }
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
    connectionClosed: (id) => services.sessions.forget(id),
    signedIn: (id) => services.sessions.current(id) !== null,
    health: () => health.current(),
    provideSigningOsKey: (key) => {
      // The same OS-protected key opens the signing key and the platform's sealed credentials.
      services.certificates.keys.provideOsKey(key);
      services.sync.connection.provideOsKey(key);
    },
    checkIntegrity: () => integrity.run(),
    stopBackgroundWork: () => services.sync.stop(),
    services,
    close: () => {
      void services.sync.stop();
      checkpoints.stop();
      health.stop();
      integrity.stop();
      services.checkin.scanners.stop();
      try {
        closeDatabase(db);
      } catch (err) {
        // A full disk fails the closing checkpoint; the WAL keeps every commit for the next start.
        log.warn('database closed without its final checkpoint', err instanceof Error ? err.message : err);
      }
    },
  };
}

/**
 * The station as hosts start it: a working station, or, when the database
 * cannot be used, a stand-in that tells every desk why (the start-up screen).
 */
export function openStation(options: StationOptions): StationEndpoint {
  try {
    return createStation(options);
  } catch (err) {
    if (!(err instanceof StorageProblemError)) throw err;
    (options.log ?? consoleLogger).error(`cannot use the station database ${options.databasePath}: ${err.message}`);
    return unavailableStation(err.problem);
  }
}
