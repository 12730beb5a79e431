import { describe, expect, it } from 'vitest';
import { COVID19_ADULT_V1, evaluateScreening, type ScreeningContext, type ScreeningResult } from '../../../main/domain/screening';
import { ADULT_MAN, ADULT_WOMAN, TODAY, adultAnswers } from './fixtures';

const ALL_PLATFORMS = ['mRNA', 'viral-vector', 'inactivated', 'protein-subunit'];

function conclude(changes: Record<string, boolean | number | string>, ctx: ScreeningContext = ADULT_MAN): ScreeningResult {
  const sex = ctx.sex === 'female' ? 'female' : 'male';
  const evaluation = evaluateScreening(COVID19_ADULT_V1, adultAnswers(changes, sex), ctx);
  if (!evaluation.ok) throw new Error(`unexpected problems: ${JSON.stringify(evaluation.problems)}`);
  return evaluation.result;
}

function codes(r: ScreeningResult): string[] {
  return r.reasons.map((x) => x.code);
}

describe('adult form v1: nothing to report', () => {
  it('is eligible with the 30-minute observation and no restrictions', () => {
    const r = conclude({});
    expect(r).toMatchObject({
      formId: 'covid19-adult',
      formVersion: 1,
      outcome: 'eligible',
      reasons: [],
      observationMinutes: 30,
      returnDate: null,
      contraindicatedPlatforms: [],
      contraindicatedProducts: [],
    });
  });
});

describe('adult form v1: each question drives its outcome', () => {
  const refer: Array<[string, string]> = [
    ['anaphylaxis-grade3-other', 'ANAPHYLAXIS_SEVERE_OTHER_ALLERGEN'],
    ['severe-immunodeficiency', 'IMMUNODEFICIENCY'],
    ['cancer-under-treatment', 'CANCER_UNDER_TREATMENT'],
    ['asplenia', 'ASPLENIA'],
    ['decompensated-cirrhosis', 'DECOMPENSATED_CIRRHOSIS'],
    ['immunosuppressants', 'IMMUNOSUPPRESSANTS'],
  ];
  it.each(refer)('%s → refer to hospital (%s)', (question, code) => {
    const r = conclude({ [question]: true });
    expect(r.outcome).toBe('refer');
    expect(r.reasons).toEqual([{ questionId: question, code, effect: 'refer', params: {} }]);
  });

  it.each([
    ['mRNA', ['mRNA']],
    ['viral-vector', ['viral-vector']],
    ['inactivated', ['inactivated']],
    ['protein-subunit', ['protein-subunit']],
  ])('anaphylaxis after an earlier %s dose → contraindicated for that platform only', (type, platforms) => {
    const r = conclude({ 'anaphylaxis-covid-vaccine': true, 'anaphylaxis-vaccine-type': type });
    expect(r.outcome).toBe('contraindicated');
    expect(r.contraindicatedPlatforms).toEqual(platforms);
    expect(codes(r)).toEqual(['ANAPHYLAXIS_PRIOR_DOSE']);
  });

  it('anaphylaxis to a vaccine of unknown type → contraindicated for every platform, above any referral', () => {
    const r = conclude({ 'anaphylaxis-covid-vaccine': true, 'anaphylaxis-vaccine-type': 'unknown', 'severe-immunodeficiency': true });
    expect(r.outcome).toBe('contraindicated');
    expect(r.contraindicatedPlatforms).toEqual(ALL_PLATFORMS);
  });

  it('acute illness → postpone with a return date a week on', () => {
    const r = conclude({ 'acute-illness': true });
    expect(r.outcome).toBe('postpone');
    expect(r.returnDate).toBe('2026-03-17');
    expect(r.reasons[0]).toMatchObject({ questionId: 'acute-illness', code: 'ACUTE_ILLNESS', effect: 'postpone', params: { returnDate: '2026-03-17' } });
  });

  it.each([
    ['2026-01-15', '2026-04-15'],
    ['2025-12-11', '2026-03-11'],
  ])('COVID-19 on %s → postpone until %s (infection + 3 months)', (date, returnDate) => {
    const r = conclude({ 'covid19-recent': true, 'covid19-date': date });
    expect(r.outcome).toBe('postpone');
    expect(r.returnDate).toBe(returnDate);
    expect(r.reasons[0]).toMatchObject({ code: 'COVID19_WITHIN_3_MONTHS', params: { date, returnDate, months: 3 } });
  });

  it('COVID-19 exactly 3 months ago no longer postpones', () => {
    expect(conclude({ 'covid19-recent': true, 'covid19-date': '2025-12-10' }).outcome).toBe('eligible');
  });

  it('COVID-19 on 30 November is 3 months old on 28 February', () => {
    const ctx = { ...ADULT_MAN, today: '2026-02-27' };
    expect(conclude({ 'covid19-recent': true, 'covid19-date': '2025-11-30' }, ctx).returnDate).toBe('2026-02-28');
    expect(conclude({ 'covid19-recent': true, 'covid19-date': '2025-11-30' }, { ...ctx, today: '2026-02-28' }).outcome).toBe('eligible');
  });

  it('pregnancy under 13 weeks → postpone until the 13th week', () => {
    const r = conclude({ pregnant: true, 'pregnancy-weeks': 10 }, ADULT_WOMAN);
    expect(r.outcome).toBe('postpone');
    expect(r.returnDate).toBe('2026-03-31');
    expect(codes(r)).toEqual(['PREGNANCY_UNDER_13_WEEKS']);
  });

  it('pregnancy from 13 weeks → vaccinate with counselling, never with Sputnik V', () => {
    const r = conclude({ pregnant: true, 'pregnancy-weeks': 13 }, ADULT_WOMAN);
    expect(r.outcome).toBe('eligible');
    expect(codes(r)).toEqual(['PREGNANCY_13_WEEKS_OR_MORE', 'SPUTNIK_V_NOT_IN_PREGNANCY']);
    expect(r.precautions).toEqual(['COUNSEL_BENEFIT_RISK']);
    expect(r.contraindicatedProducts).toEqual(['sputnik-v']);
  });

  it('breastfeeding → eligible, but not with Sputnik V', () => {
    const r = conclude({ breastfeeding: true }, ADULT_WOMAN);
    expect([r.outcome, r.contraindicatedProducts]).toEqual(['eligible', ['sputnik-v']]);
  });

  it('allergy to another allergen → eligible, observed for an hour', () => {
    const r = conclude({ 'allergy-other': true });
    expect([r.outcome, r.observationMinutes, codes(r)]).toEqual(['eligible', 60, ['ALLERGY_OTHER_ALLERGEN']]);
  });

  it('bleeding disorder or anticoagulants → eligible with a fine needle and longer pressure', () => {
    const r = conclude({ 'bleeding-risk': true });
    expect([r.outcome, r.observationMinutes, r.precautions]).toEqual(['eligible', 30, ['FINE_NEEDLE', 'PRESS_SITE_2_MIN']]);
  });

  it('impaired consciousness → eligible with a guardian present', () => {
    expect(conclude({ 'consciousness-disorder': true }).precautions).toEqual(['GUARDIAN_PRESENT']);
  });

  it('thrombosis with thrombocytopenia or capillary leak → no viral-vector vaccine', () => {
    const r = conclude({ 'tts-or-capillary-leak': true });
    expect([r.outcome, r.contraindicatedPlatforms]).toEqual(['contraindicated', ['viral-vector']]);
  });

  it('65 on the birthday → eligible with an hour of observation; blood pressure then required', () => {
    const ctx: ScreeningContext = { today: TODAY, dateOfBirth: '1961-03-10', sex: 'male' };
    const r = conclude({ 'bp-systolic': 130, 'bp-diastolic': 80 }, ctx);
    expect(r.reasons).toEqual([{ questionId: 'age', code: 'AGE_65_OR_OVER', effect: 'caution', params: { ageYears: 65, observationMinutes: 60 } }]);
    expect(r.observationMinutes).toBe(60);
    const dayBefore = conclude({}, { ...ctx, today: '2026-03-09' });
    expect(dayBefore.reasons).toEqual([]);
  });
});

describe('adult form v1: vital signs', () => {
  const table: Array<[string, Record<string, number>, string, string[]]> = [
    ['temperature 37.5 °C postpones', { temperature: 37.5 }, 'postpone', ['FEVER']],
    ['temperature 37.4 °C is normal', { temperature: 37.4 }, 'eligible', []],
    ['temperature 35.4 °C is a caution', { temperature: 35.4 }, 'eligible', ['TEMPERATURE_LOW']],
    ['pulse 101 is a caution', { pulse: 101 }, 'eligible', ['PULSE_HIGH']],
    ['pulse 100 is normal', { pulse: 100 }, 'eligible', []],
    ['pulse 59 is a caution', { pulse: 59 }, 'eligible', ['PULSE_LOW']],
    ['140/90 is normal', { 'bp-systolic': 140, 'bp-diastolic': 90 }, 'eligible', []],
    ['141/91 is a caution', { 'bp-systolic': 141, 'bp-diastolic': 91 }, 'eligible', ['BLOOD_PRESSURE_HIGH', 'BLOOD_PRESSURE_HIGH']],
    ['180/100 is a referral', { 'bp-systolic': 180, 'bp-diastolic': 100 }, 'refer', ['BLOOD_PRESSURE_SEVERELY_HIGH', 'BLOOD_PRESSURE_HIGH']],
    ['150/110 is a referral', { 'bp-systolic': 150, 'bp-diastolic': 110 }, 'refer', ['BLOOD_PRESSURE_HIGH', 'BLOOD_PRESSURE_SEVERELY_HIGH']],
    ['85/55 is a caution', { 'bp-systolic': 85, 'bp-diastolic': 55 }, 'eligible', ['BLOOD_PRESSURE_LOW', 'BLOOD_PRESSURE_LOW']],
    ['respiratory rate 26 is a caution', { 'respiratory-rate': 26 }, 'eligible', ['RESPIRATORY_RATE_HIGH']],
    ['SpO2 93 % is a referral', { spo2: 93 }, 'refer', ['SPO2_LOW']],
    ['SpO2 94 % is normal', { spo2: 94 }, 'eligible', []],
  ];
  it.each(table)('%s', (_title, vitals, outcome, expected) => {
    const r = conclude(vitals);
    expect(r.outcome).toBe(outcome);
    expect(codes(r)).toEqual(expected);
  });

  it('records the measured value and unit with the reason', () => {
    expect(conclude({ temperature: 38.2 }).reasons[0]!.params).toEqual({ value: 38.2, unit: '°C', returnDate: '2026-03-17' });
  });
});

describe('adult form v1: when several answers apply', () => {
  it('a referral wins over a postponement, and the return date is still given', () => {
    const r = conclude({ 'severe-immunodeficiency': true, temperature: 38 });
    expect([r.outcome, r.returnDate]).toEqual(['refer', '2026-03-17']);
  });

  it('a postponement wins over a contraindication to one platform, which is kept', () => {
    const r = conclude({ 'anaphylaxis-covid-vaccine': true, 'anaphylaxis-vaccine-type': 'mRNA', 'acute-illness': true });
    expect([r.outcome, r.contraindicatedPlatforms]).toEqual(['postpone', ['mRNA']]);
  });

  it('the longest postponement sets the return date', () => {
    const r = conclude({ 'acute-illness': true, 'covid19-recent': true, 'covid19-date': '2026-03-01' });
    expect(r.returnDate).toBe('2026-06-01');
  });

  it('the longest observation wins and precautions are not repeated', () => {
    const ctx: ScreeningContext = { today: TODAY, dateOfBirth: '1950-01-01', sex: 'male' };
    const r = conclude({ 'allergy-other': true, 'bleeding-risk': true, 'bp-systolic': 130, 'bp-diastolic': 80 }, ctx);
    expect(r.observationMinutes).toBe(60);
    expect(r.precautions).toEqual(['FINE_NEEDLE', 'PRESS_SITE_2_MIN']);
  });
});
