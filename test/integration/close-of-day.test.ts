import BetterSqlite3 from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DayView, StationApi } from '../../preload/contract';
import { runStationCli } from '../../main/cli/station';
import type { CommandIo } from '../../main/cli/command';
import { recordingPrintSystem } from '../support/certificate-fixtures';
import { generateDay, LOTS, PASSPHRASE, type GeneratedDay } from '../support/realistic-day';
import { errorCode, ok, startTestStation, type TestStation } from '../support/station';

/**
 * The "must show": a realistic day generated through the core (1,200
 * check-ins, deferrals, refusals and referrals, 1,000 doses from 3 lots, vial
 * wastes and discards, 2 adverse events), every reconciliation figure held to
 * the generator's own count; the close with the supervisor's count and
 * reasons; the manifest verified by `verify-day`; a changed byte of one dose
 * found and named; amendments and re-opening signing new revisions.
 */
const DAY = '2026-03-10';

let t: TestStation;
let day: GeneratedDay;
let sup: StationApi;

function cli() {
  const out: string[] = [];
  const err: string[] = [];
  const io: CommandIo = { out: (l) => out.push(l), err: (l) => err.push(l), lang: 'en', env: {} };
  return { io, out, err, text: () => [...out, ...err].join('\n') };
}

/** The PDF's text, where poppler is installed (CI installs it: missing there is a failure). */
function pdfText(pdf: Buffer): string | null {
  if (!existsSync('/usr/bin/pdftotext')) {
    if (process.env.CI) throw new Error('pdftotext is missing: apt-get install poppler-utils');
    return null;
  }
  const file = join(mkdtempSync(join(tmpdir(), 'day-report-')), 'r.pdf');
  writeFileSync(file, pdf);
  // Content order, whitespace folded: a cell's text wrapped over two lines still reads as one phrase.
  return execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

async function view(): Promise<DayView> {
  return ok(await sup.closeOfDay.day({ planId: day.plan.id }))!;
}

beforeAll(async () => {
  t = startTestStation(new Date(`${DAY}T00:00:00Z`));
  day = await generateDay(t, DAY);
  sup = day.sup;
}, 300_000);
afterAll(() => t?.close());

/** The uploads other than doses the generated day must have queued, from its own tally. */
function otherUploads(): number {
  const x = day.tally;
  const discardedVials = [...x.lots.values()].reduce((n, lot) => n + [...lot.discards.values()].reduce((m, d) => m + d.vials, 0), 0);
  return x.aefi.total + x.aefi.followedUp + discardedVials + x.deferred + x.refused + x.referred;
}

describe('the reconciliation of a realistic day', () => {
  it('counts the people as the desks saw them', async () => {
    const { people } = (await view()).reconciliation;
    const x = day.tally;
    expect(x.checkedIn).toBe(1200);
    expect(people.checkedIn).toBe(x.checkedIn);
    expect(people.screened).toBe(x.screened);
    expect(people.eligible).toBe(x.eligible);
    expect(people.deferred).toBe(x.deferred);
    expect(people.refused).toBe(x.refused);
    expect(people.referred).toBe(x.referred);
    expect(new Map(people.deferredReasons.map((r) => [r.code, r.count]))).toEqual(x.deferredReasons);
    expect(new Map(people.refusedReasons.map((r) => [r.code, r.count]))).toEqual(x.refusedReasons);
    expect(new Map(people.referredReasons.map((r) => [r.code, r.count]))).toEqual(x.referredReasons);
    expect(people.vaccinated).toBe(x.vaccinated);
    expect(x.vaccinated).toBe(1000);
    expect(people.leftBeforeInjection).toBe(x.leftBeforeInjection);
    expect(people.waitingForScreening).toBe(0);
    expect(people.waitingForInjection).toBe(0);
    expect(people.inObservation).toBe(x.inObservation);
    expect(people.released).toBe(x.released);
    expect(people.checkedIn).toBe(people.leftBeforeInjection + people.deferred + people.refused + people.referred + people.inObservation + people.released);
    expect(people.aefi).toMatchObject({
      total: x.aefi.total,
      serious: x.aefi.serious,
      bySeverity: { mild: x.aefi.mild, moderate: x.aefi.moderate, severe: x.aefi.severe },
      followUp: { none: x.aefi.total - x.aefi.followedUp, recovered: x.aefi.followedUp },
      seriousWithoutFollowUp: 1,
    });
  });

  it('balances every lot: received − administered − wasted − remaining = 0, opened vials cover the doses', async () => {
    const { lots, products } = (await view()).reconciliation;
    expect(lots).toHaveLength(3);
    let administered = 0;
    for (const spec of LOTS) {
      const line = lots.find((l) => l.lotNumber === spec.lotNumber)!;
      const x = day.tally.lots.get(spec.lotNumber)!;
      administered += x.administered;
      expect(line.vialsReceived).toBe(x.vialsReceived);
      expect(line.dosesReceived).toBe(x.vialsReceived * x.dosesPerVial);
      expect(line.vialsOpened).toBe(x.vialsOpened);
      expect(line.dosesInOpenedVials).toBe(x.vialsOpened * x.dosesPerVial);
      expect(line.dosesAdministered).toBe(x.administered);
      expect(line.dosesDrawn).toBe(x.drawn);
      expect(line.dosesWasted).toBe(x.wasted);
      expect(line.sealedVialsExpected).toBe(x.vialsReceived - x.vialsOpened);
      expect(line.vialsOpenNow).toBe(0);
      expect(line.dosesLeftInOpenVials).toBe(0);
      // Every opened dose is either given or wasted: the model's own balance.
      expect(x.vialsOpened * x.dosesPerVial).toBe(x.administered + x.wasted);
      expect(line.dosesRemaining).toBe((x.vialsReceived - x.vialsOpened) * x.dosesPerVial);
      expect(line.varianceDoses).toBe(0);
      expect(line.openedCoversAdministered).toBe(true);
      expect(line.wastageRate).toBeCloseTo(x.wasted / (x.vialsOpened * x.dosesPerVial), 10);
      expect(new Map(line.discards.map((d) => [d.reason, { vials: d.vials, doses: d.doses }]))).toEqual(x.discards);
      expect(new Map(line.waste.map((w) => [w.reason, w.doses]))).toEqual(x.waste);
      expect(line.problems).toEqual(['count_missing']);
    }
    expect(administered).toBe(1000);
    expect(products.map((p) => p.productCode).sort()).toEqual(['comirnaty', 'spikevax', 'vaxzevria']);
    for (const p of products) {
      const x = day.tally.lots.get(LOTS.find((l) => l.productCode === p.productCode)!.lotNumber)!;
      expect(p.dosesAdministered).toBe(x.administered);
      expect(p.dosesWasted).toBe(x.wasted);
    }
    // The discards the generator made are all there: contaminated, damaged, end of session.
    const reasons = new Set(lots.flatMap((l) => l.discards.map((d) => d.reason)));
    expect(reasons).toEqual(new Set(['contaminated', 'damaged', 'end_of_session']));
  });

  it('counts doses against the target list: groups, age bands, products and hours', async () => {
    const { doses } = (await view()).reconciliation;
    const x = day.tally;
    expect(doses.administered).toBe(1000);
    expect(doses.plannedCapacity).toBe(1100);
    expect(doses.targetsOnList).toBe(x.targetsOnList);
    expect(doses.targetsCheckedIn).toBe(x.targetsCheckedIn);
    expect(doses.targetsVaccinated).toBe(x.targetsVaccinated);
    expect(doses.notOnList).toBe(x.notOnList);
    expect(doses.corrected).toBe(x.corrected);
    expect(doses.voided).toBe(0);
    expect(new Map(doses.byTargetGroup.map((g) => [g.group, { targets: g.targets, vaccinated: g.vaccinated }]))).toEqual(x.byGroup);
    expect(new Map(doses.byAgeBand.filter((b) => b.vaccinated > 0).map((b) => [b.band, b.vaccinated]))).toEqual(x.byAgeBand);
    expect(new Map(doses.byProductDose.map((p) => [`${p.productCode}:${p.doseNumber}`, p.count]))).toEqual(x.byProductDose);
    expect(new Map(doses.byHour.filter((h) => h.count > 0).map((h) => [h.hour, h.count]))).toEqual(x.byHour);
    expect(doses.byHour.reduce((a, h) => a + h.count, 0)).toBe(1000);
  });

  it('counts certificates and uploads of the session', async () => {
    const r = (await view()).reconciliation;
    // No certificate was issued during this day: every released citizen is pending.
    expect(r.certificates).toEqual({ issued: 0, printed: 0, pending: day.tally.released, reissued: 0, provisional: 0, national: 0 });
    // 1,000 doses recorded, one of them superseded by a new version: 1,001 dose rows queued, none sent yet.
    expect(r.uploads.doses).toEqual({ pending: 1001, sent: 0, rejected: 0, escalated: 0, cancelled: 0 });
    // Besides doses: the adverse events and their follow-ups, the vials discarded, and each screening that
    // ended in no vaccination (Immunization not-done, where the platform takes them).
    expect(r.uploads.other.pending).toBe(otherUploads());
  });

  it('lists what needs a decision: people still in observation, the conflict, the event without follow-up, the uncounted lots', async () => {
    const v = await view();
    const kinds = v.workList.map((i) => i.kind).sort();
    expect(kinds).toEqual(['aefi_without_follow_up', 'identity_conflict', 'in_observation', 'in_observation', 'stock_count_missing', 'stock_count_missing', 'stock_count_missing']);
    expect(v.workList.filter((i) => i.kind === 'in_observation').map((i) => i.entityId).sort()).toEqual([...day.open.inObservation].sort());
    expect(v.workList.find((i) => i.kind === 'aefi_without_follow_up')!.entityId).toBe(day.open.aefiWithoutFollowUp[0]);
    expect(v.workList.find((i) => i.kind === 'identity_conflict')!.params).toMatchObject({ idNumber: expect.any(String) });
  });
});

describe('closing the day', () => {
  it('records the physical count of sealed vials, with a reason when it leaves a variance, counted and verified by two people', async () => {
    const lots = (await view()).reconciliation.lots;
    const [comirnaty, vaxzevria, spikevax] = LOTS.map((l) => lots.find((x) => x.lotNumber === l.lotNumber)!);
    const supervisorId = ok(await sup.auth.whoami({})).staff!.id;
    expect(errorCode(await sup.closeOfDay.countStock({ lotId: comirnaty!.lotId, sealedVialsCounted: comirnaty!.sealedVialsExpected, countedBy: supervisorId }))).toBe('STOCK_COUNT_SAME_PERSON');
    expect(errorCode(await day.nurse.closeOfDay.countStock({ lotId: comirnaty!.lotId, sealedVialsCounted: 1, countedBy: supervisorId }))).toBe('FORBIDDEN_ROLE');
    ok(await sup.closeOfDay.countStock({ lotId: comirnaty!.lotId, sealedVialsCounted: comirnaty!.sealedVialsExpected, countedBy: day.nurseStaffId }));
    // One sealed Vaxzevria vial broke: 10 doses short, refused without a reason.
    const short = await sup.closeOfDay.countStock({ lotId: vaxzevria!.lotId, sealedVialsCounted: vaxzevria!.sealedVialsExpected - 1, countedBy: day.nurseStaffId });
    expect(errorCode(short)).toBe('STOCK_COUNT_REASON_REQUIRED');
    expect(!short.ok && short.error.params).toMatchObject({ varianceDoses: 10 });
    ok(await sup.closeOfDay.countStock({ lotId: vaxzevria!.lotId, sealedVialsCounted: vaxzevria!.sealedVialsExpected - 1, countedBy: day.nurseStaffId, reason: 'broken', note: 'Rơi vỡ khi xếp tủ lạnh' }));
    const after = ok(await sup.closeOfDay.countStock({ lotId: spikevax!.lotId, sealedVialsCounted: spikevax!.sealedVialsExpected, countedBy: day.nurseStaffId }));
    const v = after.reconciliation.lots.find((l) => l.lotNumber === 'ABV5811')!;
    expect(v.varianceDoses).toBe(10);
    expect(v.count).toMatchObject({ sealedVialsCounted: vaxzevria!.sealedVialsExpected - 1, reason: 'broken', countedBy: 'Lê Văn Y Tá', verifiedBy: 'Trần Thị Giám Sát' });
    expect(v.problems).toEqual([]);
    expect(after.workList.map((i) => i.kind).sort()).toEqual(['aefi_without_follow_up', 'identity_conflict', 'in_observation', 'in_observation']);
  });

  it('is refused to a nurse, to a locked station key and to open items without a reason', async () => {
    expect(errorCode(await day.nurse.closeOfDay.close({ planId: day.plan.id, decisions: [] }))).toBe('FORBIDDEN_ROLE');
    // After a restart in browser mode the key waits for the passphrase: nothing can be signed, nothing is closed.
    t.restart();
    sup = t.desk('supervisor-after-restart');
    ok(await sup.auth.login({ username: 'giamsat', pin: '2468' }));
    expect(ok(await sup.closeOfDay.day({ planId: day.plan.id }))!.signing).toBe('locked');
    expect(errorCode(await sup.closeOfDay.close({ planId: day.plan.id, decisions: [] }))).toBe('DAY_SIGNING_LOCKED');
    ok(await sup.certificates.unlockSigning({ passphrase: PASSPHRASE }));
    const open = await sup.closeOfDay.close({ planId: day.plan.id, decisions: [] });
    expect(errorCode(open)).toBe('DAY_WORK_LIST_OPEN');
    expect(!open.ok && open.error.params).toMatchObject({ count: 4 });
    const items = (await view()).workList;
    const tooShort = await sup.closeOfDay.close({ planId: day.plan.id, decisions: items.map((i) => ({ key: i.key, reason: 'ok' })) });
    expect(errorCode(tooShort)).toBe('REASON_TOO_SHORT');
    expect((await view()).session.state).toBe('open');
  });

  it('closes with a written reason per remaining item, locks the records and signs the manifest', async () => {
    const items = (await view()).workList;
    const reasons: Record<string, string> = {
      in_observation: 'Đã tự về sau 25 phút, đã dặn theo dõi tại nhà',
      identity_conflict: 'Người mang thẻ đã được mời về, chờ xác minh của công an phường',
      aefi_without_follow_up: 'Bệnh viện Quận 1 sẽ báo kết quả ngày mai',
    };
    const closed = ok(await sup.closeOfDay.close({ planId: day.plan.id, decisions: items.map((i) => ({ key: i.key, reason: reasons[i.kind]! })) }));
    expect(closed.manifest).toMatchObject({ revision: 1, reason: 'close' });
    expect(closed.manifest.records).toBeGreaterThan(1200 + 1000 + 1000);
    const v = await view();
    expect(v.session.state).toBe('closed');
    expect(v.session.closedBy).toBe('Trần Thị Giám Sát');
    expect(v.workList).toEqual([]);
    expect(v.decisions.map((d) => d.key).sort()).toEqual(items.map((i) => i.key).sort());
    expect(v.decisions.every((d) => d.reason === reasons[d.kind] && d.decidedBy === 'Trần Thị Giám Sát')).toBe(true);
    // The signed statement goes to the platform with the day's records.
    expect(v.reconciliation.uploads.other.pending).toBe(otherUploads() + 1);

    expect(errorCode(await sup.closeOfDay.close({ planId: day.plan.id, decisions: [] }))).toBe('DAY_ALREADY_CLOSED');
    expect(ok(await sup.closeOfDay.history({})).find((h) => h.planId === day.plan.id)).toMatchObject({ state: 'closed', doses: 1000, visits: 1200, revision: 1 });
  });

  it("shows every desk that the day is closed and refuses the desks' writes", async () => {
    const nurse = t.desk('nurse-after-close');
    ok(await nurse.auth.login({ username: 'yta1', pin: '1357' }));
    expect(ok(await nurse.plan.current({}))).toBeNull();
    expect(ok(await nurse.closeOfDay.today({})).sessions).toEqual([expect.objectContaining({ planId: day.plan.id, state: 'closed', closedBy: 'Trần Thị Giám Sát' })]);
    const lot = day.plan.lots[0]!;
    expect(errorCode(await nurse.vials.open({ lotId: lot.id }))).toBe('NO_OPEN_SESSION');
    expect(errorCode(await nurse.observation.release({ visitId: day.open.inObservation[0]! }))).toBe('NO_OPEN_SESSION');
    // A nurse cannot amend a closed day, whatever the screen offers.
    expect(errorCode(await nurse.aefi.followUp({ aefiId: day.open.aefiWithoutFollowUp[0]!, outcome: 'recovered', reason: 'Đã hồi phục theo điện thoại' }))).toBe('DAY_AMEND_SUPERVISOR_ONLY');
    expect(errorCode(await nurse.closeOfDay.reopen({ planId: day.plan.id, reason: 'Mở lại để sửa' }))).toBe('FORBIDDEN_ROLE');
    // The database itself refuses a change to the locked records.
    const raw = new BetterSqlite3(t.file);
    try {
      expect(() => raw.prepare(`UPDATE dose SET lot_number = 'X' WHERE visit_id IN (SELECT id FROM visit WHERE plan_id = ?)`).run(day.plan.id)).toThrow(/DAY_LOCKED/);
      expect(() => raw.prepare(`DELETE FROM visit WHERE plan_id = ?`).run(day.plan.id)).toThrow(/DAY_LOCKED/);
      expect(() => raw.prepare(`UPDATE day_manifest SET jws = 'x'`).run()).toThrow(/DAY_LOCKED/);
    } finally {
      raw.close();
    }
  });

  it('verifies with `verify-day`', async () => {
    const c = cli();
    expect(await runStationCli(['verify-day', '--db', t.file, '--date', DAY], c.io)).toBe(0);
    expect(c.text()).toContain('VERIFIED: the figures were not changed after signing.');
    const json = cli();
    await runStationCli(['verify-day', '--db', t.file, '--date', DAY, '--json'], json.io);
    expect(JSON.parse(json.out.join('\n'))).toEqual([expect.objectContaining({ ok: true, revision: 1, signatureValid: true, chainValid: true, recordsHashValid: true, problems: [] })]);
    expect(ok(await sup.closeOfDay.verify({ planId: day.plan.id })).ok).toBe(true);
  });

  it('makes a later fix an audited amendment that signs the next revision', async () => {
    const aefiId = day.open.aefiWithoutFollowUp[0]!;
    expect(errorCode(await sup.aefi.followUp({ aefiId, outcome: 'recovered' }))).toBe('REASON_TOO_SHORT');
    ok(await sup.aefi.followUp({ aefiId, outcome: 'recovered', note: 'Ra viện ngày 11/03', reason: 'Bệnh viện báo kết quả sau khi kết thúc buổi' }));
    const v = await view();
    expect(v.manifests.map((m) => m.revision)).toEqual([1, 2]);
    expect(v.amendments).toEqual([
      expect.objectContaining({ operation: 'aefi:followUp', entityId: aefiId, reason: 'Bệnh viện báo kết quả sau khi kết thúc buổi', amendedBy: 'Trần Thị Giám Sát', revision: 2, before: null, after: expect.objectContaining({ outcome: 'recovered' }) }),
    ]);
    expect(v.reconciliation.people.aefi.followUp).toMatchObject({ none: 0, recovered: 2 });
    const c = cli();
    expect(await runStationCli(['verify-day', '--db', t.file, '--date', DAY], c.io)).toBe(0);
  });

  it('re-opens today with a reason, and signs the next revision when closed again', async () => {
    expect(errorCode(await sup.closeOfDay.reopen({ planId: day.plan.id, reason: 'x' }))).toBe('REASON_TOO_SHORT');
    const reopened = ok(await sup.closeOfDay.reopen({ planId: day.plan.id, reason: 'Còn hai người chưa ghi nhận về, cần ghi lại' }));
    expect(reopened.session.state).toBe('open');
    expect(reopened.reopenings).toEqual([expect.objectContaining({ reason: 'Còn hai người chưa ghi nhận về, cần ghi lại', afterRevision: 2 })]);
    // Open again, the day is not sealed: verify-day says so.
    const c = cli();
    expect(await runStationCli(['verify-day', '--db', t.file, '--date', DAY], c.io)).toBe(1);
    expect(c.text()).toContain('the session was re-opened');
    // The two still in observation are released now; the close needs no reason for them any more.
    for (const visitId of day.open.inObservation) ok(await sup.observation.release({ visitId }));
    const items = ok(await sup.closeOfDay.day({ planId: day.plan.id }))!.workList;
    expect(items.map((i) => i.kind)).toEqual(['identity_conflict']);
    ok(await sup.closeOfDay.dismissConflict({ conflictId: items[0]!.entityId, note: 'Đã xác minh: thẻ của người khác, không tiêm' }));
    const closed = ok(await sup.closeOfDay.close({ planId: day.plan.id, decisions: [] }));
    expect(closed.manifest.revision).toBe(3);
    const again = cli();
    expect(await runStationCli(['verify-day', '--db', t.file, '--date', DAY, '--json'], again.io)).toBe(0);
    expect(JSON.parse(again.out.join('\n'))[0]).toMatchObject({ ok: true, revision: 3, chainValid: true });
  });

  it('prints the day report in Vietnamese and English, with the manifest, the tables, the charts and the decisions', async () => {
    const v = await view();
    const manifest = v.manifests.at(-1)!;
    const vi = ok(await sup.closeOfDay.report({ planId: day.plan.id, language: 'vi' }));
    const en = ok(await sup.closeOfDay.report({ planId: day.plan.id, language: 'en' }));
    expect(vi.fileName).toBe(`TYT-79-26734-${DAY}-all_day-vi.pdf`);
    expect(vi.pages).toBeGreaterThanOrEqual(3);
    const pdf = Buffer.from(vi.pdfBase64, 'base64');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf);
    if (text) {
      expect(text).toContain('BÁO CÁO KẾT THÚC BUỔI TIÊM CHỦNG');
      expect(text).toContain(manifest.statementSha256);
      expect(text).toContain('Số mũi tiêm theo giờ');
      expect(text).toContain('Tỷ lệ hao hụt theo lô');
      expect(text).toContain('Rơi vỡ khi xếp tủ lạnh');
      expect(text).toContain('Đã tự về sau 25 phút');
      expect(text).toContain('Bệnh viện báo kết quả sau khi kết thúc buổi');
      expect(text).toContain(`Trang 1/${vi.pages}`);
      const english = pdfText(Buffer.from(en.pdfBase64, 'base64'))!;
      expect(english).toContain('VACCINATION SESSION CLOSE-OF-DAY REPORT');
      expect(english).toContain('Doses per hour');
      expect(english).toContain('Acute illness now');
    }
    const printer = recordingPrintSystem();
    t.station.services.certificates.printing.usePrintSystem(printer);
    const job = ok(await sup.closeOfDay.printReport({ planId: day.plan.id, language: 'vi', printer: 'PDF' }));
    expect(job).toEqual({ printer: 'PDF', jobId: 'PDF-1' });
    expect(printer.jobs).toEqual([{ printer: 'PDF', bytes: expect.any(Number), paper: 'A4' }]);
    expect(printer.jobs[0]!.bytes).toBeGreaterThan(pdf.length * 0.9);
  });

  it("exports the day's records as a workbook and as CSV for the district's spreadsheets", async () => {
    const xlsx = ok(await sup.closeOfDay.export({ planId: day.plan.id, format: 'xlsx' }));
    expect(xlsx.fileName).toBe(`TYT-79-26734-${DAY}-all_day.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(xlsx.contentBase64, 'base64') as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Tong hop - Summary', 'Mui tiem - Doses', 'Luot - Visits', 'Lo - Vials', 'Lo vac xin - Lots', 'Phan ung - AEFI']);
    // Every dose version (1,000 doses and one correction) and every visit, under a header row.
    expect(workbook.getWorksheet('Mui tiem - Doses')!.actualRowCount).toBe(1 + 1001);
    expect(workbook.getWorksheet('Luot - Visits')!.actualRowCount).toBe(1 + 1200);
    expect(workbook.getWorksheet('Phan ung - AEFI')!.actualRowCount).toBe(1 + 2);
    const lots = workbook.getWorksheet('Lo vac xin - Lots')!;
    expect(lots.getRow(1).getCell(1).value).toBe('Số lô / Lot');
    expect(lots.actualRowCount).toBe(4);
    const summary = workbook.getWorksheet('Tong hop - Summary')!;
    const values = new Map<string, unknown>();
    summary.eachRow((row) => values.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(values.get('Đã tiêm / Vaccinated')).toBe(1000);
    expect(values.get('SHA-256 bản kê / Statement SHA-256')).toBe((await view()).manifests.at(-1)!.statementSha256);

    const csv = ok(await sup.closeOfDay.export({ planId: day.plan.id, format: 'csv', table: 'doses' }));
    const bytes = Buffer.from(csv.contentBase64, 'base64');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').split('\r\n').filter(Boolean);
    expect(lines).toHaveLength(1 + 1001);
    expect(lines[0]).toMatch(/^"STT \/ Queue","Họ và tên \/ Name"/);
    const nurse = t.desk('nurse-export');
    ok(await nurse.auth.login({ username: 'yta1', pin: '1357' }));
    expect(errorCode(await nurse.closeOfDay.export({ planId: day.plan.id, format: 'csv' }))).toBe('FORBIDDEN_ROLE');
  });

  it('finds one changed byte in one dose and names the record', async () => {
    const raw = new BetterSqlite3(t.file);
    let doseId: string;
    let queueNumber: number;
    try {
      const row = raw
        .prepare(`SELECT d.id, d.lot_number AS lot, v.queue_number AS q FROM dose d JOIN visit v ON v.id = d.visit_id WHERE v.plan_id = ? ORDER BY v.queue_number LIMIT 1 OFFSET 500`)
        .get(day.plan.id) as { id: string; lot: string; q: number };
      doseId = row.id;
      queueNumber = row.q;
      // Someone with the file and a SQLite shell: the lock triggers first, then one character of the lot number.
      raw.exec(`DROP TRIGGER dose_locked_update`);
      const changed = `${row.lot.slice(0, -1)}${row.lot.endsWith('7') ? '8' : '7'}`;
      raw.prepare(`UPDATE dose SET lot_number = ? WHERE id = ?`).run(changed, row.id);
    } finally {
      raw.close();
    }
    const c = cli();
    expect(await runStationCli(['verify-day', '--db', t.file, '--date', DAY], c.io)).toBe(1);
    expect(c.text()).toContain(`dose ${doseId} changed (queue #${queueNumber},`);
    expect(c.text()).toContain('NOT VERIFIED');
    const json = cli();
    await runStationCli(['verify-day', '--db', t.file, '--date', DAY, '--json'], json.io);
    const [result] = JSON.parse(json.out.join('\n')) as { ok: boolean; signatureValid: boolean; problems: { table: string; key: string; change: string }[] }[];
    expect(result).toMatchObject({ ok: false, signatureValid: true, problems: [{ table: 'dose', key: doseId, change: 'changed' }] });
  });
});
