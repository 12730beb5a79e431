import BetterSqlite3, { type Database } from 'better-sqlite3';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';
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

/**
 * The database holds patients' names, ID numbers and health data: only the
 * station's own OS account may read it. A new folder is made 0700 and a new
 * file 0600 before SQLite opens it (SQLite gives the -wal and -shm files the
 * database file's permissions); an existing file left readable by others is
 * tightened. An existing folder is left alone: STATION_DB may point into a
 * folder the station does not own.
 */
export function preparePrivateFile(file: string): void {
  const folder = dirname(file);
  if (!existsSync(folder)) mkdirSync(folder, { recursive: true, mode: 0o700 });
  try {
    closeSync(openSync(file, 'wx', 0o600));
    return;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  const stat = statSync(file);
  const own = typeof process.getuid !== 'function' || stat.uid === process.getuid();
  if (own && (stat.mode & 0o077) !== 0) chmodSync(file, stat.mode & 0o700);
}

/** Opens (creating if needed) the station database and brings its schema up to date. */
export function openDatabase(file: string, options: OpenOptions = {}): Database {
  if (file !== ':memory:' && !options.readonly) preparePrivateFile(file);
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

/**
 * Closes cleanly: lets SQLite refresh its planner statistics, then checkpoints
 * the WAL. On a full or damaged disk both may fail; the WAL still holds every
 * commit and the next open recovers it, so the connection is closed anyway.
 */
export function closeDatabase(db: Database): void {
  if (!db.open) return;
  try {
    if (!db.readonly) {
      db.pragma('optimize');
      db.pragma('wal_checkpoint(TRUNCATE)');
    }
  } finally {
    db.close();
  }
}
