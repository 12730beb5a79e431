import { utilityProcess, type UtilityProcess } from 'electron';
import type { Result } from '../../preload/contract';
import { isCoreMessage, type HostToCore } from '../core-process/protocol';

export interface CoreCrash {
  exitCode: number;
  /** True when a fresh core took over; false when the station gave up (second crash). */
  restarted: boolean;
  /** What the core said before dying, when it managed to. */
  message?: string;
}

export interface CoreHostOptions {
  /** dist/main/core-process.cjs */
  modulePath: string;
  databasePath: string;
  /** The OS-protected key for the signing key, sent to every core before its first call (null: none here). */
  signingDataKey?: string | null;
  onEvent(event: string, payload: unknown): void;
  onCrash(crash: CoreCrash): void;
}

export interface CoreHost {
  /** The first core is serving; rejects when it could not start (database unreadable, migration failed). */
  ready: Promise<void>;
  call(op: string, request: unknown, connectionId: string): Promise<Result<unknown>>;
  connectionClosed(connectionId: string): void;
  /** Asks the core to finish running calls and close the database, then waits for it to exit. */
  shutdown(): Promise<void>;
}

/** A core that ignores shutdown this long is killed: quitting must not hang on it. */
const SHUTDOWN_GRACE_MS = 5000;
/** One restart covers a one-off crash; a core that keeps dying would only loop. */
const MAX_RESTARTS = 1;

interface Generation {
  proc: UtilityProcess;
  ready: Promise<void>;
  alive: boolean;
  pending: Map<number, { resolve: (r: Result<unknown>) => void; reject: (e: Error) => void }>;
  exited: Promise<void>;
}

/**
 * Runs the station core in an Electron utilityProcess and correlates calls
 * with answers. The core owns the database; the main process only relays, so
 * a slow query never freezes the windows.
 */
export function startCoreHost(options: CoreHostOptions): CoreHost {
  let nextId = 1;
  let restarts = 0;
  let stopping = false;
  let gaveUp: Error | null = null;

  const spawn = (): Generation => {
    const proc = utilityProcess.fork(options.modulePath, ['--db', options.databasePath], { serviceName: 'Station core', stdio: 'inherit' });
    let markReady!: () => void;
    let failReady!: (e: Error) => void;
    let markExited!: () => void;
    const gen: Generation = {
      proc,
      alive: true,
      pending: new Map(),
      ready: new Promise<void>((resolve, reject) => ((markReady = resolve), (failReady = reject))),
      exited: new Promise<void>((resolve) => (markExited = resolve)),
    };
    gen.ready.catch(() => {});
    let isReady = false;
    let lastWords: string | undefined;

    proc.on('message', (message: unknown) => {
      if (!isCoreMessage(message)) return;
      switch (message.type) {
        case 'ready':
          isReady = true;
          // Before any call is relayed: messages keep their order, so signing is open by the first call.
          if (options.signingDataKey) proc.postMessage({ type: 'signing-data-key', key: options.signingDataKey } satisfies HostToCore);
          markReady();
          return;
        case 'result':
          gen.pending.get(message.id)?.resolve(message.result);
          gen.pending.delete(message.id);
          return;
        case 'event':
          options.onEvent(message.event, message.payload);
          return;
        case 'fatal':
          lastWords = message.message;
          return;
      }
    });

    proc.once('exit', (exitCode: number) => {
      gen.alive = false;
      markExited();
      const stopped = new Error(`the station core stopped (exit code ${exitCode})`);
      for (const p of gen.pending.values()) p.reject(stopped);
      gen.pending.clear();
      if (stopping) return;
      if (!isReady) {
        // A core that never got ready will fail the same way again: report instead of retrying.
        gaveUp = new Error(lastWords ?? `the station core exited with code ${exitCode} before it was ready`);
        failReady(gaveUp);
        return;
      }
      const restart = restarts < MAX_RESTARTS;
      if (restart) {
        restarts++;
        current = spawn();
      } else {
        gaveUp = stopped;
      }
      options.onCrash({ exitCode, restarted: restart, ...(lastWords ? { message: lastWords } : {}) });
    });
    return gen;
  };

  let current = spawn();
  const first = current.ready;

  const post = (gen: Generation, message: HostToCore) => gen.proc.postMessage(message);

  return {
    ready: first,
    async call(op, request, connectionId) {
      if (gaveUp) throw gaveUp;
      const gen = current;
      await gen.ready;
      if (!gen.alive) throw new Error('the station core stopped');
      const id = nextId++;
      return new Promise<Result<unknown>>((resolve, reject) => {
        gen.pending.set(id, { resolve, reject });
        post(gen, { type: 'call', id, op, request, connectionId });
      });
    },
    connectionClosed(connectionId) {
      // A core that is down or restarting holds no sign-ins to end.
      if (current.alive) post(current, { type: 'connection-closed', connectionId });
    },
    async shutdown() {
      stopping = true;
      const gen = current;
      if (!gen.alive) return;
      post(gen, { type: 'shutdown' });
      let timer: NodeJS.Timeout | undefined;
      const killed = new Promise<void>((resolve) => {
        timer = setTimeout(() => {
          gen.proc.kill();
          resolve();
        }, SHUTDOWN_GRACE_MS);
      });
      await Promise.race([gen.exited, killed]);
      clearTimeout(timer);
    },
  };
}
