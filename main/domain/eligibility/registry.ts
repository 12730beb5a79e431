import { RULES_V1 } from './rules-v1';
import type { EligibilityRules } from './types';

/**
 * Every published rules version, so a dose recorded under version 1 can be
 * re-explained after version 2 exists. Add new versions here; never edit one.
 */
const ALL_RULES: readonly EligibilityRules[] = [RULES_V1];

/** The rules new doses are judged by. */
export const CURRENT_RULES: EligibilityRules = RULES_V1;

export function findRules(id: string, version: number): EligibilityRules | null {
  return ALL_RULES.find((r) => r.id === id && r.version === version) ?? null;
}
