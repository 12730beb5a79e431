import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { Migration } from './migrations';

export class MigrationError extends Error {
  constructor(
    readonly code: 'MIGRATION_EDITED' | 'DATABASE_NEWER_THAN_APP' | 'MIGRATION_FAILED',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'MigrationError';
  }
}

export function migrationChecksum(sql: string): string {
  return createHash('sha256').update(sql.replace(/\r\n/g, '\n'), 'utf8').digest('hex');
}

interface AppliedRow {
  id: number;
  name: string;
  checksum: string;
}

/**
 * Applies pending migrations, each in its own transaction together with its
 * bookkeeping row, after checking that every applied migration is unchanged.
 */
export function migrate(db: Database, migrations: readonly Migration[], now: () => Date = () => new Date()): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migration (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    checksum TEXT NOT NULL,
    applied_at TEXT NOT NULL
  ) STRICT`);
  const applied = db.prepare('SELECT id, name, checksum FROM schema_migration ORDER BY id').all() as AppliedRow[];
  const known = new Map(migrations.map((m) => [m.id, m]));
  for (const row of applied) {
    const m = known.get(row.id);
    if (!m) {
      throw new MigrationError(
        'DATABASE_NEWER_THAN_APP',
        `database has migration ${row.id} (${row.name}) that this version of the station does not know; update the station`,
      );
    }
    if (migrationChecksum(m.sql) !== row.checksum) {
      throw new MigrationError(
        'MIGRATION_EDITED',
        `migration ${row.id} (${row.name}) was changed after it was applied to this database; restore it and add a new migration instead`,
      );
    }
  }
  const done = new Set(applied.map((r) => r.id));
  const record = db.prepare('INSERT INTO schema_migration (id, name, checksum, applied_at) VALUES (?, ?, ?, ?)');
  const ran: number[] = [];
  for (const m of [...migrations].sort((a, b) => a.id - b.id)) {
    if (done.has(m.id)) continue;
    try {
      db.transaction(() => {
        db.exec(m.sql);
        record.run(m.id, m.name, migrationChecksum(m.sql), now().toISOString());
      }).immediate();
    } catch (err) {
      // The cause keeps SQLite's code: a migration on a full disk is a full disk, not a broken migration.
      throw new MigrationError('MIGRATION_FAILED', `migration ${m.id} (${m.name}) failed: ${(err as Error).message}`, { cause: err });
    }
    ran.push(m.id);
  }
  return ran;
}
