import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../../db/open';
import { idleCheckpoints } from '../../../main/core/idle-checkpoint';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('checkpoints while the station is idle', () => {
  it('leaves writes in the WAL until the station goes quiet, then copies them into the database file', async () => {
    dir = mkdtempSync(join(tmpdir(), 'checkpoint-'));
    const file = join(dir, 's.sqlite');
    const db = openDatabase(file);
    const checkpoints = idleCheckpoints(db, { idleMs: 30 });
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(10_000);
    db.exec('CREATE TABLE t (x TEXT) STRICT');
    const insert = db.prepare('INSERT INTO t VALUES (?)');
    // More than the default threshold of 1000 pages: without the raised one, a commit here would checkpoint inline.
    for (let i = 0; i < 1500; i++) {
      insert.run('x'.repeat(3000));
      checkpoints.touched();
    }
    const before = statSync(file).size;
    await new Promise((r) => setTimeout(r, 100));
    // The WAL's frames now live in the database file too (log == checkpointed frames).
    const [state] = db.pragma('wal_checkpoint(PASSIVE)') as { log: number; checkpointed: number }[];
    expect(state!.log).toBe(state!.checkpointed);
    expect(statSync(file).size).toBeGreaterThan(before + 1500 * 3000);
    checkpoints.stop();
    closeDatabase(db);
  });

  it('lives through a checkpoint that fails on a full disk (SQLITE_FULL in a timer) and reports it', async () => {
    dir = mkdtempSync(join(tmpdir(), 'checkpoint-'));
    const full = Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
    const db = { open: true, pragma: () => { throw full; } } as unknown as Parameters<typeof idleCheckpoints>[0];
    const failures: unknown[] = [];
    const checkpoints = idleCheckpoints(db, { idleMs: 5, onFailure: (err) => failures.push(err) });
    checkpoints.touched();
    await new Promise((r) => setTimeout(r, 50));
    expect(failures).toEqual([full]);
    checkpoints.stop();
  });
});
