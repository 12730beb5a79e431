import { describe, expect, it } from 'vitest';
import { nextDoseDue, RULES_V1, suggestProduct, type ListedDose, type LotOnHand } from '../../../main/domain/eligibility';

const LOTS: LotOnHand[] = [
  { productCode: 'spikevax', lotNumber: 'SV-1', expiryDate: '2026-05-01' },
  { productCode: 'comirnaty', lotNumber: 'CO-LATE', expiryDate: '2026-09-01' },
  { productCode: 'vaxzevria', lotNumber: 'AZ-1', expiryDate: '2026-04-01' },
  { productCode: 'comirnaty', lotNumber: 'CO-SOON', expiryDate: '2026-04-15' },
  { productCode: 'vero-cell', lotNumber: 'VC-1', expiryDate: '2026-06-01' },
  { productCode: 'comirnaty', lotNumber: 'CO-OLD', expiryDate: '2026-03-01' },
];

function suggest(history: Array<[string, string]>, dateOfBirth = '1980-05-20', contraindications: { platforms: never[] | ['mRNA']; products: string[] } | null = null) {
  return suggestProduct({
    rules: RULES_V1,
    lots: LOTS,
    history: history.map(([date, productCode]) => ({ date, productCode, source: 'station' })),
    dateOfBirth,
    today: '2026-03-10',
    contraindications,
  });
}

describe('suggestProduct', () => {
  it('puts the product of the primary series first, soonest-expiring lot first, then the same platform', () => {
    const { suggestions } = suggest([['2026-02-01', 'comirnaty']]);
    expect(suggestions.map((s) => s.lot.lotNumber)).toEqual(['CO-SOON', 'CO-LATE', 'SV-1']);
    expect(suggestions.map((s) => s.preference)).toEqual(['series-product', 'series-product', 'series-platform']);
    expect(suggestions[0]!.evaluation.doseNumber).toBe(2);
  });

  it('returns refused lots with their reasons, so an expired lot is explained rather than hidden', () => {
    const { refused } = suggest([['2026-02-01', 'comirnaty']]);
    const old = refused.find((r) => r.lot.lotNumber === 'CO-OLD')!;
    expect(old.evaluation.checks.filter((c) => !c.passed).map((c) => c.explanation.code)).toEqual(['LOT_EXPIRED']);
    const az = refused.find((r) => r.lot.lotNumber === 'AZ-1')!;
    expect(az.evaluation.checks.filter((c) => !c.passed).map((c) => c.explanation.code)).toEqual(['MIXING_NOT_ALLOWED']);
  });

  it('for a first dose, offers every in-date product the age allows, soonest expiry first', () => {
    const { suggestions } = suggest([]);
    expect(suggestions.map((s) => s.lot.lotNumber)).toEqual(['AZ-1', 'CO-SOON', 'SV-1', 'VC-1', 'CO-LATE']);
  });

  it('offers a 12-year-old only the products licensed from 12 (and 3)', () => {
    const { suggestions } = suggest([], '2014-01-01');
    expect(new Set(suggestions.map((s) => s.lot.productCode))).toEqual(new Set(['comirnaty', 'spikevax', 'vero-cell']));
  });

  it('leaves out what screening contraindicated', () => {
    const { suggestions } = suggest([], '1980-05-20', { platforms: ['mRNA'], products: [] });
    expect(suggestions.map((s) => s.lot.productCode)).toEqual(['vaxzevria', 'vero-cell']);
  });

  it('suggests nothing during the interval, and every refusal says when', () => {
    const { suggestions, refused } = suggest([['2026-03-01', 'vero-cell']]);
    expect(suggestions).toEqual([]);
    const vc = refused.find((r) => r.lot.productCode === 'vero-cell')!;
    expect(vc.evaluation.earliestDate).toBe('2026-03-22');
  });

  it("puts the list's product before stock, and a lot with an open vial before one expiring sooner", () => {
    const listed: ListedDose = { productCode: 'spikevax', doseNumber: 1 };
    const lots = LOTS.map((l) => (l.lotNumber === 'CO-LATE' ? { ...l, openDoses: 3 } : l));
    const { suggestions } = suggestProduct({ rules: RULES_V1, lots, history: [], dateOfBirth: '1980-05-20', today: '2026-03-10', listed });
    expect(suggestions.map((s) => [s.lot.lotNumber, s.preference])).toEqual([
      ['SV-1', 'listed-product'],
      ['CO-LATE', 'other'],
      ['AZ-1', 'other'],
      ['CO-SOON', 'other'],
      ['VC-1', 'other'],
    ]);
    expect(suggestions[0]!.deviations).toEqual([]);
    expect(suggestions[1]!.deviations).toEqual([{ code: 'LIST_PRODUCT_DIFFERS', params: { listedProduct: 'spikevax', productCode: 'comirnaty' } }]);
  });

  it('keeps the series before the list, and names every departure of a lot', () => {
    const listed: ListedDose = { productCode: 'spikevax', doseNumber: 3 };
    const { suggestions } = suggestProduct({
      rules: RULES_V1,
      lots: LOTS,
      history: [{ date: '2026-02-01', productCode: 'comirnaty', source: 'station' }],
      dateOfBirth: '1980-05-20',
      today: '2026-03-10',
      listed,
    });
    expect(suggestions.map((s) => s.preference)).toEqual(['series-product', 'series-product', 'listed-product']);
    expect(suggestions[0]!.deviations.map((d) => d.code)).toEqual(['LIST_PRODUCT_DIFFERS', 'LIST_DOSE_DIFFERS']);
    expect(suggestions[2]!.deviations).toEqual([
      { code: 'SERIES_PRODUCT_DIFFERS', params: { seriesProduct: 'comirnaty', productCode: 'spikevax', doseNumber: 2 } },
      { code: 'LIST_DOSE_DIFFERS', params: { listedDose: 3, doseNumber: 2 } },
    ]);
  });

  it('does not hold a booster to the product of the series', () => {
    const { suggestions } = suggestProduct({
      rules: RULES_V1,
      lots: LOTS,
      history: [
        { date: '2025-06-01', productCode: 'vaxzevria', source: 'station' },
        { date: '2025-08-01', productCode: 'vaxzevria', source: 'station' },
      ],
      dateOfBirth: '1980-05-20',
      today: '2026-03-10',
    });
    expect(suggestions.find((s) => s.lot.productCode === 'comirnaty')!.deviations).toEqual([]);
  });
});

describe('nextDoseDue', () => {
  const history = (entries: Array<[string, string]>) => entries.map(([date, productCode]) => ({ date, productCode, source: 'station' }));

  it("gives the series' own product, the next number and the first allowed day", () => {
    expect(nextDoseDue(RULES_V1, history([['2026-03-10', 'vaxzevria']]), '1980-05-20', '2026-03-10')).toEqual({
      productCode: 'vaxzevria',
      doseNumber: 2,
      seriesDoses: 2,
      earliestDate: '2026-05-05',
    });
    expect(nextDoseDue(RULES_V1, history([['2026-03-10', 'abdala'], ['2026-03-24', 'abdala']]), '1980-05-20', '2026-03-24')).toMatchObject({ doseNumber: 3, earliestDate: '2026-04-07' });
  });

  it('is null for no dose, a complete series, or a series of an unknown product', () => {
    expect(nextDoseDue(RULES_V1, [], '1980-05-20', '2026-03-10')).toBeNull();
    expect(nextDoseDue(RULES_V1, history([['2026-01-01', 'comirnaty'], ['2026-02-01', 'comirnaty']]), '1980-05-20', '2026-03-10')).toBeNull();
    expect(nextDoseDue(RULES_V1, history([['2026-03-01', 'covaxin']]), '1980-05-20', '2026-03-10')).toBeNull();
  });

  it('moves a child who will have turned 12 to the 30 µg formulation', () => {
    expect(nextDoseDue(RULES_V1, history([['2026-03-10', 'comirnaty-5-11']]), '2014-03-20', '2026-03-10')).toMatchObject({
      productCode: 'comirnaty',
      earliestDate: '2026-03-31',
    });
    expect(nextDoseDue(RULES_V1, history([['2026-03-10', 'comirnaty-5-11']]), '2015-03-20', '2026-03-10')).toMatchObject({ productCode: 'comirnaty-5-11' });
  });
});
