import { describe, expect, it } from 'vitest';
import { RULES_V1, summarizeHistory } from '../../../main/domain/eligibility';

const TODAY = '2026-03-10';
const DOB = '1980-01-01';

describe('summarizeHistory', () => {
  it('counts doses given elsewhere like ours, in date order', () => {
    const s = summarizeHistory(
      [
        { date: '2021-10-01', productCode: 'comirnaty', source: 'station' },
        { date: '2021-09-01', productCode: 'vaxzevria', source: 'national-registry' },
      ],
      RULES_V1,
      TODAY,
      DOB,
    );
    expect(s.doses.map((d) => [d.date, d.number])).toEqual([
      ['2021-09-01', 1],
      ['2021-10-01', 2],
    ]);
    expect(s.seriesProduct).toBe('vaxzevria');
    expect(s.nextDoseNumber).toBe(3);
  });

  it('counts two records of the same day once, keeping the catalogued one', () => {
    const s = summarizeHistory(
      [
        { date: '2021-09-01', productCode: 'AstraZeneca (paper card)', source: 'paper' },
        { date: '2021-09-01', productCode: 'vaxzevria', source: 'national-registry' },
        { date: '2021-11-01', productCode: 'vaxzevria', source: 'national-registry' },
      ],
      RULES_V1,
      TODAY,
      DOB,
    );
    expect(s.doses).toHaveLength(2);
    expect(s.doses[0]!.productCode).toBe('vaxzevria');
    expect(s.duplicatesMerged).toBe(1);
    expect(s.nextDoseNumber).toBe(3);
  });

  it('trusts a higher dose number from the source when earlier doses are missing', () => {
    const s = summarizeHistory([{ date: '2022-05-01', productCode: 'comirnaty', doseNumber: 3, source: 'national-registry' }], RULES_V1, TODAY, DOB);
    expect(s.doses[0]!.number).toBe(3);
    expect(s.nextDoseNumber).toBe(4);
  });

  it('does not let a lower stated number undo the count', () => {
    const s = summarizeHistory(
      [
        { date: '2021-09-01', productCode: 'comirnaty', doseNumber: 1, source: 'a' },
        { date: '2021-10-01', productCode: 'comirnaty', doseNumber: 1, source: 'b' },
      ],
      RULES_V1,
      TODAY,
      DOB,
    );
    expect(s.doses.map((d) => d.number)).toEqual([1, 2]);
  });

  it('takes the series length from the product it started with (Abdala: 3 doses)', () => {
    const s = summarizeHistory([{ date: '2021-12-01', productCode: 'abdala', source: 'station' }], RULES_V1, TODAY, DOB);
    expect(s.primaryDoses).toBe(3);
  });

  it('assumes two primary doses for a series started with a product not in the catalogue', () => {
    const s = summarizeHistory([{ date: '2021-12-01', productCode: 'novavax', source: 'abroad' }], RULES_V1, TODAY, DOB);
    expect(s.seriesProduct).toBeNull();
    expect(s.doses[0]!.known).toBe(false);
    expect(s.primaryDoses).toBe(2);
  });

  it('reports impossible history dates instead of counting them', () => {
    const s = summarizeHistory(
      [
        { date: '2021-02-30', productCode: 'comirnaty', source: 'paper' },
        { date: '2026-03-11', productCode: 'comirnaty', source: 'paper' },
        { date: '1979-12-31', productCode: 'comirnaty', source: 'paper' },
      ],
      RULES_V1,
      TODAY,
      DOB,
    );
    expect(s.problems.map((p) => p.code)).toEqual(['HISTORY_DATE_INVALID', 'HISTORY_DATE_IN_FUTURE', 'HISTORY_BEFORE_BIRTH']);
    expect(s.doses).toHaveLength(0);
  });
});
