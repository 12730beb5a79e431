import { afterEach, describe, expect, it } from 'vitest';
import { errorCode, ok, setUpSite, startTestStation, type TestStation } from '../support/station';

let t: TestStation;
afterEach(() => t?.close());

const TODAY = '2026-03-10';
const dayPlan = { sessionDate: TODAY, period: 'morning' as const, location: 'Hội trường Trạm Y tế', plannedCapacity: 200, targetGroups: ['adults_18_plus'] };
const lot = { productCode: 'comirnaty', lotNumber: 'FK5127', expiryDate: '2026-06-30', vialsReceived: 10 };

describe('session plan', () => {
  it('plans a day with two lots and opens it; desks then see it as the current session', async () => {
    t = startTestStation();
    const { sup, nurse } = await setUpSite(t);
    expect(ok(await nurse.plan.current({}))).toBeNull();
    const plan = ok(await sup.plan.create(dayPlan));
    expect(plan.state).toBe('planned');
    ok(await sup.plan.addLot({ planId: plan.id, ...lot }));
    const withLots = ok(await sup.plan.addLot({ planId: plan.id, productCode: 'vaxzevria', lotNumber: 'ABV5811', expiryDate: '2026-05-01', vialsReceived: 4 }));
    // Doses per vial default to the product's usual presentation: 6 for Comirnaty, 10 for Vaxzevria.
    expect(withLots.lots.map((l) => [l.lotNumber, l.dosesPerVial, l.dosesOnHand])).toEqual([
      ['FK5127', 6, 60],
      ['ABV5811', 10, 40],
    ]);
    expect(withLots.dosesOnHand).toBe(100);
    ok(await sup.plan.open({ id: plan.id }));
    const current = ok(await nurse.plan.current({}));
    expect(current?.id).toBe(plan.id);
    expect(current?.state).toBe('open');
  });

  it('refuses a session in the past and a second plan for the same slot', async () => {
    t = startTestStation();
    const { sup } = await setUpSite(t);
    expect(errorCode(await sup.plan.create({ ...dayPlan, sessionDate: '2026-03-09' }))).toBe('PLAN_DATE_PAST');
    ok(await sup.plan.create(dayPlan));
    expect(errorCode(await sup.plan.create(dayPlan))).toBe('PLAN_DUPLICATE');
    ok(await sup.plan.create({ ...dayPlan, period: 'afternoon' }));
  });

  it('refuses impossible dates and unknown target groups at the boundary', async () => {
    t = startTestStation();
    const { sup } = await setUpSite(t);
    const bad = await sup.plan.create({ ...dayPlan, sessionDate: '2026-02-30' });
    expect(errorCode(bad)).toBe('VALIDATION_FAILED');
    expect(!bad.ok && bad.error.issues?.[0]?.path).toBe('sessionDate');
    expect(errorCode(await sup.plan.create({ ...dayPlan, targetGroups: ['aliens'] }))).toBe('VALIDATION_FAILED');
    expect(ok(await sup.plan.list({}))).toHaveLength(0);
  });

  it('refuses a lot that expires before the session, and an expired lot on an open session', async () => {
    t = startTestStation();
    const { sup } = await setUpSite(t);
    const future = ok(await sup.plan.create({ ...dayPlan, sessionDate: '2026-04-01' }));
    const early = await sup.plan.addLot({ planId: future.id, ...lot, expiryDate: '2026-03-31' });
    expect(errorCode(early)).toBe('LOT_EXPIRES_BEFORE_SESSION');
    // Expiry dates are inclusive: a lot expiring on the session day is usable that day.
    ok(await sup.plan.addLot({ planId: future.id, ...lot, expiryDate: '2026-04-01' }));

    const today = ok(await sup.plan.create(dayPlan));
    ok(await sup.plan.addLot({ planId: today.id, ...lot }));
    ok(await sup.plan.open({ id: today.id }));
    t.clock.advanceMinutes(60 * 24 * 30); // a month later the session is still open
    ok(await sup.auth.unlock({ pin: '2468' }));
    const expired = await sup.plan.addLot({ planId: today.id, ...lot, lotNumber: 'OLD1', expiryDate: '2026-03-20' });
    expect(errorCode(expired)).toBe('LOT_EXPIRED');
    expect(ok(await sup.plan.get({ id: today.id })).lots.map((l) => l.lotNumber)).toEqual(['FK5127']);
  });

  it('freezes the day once open: fields are read-only, lots can still arrive but not be removed', async () => {
    t = startTestStation();
    const { sup } = await setUpSite(t);
    const plan = ok(await sup.plan.create(dayPlan));
    const added = ok(await sup.plan.addLot({ planId: plan.id, ...lot }));
    ok(await sup.plan.open({ id: plan.id }));
    expect(errorCode(await sup.plan.update({ id: plan.id, plannedCapacity: 300 }))).toBe('PLAN_NOT_EDITABLE');
    expect(errorCode(await sup.plan.removeLot({ lotId: added.lots[0]!.id }))).toBe('LOT_IN_USE');
    ok(await sup.plan.addLot({ planId: plan.id, ...lot, lotNumber: 'FK5128' }));
    expect(errorCode(await sup.plan.addLot({ planId: plan.id, ...lot, lotNumber: 'FK5128' }))).toBe('LOT_DUPLICATE');
  });

  it('opens only on the session day, with a usable lot, one session at a time', async () => {
    t = startTestStation();
    const { sup } = await setUpSite(t);
    const tomorrow = ok(await sup.plan.create({ ...dayPlan, sessionDate: '2026-03-11' }));
    ok(await sup.plan.addLot({ planId: tomorrow.id, ...lot }));
    expect(errorCode(await sup.plan.open({ id: tomorrow.id }))).toBe('PLAN_NOT_TODAY');
    const morning = ok(await sup.plan.create(dayPlan));
    expect(errorCode(await sup.plan.open({ id: morning.id }))).toBe('PLAN_NO_LOTS');
    ok(await sup.plan.addLot({ planId: morning.id, ...lot }));
    ok(await sup.plan.open({ id: morning.id }));
    expect(errorCode(await sup.plan.open({ id: morning.id }))).toBe('PLAN_STATE_INVALID');
    const afternoon = ok(await sup.plan.create({ ...dayPlan, period: 'afternoon' }));
    ok(await sup.plan.addLot({ planId: afternoon.id, ...lot }));
    expect(errorCode(await sup.plan.open({ id: afternoon.id }))).toBe('PLAN_OTHER_OPEN');
  });

  it('writes an audit row with before and after for every plan change', async () => {
    t = startTestStation();
    const { sup } = await setUpSite(t);
    const plan = ok(await sup.plan.create(dayPlan));
    ok(await sup.plan.update({ id: plan.id, plannedCapacity: 250 }));
    const rows = t.station.services.store.q.audit.forEntity('session_plan', plan.id);
    expect(rows.map((r) => r.operation)).toEqual(['plan:create', 'plan:update']);
    const update = rows[1]!;
    expect(JSON.parse(update.beforeJson!).plannedCapacity).toBe(200);
    expect(JSON.parse(update.afterJson!).plannedCapacity).toBe(250);
    const supervisor = t.station.services.store.q.staff.byUsername('giamsat')!;
    expect(update.staffId).toBe(supervisor.id);
    expect(update.at).toBe('2026-03-10T02:00:00.000Z');
  });

  it('tells desks about changes only after they are committed', async () => {
    t = startTestStation();
    const { sup, nurse } = await setUpSite(t);
    const seen: string[] = [];
    nurse.on('plan:changed', (e) => seen.push(e.state));
    const plan = ok(await sup.plan.create(dayPlan));
    // A refused change (rolled back) sends nothing.
    await sup.plan.addLot({ planId: plan.id, ...lot, expiryDate: '2026-01-01' });
    ok(await sup.plan.addLot({ planId: plan.id, ...lot }));
    ok(await sup.plan.open({ id: plan.id }));
    expect(seen).toEqual(['planned', 'planned', 'open']);
  });

  it('gives every plan, lot and target a time-ordered UUIDv7', async () => {
    t = startTestStation();
    const { sup } = await setUpSite(t);
    const plan = ok(await sup.plan.create(dayPlan));
    const withLot = ok(await sup.plan.addLot({ planId: plan.id, ...lot }));
    for (const id of [plan.id, withLot.lots[0]!.id]) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
