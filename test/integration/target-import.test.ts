import { afterEach, describe, expect, it } from 'vitest';
import type { StationApi } from '../../preload/contract';
import { syntheticPeople, syntheticTargetCsv } from '../../main/core/services/synthetic-people';
import { b64, encodeUtf16le, encodeWindows1258, utf8WithBom } from '../support/encodings';
import { errorCode, ok, setUpSite, startTestStation, type TestStation } from '../support/station';

let t: TestStation;
afterEach(() => t?.close());

const HEADER = 'so_cccd,ho_ten,ngay_sinh,gioi_tinh,vac_xin';
const GOOD = [
  '001094123456,Nguyễn Văn An,15/03/1994,Nam,Comirnaty',
  '079305654321,Trần Thị Bích,02/09/2005,Nữ,moderna',
  ',Lê Thị Hoa,30/12/1987,Nữ,',
];

async function plannedDay(): Promise<{ sup: StationApi; nurse: StationApi; planId: string }> {
  const { sup, nurse } = await setUpSite(t);
  const plan = ok(await sup.plan.create({ sessionDate: '2026-03-10', period: 'all_day', location: 'Trạm Y tế', plannedCapacity: 500 }));
  return { sup, nurse, planId: plan.id };
}

const count = (planId: string) => t.station.services.store.q.targets.count(planId);

describe('target list import', () => {
  it('reports each bad row with its line and reason, and writes nothing until confirmed', async () => {
    t = startTestStation();
    const { sup, planId } = await plannedDay();
    const csv = [
      HEADER,
      ...GOOD,
      '12345,Phạm Văn Bốn,01/01/1990,Nam,', // line 5: ID not 12 digits
      '001090000005,Hoàng Văn Năm,31/02/1990,Nam,', // line 6: no 31 February
      '001090000006,Vũ Thị Sáu,01/01/1990,Nữ,Covaxin-XYZ', // line 7: unknown product
      '001094123456,Nguyễn Văn An,15/03/1994,Nam,', // line 8: repeats line 2
      '001090000008,,01/01/1990,Nam,', // line 9: no name
    ].join('\n');
    const preview = ok(await sup.targets.previewImport({ planId, fileName: 'ds.csv', contentBase64: b64(csv) }));
    expect(preview).toMatchObject({ totalRows: 8, validRows: 3, invalidRows: 5, encoding: 'utf-8' });
    const byLine = Object.fromEntries(preview.report.map((r) => [r.line, r.problems.filter((p) => p.severity === 'error').map((p) => p.code)]));
    expect(byLine).toEqual({
      5: ['ID_NUMBER_INVALID'],
      6: ['DOB_IMPOSSIBLE'],
      7: ['PRODUCT_UNKNOWN'],
      8: ['ID_NUMBER_DUPLICATE_IN_FILE'],
      9: ['NAME_MISSING'],
    });
    expect(preview.report.find((r) => r.line === 8)!.problems[0]!.params).toMatchObject({ firstLine: 2 });
    expect(count(planId)).toBe(0);

    const done = ok(await sup.targets.confirmImport({ previewId: preview.previewId }));
    expect(done).toEqual({ planId, imported: 3, skipped: 5 });
    const list = ok(await sup.targets.list({ planId }));
    expect(list.rows.map((r) => [r.fullName, r.dateOfBirth, r.sex, r.productCode, r.sourceLine])).toEqual([
      ['Lê Thị Hoa', '1987-12-30', 'female', null, 4],
      ['Nguyễn Văn An', '1994-03-15', 'male', 'comirnaty', 2],
      ['Trần Thị Bích', '2005-09-02', 'female', 'spikevax', 3],
    ]);
    // The same preview cannot be imported twice.
    expect(errorCode(await sup.targets.confirmImport({ previewId: preview.previewId }))).toBe('IMPORT_PREVIEW_EXPIRED');
  });

  it('warns (without refusing) when the ID number disagrees with birth year, sex or province', async () => {
    t = startTestStation();
    const { sup, planId } = await plannedDay();
    const csv = [HEADER, '001095123456,Nguyễn Văn An,15/03/1994,Nữ,', '003094123457,Lê Văn Ba,15/03/1994,Nam,'].join('\r\n');
    const preview = ok(await sup.targets.previewImport({ planId, fileName: 'w.csv', contentBase64: b64(csv) }));
    expect(preview.validRows).toBe(2);
    expect(preview.rowsWithWarnings).toBe(2);
    const codes = preview.report.map((r) => r.problems.map((p) => `${p.severity}:${p.code}`));
    expect(codes[0]).toEqual(expect.arrayContaining(['warning:ID_SEX_MISMATCH', 'warning:ID_BIRTH_YEAR_MISMATCH']));
    expect(codes[1]).toEqual(['warning:ID_PROVINCE_UNKNOWN']);
  });

  it('refuses an ID already on the plan, from an earlier import', async () => {
    t = startTestStation();
    const { sup, planId } = await plannedDay();
    const first = ok(await sup.targets.previewImport({ planId, fileName: 'a.csv', contentBase64: b64([HEADER, GOOD[0]].join('\n')) }));
    ok(await sup.targets.confirmImport({ previewId: first.previewId }));
    const second = ok(await sup.targets.previewImport({ planId, fileName: 'b.csv', contentBase64: b64([HEADER, ...GOOD].join('\n')) }));
    expect(second.validRows).toBe(2);
    expect(second.report[0]!.problems[0]!.code).toBe('ID_NUMBER_ALREADY_IN_PLAN');
  });

  it('writes nothing when the import fails midway, and the same check can be confirmed afterwards', async () => {
    t = startTestStation();
    const { sup, planId } = await plannedDay();
    const csv = syntheticTargetCsv(syntheticPeople(50, 7));
    const preview = ok(await sup.targets.previewImport({ planId, fileName: 'big.csv', contentBase64: b64(csv) }));
    expect(preview.validRows).toBe(50);
    const db = t.station.services.store.db;
    // Simulate the disk failing on the 21st insert.
    db.exec(`CREATE TEMP TRIGGER fail_midway BEFORE INSERT ON plan_target WHEN (SELECT count(*) FROM plan_target) >= 20
             BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END`);
    expect(errorCode(await sup.targets.confirmImport({ previewId: preview.previewId }))).toBe('INTERNAL');
    expect(count(planId)).toBe(0);
    expect(t.station.services.store.q.audit.forEntity('session_plan', planId).map((r) => r.operation)).toEqual(['plan:create']);
    db.exec('DROP TRIGGER fail_midway');
    expect(ok(await sup.targets.confirmImport({ previewId: preview.previewId })).imported).toBe(50);
    const audit = t.station.services.store.q.audit.forEntity('session_plan', planId).at(-1)!;
    expect(audit.operation).toBe('targets:import');
    expect(JSON.parse(audit.afterJson!)).toMatchObject({ fileName: 'big.csv', imported: 50 });
  });

  it('lets only supervisors import, and nurses search the list', async () => {
    t = startTestStation();
    const { sup, nurse, planId } = await plannedDay();
    expect(errorCode(await nurse.targets.previewImport({ planId, fileName: 'a.csv', contentBase64: b64([HEADER, ...GOOD].join('\n')) }))).toBe('FORBIDDEN_ROLE');
    const p = ok(await sup.targets.previewImport({ planId, fileName: 'a.csv', contentBase64: b64([HEADER, ...GOOD].join('\n')) }));
    ok(await sup.targets.confirmImport({ previewId: p.previewId }));
    const found = ok(await nurse.targets.list({ planId, query: 'nguyen  VAN' }));
    expect(found.rows.map((r) => r.fullName)).toEqual(['Nguyễn Văn An']);
    expect(ok(await nurse.targets.list({ planId, query: 'tran thi b' })).total).toBe(1);
    expect(ok(await nurse.targets.list({ planId, query: '0793056' })).rows[0]!.fullName).toBe('Trần Thị Bích');
  });
});

describe('files as Excel writes them', () => {
  const vietnamese = [HEADER, '001094123456,Nguyễn Văn An,15/03/1994,Nam,', ',Đặng Thị Ánh Tuyết,01/01/1950,Nữ,'].join('\r\n');
  const expectNames = async (sup: StationApi, planId: string, bytes: Uint8Array, encoding: string) => {
    const p = ok(await sup.targets.previewImport({ planId, fileName: 'x.csv', contentBase64: b64(bytes) }));
    expect(p.encoding).toBe(encoding);
    expect(p.validRows).toBe(2);
    ok(await sup.targets.confirmImport({ previewId: p.previewId }));
    const names = ok(await sup.targets.list({ planId })).rows.map((r) => r.fullName);
    expect(names).toEqual(['Đặng Thị Ánh Tuyết', 'Nguyễn Văn An']);
    // Stored names are NFC whatever the file used.
    for (const n of names) expect(n).toBe(n.normalize('NFC'));
  };

  it('reads "CSV UTF-8" with a byte-order mark', async () => {
    t = startTestStation();
    const { sup, planId } = await plannedDay();
    await expectNames(sup, planId, utf8WithBom(vietnamese), 'utf-8');
  });

  it('reads "Unicode text" (UTF-16LE), tab-separated as Excel saves it', async () => {
    t = startTestStation();
    const { sup, planId } = await plannedDay();
    await expectNames(sup, planId, encodeUtf16le(vietnamese.replace(/,/g, '\t')), 'utf-16le');
  });

  it('reads the Vietnamese ANSI code page, Windows-1258, with combining tone marks', async () => {
    t = startTestStation();
    const { sup, planId } = await plannedDay();
    const bytes = encodeWindows1258(vietnamese);
    expect(bytes.includes(0xde)).toBe(true); // a combining tilde: the tone is a separate byte
    await expectNames(sup, planId, bytes, 'windows-1258');
  });

  it('reads semicolon-separated files', async () => {
    t = startTestStation();
    const { sup, planId } = await plannedDay();
    const p = ok(await sup.targets.previewImport({ planId, fileName: 'x.csv', contentBase64: b64(vietnamese.replace(/,/g, ';')) }));
    expect(p.validRows).toBe(2);
  });

  it('refuses an Excel workbook, a binary file, a file with bytes no Vietnamese code page has, and a missing column', async () => {
    t = startTestStation();
    const { sup, planId } = await plannedDay();
    const xlsx = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]);
    const r1 = await sup.targets.previewImport({ planId, fileName: 'ds.xlsx', contentBase64: b64(xlsx) });
    expect(!r1.ok && r1.error).toMatchObject({ code: 'IMPORT_NOT_CSV', params: { kind: 'xlsx' } });
    const binary = Uint8Array.from([0x68, 0x6f, 0x00, 0x00, 0x01, 0x02, 0x9d, 0x81]);
    expect(errorCode(await sup.targets.previewImport({ planId, fileName: 'x.csv', contentBase64: b64(binary) }))).toBe('IMPORT_ENCODING_UNSUPPORTED');
    const noDob = 'so_cccd,ho_ten\n001094123456,Nguyễn Văn An\n';
    const r3 = await sup.targets.previewImport({ planId, fileName: 'x.csv', contentBase64: b64(noDob) });
    expect(!r3.ok && r3.error).toMatchObject({ code: 'IMPORT_HEADER_MISSING', params: { missing: 'dateOfBirth' } });
    expect(errorCode(await sup.targets.previewImport({ planId, fileName: 'x.csv', contentBase64: '' }))).toBe('IMPORT_FILE_EMPTY');
    expect(count(planId)).toBe(0);
  });

  it('refuses an oversized file before decoding it', async () => {
    t = startTestStation();
    const { sup, planId } = await plannedDay();
    const huge = 'A'.repeat(Math.ceil((17 * 1024 * 1024) / 3) * 4);
    const r = await sup.targets.previewImport({ planId, fileName: 'huge.csv', contentBase64: huge });
    // Refused by the contract's size limit at the boundary, before any decoding.
    expect(errorCode(r)).toBe('VALIDATION_FAILED');
    // The service refuses by length before decoding too, whichever transport delivered the text.
    const justOver = 'A'.repeat(Math.floor((16 * 1024 * 1024 + 3) / 3) * 4 + 4);
    const supervisor = t.station.services.store.q.staff.byUsername('giamsat')!;
    expect(() => t.station.services.imports.preview({ staffId: supervisor.id, username: 'giamsat', role: 'supervisor' }, planId, 'huge.csv', justOver)).toThrow(
      expect.objectContaining({ code: 'IMPORT_FILE_TOO_LARGE' }),
    );
    expect(count(planId)).toBe(0);
  });
});
