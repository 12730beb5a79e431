import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runStationCli } from '../../main/cli/station';
import { COVID19_ADULT_V1 } from '../../main/domain/screening';
import { AN_CARD, BICH_CARD, cardPayload, openSessionWithList } from '../support/checkin';
import { adultAnswers, AN, BICH, checkIn, openToday } from '../support/clinical-fixtures';
import { errorCode, ok, setUpSite, startTestStation, type TestStation } from '../support/station';

/**
 * The records the work list is made of, and the close's edges: identity
 * conflicts kept from refused check-ins, nurses' correction requests,
 * visits marked as left, rejected uploads, a station without a key, the
 * steps after a close, and re-opening a past day.
 */
let t: TestStation;
afterEach(() => t?.close());

const TODAY = '2026-03-10';
const PASSPHRASE = 'mật khẩu trạm tiêm 2026';

async function kinds(sup: Awaited<ReturnType<typeof setUpSite>>['sup']) {
  return ok(await sup.closeOfDay.day({}))!.workList.map((i) => i.kind);
}

describe('identity conflicts refused at check-in', () => {
  it('are kept for the supervisor once per number, and settled when the holder is checked in', async () => {
    t = startTestStation();
    const { sup, nurse } = await setUpSite(t);
    await openSessionWithList(sup, TODAY, [{ idNumber: AN_CARD.idNumber, fullName: 'Phạm Thị Hoa', dateOfBirth: '01/07/1960', sex: 'Nữ' }]);
    const scan = ok(await nurse.checkin.scan({ text: cardPayload(AN_CARD), source: 'wedge' }));
    expect(errorCode(await nurse.checkin.confirm({ scanId: scan.scanId, acceptCorrections: true }))).toBe('ID_NUMBER_OTHER_PERSON');
    expect(errorCode(await nurse.checkin.confirm({ scanId: scan.scanId, acceptCorrections: true }))).toBe('ID_NUMBER_OTHER_PERSON');
    const items = ok(await sup.closeOfDay.day({}))!.workList.filter((i) => i.kind === 'identity_conflict');
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ fullName: 'Nguyễn Văn An', params: { idNumber: AN_CARD.idNumber, holderName: 'Phạm Thị Hoa', holderDateOfBirth: '1960-07-01', cardDateOfBirth: '1994-03-15' } });
    // The refusal itself wrote nothing else: no citizen, no visit.
    expect(t.station.services.store.db.prepare(`SELECT count(*) FROM visit`).pluck().get()).toBe(0);
    // The supervisor checks the holder in: the conflict is settled with it.
    ok(await sup.checkin.confirm({ scanId: scan.scanId, acceptCorrections: true }));
    expect(await kinds(sup)).not.toContain('identity_conflict');
  });

  it('can be dismissed with a note by a supervisor only', async () => {
    t = startTestStation();
    const { sup, nurse } = await setUpSite(t);
    await openSessionWithList(sup, TODAY, [{ idNumber: BICH_CARD.idNumber, fullName: 'Lê Văn Khác', dateOfBirth: '01/01/1950', sex: 'Nam' }]);
    const scan = ok(await nurse.checkin.scan({ text: cardPayload(BICH_CARD), source: 'wedge' }));
    await nurse.checkin.confirm({ scanId: scan.scanId, acceptCorrections: true });
    const item = ok(await sup.closeOfDay.day({}))!.workList.find((i) => i.kind === 'identity_conflict')!;
    expect(errorCode(await nurse.closeOfDay.dismissConflict({ conflictId: item.entityId, note: 'Đã gọi điện xác minh' }))).toBe('FORBIDDEN_ROLE');
    expect(errorCode(await sup.closeOfDay.dismissConflict({ conflictId: item.entityId, note: 'ok' }))).toBe('REASON_TOO_SHORT');
    ok(await sup.closeOfDay.dismissConflict({ conflictId: item.entityId, note: 'Đã gọi điện xác minh: thẻ mượn' }));
    expect(errorCode(await sup.closeOfDay.dismissConflict({ conflictId: item.entityId, note: 'Đã gọi điện xác minh' }))).toBe('CONFLICT_ALREADY_RESOLVED');
    expect(await kinds(sup)).not.toContain('identity_conflict');
  });
});

describe('the work list from the desks', () => {
  it("holds a nurse's correction request until the dose is corrected or the request dismissed", async () => {
    t = startTestStation();
    const { sup, nurse } = await setUpSite(t);
    const plan = await openToday(sup, TODAY);
    const lot = plan.lots.find((l) => l.productCode === 'comirnaty')!;
    ok(await nurse.vials.open({ lotId: lot.id }));
    const doses = [];
    for (const person of [AN, BICH]) {
      const visit = checkIn(t.station, person);
      ok(await nurse.screening.record({ visitId: visit.visitId, formId: COVID19_ADULT_V1.id, formVersion: COVID19_ADULT_V1.version, answers: adultAnswers({}, person.sex) }));
      doses.push(ok(await nurse.doses.record({ visitId: visit.visitId, lotId: lot.id })).dose);
    }
    const first = ok(await nurse.doses.requestCorrection({ doseId: doses[0]!.id, reason: 'Ghi nhầm vị trí tiêm' }));
    expect(errorCode(await nurse.doses.requestCorrection({ doseId: doses[0]!.id, reason: 'Ghi nhầm vị trí tiêm' }))).toBe('CORRECTION_REQUEST_OPEN');
    const second = ok(await nurse.doses.requestCorrection({ doseId: doses[1]!.id, reason: 'Tưởng nhầm lô, kiểm tra lại' }));
    expect((await kinds(sup)).filter((k) => k === 'correction_request')).toHaveLength(2);
    expect(errorCode(await nurse.doses.dismissCorrectionRequest({ requestId: second.id, note: 'Đúng lô rồi' }))).toBe('FORBIDDEN_ROLE');
    ok(await sup.doses.supersede({ doseId: first.doseId, reason: 'Sửa vị trí tiêm', injectionSite: 'right_deltoid' }));
    ok(await sup.doses.dismissCorrectionRequest({ requestId: second.id, note: 'Đã kiểm tra: đúng lô' }));
    expect(errorCode(await sup.doses.dismissCorrectionRequest({ requestId: second.id, note: 'Đã kiểm tra: đúng lô' }))).toBe('CORRECTION_REQUEST_RESOLVED');
    expect(ok(await sup.doses.correctionRequests({})).map((r) => r.state).sort()).toEqual(['corrected', 'dismissed']);
    expect(await kinds(sup)).not.toContain('correction_request');
  });

  it('ends a visit as left before injection, never one already released', async () => {
    t = startTestStation();
    const { sup, nurse } = await setUpSite(t);
    await openToday(sup, TODAY);
    const waiting = checkIn(t.station, AN);
    const released = checkIn(t.station, BICH, 'released');
    expect(await kinds(sup)).toContain('unfinished_visit');
    expect(errorCode(await nurse.queue.leave({ visitId: released.visitId, outcome: 'left', note: 'Không chờ được nữa' }))).toBe('VISIT_OUTCOME_NOT_ALLOWED');
    expect(ok(await nurse.queue.leave({ visitId: waiting.visitId, outcome: 'left', note: 'Không chờ được nữa' }))).toMatchObject({ outcome: 'left', fromStep: 'screening' });
    expect(ok(await nurse.queue.get({ visitId: waiting.visitId })).step).toBe('left');
    const view = ok(await sup.closeOfDay.day({}))!;
    expect(view.workList.map((i) => i.kind)).not.toContain('unfinished_visit');
    expect(view.reconciliation.people.leftBeforeInjection).toBe(1);
  });

  it('lists an upload the platform rejected, with its error, and counts it', async () => {
    t = startTestStation();
    const { sup, nurse } = await setUpSite(t);
    const plan = await openToday(sup, TODAY);
    const lot = plan.lots[0]!;
    ok(await nurse.vials.open({ lotId: lot.id }));
    const visit = checkIn(t.station, AN);
    ok(await nurse.screening.record({ visitId: visit.visitId, formId: COVID19_ADULT_V1.id, formVersion: COVID19_ADULT_V1.version, answers: adultAnswers({}, AN.sex) }));
    const dose = ok(await nurse.doses.record({ visitId: visit.visitId, lotId: lot.id })).dose;
    // What the upload leaves when the platform refuses the record (its uploader marks the row).
    t.station.services.store.db.prepare(`UPDATE outbox SET state = 'rejected', last_error = 'Patient.identifier: invalid', attempts = 1 WHERE entity_id = ?`).run(dose.id);
    const view = ok(await sup.closeOfDay.day({}))!;
    expect(view.workList.find((i) => i.kind === 'rejected_upload')).toMatchObject({ params: { kind: 'dose.recorded', entityId: dose.id, error: 'Patient.identifier: invalid' } });
    expect(view.reconciliation.uploads.doses).toMatchObject({ rejected: 1, pending: 0 });
  });
});

describe('the close at its edges', () => {
  it('is refused without a station key, and runs the steps after the close once it has committed', async () => {
    t = startTestStation();
    const { sup } = await setUpSite(t);
    const plan = await openToday(sup, TODAY);
    const decide = async () => ok(await sup.closeOfDay.day({}))!.workList.map((i) => ({ key: i.key, reason: 'Không dùng đến trong buổi' }));
    expect(errorCode(await sup.closeOfDay.close({ planId: plan.id, decisions: await decide() }))).toBe('DAY_NO_SIGNING_KEY');
    ok(await sup.certificates.createSigningKey({ passphrase: PASSPHRASE }));
    const seen: string[] = [];
    const closing = t.station.services.closeOfDay.closing;
    closing.addPostCloseStep({
      name: 'first',
      run: ({ planId, manifest }) => {
        // After the commit: the session reads as closed from a fresh query.
        const state = t.station.services.store.db.prepare(`SELECT state FROM session_plan WHERE id = ?`).pluck().get(planId);
        seen.push(`${String(state)}:${manifest.revision}`);
      },
    });
    closing.addPostCloseStep({
      name: 'backup',
      run: () => {
        throw new Error('disk full');
      },
    });
    const closed = ok(await sup.closeOfDay.close({ planId: plan.id, decisions: await decide() }));
    expect(seen).toEqual(['closed:1']);
    expect(closed.afterClose).toEqual([
      { step: 'first', ok: true, detail: null },
      { step: 'backup', ok: false, detail: 'disk full' },
    ]);
    expect(ok(await sup.closeOfDay.day({ planId: plan.id }))!.session.state).toBe('closed');
  });

  it('does not re-open a past day: its fixes are amendments, each signing the next revision', async () => {
    t = startTestStation();
    const { sup, nurse } = await setUpSite(t);
    ok(await sup.certificates.createSigningKey({ passphrase: PASSPHRASE }));
    const plan = await openToday(sup, TODAY);
    const lot = plan.lots[0]!;
    ok(await nurse.vials.open({ lotId: lot.id }));
    const visit = checkIn(t.station, AN);
    ok(await nurse.screening.record({ visitId: visit.visitId, formId: COVID19_ADULT_V1.id, formVersion: COVID19_ADULT_V1.version, answers: adultAnswers({}, AN.sex) }));
    const dose = ok(await nurse.doses.record({ visitId: visit.visitId, lotId: lot.id })).dose;
    const items = ok(await sup.closeOfDay.day({}))!.workList;
    ok(await sup.closeOfDay.close({ planId: plan.id, decisions: items.map((i) => ({ key: i.key, reason: 'Ghi nhận khi kết thúc buổi' })) }));
    t.clock.advanceMinutes(24 * 60);
    ok(await sup.auth.unlock({ pin: '2468' }));
    expect(errorCode(await sup.closeOfDay.reopen({ planId: plan.id, reason: 'Cần sửa một mũi tiêm' }))).toBe('DAY_REOPEN_NOT_TODAY');
    const voided = ok(await sup.doses.void({ doseId: dose.id, reason: 'Tiêm nhầm người, đã xác minh hôm sau' }));
    expect(voided.status).toBe('voided');
    const view = ok(await sup.closeOfDay.day({ planId: plan.id }))!;
    expect(view.manifests.map((m) => [m.revision, m.reason])).toEqual([
      [1, 'close'],
      [2, 'amendment'],
    ]);
    expect(view.amendments[0]).toMatchObject({ operation: 'dose:void', entityId: dose.id, before: { status: 'valid' }, after: { status: 'voided' } });
    expect(ok(await sup.closeOfDay.verify({ planId: plan.id }))).toMatchObject({ ok: true, revision: 2, chainValid: true });

    // The district checks against the station key it holds, not against whatever key the file carries.
    const spki = t.station.services.store.db.prepare(`SELECT public_key_der FROM signing_key WHERE state = 'active'`).pluck().get() as Buffer;
    const stationKey = join(t.dir, 'station-key.pem');
    writeFileSync(stationKey, createPublicKey({ key: spki, format: 'der', type: 'spki' }).export({ type: 'spki', format: 'pem' }));
    const otherKey = join(t.dir, 'other-key.pem');
    writeFileSync(otherKey, createPublicKey(generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey).export({ type: 'spki', format: 'pem' }));
    const run = async (...args: string[]) => {
      const out: string[] = [];
      const code = await runStationCli(['verify-day', '--db', t.file, '--date', TODAY, ...args], { out: (l) => out.push(l), err: (l) => out.push(l), lang: 'en', env: {} });
      return { code, text: out.join('\n') };
    };
    expect((await run('--key', stationKey)).code).toBe(0);
    const forged = await run('--key', otherKey);
    expect(forged.code).toBe(1);
    expect(forged.text).toContain('Signature: INVALID');
    expect((await run('--date', 'not-a-date')).code).toBe(2);
  });
});
