import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../../db/open';
import { SYNC_DIRECTIONS } from '../../../main/domain/sync-directions';

describe('sync directions', () => {
  it('says which way every table of the schema syncs, and names no table that does not exist', () => {
    const dir = mkdtempSync(join(tmpdir(), 'station-directions-'));
    const db = openDatabase(join(dir, 's.sqlite'));
    try {
      const tables = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).pluck().all() as string[]).sort();
      expect(Object.keys(SYNC_DIRECTIONS).sort()).toEqual(tables);
    } finally {
      closeDatabase(db);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
