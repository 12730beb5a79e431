import { afterEach, describe, expect, it } from 'vitest';
import type { StationApi } from '../../preload/contract';
import { addDays } from '../../main/domain/site-time';
import { errorCode, ok, setUpSite, startTestStation, type TestStation } from '../support/station';
import { addEarlierDose, adultAnswers, AN, BICH, checkIn, openToday, type Person } from '../support/clinical-fixtures';

const TODAY = '2026-03-10';
let t: TestStation;
afterEach(() => t?.close());

async function day(lots?: Parameters<typeof openToday>[2]) {
  t = startTestStation();
  const desks = await setUpSite(t);
  const plan = await openToday(desks.sup, TODAY, lots);
  const lot = (code: string) => plan.lots.find((l) => l.productCode === code)!;
  return { ...desks, plan, lot };
}

/** Checked in and screened eligible: waiting at the injection desk. */
async function screened(nurse: StationApi, person: Person = AN) {
  const visit = checkIn(t.station, person);
  ok(await nurse.screening.record({ visitId: visit.visitId, formId: 'covid19-adult', formVersion: 1, answers: adultAnswers({}, person.sex) }));
  return visit;
}

function count(sql: string, ...params: unknown[]): number {
  return t.station.services.store.db.prepare(sql).pluck().get(...params) as number;
}

describe('injection desk', () => {
  it('records a first dose with its vial draw, observation, audit and upload rows, all durable', async () => {
    const { nurse, lot } = await day();
    const visit = await screened(nurse);
    const comirnaty = lot('comirnaty');
    const vial = ok(await nurse.vials.open({ lotId: comirnaty.id }));
    expect(vial).toMatchObject({ dosesTotal: 6, dosesLeft: 6, state: 'open', expiresAt: '2026-03-10T08:00:00.000Z' });

    const suggestion = ok(await nurse.doses.suggest({ visitId: visit.visitId }));
    expect(suggestion.options[0]).toMatchObject({ productCode: 'comirnaty', allowed: true, doseNumber: 1, seriesDoses: 2, kind: 'primary', vial: { id: vial.id, dosesLeft: 6 } });

    const { dose, observation } = ok(await nurse.doses.record({ visitId: visit.visitId, lotId: comirnaty.id, injectionSite: 'left_deltoid' }));
    expect(dose).toMatchObject({
      version: 1,
      recordId: dose.id,
      source: 'station',
      productCode: 'comirnaty',
      lotNumber: 'FK5127',
      vialId: vial.id,
      doseNumber: 1,
      seriesDoses: 2,
      givenOn: TODAY,
      givenAt: '2026-03-10T02:00:00.000Z',
      status: 'valid',
      recordedBy: 'Lê Văn Y Tá',
      rulesId: 'vn-covid19',
      rulesVersion: 1,
      dcc: { mp: 'EU/1/20/1528', ma: 'ORG-100030215', vp: '1119349007', tg: '840539006' },
    });
    expect(observation.dueAt).toBe('2026-03-10T02:30:00.000Z');

    // A crash right after "recorded": everything is there after a restart.
    t.restart();
    expect(count(`SELECT count(*) FROM dose WHERE id = ?`, dose.id)).toBe(1);
    expect(count(`SELECT doses_drawn FROM vial WHERE id = ?`, vial.id)).toBe(1);
    expect(count(`SELECT count(*) FROM audit_log WHERE entity = 'dose' AND entity_id = ? AND operation = 'dose:record'`, dose.id)).toBe(1);
    expect(count(`SELECT count(*) FROM outbox WHERE entity_id = ? AND kind = 'dose.recorded' AND state = 'pending'`, dose.id)).toBe(1);
    expect(count(`SELECT count(*) FROM observation WHERE visit_id = ? AND dose_id = ?`, visit.visitId, dose.id)).toBe(1);
    const desk = t.desk();
    ok(await desk.auth.login({ username: 'yta1', pin: '1357' }));
    expect(ok(await desk.queue.get({ visitId: visit.visitId })).step).toBe('observation');
    const [queued] = t.station.services.store.q.outbox.forEntity(dose.id);
    // Queued once under its record version, for its citizen, so the upload keeps one citizen's records in order.
    expect(queued).toMatchObject({ subjectId: dose.citizenId, entityVersion: 1, idempotencyKey: `dose.recorded:${dose.id}:1` });
    const payload = JSON.parse(queued!.payloadJson);
    expect(payload).toMatchObject({ dose: { id: dose.id, dccProduct: 'EU/1/20/1528' }, citizen: { idNumber: AN.idNumber, fullName: AN.fullName }, siteCode: 'TYT-79-26734' });
  });

  it('refuses an injection before screening, and a second dose on the same visit', async () => {
    const { nurse, lot } = await day();
    ok(await nurse.vials.open({ lotId: lot('comirnaty').id }));
    const unscreened = checkIn(t.station, BICH);
    const refused = await nurse.doses.record({ visitId: unscreened.visitId, lotId: lot('comirnaty').id });
    expect(errorCode(refused)).toBe('INJECTION_NOT_SCREENED');
    expect(!refused.ok && refused.error.params).toMatchObject({ queueNumber: unscreened.queueNumber });
    expect(count(`SELECT count(*) FROM dose`)).toBe(0);

    const visit = await screened(nurse);
    ok(await nurse.doses.record({ visitId: visit.visitId, lotId: lot('comirnaty').id }));
    expect(errorCode(await nurse.doses.record({ visitId: visit.visitId, lotId: lot('comirnaty').id }))).toBe('INJECTION_ALREADY_GIVEN');
    expect(count(`SELECT count(*) FROM dose`)).toBe(1);
    expect(count(`SELECT doses_drawn FROM vial`)).toBe(1);
  });

  it('numbers the dose from the history from every source and refuses a dose the interval forbids', async () => {
    const { nurse, lot } = await day();
    ok(await nurse.vials.open({ lotId: lot('comirnaty').id }));
    // Two doses elsewhere, the last four months ago: the next is the first booster, 3/3 in DCC terms.
    const boosted = await screened(nurse);
    addEarlierDose(t.station, boosted.citizen.id, { productCode: 'vaxzevria', givenOn: '2025-08-01', doseNumber: 1 });
    addEarlierDose(t.station, boosted.citizen.id, { productCode: 'vaxzevria', givenOn: '2025-11-01', doseNumber: 2, source: 'national' });
    const { dose } = ok(await nurse.doses.record({ visitId: boosted.visitId, lotId: lot('comirnaty').id }));
    expect(dose).toMatchObject({ doseNumber: 3, seriesDoses: 3 });

    // A first Comirnaty dose 10 days ago: the second must wait until day 21.
    const early = await screened(nurse, BICH);
    addEarlierDose(t.station, early.citizen.id, { productCode: 'comirnaty', givenOn: addDays(TODAY, -10) });
    const suggestion = ok(await nurse.doses.suggest({ visitId: early.visitId }));
    expect(suggestion.options.every((o) => !o.allowed)).toBe(true);
    const comirnaty = suggestion.options.find((o) => o.productCode === 'comirnaty')!;
    expect(comirnaty.problems).toContainEqual(expect.objectContaining({ rule: 'interval', code: 'INTERVAL_TOO_SHORT', earliestDate: addDays(TODAY, 11) }));
    expect(suggestion.earliestDate).toBe(addDays(TODAY, 11));
    const refused = await nurse.doses.record({ visitId: early.visitId, lotId: lot('comirnaty').id });
    expect(errorCode(refused)).toBe('DOSE_NOT_ALLOWED');
    expect(!refused.ok && refused.error.params).toMatchObject({ rule: 'interval', reason: 'INTERVAL_TOO_SHORT', earliestDate: addDays(TODAY, 11), doseNumber: 2 });
    expect(ok(await nurse.queue.get({ visitId: early.visitId })).step).toBe('injection');
  });

  it('draws only from an open, unexpired vial of a lot on today\'s plan', async () => {
    const { sup, nurse, lot } = await day([{ productCode: 'comirnaty', lotNumber: 'FK5127', dosesPerVial: 2, vialsReceived: 2 }]);
    const lotId = lot('comirnaty').id;
    const first = await screened(nurse);
    expect(errorCode(await nurse.doses.record({ visitId: first.visitId, lotId }))).toBe('NO_OPEN_VIAL');

    // Two doses empty a two-dose vial.
    const vial = ok(await nurse.vials.open({ lotId }));
    ok(await nurse.doses.record({ visitId: first.visitId, lotId }));
    const second = await screened(nurse, BICH);
    ok(await nurse.doses.record({ visitId: second.visitId, lotId, vialId: vial.id }));
    const third = await screened(nurse, { ...AN, idNumber: '001094999999', fullName: 'Lê Văn Ba' });
    expect(errorCode(await nurse.doses.record({ visitId: third.visitId, lotId, vialId: vial.id }))).toBe('VIAL_EMPTY');
    expect(ok(await nurse.vials.list({})).vials[0]).toMatchObject({ id: vial.id, state: 'empty', dosesDrawn: 2, dosesLeft: 0 });

    // The second and last vial of the lot, then its in-use time (6 hours) runs out.
    const last = ok(await nurse.vials.open({ lotId }));
    expect(errorCode(await nurse.vials.open({ lotId }))).toBe('LOT_NO_VIALS_LEFT');
    t.clock.advanceMinutes(6 * 60);
    // Six idle hours lock every desk; the same people unlock them.
    ok(await nurse.auth.unlock({ pin: '1357' }));
    ok(await sup.auth.unlock({ pin: '2468' }));
    expect(ok(await nurse.vials.list({})).vials.find((v) => v.id === last.id)?.state).toBe('expired');
    expect(errorCode(await nurse.doses.record({ visitId: third.visitId, lotId, vialId: last.id }))).toBe('VIAL_EXPIRED');
    expect(errorCode(await nurse.doses.record({ visitId: third.visitId, lotId }))).toBe('NO_OPEN_VIAL');
    expect(errorCode(await nurse.vials.discard({ vialId: last.id, reason: 'other' }))).toBe('VIAL_NOTE_REQUIRED');
    expect(ok(await nurse.vials.discard({ vialId: last.id, reason: 'in_use_time_over' }))).toMatchObject({ state: 'discarded', dosesWasted: 2, discardReason: 'in_use_time_over' });
    expect(errorCode(await nurse.vials.discard({ vialId: last.id, reason: 'in_use_time_over' }))).toBe('VIAL_CLOSED');

    // A lot from another day's plan, and a lot whose expiry has passed, are refused.
    const tomorrow = ok(await sup.plan.create({ sessionDate: addDays(TODAY, 1), period: 'morning', location: 'Điểm tiêm lưu động', plannedCapacity: 50, targetGroups: [] }));
    const other = ok(await sup.plan.addLot({ planId: tomorrow.id, productCode: 'comirnaty', lotNumber: 'GH7788', expiryDate: addDays(TODAY, 60), vialsReceived: 5 })).lots[0]!;
    expect(errorCode(await nurse.vials.open({ lotId: other.id }))).toBe('LOT_NOT_IN_SESSION');
    expect(errorCode(await nurse.doses.record({ visitId: third.visitId, lotId: other.id }))).toBe('LOT_NOT_IN_SESSION');
    t.station.services.store.db.prepare(`UPDATE vaccine_lot SET expiry_date = ? WHERE id = ?`).run(addDays(TODAY, -1), lotId);
    expect(errorCode(await nurse.doses.record({ visitId: third.visitId, lotId }))).toBe('LOT_EXPIRED_FOR_USE');
  });

  it('counts wasted doses with a reason and empties the vial when nothing is left', async () => {
    const { nurse, lot } = await day();
    const vial = ok(await nurse.vials.open({ lotId: lot('vaxzevria').id }));
    expect(vial.dosesTotal).toBe(10);
    expect(ok(await nurse.vials.waste({ vialId: vial.id, doses: 1, reason: 'drawn_not_given' }))).toMatchObject({ dosesWasted: 1, dosesLeft: 9, state: 'open' });
    expect(errorCode(await nurse.vials.waste({ vialId: vial.id, doses: 10, reason: 'spilled' }))).toBe('VIAL_WASTE_TOO_MANY');
    expect(errorCode(await nurse.vials.waste({ vialId: vial.id, doses: 1, reason: 'other', note: '  ' }))).toBe('VIAL_NOTE_REQUIRED');
    expect(ok(await nurse.vials.waste({ vialId: vial.id, doses: 9, reason: 'other', note: 'Lọ bị nứt khi lấy thuốc' }))).toMatchObject({ dosesLeft: 0, state: 'empty' });
    const wastes = t.station.services.store.db.prepare(`SELECT doses, reason, note FROM vial_waste WHERE vial_id = ? ORDER BY recorded_at, id`).all(vial.id);
    expect(wastes).toEqual([
      { doses: 1, reason: 'drawn_not_given', note: null },
      { doses: 9, reason: 'other', note: 'Lọ bị nứt khi lấy thuốc' },
    ]);
  });
});

describe('dose corrections', () => {
  async function recorded() {
    const desks = await day();
    ok(await desks.nurse.vials.open({ lotId: desks.lot('comirnaty').id }));
    const visit = await screened(desks.nurse);
    const { dose } = ok(await desks.nurse.doses.record({ visitId: visit.visitId, lotId: desks.lot('comirnaty').id }));
    return { ...desks, visit, dose };
  }

  it('lets only a supervisor void a dose, with a reason, and keeps it in the history', async () => {
    const { sup, nurse, visit, dose } = await recorded();
    expect(errorCode(await nurse.doses.void({ doseId: dose.id, reason: 'Ghi nhầm người' }))).toBe('FORBIDDEN_ROLE');
    expect(errorCode(await sup.doses.void({ doseId: dose.id, reason: 'sai' }))).toBe('REASON_TOO_SHORT');
    const voided = ok(await sup.doses.void({ doseId: dose.id, reason: 'Ghi nhầm người, đã tiêm cho người khác' }));
    expect(voided).toMatchObject({ id: dose.id, status: 'voided', statusReason: 'Ghi nhầm người, đã tiêm cho người khác', statusBy: 'Trần Thị Giám Sát' });
    expect(errorCode(await sup.doses.void({ doseId: dose.id, reason: 'Lần thứ hai' }))).toBe('DOSE_NOT_CURRENT');

    const history = ok(await nurse.doses.history({ citizenId: visit.citizen.id }));
    expect(history.doses.map((d) => [d.id, d.status])).toEqual([[dose.id, 'voided']]);
    expect(history.nextDoseNumber).toBe(1);
    expect(t.station.services.store.q.outbox.forEntity(dose.id).map((o) => o.kind)).toEqual(['dose.recorded', 'dose.voided']);
    expect(t.station.services.store.q.audit.forEntity('dose', dose.id).map((a) => a.operation)).toEqual(['dose:record', 'dose:void']);
  });

  it('supersedes a dose with a new version that keeps the record id, and the old version stays visible', async () => {
    const { sup, nurse, visit, dose, lot } = await recorded();
    const lotId = lot('vaxzevria').id;
    expect(errorCode(await nurse.doses.supersede({ doseId: dose.id, reason: 'Sai số lô', lotId }))).toBe('FORBIDDEN_ROLE');
    expect(errorCode(await sup.doses.supersede({ doseId: dose.id, reason: 'Không đổi gì', doseNumber: 1 }))).toBe('DOSE_CORRECTION_CHANGES_NOTHING');
    expect(errorCode(await sup.doses.supersede({ doseId: dose.id, reason: 'Ngày sai', givenOn: addDays(TODAY, 1) }))).toBe('DOSE_DATE_IN_FUTURE');

    const v2 = ok(await sup.doses.supersede({ doseId: dose.id, reason: 'Ghi nhầm lô: thực tế tiêm lô ABV5811', lotId }));
    expect(v2).toMatchObject({ recordId: dose.recordId, version: 2, supersedesId: dose.id, status: 'valid', lotNumber: 'ABV5811', productCode: 'vaxzevria', vialId: null });
    expect(v2.dcc).toMatchObject({ mp: 'EU/1/21/1529', ma: 'ORG-100001699' });
    const history = ok(await nurse.doses.history({ citizenId: visit.citizen.id }));
    expect(history.doses.map((d) => [d.version, d.status, d.lotNumber])).toEqual([
      [1, 'superseded', 'FK5127'],
      [2, 'valid', 'ABV5811'],
    ]);
    expect(history.doses[0]!.statusReason).toBe('Ghi nhầm lô: thực tế tiêm lô ABV5811');
    // Only the latest version can be corrected again.
    expect(errorCode(await sup.doses.supersede({ doseId: dose.id, reason: 'Sửa lại lần nữa', doseNumber: 2 }))).toBe('DOSE_NOT_CURRENT');
    // The observation follows the current version.
    const board = ok(await nurse.observation.board({}));
    expect(board.entries[0]).toMatchObject({ doseId: v2.id, lotNumber: 'ABV5811', productName: 'Vaxzevria' });
    expect(t.station.services.store.q.outbox.forEntity(v2.id).map((o) => o.kind)).toEqual(['dose.superseded']);
    const list = ok(await sup.doses.list({}));
    expect(list.map((e) => [e.dose.version, e.queueNumber, e.citizen.fullName])).toEqual([
      [2, visit.queueNumber, AN.fullName],
      [1, visit.queueNumber, AN.fullName],
    ]);
  });

  it('leaves records from the national registry to the registry', async () => {
    const { sup, visit } = await recorded();
    const national = addEarlierDose(t.station, visit.citizen.id, { productCode: 'vaxzevria', givenOn: '2025-01-05', source: 'national' });
    expect(errorCode(await sup.doses.void({ doseId: national, reason: 'Không phải của người này' }))).toBe('DOSE_SOURCE_READ_ONLY');
  });
});

describe('citizens whose card carries only a birth year', () => {
  it('are screened and vaccinated', async () => {
    const { nurse, lot } = await day();
    const elder: Person = { fullName: 'Lê Thị Lành', dateOfBirth: '1945', sex: 'female', idNumber: '001145000777' };
    const visit = checkIn(t.station, elder);
    const answers = adultAnswers({ 'bp-systolic': 125, 'bp-diastolic': 80 }, 'female');
    const screening = ok(await nurse.screening.record({ visitId: visit.visitId, formId: 'covid19-adult', formVersion: 1, answers }));
    expect(screening.outcome).toBe('eligible');
    const comirnaty = lot('comirnaty');
    ok(await nurse.vials.open({ lotId: comirnaty.id }));
    const { dose } = ok(await nurse.doses.record({ visitId: visit.visitId, lotId: comirnaty.id }));
    expect(dose.doseNumber).toBe(1);
  });

  it('are judged by the youngest age the year allows, so a minimum age is never passed on a guess', async () => {
    const { nurse } = await day();
    // Born some time in 2008: 17 or 18 on 2026-03-10. Rules take 31 December: 17, the children's form.
    const teen: Person = { fullName: 'Lê Văn Tuấn', dateOfBirth: '2008', sex: 'male', idNumber: '001208000778' };
    const visit = checkIn(t.station, teen);
    const adultForm = await nurse.screening.record({ visitId: visit.visitId, formId: 'covid19-adult', formVersion: 1, answers: adultAnswers({}, 'male') });
    expect(adultForm.ok).toBe(false);
    const preview = ok(await nurse.screening.preview({ visitId: visit.visitId, answers: {} }));
    expect(preview.formId).toBe('covid19-child');
  });
});
