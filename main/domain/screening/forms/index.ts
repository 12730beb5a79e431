import type { ScreeningForm } from '../types';
import { COVID19_ADULT_V1 } from './covid19-adult-v1';
import { COVID19_CHILD_V1 } from './covid19-child-v1';

/**
 * Every published screening form version. Answers are stored with formId and
 * version and re-read against exactly that version, so none is ever removed or
 * edited; a new version is appended here.
 */
export const SCREENING_FORMS: readonly ScreeningForm[] = Object.freeze([COVID19_ADULT_V1, COVID19_CHILD_V1]);

export function findForm(formId: string, version: number): ScreeningForm | null {
  return SCREENING_FORMS.find((f) => f.id === formId && f.version === version) ?? null;
}

/** The newest version of each form id. */
function latestForms(): ScreeningForm[] {
  const latest = new Map<string, ScreeningForm>();
  for (const form of SCREENING_FORMS) {
    const seen = latest.get(form.id);
    if (!seen || form.version > seen.version) latest.set(form.id, form);
  }
  return [...latest.values()];
}

/** The form to use today for someone of this age (adults or children), or null below every form's range. */
export function currentFormForAge(ageYears: number): ScreeningForm | null {
  for (const form of latestForms()) {
    if (ageYears >= form.minAgeYears && (form.maxAgeYears === null || ageYears <= form.maxAgeYears)) return form;
  }
  return null;
}

export { COVID19_ADULT_V1, COVID19_CHILD_V1 };
