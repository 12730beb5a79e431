import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../../db/open';
import { MIGRATIONS } from '../../../db/migrations';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'station-outbox-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const AT = '2026-12-03T02:00:00.000Z';

describe('migration 9: the outbox gets its cursor', () => {
  it('keeps every queued row, in order, with its citizen, version and a unique key', () => {
    const file = join(dir, 's.sqlite');
    const before = openDatabase(file, { migrations: MIGRATIONS.filter((m) => m.id <= 8) });
    before.exec(`
      INSERT INTO citizen (id, full_name, name_key, date_of_birth, verification, created_at, updated_at)
        VALUES ('c1', 'Nguyễn Văn An', 'nguyen van an', '1980-01-02', 'unverified', '${AT}', '${AT}');
      INSERT INTO dose (id, record_id, version, citizen_id, source, dcc_product, dcc_manufacturer, dcc_prophylaxis, dose_number, series_doses, given_on, recorded_at)
        VALUES ('d1', 'r1', 1, 'c1', 'station', 'EU/1/20/1528', 'ORG-100030215', 'J07BN01', 1, 2, '2026-12-03', '${AT}'),
               ('d2', 'r1', 2, 'c1', 'station', 'EU/1/20/1528', 'ORG-100030215', 'J07BN01', 1, 2, '2026-12-03', '${AT}');
      INSERT INTO outbox (id, kind, entity_id, payload_json, created_at, state) VALUES
        ('0193a000-0000-7000-8000-000000000003', 'dose.superseded', 'd2', '{"n":3}', '2026-12-03T02:00:02.000Z', 'pending'),
        ('0193a000-0000-7000-8000-000000000001', 'dose.recorded', 'd1', '{"n":1}', '2026-12-03T02:00:00.000Z', 'sent'),
        ('0193a000-0000-7000-8000-000000000002', 'dose.reported', 'd1', '{"n":2}', '2026-12-03T02:00:01.000Z', 'pending');
    `);
    closeDatabase(before);

    const after = openDatabase(file);
    const rows = after
      .prepare(`SELECT seq, kind, entity_version AS v, subject_id AS subject, idempotency_key AS k, payload_version AS pv, payload_json AS p, state FROM outbox ORDER BY seq`)
      .all();
    expect(rows).toEqual([
      { seq: 1, kind: 'dose.recorded', v: 1, subject: 'c1', k: 'dose.recorded:d1:1', pv: 1, p: '{"n":1}', state: 'sent' },
      { seq: 2, kind: 'dose.reported', v: 1, subject: 'c1', k: 'dose.reported:d1:1', pv: 1, p: '{"n":2}', state: 'pending' },
      { seq: 3, kind: 'dose.superseded', v: 2, subject: 'c1', k: 'dose.superseded:d2:2', pv: 1, p: '{"n":3}', state: 'pending' },
    ]);
    // The same record version cannot be queued twice.
    expect(() =>
      after
        .prepare(`INSERT INTO outbox (id, kind, entity_id, idempotency_key, payload_version, payload_json, created_at) VALUES ('x', 'dose.recorded', 'd1', 'dose.recorded:d1:1', 1, '{}', ?)`)
        .run(AT),
    ).toThrow(/UNIQUE constraint failed: outbox.idempotency_key/);
    closeDatabase(after);
  });
});
