import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../../db/open';

/**
 * The check-in desk answers within milliseconds with a million citizens on
 * file only if every lookup it makes on a scan or a search walks an index.
 * These are the statements db/queries uses, asked for their plans.
 */
let dir: string;
let db: Database;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'checkin-plans-'));
  db = openDatabase(join(dir, 's.sqlite'));
});
afterEach(() => {
  closeDatabase(db);
  rmSync(dir, { recursive: true, force: true });
});

const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');

describe('check-in lookups use their indexes', () => {
  it('finds a citizen by ID number, passport, or name key within a year of birth', () => {
    expect(plan(`SELECT * FROM citizen WHERE id_number = '001094123456'`)).toMatch(/USING INDEX citizen_id_number \(id_number=\?\)/);
    expect(plan(`SELECT * FROM citizen WHERE nationality = 'GB' AND passport_number = 'C1234'`)).toMatch(/USING INDEX citizen_passport/);
    expect(plan(`SELECT * FROM citizen WHERE name_key = 'nguyen van an' AND date_of_birth >= '1994' AND date_of_birth < '1994~'`)).toMatch(
      /USING INDEX citizen_name \(name_key=\? AND date_of_birth>\? AND date_of_birth<\?\)/,
    );
  });

  it('searches names by prefix, on a day of birth, and numbers by prefix, without sorting', () => {
    const byName = plan(`SELECT * FROM citizen WHERE name_key >= 'ng' AND name_key < 'ng\uffff' ORDER BY name_key, date_of_birth LIMIT 20`);
    expect(byName).toMatch(/USING INDEX citizen_name \(name_key>\? AND name_key<\?\)/);
    expect(byName).not.toMatch(/TEMP B-TREE/);
    expect(plan(`SELECT * FROM citizen WHERE date_of_birth IN ('1994-03-15', '1994-03', '1994') AND name_key >= 'ng' AND name_key < 'ng\uffff'`)).toMatch(
      /USING INDEX citizen_dob_name \(date_of_birth=\? AND name_key>\? AND name_key<\?\)/,
    );
    expect(plan(`SELECT * FROM citizen WHERE id_number >= '0790' AND id_number < '0790\uffff' ORDER BY id_number LIMIT 20`)).toMatch(/USING INDEX citizen_id_number/);
    expect(plan(`SELECT * FROM citizen WHERE passport_number >= 'C12' AND passport_number < 'C12\uffff' ORDER BY passport_number LIMIT 20`)).toMatch(
      /USING INDEX citizen_passport_number/,
    );
  });

  it('keeps a name-and-year search walking names in order, even with the statistics of a big file', () => {
    // Many people sharing few names, as on a real list, then ANALYZE (PRAGMA optimize runs it on close):
    // with a year range on the index too, the planner then prefers a skip-scan over every distinct name,
    // tens of times slower for a short prefix like "nguyen". The + keeps the year a plain filter.
    const insert = db.prepare(`INSERT INTO citizen (id, id_number, full_name, name_key, date_of_birth, sex, verification, created_at, updated_at)
      VALUES (?, ?, 'x', ?, ?, 'male', 'imported', 'x', 'x')`);
    const names = ['nguyen van an', 'nguyen van binh', 'tran thi hoa', 'le van nam', 'pham thi lan', 'hoang van son', 'vu thi mai', 'dang van long'];
    db.transaction(() => {
      for (let i = 0; i < 20_000; i++) insert.run(`c${i}`, String(100_000_000_000 + i), names[i % names.length], `${1940 + (i % 68)}-0${1 + (i % 9)}-1${i % 10}`);
    })();
    db.exec('ANALYZE');
    const inYear = (year: string) => plan(`SELECT * FROM citizen INDEXED BY citizen_name
      WHERE name_key >= 'nguyen' AND name_key < 'nguyen\uffff' AND ${year} >= '1962' AND ${year} < '1962~' ORDER BY name_key, date_of_birth LIMIT 20`);
    expect(inYear('date_of_birth')).toMatch(/ANY\(name_key\)/);
    expect(inYear('+date_of_birth')).toMatch(/USING INDEX citizen_name \(name_key>\? AND name_key<\?\)/);
  });

  it("finds today's list rows and visits by number, name, citizen and row", () => {
    expect(plan(`SELECT * FROM plan_target WHERE plan_id = 'p' AND id_number = '001094123456'`)).toMatch(/USING INDEX plan_target_id_number/);
    expect(plan(`SELECT * FROM plan_target WHERE plan_id = 'p' AND name_key = 'an' AND date_of_birth >= '1994' AND date_of_birth < '1994~'`)).toMatch(
      /USING INDEX plan_target_name/,
    );
    expect(plan(`SELECT * FROM plan_target WHERE citizen_id = 'c' AND plan_id = 'p'`)).toMatch(/USING INDEX plan_target_citizen/);
    const today = plan(`SELECT v.id FROM visit v WHERE v.citizen_id = 'c'
      AND v.plan_id IN (SELECT id FROM session_plan INDEXED BY session_plan_date WHERE session_date = '2026-03-10')`);
    expect(today).toMatch(/SEARCH v USING INDEX sqlite_autoindex_visit_2 \(plan_id=\? AND citizen_id=\?\)/);
    expect(today).toMatch(/USING COVERING INDEX session_plan_date|USING INDEX session_plan_date/);
    expect(plan(`SELECT id FROM visit WHERE target_id = 't'`)).toMatch(/USING INDEX visit_target/);
  });
});
