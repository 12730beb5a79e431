import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  RULES_V1,
  addMonths,
  dayNumber,
  evaluateDose,
  fromDayNumber,
  type CheckRule,
  type Contraindications,
  type DoseEvaluation,
} from '../../../main/domain/eligibility';

const ADULT = '1980-05-20';
const LOT = { expiryDate: '2030-12-31', lotNumber: 'FK5127' };

function plusDays(date: string, days: number): string {
  return fromDayNumber(dayNumber(date)! + days);
}

function evaluate(
  product: string,
  history: ReadonlyArray<readonly [string, string]>,
  today: string,
  opts: { dateOfBirth?: string; lot?: { expiryDate: string; lotNumber?: string }; contraindications?: Contraindications } = {},
): DoseEvaluation {
  return evaluateDose({
    rules: RULES_V1,
    product,
    lot: opts.lot ?? LOT,
    history: history.map(([date, productCode]) => ({ date, productCode, source: 'station' })),
    dateOfBirth: opts.dateOfBirth ?? ADULT,
    today,
    contraindications: opts.contraindications ?? null,
  });
}

function failed(e: DoseEvaluation): string[] {
  return e.checks.filter((c) => !c.passed).map((c) => c.explanation.code);
}

function check(e: DoseEvaluation, rule: CheckRule) {
  const c = e.checks.find((x) => x.rule === rule);
  if (!c) throw new Error(`no ${rule} check`);
  return c;
}

describe('minimum interval between primary doses', () => {
  // product, interval in days, a date of birth the product accepts
  const cases: Array<[string, number, string]> = [
    ['comirnaty', 21, ADULT],
    ['comirnaty-5-11', 21, '2018-01-01'],
    ['spikevax', 28, ADULT],
    ['vaxzevria', 56, ADULT], // 8 weeks
    ['vero-cell', 21, ADULT],
    ['sputnik-v', 21, ADULT],
    ['abdala', 14, ADULT],
    ['hayat-vax', 21, ADULT],
  ];
  const first = '2026-01-10';

  it.each(cases)('%s: dose 2 allowed exactly %i days after dose 1', (product, days, dateOfBirth) => {
    const e = evaluate(product, [[first, product]], plusDays(first, days), { dateOfBirth });
    expect(e.decision).toBe('allowed');
    expect(e.doseNumber).toBe(2);
    expect(e.kind).toBe('primary');
    expect(check(e, 'interval').explanation.code).toBe('INTERVAL_MET');
  });

  it.each(cases)('%s: dose 2 refused one day short of %i days, naming the earliest date', (product, days, dateOfBirth) => {
    const e = evaluate(product, [[first, product]], plusDays(first, days - 1), { dateOfBirth });
    expect(e.decision).toBe('refused');
    expect(failed(e)).toEqual(['INTERVAL_TOO_SHORT']);
    const c = check(e, 'interval');
    expect(c.explanation.params).toMatchObject({ previousDate: first, minIntervalDays: days, daysSince: days - 1, earliestDate: plusDays(first, days) });
    expect(e.earliestDate).toBe(plusDays(first, days));
  });

  it('keeps the series interval when an mRNA vaccine finishes a Vaxzevria series', () => {
    expect(evaluate('comirnaty', [['2026-01-10', 'vaxzevria']], '2026-02-20').earliestDate).toBe('2026-03-07');
    expect(evaluate('comirnaty', [['2026-01-10', 'vaxzevria']], '2026-03-07').decision).toBe('allowed');
  });

  it('gives Abdala a third primary dose 14 days after the second', () => {
    const e = evaluate('abdala', [['2026-01-01', 'abdala'], ['2026-01-15', 'abdala']], '2026-01-29');
    expect([e.decision, e.doseNumber, e.kind]).toEqual(['allowed', 3, 'primary']);
  });
});

describe('boosters', () => {
  it('allows the first booster on the day 3 calendar months after the series, at month end', () => {
    const history = [['2025-11-09', 'comirnaty'], ['2025-11-30', 'comirnaty']] as const;
    const onTime = evaluate('comirnaty', history, '2026-02-28');
    expect([onTime.decision, onTime.doseNumber, onTime.kind, onTime.boosterNumber]).toEqual(['allowed', 3, 'booster', 1]);
    const early = evaluate('comirnaty', history, '2026-02-27');
    expect(failed(early)).toEqual(['BOOSTER_TOO_EARLY']);
    expect(check(early, 'interval').explanation.params).toMatchObject({ previousDate: '2025-11-30', minMonths: 3, earliestDate: '2026-02-28' });
    expect(early.earliestDate).toBe('2026-02-28');
  });

  it('allows the second booster 4 months after the first', () => {
    const history = [['2025-01-05', 'vaxzevria'], ['2025-03-05', 'vaxzevria'], ['2025-10-31', 'comirnaty']] as const;
    expect(evaluate('comirnaty', history, '2026-02-27').earliestDate).toBe('2026-02-28');
    const e = evaluate('comirnaty', history, '2026-02-28');
    expect([e.decision, e.doseNumber, e.boosterNumber]).toEqual(['allowed', 4, 2]);
  });

  it('counts the booster after a three-dose Abdala series as dose 4, booster 1', () => {
    const e = evaluate('comirnaty', [['2025-01-01', 'abdala'], ['2025-01-15', 'abdala'], ['2025-01-29', 'abdala']], '2025-04-29');
    expect([e.decision, e.doseNumber, e.boosterNumber]).toEqual(['allowed', 4, 1]);
  });

  it('refuses a dose after the second booster: the series is complete, no date will help', () => {
    const history = [['2021-08-01', 'comirnaty'], ['2021-08-22', 'comirnaty'], ['2022-01-10', 'comirnaty'], ['2022-06-10', 'comirnaty']] as const;
    const e = evaluate('comirnaty', history, '2026-03-10');
    expect(failed(e)).toEqual(['DOSE_SERIES_COMPLETE']);
    expect(check(e, 'series-complete').explanation.params).toEqual({ dosesReceived: 4, maxDoses: 4 });
    expect(e.earliestDate).toBeNull();
  });

  it('refuses a second booster to a 16-year-old until the 18th birthday', () => {
    const dob = '2010-04-01';
    const history = [['2024-01-01', 'comirnaty'], ['2024-01-22', 'comirnaty'], ['2025-01-10', 'comirnaty']] as const;
    const e = evaluate('comirnaty', history, '2026-03-10', { dateOfBirth: dob });
    expect(failed(e)).toEqual(['BOOSTER_AGE_BELOW_MINIMUM']);
    expect(e.earliestDate).toBe('2028-04-01');
  });
});

describe('age limits per product and formulation', () => {
  it('allows Comirnaty 30 µg on the 12th birthday, not the day before, and points to the 5–11 formulation', () => {
    const dob = '2014-03-10';
    expect(evaluate('comirnaty', [], '2026-03-10', { dateOfBirth: dob }).decision).toBe('allowed');
    const e = evaluate('comirnaty', [], '2026-03-09', { dateOfBirth: dob });
    expect(failed(e)).toEqual(['AGE_BELOW_MINIMUM']);
    expect(check(e, 'age-minimum').explanation.params).toMatchObject({ minAgeYears: 12, ageYears: 11, alternative: 'comirnaty-5-11', earliestDate: '2026-03-10' });
    expect(e.earliestDate).toBe('2026-03-10');
  });

  it('refuses the 5–11 formulation from the 12th birthday and points to the 30 µg one', () => {
    const dob = '2014-03-10';
    expect(evaluate('comirnaty-5-11', [], '2026-03-09', { dateOfBirth: dob }).decision).toBe('allowed');
    const e = evaluate('comirnaty-5-11', [], '2026-03-10', { dateOfBirth: dob });
    expect(failed(e)).toEqual(['AGE_ABOVE_MAXIMUM']);
    expect(check(e, 'age-maximum').explanation.params).toMatchObject({ maxAgeYears: 11, ageYears: 12, alternative: 'comirnaty', lastDate: '2026-03-09' });
    expect(e.earliestDate).toBeNull();
  });

  it('refuses the 5–11 formulation under 5', () => {
    expect(failed(evaluate('comirnaty-5-11', [], '2026-03-09', { dateOfBirth: '2021-03-10' }))).toEqual(['AGE_BELOW_MINIMUM']);
  });

  it('lets a child who turned 12 between doses finish with the 30 µg formulation', () => {
    const dob = '2014-03-10';
    const e = evaluate('comirnaty', [['2026-02-20', 'comirnaty-5-11']], '2026-03-13', { dateOfBirth: dob });
    expect([e.decision, e.doseNumber]).toEqual(['allowed', 2]);
  });

  it.each([
    ['vaxzevria', 18],
    ['sputnik-v', 18],
    ['abdala', 18],
    ['hayat-vax', 18],
    ['spikevax', 12],
    ['vero-cell', 3],
  ])('%s: allowed from the birthday at %i', (product, years) => {
    const dob = '2000-07-15';
    const birthday = `${2000 + years}-07-15`;
    expect(evaluate(product, [], birthday, { dateOfBirth: dob }).decision).toBe('allowed');
    const dayBefore = evaluate(product, [], plusDays(birthday, -1), { dateOfBirth: dob });
    expect(failed(dayBefore)).toEqual(['AGE_BELOW_MINIMUM']);
    expect(dayBefore.earliestDate).toBe(birthday);
  });

  it('counts a 29 February birthday from 1 March in a common year', () => {
    const e = evaluate('vaxzevria', [], '2026-02-28', { dateOfBirth: '2008-02-29' });
    expect(e.earliestDate).toBe('2026-03-01');
    expect(evaluate('vaxzevria', [], '2026-03-01', { dateOfBirth: '2008-02-29' }).decision).toBe('allowed');
  });
});

describe('lot expiry', () => {
  it('allows a lot on its expiry day and refuses it the day after', () => {
    expect(evaluate('comirnaty', [], '2026-03-10', { lot: { expiryDate: '2026-03-10' } }).decision).toBe('allowed');
    const e = evaluate('comirnaty', [], '2026-03-11', { lot: { expiryDate: '2026-03-10', lotNumber: 'FK5127' } });
    expect(failed(e)).toEqual(['LOT_EXPIRED']);
    expect(check(e, 'lot-expiry').explanation.params).toEqual({ expiryDate: '2026-03-10', lotNumber: 'FK5127', today: '2026-03-11' });
    expect(e.earliestDate).toBeNull();
  });

  it('refuses a lot whose expiry date is not a date', () => {
    expect(failed(evaluate('comirnaty', [], '2026-03-10', { lot: { expiryDate: '31/12/2026' } }))).toEqual(['LOT_EXPIRY_INVALID']);
  });
});

describe('mixing rules', () => {
  const refusals: Array<[string, ReadonlyArray<readonly [string, string]>, string, string]> = [
    ['Vaxzevria cannot finish an mRNA series', [['2025-06-01', 'comirnaty']], 'vaxzevria', 'MIXING_NOT_ALLOWED'],
    ['Sputnik V is finished only with Sputnik V', [['2025-06-01', 'sputnik-v']], 'vaxzevria', 'MIXING_NOT_ALLOWED'],
    ['an inactivated series is not finished with Abdala', [['2025-06-01', 'vero-cell']], 'abdala', 'MIXING_NOT_ALLOWED'],
    ['an inactivated booster does not follow an mRNA series', [['2025-01-01', 'comirnaty'], ['2025-01-22', 'comirnaty']], 'vero-cell', 'BOOSTER_PRODUCT_NOT_ALLOWED'],
    ['Abdala boosts only Abdala', [['2025-01-01', 'vero-cell'], ['2025-01-22', 'vero-cell']], 'abdala', 'BOOSTER_PRODUCT_NOT_ALLOWED'],
    ['Sputnik V is not a booster here', [['2025-01-01', 'sputnik-v'], ['2025-01-22', 'sputnik-v']], 'sputnik-v', 'PRODUCT_NOT_FOR_BOOSTER'],
    [
      'a 4th dose follows the 3rd dose, not the primary series',
      [['2024-01-01', 'vero-cell'], ['2024-01-22', 'vero-cell'], ['2024-06-01', 'comirnaty']],
      'vero-cell',
      'BOOSTER_PRODUCT_NOT_ALLOWED',
    ],
    ['a series begun abroad with an unknown product is not finished with an inactivated vaccine', [['2025-06-01', 'novavax']], 'vero-cell', 'MIXING_UNKNOWN_SERIES_PRODUCT'],
  ];

  it.each(refusals)('%s', (_title, history, product, code) => {
    const e = evaluate(product, history, '2026-03-10');
    expect(e.decision).toBe('refused');
    expect(failed(e)).toEqual([code]);
    expect(check(e, 'mixing').explanation.params.productCode).toBe(product);
    expect(e.earliestDate).toBeNull();
  });

  const allowed: Array<[string, ReadonlyArray<readonly [string, string]>, string]> = [
    ['an mRNA second dose after Vaxzevria', [['2025-06-01', 'vaxzevria']], 'spikevax'],
    ['Hayat-Vax after Vero Cell', [['2025-06-01', 'vero-cell']], 'hayat-vax'],
    ['Spikevax after Comirnaty', [['2025-06-01', 'comirnaty']], 'spikevax'],
    ['an inactivated booster after an inactivated series', [['2025-01-01', 'vero-cell'], ['2025-01-22', 'hayat-vax']], 'vero-cell'],
    ['a Vaxzevria booster after a Vero Cell series', [['2025-01-01', 'vero-cell'], ['2025-01-22', 'vero-cell']], 'vaxzevria'],
    ['an mRNA booster after Sputnik V', [['2025-01-01', 'sputnik-v'], ['2025-01-22', 'sputnik-v']], 'comirnaty'],
    ['an mRNA dose after a series begun abroad with an unknown product', [['2025-06-01', 'novavax']], 'comirnaty'],
  ];

  it.each(allowed)('allows %s', (_title, history, product) => {
    expect(evaluate(product, history, '2026-03-10').decision).toBe('allowed');
  });

  it('refuses the 5–11 formulation as a booster, and says when the child could have one', () => {
    const dob = '2015-06-01';
    const e = evaluate('comirnaty-5-11', [['2025-01-01', 'comirnaty-5-11'], ['2025-01-22', 'comirnaty-5-11']], '2026-03-10', { dateOfBirth: dob });
    expect(failed(e).sort()).toEqual(['BOOSTER_AGE_BELOW_MINIMUM', 'PRODUCT_NOT_FOR_BOOSTER']);
    expect(check(e, 'booster-age').earliestDate).toBe('2027-06-01');
    expect(e.earliestDate).toBeNull();
  });
});

describe('screening contraindications', () => {
  const ci: Contraindications = { platforms: ['mRNA'], products: ['sputnik-v'] };

  it('refuses a contraindicated platform or product and allows the others', () => {
    expect(failed(evaluate('comirnaty', [], '2026-03-10', { contraindications: ci }))).toEqual(['CONTRAINDICATED_PLATFORM']);
    expect(failed(evaluate('sputnik-v', [], '2026-03-10', { contraindications: ci }))).toEqual(['CONTRAINDICATED_PRODUCT']);
    expect(evaluate('vaxzevria', [], '2026-03-10', { contraindications: ci }).decision).toBe('allowed');
  });
});

describe('bad input', () => {
  it.each([
    ['an unknown product', 'moderna-xyz', ADULT, '2026-03-10', 'PRODUCT_UNKNOWN'],
    ['a date of birth that is not a date', 'comirnaty', '1980-13-01', '2026-03-10', 'DATE_OF_BIRTH_INVALID'],
    ['a date of birth after today', 'comirnaty', '2026-03-11', '2026-03-10', 'DATE_OF_BIRTH_IN_FUTURE'],
    ['a today that is not a date', 'comirnaty', ADULT, 'yesterday', 'TODAY_INVALID'],
  ])('refuses %s with its own code', (_title, product, dob, today, code) => {
    const e = evaluate(product, [], today, { dateOfBirth: dob });
    expect(e.decision).toBe('refused');
    expect(failed(e)).toContain(code);
  });

  it('refuses when the history holds a dose dated in the future', () => {
    const e = evaluate('comirnaty', [['2026-04-01', 'comirnaty']], '2026-03-10');
    expect(failed(e)).toEqual(['HISTORY_DATE_IN_FUTURE']);
  });

  it('does not treat inherited object keys as products', () => {
    expect(failed(evaluate('constructor', [], '2026-03-10'))).toEqual(['PRODUCT_UNKNOWN']);
  });
});

describe('every decision explains itself', () => {
  const products = Object.keys(RULES_V1.products);
  const day = fc.integer({ min: dayNumber('2021-03-01')!, max: dayNumber('2027-12-31')! }).map(fromDayNumber);

  it('refusals name a failed rule, and waiting until the earliest date makes the dose allowed', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...products),
        fc.array(fc.tuple(day, fc.constantFrom(...products)), { maxLength: 4 }),
        day,
        fc.integer({ min: dayNumber('1940-01-01')!, max: dayNumber('2020-12-31')! }).map(fromDayNumber),
        (product, doses, today, dob) => {
          const history = doses.filter(([d]) => d <= today && d >= dob);
          // A lot that outlives every date drawn: the earliest date is the citizen's, not the lot's.
          const lot = { expiryDate: '2099-12-31' };
          const e = evaluate(product, history, today, { dateOfBirth: dob, lot });
          if (e.decision === 'allowed') {
            expect(e.checks.every((c) => c.passed)).toBe(true);
            return;
          }
          const failures = e.checks.filter((c) => !c.passed);
          expect(failures.length).toBeGreaterThan(0);
          for (const f of failures) {
            expect(f.explanation.code).toMatch(/^[A-Z0-9_]+$/);
            if (f.earliestDate !== undefined) {
              expect(f.earliestDate > today).toBe(true);
              expect(f.explanation.params.earliestDate).toBe(f.earliestDate);
            }
          }
          if (e.earliestDate !== null) {
            expect(evaluate(product, history, e.earliestDate, { dateOfBirth: dob, lot }).decision).toBe('allowed');
          }
        },
      ),
      { numRuns: 400, seed: 20260310 },
    );
  });

  it('names the rules version that decided', () => {
    const e = evaluate('comirnaty', [], '2026-03-10');
    expect([e.rulesId, e.rulesVersion]).toEqual(['vn-covid19', 1]);
  });

  it('adds months the same way the booster rule does', () => {
    expect(addMonths('2025-11-30', 3)).toBe('2026-02-28');
  });
});
