import { describe, expect, it } from 'vitest';
import {
  COVID19_ADULT_V1,
  applyOverride,
  contraindicationsOf,
  decisionOf,
  evaluateScreening,
  permitsVaccination,
  type ScreeningResult,
} from '../../../main/domain/screening';
import { ADULT_MAN, TODAY, adultAnswers } from './fixtures';

function result(changes: Record<string, boolean | number | string> = {}): ScreeningResult {
  const e = evaluateScreening(COVID19_ADULT_V1, adultAnswers(changes), ADULT_MAN);
  if (!e.ok) throw new Error('invalid');
  return e.result;
}

const NURSE = { staffId: 'staff-7', reason: 'Sốt do tiêm chủng cúm hôm qua, đã hạ' };

describe('a nurse overrides the computed outcome', () => {
  it('keeps the computed outcome and reasons next to the final one', () => {
    const fever = result({ temperature: 37.6 });
    const r = applyOverride(fever, { ...NURSE, outcome: 'eligible' }, TODAY);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.decision.outcome).toBe('eligible');
    expect(r.decision.computedOutcome).toBe('postpone');
    expect(r.decision.reasons).toEqual(fever.reasons);
    expect(r.decision.returnDate).toBeNull();
    expect(r.decision.override).toEqual({ from: 'postpone', to: 'eligible', reason: NURSE.reason, staffId: 'staff-7' });
  });

  it('postpones with the date the nurse gives, or the computed one', () => {
    const sick = result({ 'acute-illness': true });
    const own = applyOverride(sick, { ...NURSE, outcome: 'postpone', returnDate: '2026-03-12' }, TODAY);
    expect(own.ok && own.decision.returnDate).toBe('2026-03-12');
    const computed = applyOverride(result({ 'allergy-other': true, 'acute-illness': true }), { ...NURSE, outcome: 'postpone', observationMinutes: 90 }, TODAY);
    expect(computed.ok && [computed.decision.returnDate, computed.decision.observationMinutes]).toEqual(['2026-03-17', 90]);
  });

  it('keeps a contraindication when overriding to eligible unless the nurse clears it explicitly', () => {
    const ana = result({ 'anaphylaxis-covid-vaccine': true, 'anaphylaxis-vaccine-type': 'mRNA' });
    const kept = applyOverride(ana, { ...NURSE, outcome: 'eligible' }, TODAY);
    expect(kept.ok && kept.decision.contraindicatedPlatforms).toEqual(['mRNA']);
    const cleared = applyOverride(ana, { ...NURSE, outcome: 'eligible', contraindicatedPlatforms: [] }, TODAY);
    expect(cleared.ok && cleared.decision.contraindicatedPlatforms).toEqual([]);
  });

  it.each([
    ['no written reason', { ...NURSE, reason: '   ', outcome: 'eligible' as const }, result({ temperature: 38 }), 'OVERRIDE_REASON_TOO_SHORT'],
    ['a reason of "ok"', { ...NURSE, reason: 'ok', outcome: 'eligible' as const }, result({ temperature: 38 }), 'OVERRIDE_REASON_TOO_SHORT'],
    ['no staff member', { ...NURSE, staffId: '', outcome: 'eligible' as const }, result({ temperature: 38 }), 'OVERRIDE_STAFF_REQUIRED'],
    ['an outcome the form does not have', { ...NURSE, outcome: 'maybe' as 'eligible' }, result(), 'OVERRIDE_OUTCOME_INVALID'],
    ['a postponement without a date', { ...NURSE, outcome: 'postpone' as const }, result(), 'OVERRIDE_RETURN_DATE_REQUIRED'],
    ['a return date of today', { ...NURSE, outcome: 'postpone' as const, returnDate: TODAY }, result(), 'OVERRIDE_RETURN_DATE_INVALID'],
    ['a return date that is not a date', { ...NURSE, outcome: 'postpone' as const, returnDate: '2026-02-30' }, result(), 'OVERRIDE_RETURN_DATE_INVALID'],
    ['observation cut below 30 minutes', { ...NURSE, outcome: 'eligible' as const, observationMinutes: 15 }, result({ temperature: 38 }), 'OVERRIDE_OBSERVATION_TOO_SHORT'],
    ['a contraindication that names nothing', { ...NURSE, outcome: 'contraindicated' as const }, result(), 'OVERRIDE_CONTRAINDICATION_REQUIRED'],
    ['an unknown platform', { ...NURSE, outcome: 'contraindicated' as const, contraindicatedPlatforms: ['dna' as 'mRNA'] }, result(), 'OVERRIDE_PLATFORM_UNKNOWN'],
    ['an override that changes nothing', { ...NURSE, outcome: 'eligible' as const }, result(), 'OVERRIDE_CHANGES_NOTHING'],
  ])('refuses %s', (_title, request, computed, code) => {
    const r = applyOverride(computed, request, TODAY);
    expect(r.ok ? null : r.code).toBe(code);
  });

  it('records a decision without override as such', () => {
    const d = decisionOf(result());
    expect([d.outcome, d.computedOutcome, d.override]).toEqual(['eligible', 'eligible', null]);
  });
});

describe('what the injection desk may give after screening', () => {
  it('allows other platforms after a platform contraindication, nothing after postpone or refer', () => {
    const ana = result({ 'anaphylaxis-covid-vaccine': true, 'anaphylaxis-vaccine-type': 'mRNA' });
    expect(permitsVaccination(ana, 'comirnaty', 'mRNA')).toBe(false);
    expect(permitsVaccination(ana, 'vaxzevria', 'viral-vector')).toBe(true);
    expect(contraindicationsOf(ana)).toEqual({ platforms: ['mRNA'], products: [] });
    expect(permitsVaccination(result({ temperature: 38 }), 'vaxzevria', 'viral-vector')).toBe(false);
    expect(permitsVaccination(result({ asplenia: true }), 'vaxzevria', 'viral-vector')).toBe(false);
    expect(permitsVaccination(result(), 'comirnaty', 'mRNA')).toBe(true);
  });
});
