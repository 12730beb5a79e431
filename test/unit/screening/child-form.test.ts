import { describe, expect, it } from 'vitest';
import { COVID19_CHILD_V1, evaluateScreening, type ScreeningAnswers, type ScreeningContext, type ScreeningResult } from '../../../main/domain/screening';
import { TODAY, childAnswers } from './fixtures';

const GIRL_8: ScreeningContext = { today: TODAY, dateOfBirth: '2017-09-01', sex: 'female' };
const GIRL_15: ScreeningContext = { today: TODAY, dateOfBirth: '2010-09-01', sex: 'female' };
const BOY_14: ScreeningContext = { today: TODAY, dateOfBirth: '2011-09-01', sex: 'male' };

function conclude(answers: ScreeningAnswers, ctx: ScreeningContext): ScreeningResult {
  const evaluation = evaluateScreening(COVID19_CHILD_V1, answers, ctx);
  if (!evaluation.ok) throw new Error(`unexpected problems: ${JSON.stringify(evaluation.problems)}`);
  return evaluation.result;
}

describe('children form v1 (5–17)', () => {
  it('is eligible when there is nothing to report, with temperature and pulse taken', () => {
    const r = conclude(childAnswers(), GIRL_8);
    expect([r.formId, r.formVersion, r.outcome, r.observationMinutes]).toEqual(['covid19-child', 1, 'eligible', 30]);
  });

  it('requires the pulse of every child', () => {
    const answers = { ...childAnswers(), pulse: null };
    const evaluation = evaluateScreening(COVID19_CHILD_V1, answers, GIRL_8);
    expect(evaluation).toEqual({ ok: false, problems: [{ questionId: 'pulse', code: 'ANSWER_REQUIRED' }] });
  });

  it('does not ask an 8-year-old girl about pregnancy, and asks a 15-year-old', () => {
    const asked = evaluateScreening(COVID19_CHILD_V1, childAnswers({ pregnant: false }), GIRL_8);
    expect(asked.ok ? [] : asked.problems.map((p) => p.code)).toEqual(['ANSWER_NOT_APPLICABLE']);
    const missing = evaluateScreening(COVID19_CHILD_V1, childAnswers(), GIRL_15);
    expect(missing.ok ? [] : missing.problems).toEqual([{ questionId: 'pregnant', code: 'ANSWER_REQUIRED' }]);
  });

  it.each([
    ['pregnant under 13 weeks', { pregnant: true, 'pregnancy-weeks': 12 }, 'postpone', ['PREGNANCY_UNDER_13_WEEKS']],
    ['pregnant from 13 weeks', { pregnant: true, 'pregnancy-weeks': 20 }, 'eligible', ['PREGNANCY_13_WEEKS_OR_MORE']],
  ] as Array<[string, Record<string, boolean | number>, string, string[]]>)('%s', (_title, changes, outcome, codes) => {
    const r = conclude(childAnswers(changes, true), GIRL_15);
    expect(r.outcome).toBe(outcome);
    expect(r.reasons.map((x) => x.code)).toEqual(codes);
  });

  it.each([
    ['anaphylaxis after an mRNA dose', { 'anaphylaxis-covid-vaccine': true, 'anaphylaxis-vaccine-type': 'mRNA' }, 'contraindicated'],
    ['COVID-19 last month', { 'covid19-recent': true, 'covid19-date': '2026-02-10' }, 'postpone'],
    ['acute illness', { 'acute-illness': true }, 'postpone'],
    ['fever', { temperature: 38.0 }, 'postpone'],
    ['severe anaphylaxis to another allergen', { 'anaphylaxis-grade3-other': true }, 'refer'],
    ['severe immunodeficiency', { 'severe-immunodeficiency': true }, 'refer'],
    ['cancer under treatment', { 'cancer-under-treatment': true }, 'refer'],
    ['no spleen', { asplenia: true }, 'refer'],
    ['decompensated cirrhosis', { 'decompensated-cirrhosis': true }, 'refer'],
    ['high-dose corticosteroids', { immunosuppressants: true }, 'refer'],
    ['low SpO2', { spo2: 90 }, 'refer'],
    ['allergy to another allergen', { 'allergy-other': true }, 'eligible'],
    ['a bleeding disorder', { 'bleeding-risk': true }, 'eligible'],
  ] as Array<[string, Record<string, boolean | number | string>, string]>)('%s → %s', (_title, changes, outcome) => {
    const r = conclude(childAnswers(changes), BOY_14);
    expect(r.outcome).toBe(outcome);
    expect(r.reasons.length).toBeGreaterThan(0);
  });

  it('offers the inactivated and mRNA types a child may have had, and "unknown"', () => {
    const q = COVID19_CHILD_V1.questions.find((x) => x.id === 'anaphylaxis-vaccine-type');
    expect(q?.type === 'choice' ? q.options.map((o) => o.value) : []).toEqual(['mRNA', 'inactivated', 'unknown']);
  });

  it.each([
    ['pulse 65 at 8 is low', GIRL_8, { pulse: 65 }, ['PULSE_LOW']],
    ['pulse 65 at 14 is normal', BOY_14, { pulse: 65 }, []],
    ['pulse 110 at 8 is normal', GIRL_8, { pulse: 110 }, []],
    ['pulse 110 at 14 is high', BOY_14, { pulse: 110 }, ['PULSE_HIGH']],
    ['pulse 121 at 8 is high', GIRL_8, { pulse: 121 }, ['PULSE_HIGH']],
    ['breathing 28/min at 8 is normal', GIRL_8, { 'respiratory-rate': 28 }, []],
    ['breathing 28/min at 14 is fast', BOY_14, { 'respiratory-rate': 28 }, ['RESPIRATORY_RATE_HIGH']],
    ['breathing 31/min at 8 is fast', GIRL_8, { 'respiratory-rate': 31 }, ['RESPIRATORY_RATE_HIGH']],
  ] as Array<[string, ScreeningContext, Record<string, number>, string[]]>)('%s', (_title, ctx, vitals, codes) => {
    const r = conclude(childAnswers(vitals), ctx);
    expect(r.reasons.map((x) => x.code)).toEqual(codes);
  });
});
