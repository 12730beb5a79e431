import { afterEach, describe, expect, it } from 'vitest';
import { errorCode, ok, setUpSite, startTestStation, type TestStation } from '../support/station';

let t: TestStation;
afterEach(() => t?.close());

describe('smoke', () => {
  it('plans a day and opens it', async () => {
    t = startTestStation();
    const { sup, nurse } = await setUpSite(t);
    const plan = ok(await sup.plan.create({ sessionDate: '2026-03-10', period: 'morning', location: 'Trạm Y tế', plannedCapacity: 200, targetGroups: ['adults_18_plus'] }));
    ok(await sup.plan.addLot({ planId: plan.id, productCode: 'comirnaty', lotNumber: 'FK5127', expiryDate: '2026-06-30', vialsReceived: 10 }));
    expect(errorCode(await nurse.plan.update({ id: plan.id, plannedCapacity: 5 }))).toBe('FORBIDDEN_ROLE');
    const opened = ok(await sup.plan.open({ id: plan.id }));
    expect(opened.state).toBe('open');
    expect(opened.dosesOnHand).toBe(60);
  });
});
