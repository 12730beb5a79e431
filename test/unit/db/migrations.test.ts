import BetterSqlite3 from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../../db/open';
import { MIGRATIONS } from '../../../db/migrations';
import { MigrationError } from '../../../db/migrate';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'station-db-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('opening the station database', () => {
  it('creates the schema with durable settings', () => {
    const db = openDatabase(join(dir, 's.sqlite'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    const applied = db.prepare('SELECT id FROM schema_migration ORDER BY id').pluck().all();
    expect(applied).toEqual(MIGRATIONS.map((m) => m.id));
    closeDatabase(db);
  });

  it('makes every table STRICT, so a wrong type is refused rather than stored', () => {
    const db = openDatabase(join(dir, 's.sqlite'));
    const tables = db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).all() as { name: string; sql: string }[];
    for (const t of tables) expect(t.sql, t.name).toMatch(/\)\s*STRICT\s*$/);
    expect(() => db.prepare(`INSERT INTO setting (key, value) VALUES ('x', ?)`).run(Buffer.from([1]))).toThrow(/cannot store BLOB/);
    closeDatabase(db);
  });

  it('is idempotent: reopening applies nothing twice and keeps data', () => {
    const file = join(dir, 's.sqlite');
    const db = openDatabase(file);
    db.prepare(`INSERT INTO setting (key, value) VALUES ('idleLockMinutes', '7')`).run();
    closeDatabase(db);
    const again = openDatabase(file);
    expect(again.prepare(`SELECT value FROM setting`).pluck().get()).toBe('7');
    expect(again.prepare('SELECT count(*) FROM schema_migration').pluck().get()).toBe(MIGRATIONS.length);
    closeDatabase(again);
  });

  it('refuses a database whose applied migration was edited afterwards', () => {
    const file = join(dir, 's.sqlite');
    closeDatabase(openDatabase(file));
    const edited = MIGRATIONS.map((m) => (m.id === 2 ? { ...m, sql: `${m.sql}\n-- tweak` } : m));
    expect(() => openDatabase(file, { migrations: edited })).toThrow(MigrationError);
    expect(() => openDatabase(file, { migrations: edited })).toThrow(/migration 2 \(session_plan\) was changed after it was applied/);
  });

  it('refuses a database written by a newer version of the station', () => {
    const file = join(dir, 's.sqlite');
    closeDatabase(openDatabase(file));
    const raw = new BetterSqlite3(file);
    raw.prepare(`INSERT INTO schema_migration (id, name, checksum, applied_at) VALUES (999, 'future', 'x', '2030-01-01T00:00:00Z')`).run();
    raw.close();
    expect(() => openDatabase(file)).toThrow(/migration 999 \(future\) that this version of the station does not know/);
  });

  it('applies a failing migration not at all', () => {
    const file = join(dir, 's.sqlite');
    const broken = [...MIGRATIONS, { id: 99, name: 'broken', sql: 'CREATE TABLE ok_part (x INTEGER) STRICT; CREATE TABLE nope (' }];
    expect(() => openDatabase(file, { migrations: broken })).toThrow(/migration 99 \(broken\) failed/);
    const db = openDatabase(file);
    expect(db.prepare(`SELECT count(*) FROM sqlite_master WHERE name = 'ok_part'`).pluck().get()).toBe(0);
    closeDatabase(db);
  });

  it('uses the indexes the target list relies on', () => {
    const db = openDatabase(join(dir, 's.sqlite'));
    const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');
    expect(plan(`SELECT * FROM plan_target WHERE plan_id = 'p' AND id_number = '001094123456'`)).toMatch(/USING INDEX plan_target_id_number/);
    expect(plan(`SELECT * FROM plan_target WHERE plan_id = 'p' AND name_key >= 'ng' AND name_key < 'ng\uffff'`)).toMatch(/USING INDEX plan_target_name/);
    closeDatabase(db);
  });
});
