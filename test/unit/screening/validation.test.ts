import { describe, expect, it } from 'vitest';
import { COVID19_ADULT_V1, COVID19_CHILD_V1, evaluateScreening, validateAnswers, type AnswerProblem, type ScreeningAnswers, type ScreeningContext } from '../../../main/domain/screening';
import { ADULT_MAN, ADULT_WOMAN, TODAY, adultAnswers, childAnswers } from './fixtures';

function problems(answers: ScreeningAnswers, ctx: ScreeningContext = ADULT_MAN): AnswerProblem[] {
  const evaluation = evaluateScreening(COVID19_ADULT_V1, answers, ctx);
  if (evaluation.ok) throw new Error('expected problems');
  return evaluation.problems;
}

function without(answers: ScreeningAnswers, id: string): ScreeningAnswers {
  const copy = { ...answers };
  delete copy[id];
  return copy;
}

describe('answers are checked before anything is concluded', () => {
  it('names every missing required answer', () => {
    const p = problems(without(without(adultAnswers(), 'acute-illness'), 'temperature'));
    expect(p).toEqual([
      { questionId: 'acute-illness', code: 'ANSWER_REQUIRED' },
      { questionId: 'temperature', code: 'ANSWER_REQUIRED' },
    ]);
  });

  it('treats null as not answered', () => {
    expect(problems(adultAnswers({ 'bleeding-risk': null }))).toEqual([{ questionId: 'bleeding-risk', code: 'ANSWER_REQUIRED' }]);
  });

  const impossible: Array<[string, Record<string, number>, string, Record<string, unknown>]> = [
    ['a temperature of 50 °C', { temperature: 50 }, 'temperature', { value: 50, min: 30, max: 43, unit: '°C' }],
    ['a temperature of 3.7 °C (decimal point lost)', { temperature: 3.7 }, 'temperature', { value: 3.7, min: 30 }],
    ['SpO2 of 120 %', { spo2: 120 }, 'spo2', { value: 120, max: 100, unit: '%' }],
    ['a pulse of 400', { pulse: 400 }, 'pulse', { value: 400, max: 250 }],
    ['a systolic pressure of 400', { 'bp-systolic': 400, 'bp-diastolic': 80 }, 'bp-systolic', { value: 400, max: 260 }],
    ['a pregnancy of 50 weeks', { 'pregnancy-weeks': 50 }, 'pregnancy-weeks', { value: 50, max: 42 }],
  ];
  it.each(impossible)('refuses %s as out of range', (_title, values, questionId, params) => {
    const ctx = questionId === 'pregnancy-weeks' ? ADULT_WOMAN : ADULT_MAN;
    const answers = adultAnswers(questionId === 'pregnancy-weeks' ? { pregnant: true, ...values } : values, ctx.sex === 'female' ? 'female' : 'male');
    const p = problems(answers, ctx);
    expect(p).toHaveLength(1);
    expect(p[0]).toMatchObject({ questionId, code: 'ANSWER_OUT_OF_RANGE', params });
  });

  it.each([
    ['a pulse with a fraction', { pulse: 72.5 }, 'pulse', 'ANSWER_NOT_WHOLE_NUMBER'],
    ['a temperature typed as text', { temperature: '37' }, 'temperature', 'ANSWER_NOT_A_NUMBER'],
    ['a temperature that is not a number', { temperature: Number.NaN }, 'temperature', 'ANSWER_NOT_A_NUMBER'],
    ['"no" as text for a yes/no question', { 'acute-illness': 'no' }, 'acute-illness', 'ANSWER_NOT_YES_NO'],
    ['an impossible infection date', { 'covid19-recent': true, 'covid19-date': '2026-02-30' }, 'covid19-date', 'ANSWER_NOT_A_DATE'],
    ['an infection date after today', { 'covid19-recent': true, 'covid19-date': '2026-03-11' }, 'covid19-date', 'ANSWER_DATE_IN_FUTURE'],
    ['an infection date before birth', { 'covid19-recent': true, 'covid19-date': '1979-01-01' }, 'covid19-date', 'ANSWER_DATE_BEFORE_BIRTH'],
    ['"yes, COVID-19" without its date', { 'covid19-recent': true }, 'covid19-date', 'ANSWER_REQUIRED'],
    ['anaphylaxis without the vaccine type', { 'anaphylaxis-covid-vaccine': true }, 'anaphylaxis-vaccine-type', 'ANSWER_REQUIRED'],
    ['a vaccine type that is not an option', { 'anaphylaxis-covid-vaccine': true, 'anaphylaxis-vaccine-type': 'pfizer' }, 'anaphylaxis-vaccine-type', 'ANSWER_CHOICE_INVALID'],
    ['a vaccine type left behind after anaphylaxis was unticked', { 'anaphylaxis-vaccine-type': 'mRNA' }, 'anaphylaxis-vaccine-type', 'ANSWER_NOT_APPLICABLE'],
    ['pregnancy answered for a man', { pregnant: false }, 'pregnant', 'ANSWER_NOT_APPLICABLE'],
    ['a question the form does not have', { 'hiv-status': true }, 'hiv-status', 'ANSWER_UNKNOWN_QUESTION'],
    ['one half of a blood pressure', { 'bp-systolic': 120 }, 'bp-diastolic', 'BLOOD_PRESSURE_INCOMPLETE'],
    ['a diastolic pressure above the systolic', { 'bp-systolic': 80, 'bp-diastolic': 120 }, 'bp-diastolic', 'BLOOD_PRESSURE_DIASTOLIC_NOT_BELOW_SYSTOLIC'],
  ] as Array<[string, Record<string, boolean | number | string>, string, string]>)('refuses %s', (_title, changes, questionId, code) => {
    const p = problems(adultAnswers(changes));
    expect(p.map((x) => [x.questionId, x.code])).toEqual([[questionId, code]]);
  });

  it('asks pregnancy and its term of a woman, and of anyone whose sex is not recorded', () => {
    expect(problems(adultAnswers({}, 'male'), ADULT_WOMAN).map((x) => x.questionId)).toEqual(['pregnant', 'breastfeeding']);
    expect(problems(adultAnswers({ pregnant: true }, 'female'), ADULT_WOMAN)).toEqual([{ questionId: 'pregnancy-weeks', code: 'ANSWER_REQUIRED' }]);
    expect(problems(adultAnswers(), { ...ADULT_MAN, sex: null }).map((x) => x.questionId)).toEqual(['pregnant', 'breastfeeding']);
  });

  it('requires blood pressure from 65', () => {
    const ctx: ScreeningContext = { today: TODAY, dateOfBirth: '1955-01-01', sex: 'male' };
    expect(problems(adultAnswers(), ctx)).toEqual([
      { questionId: 'bp-systolic', code: 'ANSWER_REQUIRED' },
      { questionId: 'bp-diastolic', code: 'ANSWER_REQUIRED' },
    ]);
  });
});

describe('the person must fit the form', () => {
  it.each([
    ['a 17-year-old on the adult form', { ...ADULT_MAN, dateOfBirth: '2008-03-11' }, 'FORM_AGE_OUT_OF_RANGE', { ageYears: 17, minAgeYears: 18 }],
    ['a date of birth that is not a date', { ...ADULT_MAN, dateOfBirth: '20/05/1980' }, 'CONTEXT_DATE_OF_BIRTH_INVALID', { dateOfBirth: '20/05/1980' }],
    ['a birth after today', { ...ADULT_MAN, dateOfBirth: '2026-03-11' }, 'CONTEXT_DATE_OF_BIRTH_IN_FUTURE', {}],
    ['a today that is not a date', { ...ADULT_MAN, today: '2026-3-10' }, 'CONTEXT_TODAY_INVALID', {}],
    ['a sex the station does not know', { ...ADULT_MAN, sex: 'x' as 'male' }, 'CONTEXT_SEX_INVALID', {}],
  ])('refuses %s', (_title, ctx, code, params) => {
    const p = problems(adultAnswers(), ctx as ScreeningContext);
    expect(p).toHaveLength(1);
    expect(p[0]).toMatchObject({ questionId: 'context', code, params });
  });

  it('refuses a 4-year-old and an 18-year-old on the children form', () => {
    for (const dateOfBirth of ['2021-03-11', '2008-03-10']) {
      const p = validateAnswers(COVID19_CHILD_V1, childAnswers(), { today: TODAY, dateOfBirth, sex: 'male' });
      expect(p.map((x) => x.code)).toEqual(['FORM_AGE_OUT_OF_RANGE']);
    }
  });
});
