import BetterSqlite3 from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, diffRecordLines, parseRecordLines, recordLine } from '../../../main/domain/close-of-day';
import { readDayRecords, sha256Hex } from '../../../main/core/services/close-of-day/day-records';
import { openDatabase, closeDatabase } from '../../../db/open';

describe('canonical JSON (RFC 8785)', () => {
  it('sorts members by UTF-16 code units and writes numbers and strings as ECMAScript does', () => {
    // RFC 8785 section 3.2.3's own sorting example, and its number examples.
    expect(canonicalJson({ '\u20ac': 'Euro Sign', '\r': 'Carriage Return', '\ufb33': 'Hebrew Letter Dalet With Dagesh', '1': 'One', '\ud83d\ude00': 'Emoji: Grinning Face', '\u0080': 'Control', '\u00f6': 'Latin Small Letter O With Diaeresis' })).toBe(
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis","\u20ac":"Euro Sign","\ud83d\ude00":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    );
    expect(canonicalJson([1e21, 1e-7, -0, 333333333.3333333, 4.5])).toBe('[1e+21,1e-7,0,333333333.3333333,4.5]');
    expect(canonicalJson({ b: [true, null, 'Nguyễn "An"\n'], a: {} })).toBe('{"a":{},"b":[true,null,"Nguyễn \\"An\\"\\n"]}');
    expect(() => canonicalJson(Number.NaN)).toThrow(/NaN/);
  });

  it('gives the same bytes whatever order the members come in', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.boolean())), (o) => {
        const reversed = Object.fromEntries(Object.entries(o).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(o));
        expect(JSON.parse(canonicalJson(o))).toEqual(o);
      }),
    );
  });
});

describe('record lines', () => {
  const a = recordLine('dose', '01', 'a'.repeat(64)) + recordLine('dose', '02', 'b'.repeat(64)) + recordLine('visit', '09', 'c'.repeat(64));

  it('name every record that changed, disappeared or appeared', () => {
    const b = recordLine('dose', '01', 'a'.repeat(64)) + recordLine('dose', '02', 'd'.repeat(64)) + recordLine('vial', '05', 'e'.repeat(64));
    expect(diffRecordLines(a, b)).toEqual({
      changed: [{ table: 'dose', key: '02' }],
      missing: [{ table: 'visit', key: '09' }],
      added: [{ table: 'vial', key: '05' }],
    });
    expect(diffRecordLines(a, a)).toEqual({ changed: [], missing: [], added: [] });
  });

  it('report malformed lines instead of guessing', () => {
    expect(parseRecordLines(`${a}dose\t03\tnothex\nnonsense\n`).malformed).toEqual([4, 5]);
  });
});

describe('reading a day for its manifest', () => {
  it('hashes each row as the RFC 8785 JSON of its columns, in key order, table by table', () => {
    const db = openDatabase(':memory:');
    try {
      db.prepare(`INSERT INTO staff (id, username, full_name, role, pin_hash, created_at, updated_at) VALUES ('s', 'u', 'U', 'supervisor', 'x', 't', 't')`).run();
      db.prepare(`INSERT INTO session_plan (id, session_date, period, location, planned_capacity, created_by, created_at, updated_at, state)
        VALUES ('p', '2026-03-10', 'all_day', 'Trạm "A"', 10, 's', 't', 't', 'open')`).run();
      db.prepare(`INSERT INTO vaccine_lot (id, plan_id, product_code, lot_number, expiry_date, doses_per_vial, vials_received, created_at, updated_at)
        VALUES ('l2', 'p', 'comirnaty', 'B', '2026-12-31', 6, 3, 't', 't'), ('l1', 'p', 'comirnaty', 'A', '2026-12-31', 6, 2, 't', 't')`).run();
      const records = readDayRecords(db, 'p');
      const lines = records.text.split('\n').filter(Boolean);
      expect(lines.map((l) => l.split('\t').slice(0, 2).join(' '))).toEqual(['session_plan p', 'vaccine_lot l1', 'vaccine_lot l2']);
      const lot = db.prepare(`SELECT * FROM vaccine_lot WHERE id = 'l1'`).get() as Record<string, string | number>;
      expect(lines[1]).toBe(`vaccine_lot\tl1\t${sha256Hex(canonicalJson(lot))}`);
      // The session's state and close stamps are not part of its record: closing does not change its line.
      const plan = db.prepare(`SELECT * FROM session_plan WHERE id = 'p'`).get() as Record<string, string | number | null>;
      const { state: _s, updated_at: _u, closed_at: _c, closed_by: _b, ...fixed } = plan;
      expect(lines[0]).toBe(`session_plan\tp\t${sha256Hex(canonicalJson(fixed))}`);
      expect(records.sha256).toBe(sha256Hex(records.text));
      expect(records.tables.find((t) => t.name === 'vaccine_lot')).toMatchObject({ rows: 2, sha256: sha256Hex(lines.slice(1).map((l) => `${l}\n`).join('')) });
      // Columns a statement names that the table no longer has are refused, not skipped.
      expect(() => readDayRecords(db, 'p', (t) => (t.name === 'vaccine_lot' ? ['id', 'gone'] : null))).toThrow(/no column gone/);
    } finally {
      closeDatabase(db);
    }
    void BetterSqlite3;
  });
});
