import { afterEach, describe, expect, it } from 'vitest';
import { previewFile } from '../support/target-upload';
import type { EventName, StationApi } from '../../preload/contract';
import { addDays } from '../../main/domain/site-time';
import { errorCode, ok, setUpSite, SITE, startTestStation, type TestStation } from '../support/station';
import { cardPayload, type CardFields } from '../support/checkin';
import { addEarlierDose, adultAnswers } from '../support/clinical-fixtures';

/**
 * What a nurse met in a full site day, checked in the core: the suggestion
 * follows the citizen's series and today's list before stock, departures need
 * a confirmation the core insists on, postponed people are offered nothing, a
 * referral is its own outcome that holds the automatic print, people who leave
 * are recorded, and the stock on hand counts down.
 */

const TODAY = '2026-03-10';
let t: TestStation;
afterEach(() => t?.close());

const HOA: CardFields = { idNumber: '048187000111', fullName: 'Lê Thị Hoa', dateOfBirth: '12041987', sex: 'Nữ' };
const DUNG: CardFields = { idNumber: '036190001234', fullName: 'Phạm Văn Dũng', dateOfBirth: '01071990', sex: 'Nam' };
const LAN: CardFields = { idNumber: '079190654321', fullName: 'Trần Thị Lan', dateOfBirth: '02091990', sex: 'Nữ' };
const MAI: CardFields = { idNumber: '001195000222', fullName: 'Ngô Thị Mai', dateOfBirth: '05061995', sex: 'Nữ' };

const dmy = (c: CardFields) => `${c.dateOfBirth.slice(0, 2)}/${c.dateOfBirth.slice(2, 4)}/${c.dateOfBirth.slice(4)}`;

/**
 * Today's session with Comirnaty and Vaxzevria (Vaxzevria expiring first, as
 * in the demo) and a target list naming each person's vaccine and dose.
 */
async function day(list: { card: CardFields; product: string; dose: number }[]) {
  t = startTestStation();
  const desks = await setUpSite(t);
  ok(await desks.sup.settings.update({ idleLockMinutes: 240 }));
  const plan = ok(await desks.sup.plan.create({ sessionDate: TODAY, period: 'all_day', location: 'Hội trường', plannedCapacity: 100, targetGroups: ['adults_18_plus'] }));
  ok(await desks.sup.plan.addLot({ planId: plan.id, productCode: 'comirnaty', lotNumber: 'FK5127', expiryDate: addDays(TODAY, 90), vialsReceived: 10 }));
  ok(await desks.sup.plan.addLot({ planId: plan.id, productCode: 'vaxzevria', lotNumber: 'ABV5811', expiryDate: addDays(TODAY, 45), vialsReceived: 5 }));
  const csv = ['so_cccd,ho_ten,ngay_sinh,gioi_tinh,vac_xin,mui_thu', ...list.map((r) => [r.card.idNumber, r.card.fullName, dmy(r.card), r.card.sex, r.product, r.dose].join(','))].join('\r\n');
  if (list.length > 0) {
    const preview = ok(await previewFile(desks.sup, plan.id, 'ds.csv', csv));
    ok(await desks.sup.targets.confirmImport({ previewId: preview.previewId }));
  }
  const opened = ok(await desks.sup.plan.open({ id: plan.id }));
  const lot = (code: string) => opened.lots.find((l) => l.productCode === code)!;
  return { ...desks, planId: plan.id, lot };
}

/** Checked in from the card (which links the list row) and, unless told otherwise, screened eligible. */
async function arrive(nurse: StationApi, card: CardFields, answers: Record<string, string | number | boolean | null> | null = adultAnswers({}, card.sex === 'Nam' ? 'male' : 'female')) {
  const scan = ok(await nurse.checkin.scan({ text: cardPayload(card), source: 'wedge' }));
  const { visit } = ok(await nurse.checkin.confirm({ scanId: scan.scanId, acceptCorrections: true }));
  if (answers) ok(await nurse.screening.record({ visitId: visit.visitId, formId: 'covid19-adult', formVersion: 1, answers }));
  return visit;
}

function count(sql: string, ...params: unknown[]): number {
  return t.station.services.store.db.prepare(sql).pluck().get(...params) as number;
}

function listen() {
  const seen: [EventName, Record<string, unknown>][] = [];
  t.station.onEvent((e, p) => seen.push([e, p as Record<string, unknown>]));
  return seen;
}

describe('the injection suggestion follows the series and the list before stock', () => {
  it('offers the listed vaccine first even when another lot expires sooner, and flags the other', async () => {
    const { nurse, lot } = await day([{ card: HOA, product: 'comirnaty', dose: 1 }]);
    const visit = await arrive(nurse, HOA);
    const s = ok(await nurse.doses.suggest({ visitId: visit.visitId }));
    expect(s.listed).toEqual({ productCode: 'comirnaty', productName: 'Comirnaty', doseNumber: 1 });
    const allowed = s.options.filter((o) => o.allowed);
    expect(allowed.map((o) => [o.productCode, o.preference])).toEqual([
      ['comirnaty', 'listed-product'],
      ['vaxzevria', 'other'],
    ]);
    expect(allowed[0]!.deviations).toEqual([]);
    expect(allowed[1]!.deviations).toEqual([{ code: 'LIST_PRODUCT_DIFFERS', params: { listedProduct: 'comirnaty', productCode: 'vaxzevria' } }]);

    // Recording the other product without the confirmation is refused, and nothing is written.
    ok(await nurse.vials.open({ lotId: lot('vaxzevria').id }));
    const refused = await nurse.doses.record({ visitId: visit.visitId, lotId: lot('vaxzevria').id });
    expect(errorCode(refused)).toBe('DOSE_DEVIATION_UNCONFIRMED');
    expect(count('SELECT count(*) FROM dose')).toBe(0);
    expect(count('SELECT doses_drawn FROM vial')).toBe(0);

    // Confirmed, it is recorded, and the audit row keeps what was confirmed.
    const { dose } = ok(await nurse.doses.record({ visitId: visit.visitId, lotId: lot('vaxzevria').id, confirmDeviations: ['LIST_PRODUCT_DIFFERS'] }));
    expect(dose.productCode).toBe('vaxzevria');
    const audit = JSON.parse(t.station.services.store.db.prepare(`SELECT after_json FROM audit_log WHERE operation = 'dose:record'`).pluck().get() as string);
    expect(audit.confirmedDeviations).toEqual([{ code: 'LIST_PRODUCT_DIFFERS', params: { listedProduct: 'comirnaty', productCode: 'vaxzevria' } }]);
  });

  it('says when the list expects another dose number than the records give', async () => {
    const { nurse } = await day([{ card: DUNG, product: 'comirnaty', dose: 2 }]);
    const visit = await arrive(nurse, DUNG);
    const first = ok(await nurse.doses.suggest({ visitId: visit.visitId })).options[0]!;
    expect(first).toMatchObject({ productCode: 'comirnaty', doseNumber: 1, allowed: true });
    expect(first.deviations).toEqual([{ code: 'LIST_DOSE_DIFFERS', params: { listedDose: 2, doseNumber: 1 } }]);
  });

  it("puts the citizen's own series before the list, and a change of product in a series needs confirming", async () => {
    const { nurse, lot } = await day([{ card: LAN, product: 'vaxzevria', dose: 2 }]);
    const visit = await arrive(nurse, LAN);
    addEarlierDose(t.station, visit.citizen.id, { productCode: 'comirnaty', givenOn: addDays(TODAY, -30) });
    const s = ok(await nurse.doses.suggest({ visitId: visit.visitId }));
    const first = s.options.find((o) => o.allowed)!;
    expect(first).toMatchObject({ productCode: 'comirnaty', preference: 'series-product', doseNumber: 2 });
    expect(first.deviations.map((d) => d.code)).toEqual(['LIST_PRODUCT_DIFFERS']);
    // After a Comirnaty first dose, Vaxzevria is not allowed at all.
    expect(s.options.find((o) => o.productCode === 'vaxzevria')).toMatchObject({ allowed: false });
    ok(await nurse.vials.open({ lotId: lot('comirnaty').id }));
    expect(errorCode(await nurse.doses.record({ visitId: visit.visitId, lotId: lot('comirnaty').id }))).toBe('DOSE_DEVIATION_UNCONFIRMED');
  });

  it('prefers the open vial that fits the citizen over a lot expiring sooner', async () => {
    // No list row: stock decides.
    const { nurse } = await day([]);
    const visit = await arrive(nurse, MAI);
    const before = ok(await nurse.doses.suggest({ visitId: visit.visitId })).options.filter((o) => o.allowed);
    // Vaxzevria expires first; nothing is open yet.
    expect(before[0]!.productCode).toBe('vaxzevria');
    const comirnaty = before.find((o) => o.productCode === 'comirnaty')!;
    ok(await nurse.vials.open({ lotId: comirnaty.lotId }));
    const after = ok(await nurse.doses.suggest({ visitId: visit.visitId })).options.filter((o) => o.allowed);
    expect(after[0]).toMatchObject({ productCode: 'comirnaty', vial: { dosesLeft: 6 }, dosesPerVial: 6 });
  });
});

describe('a postponed person at the injection desk', () => {
  it('is offered nothing, with the screening outcome and return date, and the dose is refused', async () => {
    const { nurse, lot } = await day([{ card: HOA, product: 'comirnaty', dose: 1 }]);
    const visit = await arrive(nurse, HOA, adultAnswers({ temperature: 38.5 }, 'female'));
    const s = ok(await nurse.doses.suggest({ visitId: visit.visitId }));
    expect(s.step).toBe('postponed');
    expect(s.options.every((o) => !o.allowed)).toBe(true);
    expect(s.options[0]!.problems[0]).toMatchObject({ code: 'VISIT_NOT_AT_INJECTION', params: { step: 'postponed' } });
    expect(s.screening).toMatchObject({ outcome: 'postpone', returnDate: addDays(TODAY, 7) });
    expect(s.earliestDate).toBe(addDays(TODAY, 7));
    ok(await nurse.vials.open({ lotId: lot('comirnaty').id }));
    expect(errorCode(await nurse.doses.record({ visitId: visit.visitId, lotId: lot('comirnaty').id }))).toBe('INJECTION_NOT_AT_DESK');
    expect(count('SELECT count(*) FROM dose')).toBe(0);
  });
});

describe('a referral from observation', () => {
  async function vaccinated(list: CardFields[]) {
    const d = await day(list.map((card) => ({ card, product: 'comirnaty', dose: 1 })));
    ok(await d.nurse.vials.open({ lotId: d.lot('comirnaty').id }));
    const visits = [];
    for (const card of list) {
      const visit = await arrive(d.nurse, card);
      ok(await d.nurse.doses.record({ visitId: visit.visitId, lotId: d.lot('comirnaty').id }));
      visits.push(visit);
    }
    return { ...d, visits };
  }

  it('ends the visit as referred (with where), is listed for the supervisor, and prints nothing by itself', async () => {
    const { nurse, sup, visits } = await vaccinated([HOA, DUNG]);
    const [hoa, dung] = visits as [(typeof visits)[0], (typeof visits)[0]];
    const seen = listen();
    t.clock.set(new Date('2026-03-10T02:12:00.000Z'));
    const aefi = ok(
      await nurse.aefi.record({
        visitId: hoa.visitId,
        symptoms: ['anaphylaxis', 'dyspnoea_wheeze'],
        onsetAt: '2026-03-10T02:10:00.000Z',
        severity: 'severe',
        seriousness: ['life_threatening'],
        actionTaken: 'Adrenalin 0,5 mg tiêm bắp, thở oxy',
        referredTo: 'Bệnh viện Nhân dân 115',
      }),
    );
    expect(ok(await nurse.queue.get({ visitId: hoa.visitId })).step).toBe('referred');
    expect(ok(await sup.queue.outcomes({}))).toEqual([
      expect.objectContaining({ visitId: hoa.visitId, outcome: 'referred', fromStep: 'observation', referredTo: 'Bệnh viện Nhân dân 115', aefiId: aefi.id, doseGiven: true }),
    ]);
    const board = ok(await nurse.observation.board({})).entries.find((e) => e.visitId === hoa.visitId)!;
    expect(board).toMatchObject({ state: 'referred', referredTo: 'Bệnh viện Nhân dân 115' });
    expect(errorCode(await nurse.observation.release({ visitId: hoa.visitId }))).toBe('OBSERVATION_NOT_STARTED');

    // The other citizen is released normally: only that release reaches the automatic print.
    t.clock.set(new Date('2026-03-10T02:31:00.000Z'));
    ok(await nurse.observation.release({ visitId: dung.visitId }));
    await t.station.services.certificates.autoPrint.idle();
    const printed = seen.filter(([e]) => e === 'certificates:autoPrint').map(([, p]) => p.visitId);
    expect(printed).toEqual([dung.visitId]);
    expect(seen.filter(([e, p]) => e === 'queue:changed' && p.visitId === hoa.visitId).map(([, p]) => p.step)).toEqual(['referred']);
  });

  it('refuses a plain release after a serious event; a supervisor may release with a reason', async () => {
    const { nurse, sup, visits } = await vaccinated([HOA]);
    const hoa = visits[0]!;
    t.clock.set(new Date('2026-03-10T02:06:00.000Z'));
    ok(
      await nurse.aefi.record({
        visitId: hoa.visitId,
        symptoms: ['syncope'],
        onsetAt: '2026-03-10T02:05:00.000Z',
        severity: 'moderate',
        seriousness: ['other_medically_important'],
        actionTaken: 'Nằm đầu thấp, theo dõi mạch huyết áp',
      }),
    );
    t.clock.set(new Date('2026-03-10T02:40:00.000Z'));
    expect(errorCode(await nurse.observation.release({ visitId: hoa.visitId }))).toBe('OBSERVATION_SERIOUS_AEFI');
    const released = ok(await sup.observation.releaseEarly({ visitId: hoa.visitId, reason: 'Đã hồi phục hoàn toàn, bác sĩ khám lại đồng ý cho về' }));
    expect(released).toMatchObject({ state: 'released', earlyReleaseReason: 'Đã hồi phục hoàn toàn, bác sĩ khám lại đồng ý cho về' });
  });

  it('refers from the board without a new event, and needs a place', async () => {
    const { nurse, visits } = await vaccinated([HOA]);
    expect(errorCode(await nurse.observation.refer({ visitId: visits[0]!.visitId, referredTo: '  ' }))).toBe('REFERRAL_PLACE_REQUIRED');
    const outcome = ok(await nurse.observation.refer({ visitId: visits[0]!.visitId, referredTo: 'Bệnh viện Quận 1', note: 'Đau ngực kéo dài' }));
    expect(outcome).toMatchObject({ outcome: 'referred', referredTo: 'Bệnh viện Quận 1', note: 'Đau ngực kéo dài' });
    expect(count(`SELECT count(*) FROM audit_log WHERE operation = 'visit:outcome'`)).toBe(1);
  });
});

describe('people who leave, and the queue at the end of the day', () => {
  it('records left and no-show at any desk before the dose, and clears what is still waiting', async () => {
    const { nurse, sup, lot } = await day([]);
    const hoa = await arrive(nurse, HOA, null);
    const dung = await arrive(nurse, DUNG);
    const lan = await arrive(nurse, LAN);
    const mai = await arrive(nurse, MAI);
    ok(await nurse.vials.open({ lotId: lot('comirnaty').id }));
    ok(await nurse.doses.record({ visitId: mai.visitId, lotId: lot('comirnaty').id }));

    expect(ok(await nurse.queue.leave({ visitId: hoa.visitId, outcome: 'no_show' }))).toMatchObject({ outcome: 'no_show', fromStep: 'screening' });
    expect(ok(await nurse.queue.leave({ visitId: dung.visitId, outcome: 'left', note: 'Không chờ được' }))).toMatchObject({ outcome: 'left', fromStep: 'injection' });
    // After the dose, "not there when called" makes no sense; leaving does.
    expect(errorCode(await nurse.queue.leave({ visitId: mai.visitId, outcome: 'no_show' }))).toBe('VISIT_OUTCOME_NOT_ALLOWED');
    expect(errorCode(await nurse.queue.leave({ visitId: hoa.visitId, outcome: 'left' }))).toBe('VISIT_OUTCOME_NOT_ALLOWED');

    // Clearing is the supervisor's; Lan is still waiting for her dose, Mai is under observation.
    expect(errorCode(await nurse.queue.clear({}))).toBe('FORBIDDEN_ROLE');
    expect(ok(await sup.queue.clear({}))).toEqual({ cleared: 1, stillInObservation: 1 });
    const steps = Object.fromEntries(ok(await sup.queue.list({})).map((e) => [e.citizen.fullName, e.step]));
    expect(steps).toEqual({ 'Lê Thị Hoa': 'left', 'Phạm Văn Dũng': 'left', 'Trần Thị Lan': 'left', 'Ngô Thị Mai': 'observation' });
    const outcomes = ok(await sup.queue.outcomes({}));
    expect(outcomes.map((o) => [o.citizen.fullName, o.outcome]).sort()).toEqual([
      ['Lê Thị Hoa', 'no_show'],
      ['Phạm Văn Dũng', 'left'],
      ['Trần Thị Lan', 'queue_cleared'],
    ]);
    expect(count(`SELECT count(*) FROM audit_log WHERE operation = 'visit:outcome'`)).toBe(3);
    expect(lan.visitId).toBe(outcomes.find((o) => o.outcome === 'queue_cleared')!.visitId);
  });
});

describe('doses on hand and the next dose', () => {
  it('counts down as vials are opened, drawn from and wasted', async () => {
    const { nurse, lot } = await day([]);
    const onHand = async () => Object.fromEntries(ok(await nurse.plan.current({}))!.lots.map((l) => [l.lotNumber, l.dosesOnHand]));
    // Comirnaty: 10 vials of 6; Vaxzevria: 5 vials of 10.
    expect(await onHand()).toEqual({ FK5127: 60, ABV5811: 50 });
    const vial = ok(await nurse.vials.open({ lotId: lot('comirnaty').id }));
    expect(await onHand()).toEqual({ FK5127: 60, ABV5811: 50 });
    const first = await arrive(nurse, HOA);
    const recorded = ok(await nurse.doses.record({ visitId: first.visitId, lotId: lot('comirnaty').id }));
    ok(await nurse.vials.waste({ vialId: vial.id, doses: 1, reason: 'spilled' }));
    expect(await onHand()).toEqual({ FK5127: 58, ABV5811: 50 });
    ok(await nurse.vials.discard({ vialId: vial.id, reason: 'contaminated' }));
    expect(await onHand()).toEqual({ FK5127: 54, ABV5811: 50 });
    // The appointment for the second Comirnaty dose: 21 days on.
    expect(recorded.nextDose).toEqual({ productCode: 'comirnaty', productName: 'Comirnaty', doseNumber: 2, seriesDoses: 2, earliestDate: addDays(TODAY, 21) });
    const entry = ok(await nurse.observation.board({})).entries[0]!;
    expect(entry.nextDose).toMatchObject({ doseNumber: 2, earliestDate: addDays(TODAY, 21) });
  });
});

describe('the check-in list and the site', () => {
  it("marks list rows already checked in with their queue number and step", async () => {
    const { nurse, planId } = await day([
      { card: HOA, product: 'comirnaty', dose: 1 },
      { card: DUNG, product: 'comirnaty', dose: 1 },
    ]);
    await arrive(nurse, DUNG, null);
    const rows = ok(await nurse.targets.list({ planId })).rows;
    expect(rows.map((r) => [r.fullName, r.visit])).toEqual([
      ['Lê Thị Hoa', null],
      ['Phạm Văn Dũng', { queueNumber: 1, step: 'screening' }],
    ]);
    expect(ok(await nurse.targets.list({ planId, query: 'pham' })).rows[0]!.visit).toEqual({ queueNumber: 1, step: 'screening' });
  });

  it("lets a supervisor correct the site's details, audited; a nurse cannot", async () => {
    t = startTestStation();
    const { sup, nurse } = await setUpSite(t);
    const changed = { ...SITE, name: 'Trạm Y tế Phường Sài Gòn', commune: 'Phường Sài Gòn' };
    expect(errorCode(await nurse.setup.updateSite({ site: changed }))).toBe('FORBIDDEN_ROLE');
    expect(errorCode(await sup.setup.updateSite({ site: { ...changed, code: 'x' } }))).toBe('VALIDATION_FAILED');
    expect(ok(await sup.setup.updateSite({ site: changed }))).toMatchObject(changed);
    expect(ok(await nurse.setup.status({})).site).toMatchObject(changed);
    const audit = t.station.services.store.db.prepare(`SELECT before_json AS b, after_json AS a FROM audit_log WHERE operation = 'setup:updateSite'`).get() as { b: string; a: string };
    expect(JSON.parse(audit.b).name).toBe(SITE.name);
    expect(JSON.parse(audit.a).name).toBe(changed.name);
  });

  it('keeps the observation board readable on a locked desk, and nothing else', async () => {
    const { nurse } = await day([]);
    ok(await nurse.auth.lock({}));
    expect(ok(await nurse.observation.board({})).entries).toEqual([]);
    expect(errorCode(await nurse.queue.list({}))).toBe('AUTH_SESSION_LOCKED');
    expect(errorCode(await nurse.observation.release({ visitId: 'x' }))).toBe('AUTH_SESSION_LOCKED');
  });
});
