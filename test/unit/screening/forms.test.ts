import { describe, expect, it } from 'vitest';
import { RULES_V1 } from '../../../main/domain/eligibility';
import {
  COVID19_ADULT_V1,
  COVID19_CHILD_V1,
  SCREENING_FORMS,
  currentFormForAge,
  findForm,
  formFingerprint,
  type Condition,
  type Effect,
  type ScreeningForm,
} from '../../../main/domain/screening';

function effectsOf(form: ScreeningForm): Effect[] {
  const out: Effect[] = [];
  for (const q of form.questions) {
    if (q.type === 'yes-no') out.push(...(q.onYes ?? []));
    if (q.type === 'number') for (const b of q.bands ?? []) out.push(...b.effects);
    if (q.type === 'date') out.push(...(q.effects ?? []));
    if (q.type === 'choice') for (const o of q.options) out.push(...(o.effects ?? []));
  }
  for (const r of form.ageRules) out.push(...r.effects);
  return out;
}

describe('published forms are immutable', () => {
  // Changing a published form changes how stored answers read. If this fails,
  // undo the edit and publish the change as a new version instead.
  it.each([
    ['covid19-adult v1', COVID19_ADULT_V1, 'bc423e41'],
    ['covid19-child v1', COVID19_CHILD_V1, 'b2696755'],
  ] as const)('%s keeps its fingerprint', (_name, form, fingerprint) => {
    expect(formFingerprint(form)).toBe(fingerprint);
  });

  it('cannot be edited at run time', () => {
    const q = COVID19_ADULT_V1.questions.find((x) => x.id === 'temperature')!;
    expect(() => {
      (q as { min: number }).min = 0;
    }).toThrow(TypeError);
    expect(() => {
      (SCREENING_FORMS as ScreeningForm[]).push(COVID19_ADULT_V1);
    }).toThrow(TypeError);
  });

  it('notices a one-character change in the fingerprint', () => {
    const edited = structuredClone(COVID19_ADULT_V1) as ScreeningForm & { title: { en: string } };
    edited.title.en += '.';
    expect(formFingerprint(edited)).not.toBe(formFingerprint(COVID19_ADULT_V1));
  });
});

describe('the form registry', () => {
  it('finds a form by id and version, and nothing else', () => {
    expect(findForm('covid19-adult', 1)).toBe(COVID19_ADULT_V1);
    expect(findForm('covid19-child', 1)).toBe(COVID19_CHILD_V1);
    expect(findForm('covid19-adult', 2)).toBeNull();
    expect(findForm('measles', 1)).toBeNull();
  });

  it.each([
    [4, null],
    [5, 'covid19-child'],
    [17, 'covid19-child'],
    [18, 'covid19-adult'],
    [90, 'covid19-adult'],
  ])('gives age %i the %s form', (age, id) => {
    expect(currentFormForAge(age)?.id ?? null).toBe(id);
  });

  it('has one entry per id and version', () => {
    const keys = SCREENING_FORMS.map((f) => `${f.id}@${f.version}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe.each(SCREENING_FORMS.map((f) => [`${f.id} v${f.version}`, f] as const))('%s is well formed', (_name, form) => {
  const ids = form.questions.map((q) => q.id);

  it('has unique question ids and Vietnamese and English text for each', () => {
    expect(new Set(ids).size).toBe(ids.length);
    for (const q of form.questions) {
      expect(q.text.vi.length).toBeGreaterThan(0);
      expect(q.text.en.length).toBeGreaterThan(0);
      if (q.type === 'choice') for (const o of q.options) expect(o.text.vi && o.text.en).toBeTruthy();
    }
  });

  it('only refers to questions it has, asked earlier', () => {
    const refs = (conds: readonly Condition[] | undefined) =>
      (conds ?? []).flatMap((c) => ('answer' in c ? [c.answer] : 'answered' in c ? [c.answered] : []));
    for (const [i, q] of form.questions.entries()) {
      for (const ref of [...refs(q.when), ...refs(q.requiredWhen)]) expect(ids.slice(0, i)).toContain(ref);
    }
    for (const c of form.crossChecks) {
      for (const ref of c.kind === 'less-than' ? [c.lower, c.upper] : [c.first, c.second]) expect(ids).toContain(ref);
    }
  });

  it('uses stable reason codes and only catalogued products', () => {
    for (const e of effectsOf(form)) {
      expect(e.code).toMatch(/^[A-Z0-9_]+$/);
      if (e.kind === 'contraindicate' || e.kind === 'avoid') for (const p of e.products ?? []) expect(RULES_V1.products).toHaveProperty([p]);
    }
  });

  it('has number ranges that make sense', () => {
    for (const q of form.questions) if (q.type === 'number') expect(q.min).toBeLessThan(q.max);
  });
});
