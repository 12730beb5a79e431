import { afterEach, describe, expect, it } from 'vitest';
import type { StationApi } from '../../preload/contract';
import { syntheticPeople, syntheticTargetCsv } from '../../main/core/services/synthetic-people';
import { b64, encodeUtf16le, encodeWindows1258, utf8WithBom } from '../support/encodings';
import { errorCode, ok, setUpSite, startTestStation, type TestStation } from '../support/station';
import { previewFile } from '../support/target-upload';

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
    const preview = ok(await previewFile(sup, planId, 'ds.csv', csv));
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
    const preview = ok(await previewFile(sup, planId, 'w.csv', csv));
    expect(preview.validRows).toBe(2);
    expect(preview.rowsWithWarnings).toBe(2);
    const codes = preview.report.map((r) => r.problems.map((p) => `${p.severity}:${p.code}`));
    expect(codes[0]).toEqual(expect.arrayContaining(['warning:ID_SEX_MISMATCH', 'warning:ID_BIRTH_YEAR_MISMATCH']));
    expect(codes[1]).toEqual(['warning:ID_PROVINCE_UNKNOWN']);
  });

  it('refuses an ID already on the plan, from an earlier import', async () => {
    t = startTestStation();
    const { sup, planId } = await plannedDay();
    const first = ok(await previewFile(sup, planId, 'a.csv', [HEADER, GOOD[0]].join('\n')));
    ok(await sup.targets.confirmImport({ previewId: first.previewId }));
    const second = ok(await previewFile(sup, planId, 'b.csv', [HEADER, ...GOOD].join('\n')));
    expect(second.validRows).toBe(2);
    expect(second.report[0]!.problems[0]!.code).toBe('ID_NUMBER_ALREADY_IN_PLAN');
  });

  it('writes nothing when the import fails midway, and the same check can be confirmed afterwards', async () => {
    t = startTestStation();
    const { sup, planId } = await plannedDay();
    const csv = syntheticTargetCsv(syntheticPeople(50, 7));
    const preview = ok(await previewFile(sup, planId, 'big.csv', csv));
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
    expect(errorCode(await previewFile(nurse, planId, 'a.csv', [HEADER, ...GOOD].join('\n')))).toBe('FORBIDDEN_ROLE');
    const p = ok(await previewFile(sup, planId, 'a.csv', [HEADER, ...GOOD].join('\n')));
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
    const p = ok(await previewFile(sup, planId, 'x.csv', bytes));
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
    const p = ok(await previewFile(sup, planId, 'x.csv', vietnamese.replace(/,/g, ';')));
    expect(p.validRows).toBe(2);
  });

  it('refuses an Excel workbook, a binary file, a file with bytes no Vietnamese code page has, and a missing column', async () => {
    t = startTestStation();
    const { sup, planId } = await plannedDay();
    const xlsx = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]);
    const r1 = await previewFile(sup, planId, 'ds.xlsx', xlsx);
    expect(!r1.ok && r1.error).toMatchObject({ code: 'IMPORT_NOT_CSV', params: { kind: 'xlsx' } });
    const binary = Uint8Array.from([0x68, 0x6f, 0x00, 0x00, 0x01, 0x02, 0x9d, 0x81]);
    expect(errorCode(await previewFile(sup, planId, 'x.csv', binary))).toBe('IMPORT_ENCODING_UNSUPPORTED');
    const noDob = 'so_cccd,ho_ten\n001094123456,Nguyễn Văn An\n';
    const r3 = await previewFile(sup, planId, 'x.csv', noDob);
    expect(!r3.ok && r3.error).toMatchObject({ code: 'IMPORT_HEADER_MISSING', params: { missing: 'dateOfBirth' } });
    expect(errorCode(await previewFile(sup, planId, 'x.csv', ''))).toBe('IMPORT_FILE_EMPTY');
    expect(count(planId)).toBe(0);
  });

  it('refuses an oversized file before a byte of it is sent, and chunks that do not fit the file', async () => {
    t = startTestStation();
    const { sup, planId } = await plannedDay();
    const r = await sup.targets.startImport({ planId, fileName: 'huge.csv', sizeBytes: 16 * 1024 * 1024 + 1 });
    expect(!r.ok && r.error).toMatchObject({ code: 'IMPORT_FILE_TOO_LARGE', params: { maxMegabytes: 16 } });
    const { uploadId, chunkBytes } = ok(await sup.targets.startImport({ planId, fileName: 'a.csv', sizeBytes: 10 }));
    // A chunk over the contract's size is refused at the boundary, before decoding.
    const big = await sup.targets.uploadChunk({ uploadId, offset: 0, dataBase64: 'A'.repeat(Math.ceil(chunkBytes / 3) * 4 + 4) });
    expect(errorCode(big)).toBe('VALIDATION_FAILED');
    expect(errorCode(await sup.targets.uploadChunk({ uploadId, offset: 0, dataBase64: b64('more than ten bytes') }))).toBe('IMPORT_UPLOAD_OUT_OF_ORDER');
    expect(errorCode(await sup.targets.uploadChunk({ uploadId, offset: 5, dataBase64: b64('abc') }))).toBe('IMPORT_UPLOAD_OUT_OF_ORDER');
    ok(await sup.targets.uploadChunk({ uploadId, offset: 0, dataBase64: b64('ho_ten,') }));
    expect(errorCode(await sup.targets.previewImport({ uploadId }))).toBe('IMPORT_UPLOAD_INCOMPLETE');
    expect(count(planId)).toBe(0);
  });
});

describe('files that would lose people or stall the station', () => {
  it('reads every row of a file with a CRLF header and LF rows (and a lone CR), one row per line', async () => {
    t = startTestStation();
    const { sup, planId } = await plannedDay();
    const csv = `${HEADER}\r\n${GOOD[0]}\n${GOOD[1]}\r${GOOD[2]}\n`;
    const p = ok(await previewFile(sup, planId, 'mixed.csv', csv));
    expect(p).toMatchObject({ totalRows: 3, validRows: 3, invalidRows: 0, lines: 4 });
    ok(await sup.targets.confirmImport({ previewId: p.previewId }));
    const rows = ok(await sup.targets.list({ planId })).rows;
    expect(rows.map((r) => [r.fullName, r.sourceLine])).toEqual([
      ['Lê Thị Hoa', 4],
      ['Nguyễn Văn An', 2],
      ['Trần Thị Bích', 3],
    ]);
    // No address swallowed the rows after it.
    for (const r of rows) expect(r.address ?? '').not.toMatch(/[\r\n]/);
  });

  it('never merges rows silently: a row carried over several lines is reported with its lines, and refused', async () => {
    t = startTestStation();
    const { sup, planId } = await plannedDay();
    const csv = [
      'so_cccd,ho_ten,ngay_sinh,dia_chi',
      '001094123456,"Nguyễn Văn An,15/03/1994,Hà Nội', // an opening quote never closed on its line
      '079305654321,Trần Thị Bích",02/09/2005,Huế',
      ',Lê Thị Hoa,30/12/1987,"12 Lê Lợi', // Alt+Enter inside a cell
      'Quận 1"',
      ',Phạm Văn Bốn,01/01/1990,Đà Nẵng',
    ].join('\n');
    const p = ok(await previewFile(sup, planId, 'quotes.csv', csv));
    expect(p).toMatchObject({ lines: 6, totalRows: 3, validRows: 1, invalidRows: 2 });
    const spans = p.report.map((r) => [r.line, r.problems.find((x) => x.code === 'ROW_SPANS_LINES')?.params]);
    expect(spans).toEqual([
      [2, { firstLine: 2, lastLine: 3 }],
      [4, { firstLine: 4, lastLine: 5 }],
    ]);
  });

  it('holds imported cells to the limits of typing the person in, and reports an over-long line instead of reading it', async () => {
    t = startTestStation();
    const { sup, planId } = await plannedDay();
    const csv = [
      'so_cccd,ho_ten,ngay_sinh,dia_chi',
      `,Nguyễn Văn An,15/03/1994,${'Số 1 Lê Lợi '.repeat(30)}`, // a 360-character address
      `,${'Trần '.repeat(30)}Bích,02/09/2005,Huế`, // a 155-character name
      `,Lê Thị Hoa,30/12/1987,${'x'.repeat(10 * 1024 * 1024)}`, // a 10 MB address
      ',Phạm Văn Bốn,01/01/1990,Đà Nẵng',
    ].join('\r\n');
    const p = ok(await previewFile(sup, planId, 'long.csv', csv));
    expect(p).toMatchObject({ totalRows: 4, validRows: 1, invalidRows: 3, lines: 5 });
    const problems = Object.fromEntries(p.report.map((r) => [r.line, r.problems.map((x) => `${x.field}:${x.code}:${x.params?.max}`)]));
    expect(problems).toEqual({ 2: ['address:FIELD_TOO_LONG:300'], 3: ['fullName:FIELD_TOO_LONG:120'], 4: ['row:ROW_TOO_LONG:8192'] });
    // Values quoted back in the report are short, whatever the file held.
    expect(JSON.stringify(p).length).toBeLessThan(5000);
  });

  it('refuses a 10 MB header line before reading the rows', async () => {
    t = startTestStation();
    const { sup, planId } = await plannedDay();
    const r = await previewFile(sup, planId, 'header.csv', `ho_ten,ngay_sinh,${'x'.repeat(10 * 1024 * 1024)}\r\nAn,01/01/1990,\r\n`);
    expect(!r.ok && r.error).toMatchObject({ code: 'IMPORT_HEADER_TOO_LONG', params: { line: 1, maxCharacters: 4096 } });
  });

  it('strips bidirectional overrides and zero-width characters from names and addresses, as the card reader does', async () => {
    t = startTestStation();
    const { sup, planId } = await plannedDay();
    const csv = ['ho_ten,ngay_sinh,dia_chi', 'Nguy\u200Bễn V\u202Eăn\u202C An\uFEFF,15/03/1994,12 L\u2066ê Lợi\u2069\u200D'].join('\n');
    const p = ok(await previewFile(sup, planId, 'hidden.csv', csv));
    ok(await sup.targets.confirmImport({ previewId: p.previewId }));
    const [row] = ok(await sup.targets.list({ planId })).rows;
    expect(row).toMatchObject({ fullName: 'Nguyễn Văn An', address: '12 Lê Lợi' });
    expect(ok(await sup.targets.list({ planId, query: 'nguyen van an' })).total).toBe(1);
  });

  it('checks a 50,000-row file away from the core: other desks are answered while it runs, and the check reports progress', async () => {
    t = startTestStation();
    const { sup, nurse, planId } = await plannedDay();
    const csv = syntheticTargetCsv(syntheticPeople(50_000, 11));
    const progress: number[] = [];
    t.station.onEvent((event, payload) => event === 'targets:importProgress' && progress.push((payload as { rowsChecked: number }).rowsChecked));
    let checked = false;
    const preview = previewFile(sup, planId, 'big.csv', csv).then((r) => {
      checked = true;
      return r;
    });
    // Wait for the file to be in the worker's hands (the first progress report), then ask the core other things.
    while (progress.length === 0 && !checked) await new Promise((r) => setImmediate(r));
    let answeredDuringCheck = 0;
    for (let i = 0; i < 20; i++) {
      ok(await nurse.plan.list({}));
      if (!checked) answeredDuringCheck++;
    }
    expect(answeredDuringCheck).toBeGreaterThan(0);
    expect(ok(await preview).validRows).toBe(50_000);
    expect(progress.length).toBeGreaterThan(2);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.at(-1)).toBe(50_000);
  });
});
