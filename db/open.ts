import BetterSqlite3, { type Database } from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrate } from './migrate';
import { MIGRATIONS, type Migration } from './migrations';

export type { Database };

export interface OpenOptions {
  migrations?: readonly Migration[];
  readonly?: boolean;
  now?: () => Date;
}

/**
 * The automatic checkpoint threshold, in WAL pages. The station checkpoints
 * while idle (main/core/idle-checkpoint.ts); this is only the safety net for a
 * long unbroken burst of writes, so no desk's commit pays for a checkpoint.
 */
export const WAL_AUTOCHECKPOINT_PAGES = 10_000;

/**
 * Durability settings every connection uses. synchronous=FULL with WAL means a
 * committed transaction survives power loss, which is the promise behind the
 * nurse seeing "recorded". busy_timeout lets a second process (a backup, the
 * bench) wait instead of failing.
 */
export function applyPragmas(db: Database): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`);
}

/** Opens (creating if needed) the station database and brings its schema up to date. */
export function openDatabase(file: string, options: OpenOptions = {}): Database {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new BetterSqlite3(file, { readonly: options.readonly ?? false });
  try {
    if (!options.readonly) {
      applyPragmas(db);
      migrate(db, options.migrations ?? MIGRATIONS, options.now);
    } else {
      db.pragma('busy_timeout = 5000');
    }
  } catch (err) {
    db.close();
    throw err;
  }
  return db;
}

/** Closes cleanly: lets SQLite refresh its planner statistics, then checkpoints the WAL. */
export function closeDatabase(db: Database): void {
  if (!db.open) return;
  if (!db.readonly) {
    db.pragma('optimize');
    db.pragma('wal_checkpoint(TRUNCATE)');
  }
  db.close();
}
