import { accessSync, constants, existsSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Database } from 'better-sqlite3';
import type { StorageProblem, StorageProblemCode } from '../../../preload/contract';
import { MigrationError } from '../../../db/migrate';
import { openDatabase } from '../../../db/open';
import { sqliteCode, storageProblemOf } from './sqlite-errors';

/** The database cannot be used at all: the station starts in its "unavailable" state and says why. */
export class StorageProblemError extends Error {
  constructor(readonly problem: StorageProblem) {
    super(`${problem.code}: ${problem.detail}`);
    this.name = 'StorageProblemError';
  }
}

/**
 * Opens the station's database and makes sure it can be trusted before any
 * desk uses it: the file and its folder are writable (checked first, not at
 * the first check-in), the file is a database, its schema is this version's,
 * `PRAGMA quick_check` finds no damaged page, and a write would be accepted.
 * Any failure becomes a StorageProblemError naming the file and the case.
 */
export function openCheckedDatabase(file: string, now: () => Date): Database {
  const fail = (code: StorageProblemCode, detail: string): never => {
    throw new StorageProblemError({ code, databaseFile: file, detail, since: now().toISOString(), clearsItself: false });
  };
  if (file !== ':memory:') {
    const denied = unwritable(file);
    if (denied) fail('read-only', denied);
  }
  let db: Database;
  try {
    db = openDatabase(file, { now });
  } catch (err) {
    return fail(problemAtOpen(err), errorText(err));
  }
  try {
    const damage = quickCheck(db);
    if (damage) fail('corrupt', damage);
    probeWrite(db);
  } catch (err) {
    db.close();
    if (err instanceof StorageProblemError) throw err;
    return fail(storageProblemOf(err) ?? 'io-error', errorText(err));
  }
  return db;
}

/** Why the station's own account cannot write the file or create its WAL beside it, or null. */
function unwritable(file: string): string | null {
  const folder = dirname(file);
  const paths = existsSync(folder) ? [folder, file, `${file}-wal`, `${file}-shm`].filter((p) => existsSync(p)) : [];
  for (const path of paths) {
    try {
      accessSync(path, constants.R_OK | constants.W_OK);
    } catch (err) {
      return `${path}: ${(err as NodeJS.ErrnoException).code ?? 'not writable'}`;
    }
  }
  return null;
}

function problemAtOpen(err: unknown): StorageProblemCode {
  if (err instanceof MigrationError) {
    if (err.code !== 'MIGRATION_FAILED') return 'schema-mismatch';
    return storageProblemOf(err.cause) ?? 'schema-mismatch';
  }
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return 'read-only';
  if (code === 'ENOSPC') return 'disk-full';
  return storageProblemOf(err) ?? 'io-error';
}

/**
 * SQLite's quick check: every page's structure, without cross-checking
 * indexes against their tables (the full integrity_check runs in the
 * background). Returns the first problems found, or null.
 */
export function quickCheck(db: Database): string | null {
  const rows = db.pragma('quick_check(20)') as { quick_check: string }[];
  const messages = rows.map((r) => r.quick_check);
  return messages.length === 1 && messages[0] === 'ok' ? null : messages.join('; ');
}

const ROLLBACK = Symbol('rollback');

/**
 * A write that is never committed: SQLite opens a file it may not write as
 * read-only without a word and only refuses at the first change. Changing a
 * page (then rolling back, so nothing reaches the disk) asks the question now.
 */
function probeWrite(db: Database): void {
  try {
    db.transaction(() => {
      db.prepare("INSERT INTO schema_migration (id, name, checksum, applied_at) VALUES (-1, 'write probe', '', '')").run();
      throw ROLLBACK;
    }).immediate();
  } catch (err) {
    if (err !== ROLLBACK) throw err;
  }
}

function errorText(err: unknown): string {
  const code = sqliteCode(err) ?? (err as NodeJS.ErrnoException)?.code;
  const message = err instanceof Error ? err.message : String(err);
  return code && !message.includes(code) ? `${code}: ${message}` : message;
}
