import type { ScreeningAnswers } from '../../main/domain/screening';

/**
 * Screening answers with nothing to report, for the COVID-19 forms: the rules'
 * unit tests and the clinical desks' tests start from these and change one
 * answer at a time.
 */

/** The questions both forms ask (covid19-common.ts), answered "no". */
const SHARED_NO: Readonly<Record<string, ScreeningAnswers[string]>> = {
  'anaphylaxis-covid-vaccine': false,
  'covid19-recent': false,
  'acute-illness': false,
  'anaphylaxis-grade3-other': false,
  'severe-immunodeficiency': false,
  'cancer-under-treatment': false,
  asplenia: false,
  'decompensated-cirrhosis': false,
  immunosuppressants: false,
  'allergy-other': false,
  'bleeding-risk': false,
  'consciousness-disorder': false,
};

/** An adult with nothing to report: every question answered "no", a normal temperature. */
export function adultAnswers(changes: Record<string, ScreeningAnswers[string]> = {}, sex: 'male' | 'female' = 'male'): ScreeningAnswers {
  const base: Record<string, ScreeningAnswers[string]> = {
    ...SHARED_NO,
    'tts-or-capillary-leak': false,
    temperature: 36.6,
  };
  if (sex === 'female') Object.assign(base, { pregnant: false, breastfeeding: false });
  return { ...base, ...changes };
}

/** A child with nothing to report; girls from 12 are asked about pregnancy. */
export function childAnswers(changes: Record<string, ScreeningAnswers[string]> = {}, askPregnancy = false): ScreeningAnswers {
  const base: Record<string, ScreeningAnswers[string]> = {
    ...SHARED_NO,
    temperature: 36.8,
    pulse: 90,
  };
  if (askPregnancy) base.pregnant = false;
  return { ...base, ...changes };
}
