import { describe, expect, it } from 'vitest';
import { ageBand, lotBalance, lotProblems, siteHour, undecidedItems, wastageRate } from '../../../main/domain/close-of-day';

const base = { dosesPerVial: 10, vialsReceived: 20, vialsOpened: 5, dosesInOpenedVials: 50, dosesDrawn: 46, dosesWasted: 4, dosesAdministered: 46, dosesLeftInOpenVials: 0, sealedVialsCounted: null };

describe('a lot balance (DHIS2 stock reconciliation)', () => {
  it('comes to zero when every dose is given, wasted or on hand', () => {
    const b = lotBalance(base);
    expect(b).toMatchObject({ dosesReceived: 200, sealedVialsExpected: 15, dosesRemaining: 150, varianceDoses: 0, drawnNotAdministered: 0, openedCoversAdministered: true });
    expect(b.wastageRate).toBeCloseTo(4 / 50);
  });

  it('shows a missing sealed vial as a variance in doses', () => {
    expect(lotBalance({ ...base, sealedVialsCounted: 14 }).varianceDoses).toBe(10);
    expect(lotBalance({ ...base, sealedVialsCounted: 16 }).varianceDoses).toBe(-10);
  });

  it('counts the doses still in open vials as remaining, and flags a dose drawn but not recorded as given', () => {
    expect(lotBalance({ ...base, dosesWasted: 0, dosesLeftInOpenVials: 4 }).varianceDoses).toBe(0);
    const voided = lotBalance({ ...base, dosesAdministered: 45 });
    expect(voided.varianceDoses).toBe(1);
    expect(voided.drawnNotAdministered).toBe(1);
  });

  it('refuses more doses than the opened vials held', () => {
    expect(lotBalance({ ...base, dosesAdministered: 51 }).openedCoversAdministered).toBe(false);
  });

  it('says what is missing for each line', () => {
    const b = lotBalance({ ...base, sealedVialsCounted: 14 });
    expect(lotProblems(b, { counted: false, countReason: null, countVariance: null, vialsOpenNow: 0, vialsPastInUseTime: 0 })).toEqual(['count_missing']);
    expect(lotProblems(b, { counted: true, countReason: null, countVariance: null, vialsOpenNow: 0, vialsPastInUseTime: 0 })).toEqual(['variance_unexplained']);
    expect(lotProblems(b, { counted: true, countReason: 'broken', countVariance: 10, vialsOpenNow: 0, vialsPastInUseTime: 0 })).toEqual([]);
    // A reason given for another variance than today's does not cover it.
    expect(lotProblems(b, { counted: true, countReason: 'broken', countVariance: 20, vialsOpenNow: 1, vialsPastInUseTime: 0 })).toEqual(['variance_unexplained', 'vials_still_open']);
    expect(lotProblems(lotBalance(base), { counted: true, countReason: null, countVariance: 0, vialsOpenNow: 2, vialsPastInUseTime: 1 })).toEqual(['vials_past_in_use_time']);
  });

  it('has no wastage rate before a vial is opened', () => {
    expect(wastageRate(0, 0)).toBeNull();
    expect(wastageRate(60, 60)).toBe(0);
  });
});

describe('report bands and hours', () => {
  it('puts people in age bands at the session date, a birth year alone counting as its last day', () => {
    expect(ageBand('1961-03-10', '2026-03-10')).toBe('65+');
    expect(ageBand('1961-03-11', '2026-03-10')).toBe('50-64');
    expect(ageBand('2008-03-10', '2026-03-10')).toBe('18-49');
    expect(ageBand('2008', '2026-03-10')).toBe('12-17');
    expect(ageBand('2020-01-01', '2026-03-10')).toBe('5-11');
  });

  it('gives the site hour of a UTC instant (UTC+7)', () => {
    expect(siteHour('2026-03-10T01:00:00.000Z')).toBe(8);
    expect(siteHour('2026-03-10T16:59:59.000Z')).toBe(23);
    expect(siteHour('2026-03-10T17:00:00.000Z')).toBe(0);
  });
});

describe('the work list at close', () => {
  it('needs a reason for each item still listed, and ignores reasons for items that resolved themselves', () => {
    const items = [{ key: 'in_observation:1' }, { key: 'open_vial:2' }];
    expect(undecidedItems(items, new Map([['in_observation:1', 'Đã về']]))).toEqual([{ key: 'open_vial:2' }]);
    expect(undecidedItems(items, new Map([['in_observation:1', 'a'], ['open_vial:2', 'b'], ['gone:3', 'c']]))).toEqual([]);
  });
});
