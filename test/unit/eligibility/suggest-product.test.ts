import { describe, expect, it } from 'vitest';
import { RULES_V1, suggestProduct, type LotOnHand } from '../../../main/domain/eligibility';

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
});
