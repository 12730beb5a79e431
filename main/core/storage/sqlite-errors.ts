import type { ErrorCode, StorageProblemCode } from '../../../preload/contract';

/**
 * What a failure from SQLite means for the site. better-sqlite3 throws
 * SqliteError with SQLite's extended code as text ('SQLITE_FULL',
 * 'SQLITE_READONLY_DIRECTORY', 'SQLITE_CORRUPT_INDEX', …); the OS's ENOSPC
 * arrives as SQLITE_FULL, a file without write permission as SQLITE_READONLY.
 */
export function storageProblemOf(err: unknown): StorageProblemCode | null {
  const code = sqliteCode(err);
  if (!code) return null;
  if (code === 'SQLITE_FULL') return 'disk-full';
  if (code.startsWith('SQLITE_READONLY') || code === 'SQLITE_PERM') return 'read-only';
  if (code.startsWith('SQLITE_CORRUPT')) return 'corrupt';
  if (code === 'SQLITE_NOTADB') return 'not-a-database';
  if (code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_CANTOPEN')) return 'io-error';
  return null;
}

export function sqliteCode(err: unknown): string | null {
  if (typeof err !== 'object' || err === null) return null;
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : null;
}

/** The error a desk gets for a write refused because of the database's state. */
export function refusalCodeOf(problem: StorageProblemCode): ErrorCode {
  switch (problem) {
    case 'disk-full':
      return 'DISK_FULL';
    case 'read-only':
      return 'DATABASE_READ_ONLY';
    default:
      return 'DATABASE_DAMAGED';
  }
}
