import type { EligibilityRules, ProductRule } from './types';

/** The rule for a catalogue code; own keys only, so a code like "constructor" is simply unknown. */
export function productRule(rules: EligibilityRules, code: string): ProductRule | undefined {
  return Object.hasOwn(rules.products, code) ? rules.products[code] : undefined;
}
