/**
 * Shapes of the eligibility and dose rules. The rules themselves are data
 * (rules-v1.ts); every evaluation names the rules version it used so a dose
 * record can say which rules allowed it.
 */

export const PLATFORMS = ['mRNA', 'viral-vector', 'inactivated', 'protein-subunit'] as const;
export type Platform = (typeof PLATFORMS)[number];

/**
 * Which primary series a product may boost:
 * - any-primary: any completed primary series (the mRNA and Vaxzevria boosters Viet Nam used);
 * - same-platform: only a primary series of the same platform (inactivated after inactivated);
 * - same-product: only a primary series of this very product;
 * - none: not used as a booster at this station.
 */
export type BoosterUse = 'any-primary' | 'same-platform' | 'same-product' | 'none';

export interface ProductRule {
  platform: Platform;
  /** Age limits in completed years on the day of the dose; maxAgeYears is inclusive. */
  minAgeYears: number;
  maxAgeYears: number | null;
  /** Doses in the primary series when the series starts with this product. */
  primaryDoses: number;
  /** Minimum days from one primary dose of a series started with this product to the next. */
  minIntervalDays: number;
  /** Products that may give later primary doses of a series started with this product (itself included). */
  continuesWith: readonly string[];
  asBooster: BoosterUse;
  /** The other formulation of the same vaccine for the age group this one does not cover. */
  olderFormulation?: string;
  youngerFormulation?: string;
}

export interface BoosterRule {
  /** 1 for the first booster (usually the 3rd dose), 2 for the second. */
  number: number;
  minAgeYears: number;
  /** Calendar months after the previous dose (the last primary dose for booster 1). */
  minMonthsAfterPrevious: number;
}

export interface EligibilityRules {
  id: string;
  version: number;
  /** Products by station catalogue code (db/migrations/0003_vaccine_catalogue.ts). */
  products: Readonly<Record<string, ProductRule>>;
  boosters: readonly BoosterRule[];
  /** Primary series length assumed when the series began with a product not in this catalogue. */
  unknownProductPrimaryDoses: number;
  /** Where each rule comes from, for the supervisor's screen and for audits. */
  sources: readonly string[];
}

/** A dose the citizen already had, at this station or elsewhere (national registry, paper card, abroad). */
export interface DoseHistoryEntry {
  date: string;
  productCode: string;
  /** The number the source gave it, if any; a gap in our records is closed by trusting a higher number. */
  doseNumber?: number | null;
  source: string;
}

export interface Contraindications {
  platforms: readonly Platform[];
  products: readonly string[];
}

export type CheckRule =
  | 'input-valid'
  | 'product-known'
  | 'lot-expiry'
  | 'age-minimum'
  | 'age-maximum'
  | 'series-complete'
  | 'interval'
  | 'mixing'
  | 'booster-age'
  | 'screening-contraindication';

export type ExplanationParams = Record<string, string | number>;

export interface DoseCheck {
  rule: CheckRule;
  passed: boolean;
  explanation: { code: string; params: ExplanationParams };
  /** For a failed check that time alone will resolve: the first day it passes. */
  earliestDate?: string;
}

export interface DoseEvaluation {
  rulesId: string;
  rulesVersion: number;
  productCode: string;
  decision: 'allowed' | 'refused';
  doseNumber: number;
  kind: 'primary' | 'booster';
  /** Booster 1, 2…; null for primary doses. */
  boosterNumber: number | null;
  checks: DoseCheck[];
  /**
   * When every failed check is one that waiting resolves, the first day all of
   * them pass; null when allowed or when waiting alone cannot help. It is the
   * citizen's date (a return appointment): it does not look at whether this
   * lot will still be in date then.
   */
  earliestDate: string | null;
}
