import { describe, expect, it } from 'vitest';
import { sql } from '../../../db/migrations/0003_vaccine_catalogue';
import { CURRENT_RULES, PLATFORMS, RULES_V1, findRules } from '../../../main/domain/eligibility';

const catalogueCodes = [...sql.matchAll(/^\s*\('([a-z0-9-]+)',/gm)].map((m) => m[1]!);

describe('rules v1 data', () => {
  it('covers exactly the station catalogue', () => {
    expect(catalogueCodes.length).toBeGreaterThan(0);
    expect(Object.keys(RULES_V1.products).sort()).toEqual([...catalogueCodes].sort());
  });

  it('uses the catalogue age limits', () => {
    const ages = [...sql.matchAll(/^\s*\('([a-z0-9-]+)',[\s\S]*?'840539006',\s*\n\s*(\d+), (\d+|NULL),/gm)].map((m) => [m[1], Number(m[2]), m[3] === 'NULL' ? null : Number(m[3])]);
    expect(ages).toHaveLength(catalogueCodes.length);
    for (const [code, min, max] of ages) {
      expect([code, RULES_V1.products[code as string]!.minAgeYears, RULES_V1.products[code as string]!.maxAgeYears]).toEqual([code, min, max]);
    }
  });

  it('only names products it defines, and every series may be finished with its own product', () => {
    for (const [code, rule] of Object.entries(RULES_V1.products)) {
      expect(PLATFORMS).toContain(rule.platform);
      expect(rule.continuesWith).toContain(code);
      for (const next of rule.continuesWith) expect(RULES_V1.products).toHaveProperty([next]);
      for (const alt of [rule.olderFormulation, rule.youngerFormulation]) if (alt) expect(RULES_V1.products).toHaveProperty([alt]);
    }
  });

  it('is frozen, so a published version cannot be changed at run time', () => {
    expect(() => {
      (RULES_V1.products.comirnaty as { minIntervalDays: number }).minIntervalDays = 14;
    }).toThrow(TypeError);
    expect(RULES_V1.products.comirnaty!.minIntervalDays).toBe(21);
  });

  it('is found by id and version, and is the current rules', () => {
    expect(findRules('vn-covid19', 1)).toBe(RULES_V1);
    expect(findRules('vn-covid19', 2)).toBeNull();
    expect(CURRENT_RULES).toBe(RULES_V1);
  });
});
