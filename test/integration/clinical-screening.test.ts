import { afterEach, describe, expect, it } from 'vitest';
import { addDays } from '../../main/domain/site-time';
import { errorCode, ok, setUpSite, startTestStation, type TestStation } from '../support/station';
import { adultAnswers, AN, BICH, checkIn, DUNG, openToday } from '../support/clinical-fixtures';

const TODAY = '2026-03-10';
let t: TestStation;
afterEach(() => t?.close());

async function day(lots?: Parameters<typeof openToday>[2]) {
  t = startTestStation();
  const desks = await setUpSite(t);
  await openToday(desks.sup, TODAY, lots);
  return desks;
}

const FORM = { formId: 'covid19-adult', formVersion: 1 };

describe('screening desk', () => {
  it('serves the forms as data and previews the follow-up questions an answer opens', async () => {
    const { nurse } = await day();
    const forms = ok(await nurse.screening.forms({}));
    expect(forms.map((f) => `${f.id}@${f.version}`).sort()).toEqual(['covid19-adult@1', 'covid19-child@1']);
    const adult = forms.find((f) => f.id === 'covid19-adult')!;
    expect(adult.questions.find((q) => q.id === 'temperature')).toMatchObject({ type: 'number', unit: '°C', min: 30, max: 43 });

    const visit = checkIn(t.station, BICH);
    const before = ok(await nurse.screening.preview({ visitId: visit.visitId, answers: adultAnswers({}, 'female') }));
    expect(before).toMatchObject({ formId: 'covid19-adult', formVersion: 1, problems: [] });
    expect(before.asked).not.toContain('pregnancy-weeks');
    expect(before.decision).toMatchObject({ outcome: 'eligible', observationMinutes: 30 });

    const pregnant = ok(await nurse.screening.preview({ visitId: visit.visitId, answers: adultAnswers({ pregnant: true }, 'female') }));
    expect(pregnant.asked).toContain('pregnancy-weeks');
    expect(pregnant.required).toContain('pregnancy-weeks');
    expect(pregnant.decision).toBeNull();
    expect(pregnant.problems).toContainEqual({ questionId: 'pregnancy-weeks', code: 'ANSWER_REQUIRED' });
  });

  it('records an eligible screening with its answers and form version and sends the visit to injection', async () => {
    const { nurse } = await day();
    const visit = checkIn(t.station, AN);
    const answers = adultAnswers({ pulse: 72 });
    const record = ok(await nurse.screening.record({ visitId: visit.visitId, ...FORM, answers }));
    expect(record).toMatchObject({ outcome: 'eligible', computedOutcome: 'eligible', nextStep: 'injection', formId: 'covid19-adult', formVersion: 1, screenedBy: 'Lê Văn Y Tá' });
    expect(record.answers).toEqual(answers);
    expect(ok(await nurse.queue.get({ visitId: visit.visitId })).step).toBe('injection');
    expect(ok(await nurse.screening.get({ visitId: visit.visitId }))?.id).toBe(record.id);
    const audit = t.station.services.store.q.audit.forEntity('screening', record.id);
    expect(audit.map((a) => a.operation)).toEqual(['screening:record']);
  });

  it('postpones a citizen with a fever with a return date, and the visit goes home', async () => {
    const { nurse } = await day();
    const visit = checkIn(t.station, AN);
    const record = ok(await nurse.screening.record({ visitId: visit.visitId, ...FORM, answers: adultAnswers({ temperature: 38.2 }) }));
    expect(record).toMatchObject({ outcome: 'postpone', nextStep: 'postponed', returnDate: addDays(TODAY, 7) });
    expect(record.reasons).toContainEqual(expect.objectContaining({ questionId: 'temperature', code: 'FEVER', effect: 'postpone' }));
    expect(ok(await nurse.queue.get({ visitId: visit.visitId })).step).toBe('postponed');
    // Nothing more happens to a postponed visit today.
    expect(errorCode(await nurse.screening.record({ visitId: visit.visitId, ...FORM, answers: adultAnswers() }))).toBe('SCREENING_VISIT_CLOSED');
    expect(errorCode(await nurse.doses.record({ visitId: visit.visitId, lotId: 'x' }))).toBe('INJECTION_NOT_AT_DESK');
  });

  it('takes a nurse\'s override only with a written reason, and keeps what the form concluded', async () => {
    const { nurse } = await day();
    const visit = checkIn(t.station, AN);
    const answers = adultAnswers({ temperature: 37.6 });
    const short = await nurse.screening.record({ visitId: visit.visitId, ...FORM, answers, override: { outcome: 'eligible', reason: 'ok' } });
    expect(errorCode(short)).toBe('SCREENING_OVERRIDE_REASON_TOO_SHORT');
    expect(ok(await nurse.queue.get({ visitId: visit.visitId })).step).toBe('screening');

    const record = ok(
      await nurse.screening.record({
        visitId: visit.visitId,
        ...FORM,
        answers,
        override: { outcome: 'eligible', reason: 'Đo lại sau 15 phút: 36,9 °C' },
      }),
    );
    expect(record).toMatchObject({ outcome: 'eligible', computedOutcome: 'postpone', nextStep: 'injection', override: { from: 'postpone', to: 'eligible', reason: 'Đo lại sau 15 phút: 36,9 °C' } });
    const row = t.station.services.store.db.prepare('SELECT outcome, computed_outcome, override_reason FROM screening WHERE id = ?').get(record.id);
    expect(row).toEqual({ outcome: 'eligible', computed_outcome: 'postpone', override_reason: 'Đo lại sau 15 phút: 36,9 °C' });
  });

  it('refers to hospital (saying where) and observes the over-65s for an hour', async () => {
    const { nurse } = await day();
    const referred = checkIn(t.station, AN);
    const answers = adultAnswers({ 'severe-immunodeficiency': true });
    // A referral without where to is refused, and nothing is recorded.
    expect(errorCode(await nurse.screening.record({ visitId: referred.visitId, ...FORM, answers }))).toBe('REFERRAL_PLACE_REQUIRED');
    expect(ok(await nurse.screening.get({ visitId: referred.visitId }))).toBeNull();
    expect(ok(await nurse.screening.record({ visitId: referred.visitId, ...FORM, answers, referredTo: 'Bệnh viện Nhân dân 115' }))).toMatchObject({
      outcome: 'refer',
      nextStep: 'referred',
    });
    expect(ok(await nurse.queue.outcomes({}))).toEqual([
      expect.objectContaining({ visitId: referred.visitId, outcome: 'referred', fromStep: 'screening', referredTo: 'Bệnh viện Nhân dân 115', doseGiven: false }),
    ]);
    const older = checkIn(t.station, DUNG);
    const record = ok(await nurse.screening.record({ visitId: older.visitId, ...FORM, answers: adultAnswers({ 'bp-systolic': 130, 'bp-diastolic': 80 }) }));
    expect(record).toMatchObject({ outcome: 'eligible', observationMinutes: 60 });
    expect(record.reasons).toContainEqual(expect.objectContaining({ questionId: 'age', code: 'AGE_65_OR_OVER' }));
  });

  it('sends a citizen contraindicated for mRNA to injection only when another platform is on hand', async () => {
    const answers = adultAnswers({ 'anaphylaxis-covid-vaccine': true, 'anaphylaxis-vaccine-type': 'mRNA' });
    const { nurse } = await day([{ productCode: 'comirnaty', lotNumber: 'FK5127' }]);
    const onlyMrna = checkIn(t.station, AN);
    expect(ok(await nurse.screening.record({ visitId: onlyMrna.visitId, ...FORM, answers }))).toMatchObject({
      outcome: 'contraindicated',
      contraindicatedPlatforms: ['mRNA'],
      nextStep: 'contraindicated',
    });
    t.close();

    const second = await day();
    const withVector = checkIn(t.station, AN);
    ok(await second.nurse.screening.record({ visitId: withVector.visitId, ...FORM, answers }));
    expect(ok(await second.nurse.queue.get({ visitId: withVector.visitId })).step).toBe('injection');
    const suggestion = ok(await second.nurse.doses.suggest({ visitId: withVector.visitId }));
    expect(suggestion.options.filter((o) => o.allowed).map((o) => o.productCode)).toEqual(['vaxzevria']);
    expect(suggestion.options.find((o) => o.productCode === 'comirnaty')?.problems.map((p) => p.code)).toContain('CONTRAINDICATED_PLATFORM');
  });

  it('refuses incomplete or implausible answers with the question and a code for each', async () => {
    const { nurse } = await day();
    const visit = checkIn(t.station, AN);
    const { temperature: _t, ...noTemperature } = adultAnswers();
    const result = await nurse.screening.record({ visitId: visit.visitId, ...FORM, answers: { ...noTemperature, pulse: 400 } });
    expect(errorCode(result)).toBe('SCREENING_ANSWERS_INVALID');
    expect(!result.ok && result.error.issues).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: 'temperature', code: 'ANSWER_REQUIRED' }), expect.objectContaining({ path: 'pulse', code: 'ANSWER_OUT_OF_RANGE' })]),
    );
    expect(errorCode(await nurse.screening.record({ visitId: visit.visitId, formId: 'covid19-child', formVersion: 1, answers: {} }))).toBe('SCREENING_FORM_WRONG_AGE');
    expect(errorCode(await nurse.screening.record({ visitId: visit.visitId, formId: 'covid19-adult', formVersion: 9, answers: {} }))).toBe('SCREENING_FORM_UNKNOWN');
    expect(errorCode(await nurse.screening.record({ visitId: 'no-such-visit', ...FORM, answers: adultAnswers() }))).toBe('NOT_FOUND');
  });

  it('refuses to screen a visit that has already been vaccinated and released', async () => {
    const { nurse } = await day();
    const visit = checkIn(t.station, AN, 'released');
    expect(errorCode(await nurse.screening.record({ visitId: visit.visitId, ...FORM, answers: adultAnswers() }))).toBe('SCREENING_VISIT_CLOSED');
  });
});
