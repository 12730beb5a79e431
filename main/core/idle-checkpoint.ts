import type { Database } from 'better-sqlite3';

/**
 * Copies the write-ahead log into the database file while the station is
 * idle, instead of in the middle of someone's write. SQLite checkpoints
 * automatically on the commit that takes the WAL past a threshold (1000
 * pages by default): that commit, a check-in or a dose, waits for the copy
 * and an fsync of the database file, several times its usual time. Desks
 * write every few seconds at most, so a checkpoint shortly after the last
 * call keeps the WAL small; the automatic threshold, raised for every
 * connection in db/open.ts, is a safety net only a long burst of writes reaches.
 */
export interface IdleCheckpoints {
  /** Called after every call to the core: restarts the idle wait. */
  touched(): void;
  stop(): void;
}

export function idleCheckpoints(db: Database, options: { idleMs?: number; onFailure?: (err: unknown) => void } = {}): IdleCheckpoints {
  const idleMs = options.idleMs ?? 1000;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const run = () => {
    timer = null;
    try {
      // PASSIVE: copies what it can without waiting for readers, never blocks a writer in another process.
      if (db.open) db.pragma('wal_checkpoint(PASSIVE)');
    } catch (err) {
      // A full disk fails the copy (SQLITE_FULL). It runs in a timer: thrown here it would end the process.
      // The WAL still holds every commit; the next idle moment tries again.
      options.onFailure?.(err);
    }
  };
  return {
    touched() {
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(run, idleMs);
      timer.unref?.();
    },
    stop() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
    },
  };
}
