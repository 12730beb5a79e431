import { deepFreeze } from './deep-freeze';
import type { EligibilityRules } from './types';

/**
 * COVID-19 dose rules as Viet Nam applied them in 2021–2022, version 1.
 * Published versions are immutable: a change of policy is a new file
 * (rules-v2.ts) registered next to this one, so every recorded dose can still
 * be explained by the rules that allowed it.
 *
 * Intervals are minimums. Age limits are the formulation's, in completed years
 * on the day of the dose. Product codes are the station catalogue's.
 */
export const RULES_V1: EligibilityRules = deepFreeze({
  id: 'vn-covid19',
  version: 1,
  products: {
    // 30 µg formulation, 12 years and over (Công văn 8688/BYT-DP for 12–17); 2 doses ≥ 21 days apart (SmPC).
    comirnaty: {
      platform: 'mRNA',
      minAgeYears: 12,
      maxAgeYears: null,
      primaryDoses: 2,
      minIntervalDays: 21,
      continuesWith: ['comirnaty', 'spikevax'],
      asBooster: 'any-primary',
      youngerFormulation: 'comirnaty-5-11',
    },
    // 10 µg paediatric formulation, 5–11 years (Công văn 1535/BYT-DP, 2022); a child who turns 12
    // between doses finishes the series with the 30 µg formulation.
    'comirnaty-5-11': {
      platform: 'mRNA',
      minAgeYears: 5,
      maxAgeYears: 11,
      primaryDoses: 2,
      minIntervalDays: 21,
      continuesWith: ['comirnaty-5-11', 'comirnaty'],
      asBooster: 'none',
      olderFormulation: 'comirnaty',
    },
    // 100 µg, 12 years and over as catalogued; 2 doses ≥ 28 days apart (SmPC). mRNA products were
    // used interchangeably to finish a series when one ran short.
    spikevax: {
      platform: 'mRNA',
      minAgeYears: 12,
      maxAgeYears: null,
      primaryDoses: 2,
      minIntervalDays: 28,
      continuesWith: ['spikevax', 'comirnaty'],
      asBooster: 'any-primary',
    },
    // 18 years and over; 2 doses 8–12 weeks apart (Quyết định 1624/QĐ-BYT); an mRNA second dose was
    // allowed after a first Vaxzevria dose (heterologous schedule, 2021).
    vaxzevria: {
      platform: 'viral-vector',
      minAgeYears: 18,
      maxAgeYears: null,
      primaryDoses: 2,
      minIntervalDays: 56,
      continuesWith: ['vaxzevria', 'comirnaty', 'spikevax'],
      asBooster: 'any-primary',
    },
    // Inactivated BBIBP-CorV; age from the station catalogue (3+); 2 doses ≥ 21 days apart. Hayat-Vax
    // is the same vaccine filled in the UAE and finished Vero Cell series.
    'vero-cell': {
      platform: 'inactivated',
      minAgeYears: 3,
      maxAgeYears: null,
      primaryDoses: 2,
      minIntervalDays: 21,
      continuesWith: ['vero-cell', 'hayat-vax'],
      asBooster: 'same-platform',
    },
    // Two different adenovirus components (Ad26 then Ad5) ≥ 21 days apart; the booster is Sputnik
    // Light, which the catalogue does not hold, so Sputnik V boosts nothing here.
    'sputnik-v': {
      platform: 'viral-vector',
      minAgeYears: 18,
      maxAgeYears: null,
      primaryDoses: 2,
      minIntervalDays: 21,
      continuesWith: ['sputnik-v'],
      asBooster: 'none',
    },
    // Protein subunit, 3 doses on days 0, 14 and 28 (manufacturer's schedule, approved in VN 2021).
    abdala: {
      platform: 'protein-subunit',
      minAgeYears: 18,
      maxAgeYears: null,
      primaryDoses: 3,
      minIntervalDays: 14,
      continuesWith: ['abdala'],
      asBooster: 'same-product',
    },
    'hayat-vax': {
      platform: 'inactivated',
      minAgeYears: 18,
      maxAgeYears: null,
      primaryDoses: 2,
      minIntervalDays: 21,
      continuesWith: ['hayat-vax', 'vero-cell'],
      asBooster: 'same-platform',
    },
  },
  boosters: [
    // First booster ≥ 3 months after the primary series; extended from adults to 12–17 in 2022.
    { number: 1, minAgeYears: 12, minMonthsAfterPrevious: 3 },
    // Second booster ≥ 4 months after the first; adults only (offered to 18+ at risk and 50+ in 2022).
    { number: 2, minAgeYears: 18, minMonthsAfterPrevious: 4 },
  ],
  unknownProductPrimaryDoses: 2,
  sources: [
    'Quyết định 1624/QĐ-BYT (18/3/2021): Vaxzevria, 18+, 2 doses 8–12 weeks apart',
    'Quyết định 3802/QĐ-BYT (10/8/2021) and 5002/QĐ-BYT (29/10/2021): screening and product use',
    'Công văn 8688/BYT-DP (14/10/2021): vaccination of children 12–17 with mRNA vaccines',
    'MoH guidance on additional and booster doses (from 12/2021): boosters with an mRNA vaccine, Vaxzevria or the primary product',
    'Công văn 1535/BYT-DP (28/3/2022): Comirnaty 10 µg for children 5–11',
    'Booster intervals of 2022: 3rd dose ≥ 3 months after the primary series; 4th dose (mRNA, Vaxzevria or the 3rd dose product) ≥ 4 months after the 3rd',
    'Summaries of product characteristics (EMA) for intervals and age limits of Comirnaty, Spikevax, Vaxzevria',
  ],
});
