import { ageInYears } from '../site-time';
import { addMonths, dateAgeReached, dayNumber, fromDayNumber, isIsoDate, laterDate } from './calendar';
import { summarizeHistory, type HistorySummary } from './dose-history';
import { productRule } from './products';
import type {
  CheckRule,
  Contraindications,
  DoseCheck,
  DoseEvaluation,
  DoseHistoryEntry,
  EligibilityRules,
  ExplanationParams,
  ProductRule,
} from './types';

export interface DoseRequest {
  rules: EligibilityRules;
  /** Station catalogue code of the product about to be given. */
  product: string;
  lot: { expiryDate: string; lotNumber?: string };
  history: readonly DoseHistoryEntry[];
  dateOfBirth: string;
  /** The site's calendar day (siteDay). */
  today: string;
  /** From the screening result: what this citizen must not receive. */
  contraindications?: Contraindications | null;
}

function pass(rule: CheckRule, code: string, params: ExplanationParams = {}): DoseCheck {
  return { rule, passed: true, explanation: { code, params } };
}

function fail(rule: CheckRule, code: string, params: ExplanationParams, earliestDate?: string): DoseCheck {
  if (earliestDate === undefined) return { rule, passed: false, explanation: { code, params } };
  return { rule, passed: false, explanation: { code, params: { ...params, earliestDate } }, earliestDate };
}

/**
 * Decides whether one dose of one product from one lot may be given today, and
 * says why. Every rule is checked (not just the first that fails) so the nurse
 * sees everything standing in the way, and each failure that waiting resolves
 * carries the first day it passes.
 */
export function evaluateDose(req: DoseRequest): DoseEvaluation {
  const todayOk = isIsoDate(req.today);
  const dobOk = isIsoDate(req.dateOfBirth) && (!todayOk || req.dateOfBirth <= req.today);
  const summary = summarizeHistory(req.history, req.rules, todayOk ? req.today : '9999-12-31', dobOk ? req.dateOfBirth : null);
  return evaluateWithHistory(req, summary);
}

/** As evaluateDose, with the history already summarised (suggestProduct evaluates many lots against one history). */
export function evaluateWithHistory(req: DoseRequest, summary: HistorySummary): DoseEvaluation {
  const { rules, today } = req;
  const checks: DoseCheck[] = [];
  const todayOk = isIsoDate(today);
  const dobOk = isIsoDate(req.dateOfBirth) && (!todayOk || req.dateOfBirth <= today);

  if (!todayOk) checks.push(fail('input-valid', 'TODAY_INVALID', { today: String(today) }));
  if (!isIsoDate(req.dateOfBirth)) checks.push(fail('input-valid', 'DATE_OF_BIRTH_INVALID', { dateOfBirth: String(req.dateOfBirth) }));
  else if (!dobOk) checks.push(fail('input-valid', 'DATE_OF_BIRTH_IN_FUTURE', { dateOfBirth: req.dateOfBirth, today }));
  for (const problem of summary.problems) checks.push(fail('input-valid', problem.code, problem.params));
  if (checks.length === 0) {
    checks.push(pass('input-valid', 'HISTORY_COUNTED', { dosesCounted: summary.doses.length, duplicatesMerged: summary.duplicatesMerged }));
  }

  const doseNumber = summary.nextDoseNumber;
  const boosterNumber = doseNumber > summary.primaryDoses ? doseNumber - summary.primaryDoses : null;
  const product = productRule(rules, req.product);

  checks.push(lotCheck(req.lot, today, todayOk));
  if (!product) {
    checks.push(fail('product-known', 'PRODUCT_UNKNOWN', { productCode: req.product }));
  } else {
    checks.push(pass('product-known', 'PRODUCT_KNOWN', { productCode: req.product, platform: product.platform }));
    if (todayOk && dobOk) {
      const age = ageInYears(req.dateOfBirth, today);
      checks.push(ageMinimumCheck(product, age, req.dateOfBirth));
      checks.push(ageMaximumCheck(product, age, req.dateOfBirth));
    }
    if (boosterNumber === null) {
      checks.push(pass('series-complete', 'PRIMARY_DOSE', { doseNumber, primaryDoses: summary.primaryDoses }));
      if (todayOk) checks.push(primaryIntervalCheck(summary, rules, product, today));
      checks.push(primaryMixingCheck(summary, rules, req.product));
    } else {
      const booster = rules.boosters.find((b) => b.number === boosterNumber);
      if (!booster) {
        const maxDoses = summary.primaryDoses + rules.boosters.length;
        checks.push(fail('series-complete', 'DOSE_SERIES_COMPLETE', { dosesReceived: doseNumber - 1, maxDoses }));
      } else {
        checks.push(pass('series-complete', 'BOOSTER_DOSE', { doseNumber, boosterNumber, primaryDoses: summary.primaryDoses }));
        const previous = summary.doses[summary.doses.length - 1]!;
        if (todayOk) {
          const earliest = addMonths(previous.date, booster.minMonthsAfterPrevious);
          const params = { previousDate: previous.date, previousProduct: previous.productCode, minMonths: booster.minMonthsAfterPrevious, boosterNumber };
          checks.push(today >= earliest ? pass('interval', 'BOOSTER_INTERVAL_MET', { ...params, earliestDate: earliest }) : fail('interval', 'BOOSTER_TOO_EARLY', params, earliest));
        }
        if (todayOk && dobOk) {
          const age = ageInYears(req.dateOfBirth, today);
          const params = { minAgeYears: booster.minAgeYears, ageYears: age, boosterNumber };
          checks.push(
            age >= booster.minAgeYears
              ? pass('booster-age', 'BOOSTER_AGE_MET', params)
              : fail('booster-age', 'BOOSTER_AGE_BELOW_MINIMUM', params, dateAgeReached(req.dateOfBirth, booster.minAgeYears)),
          );
        }
        checks.push(boosterMixingCheck(summary, rules, req.product, product, boosterNumber));
      }
    }
    if (req.contraindications) checks.push(contraindicationCheck(req.contraindications, req.product, product));
  }

  let refused = false;
  let waitable = true;
  let earliestDate: string | null = null;
  for (const check of checks) {
    if (check.passed) continue;
    refused = true;
    if (check.earliestDate === undefined) waitable = false;
    else earliestDate = laterDate(earliestDate, check.earliestDate);
  }
  return {
    rulesId: rules.id,
    rulesVersion: rules.version,
    productCode: req.product,
    decision: refused ? 'refused' : 'allowed',
    doseNumber,
    kind: boosterNumber === null ? 'primary' : 'booster',
    boosterNumber,
    checks,
    earliestDate: refused && waitable ? earliestDate : null,
  };
}

function lotCheck(lot: DoseRequest['lot'], today: string, todayOk: boolean): DoseCheck {
  const params: ExplanationParams = { expiryDate: String(lot.expiryDate) };
  if (lot.lotNumber !== undefined) params.lotNumber = lot.lotNumber;
  if (!isIsoDate(lot.expiryDate)) return fail('lot-expiry', 'LOT_EXPIRY_INVALID', params);
  if (!todayOk) return pass('lot-expiry', 'LOT_IN_DATE', params);
  // Expiry dates are inclusive: a lot is usable on its expiry day.
  return lot.expiryDate >= today ? pass('lot-expiry', 'LOT_IN_DATE', params) : fail('lot-expiry', 'LOT_EXPIRED', { ...params, today });
}

function ageMinimumCheck(product: ProductRule, age: number, dateOfBirth: string): DoseCheck {
  const params: ExplanationParams = { minAgeYears: product.minAgeYears, ageYears: age };
  if (age >= product.minAgeYears) return pass('age-minimum', 'AGE_MINIMUM_MET', params);
  if (product.youngerFormulation) params.alternative = product.youngerFormulation;
  return fail('age-minimum', 'AGE_BELOW_MINIMUM', params, dateAgeReached(dateOfBirth, product.minAgeYears));
}

function ageMaximumCheck(product: ProductRule, age: number, dateOfBirth: string): DoseCheck {
  if (product.maxAgeYears === null) return pass('age-maximum', 'AGE_NO_MAXIMUM', { ageYears: age });
  const lastDay = fromDayNumber(dayNumber(dateAgeReached(dateOfBirth, product.maxAgeYears + 1))! - 1);
  const params: ExplanationParams = { maxAgeYears: product.maxAgeYears, ageYears: age, lastDate: lastDay };
  if (age <= product.maxAgeYears) return pass('age-maximum', 'AGE_MAXIMUM_MET', params);
  if (product.olderFormulation) params.alternative = product.olderFormulation;
  return fail('age-maximum', 'AGE_ABOVE_MAXIMUM', params);
}

/**
 * The gap before the next primary dose belongs to the series: it is the
 * interval of the product the series started with (8 weeks after a first
 * Vaxzevria dose even when an mRNA vaccine finishes the series).
 */
function primaryIntervalCheck(summary: HistorySummary, rules: EligibilityRules, product: ProductRule, today: string): DoseCheck {
  const previous = summary.doses[summary.doses.length - 1];
  if (!previous) return pass('interval', 'FIRST_DOSE', {});
  const seriesRule = summary.seriesProduct === null ? undefined : productRule(rules, summary.seriesProduct);
  const minIntervalDays = (seriesRule ?? product).minIntervalDays;
  const previousDay = dayNumber(previous.date)!;
  const daysSince = dayNumber(today)! - previousDay;
  const earliest = fromDayNumber(previousDay + minIntervalDays);
  const params = { previousDate: previous.date, previousProduct: previous.productCode, minIntervalDays, daysSince };
  return daysSince >= minIntervalDays
    ? pass('interval', 'INTERVAL_MET', { ...params, earliestDate: earliest })
    : fail('interval', 'INTERVAL_TOO_SHORT', params, earliest);
}

function primaryMixingCheck(summary: HistorySummary, rules: EligibilityRules, code: string): DoseCheck {
  if (summary.doses.length === 0) return pass('mixing', 'FIRST_DOSE', {});
  if (summary.seriesProduct === null) {
    // A series begun abroad with a product we do not hold: only the products
    // that may follow any primary series are safe to finish it with.
    const universal = productRule(rules, code)!.asBooster === 'any-primary';
    const params = { seriesProduct: summary.doses[0]!.productCode, productCode: code };
    return universal ? pass('mixing', 'MIXING_UNKNOWN_SERIES_ALLOWED', params) : fail('mixing', 'MIXING_UNKNOWN_SERIES_PRODUCT', params);
  }
  const allowed = productRule(rules, summary.seriesProduct)!.continuesWith;
  const params = { seriesProduct: summary.seriesProduct, productCode: code, allowed: allowed.join(', ') };
  return allowed.includes(code) ? pass('mixing', 'MIXING_ALLOWED', params) : fail('mixing', 'MIXING_NOT_ALLOWED', params);
}

/**
 * Booster 1 is judged against the primary series, later boosters against the
 * dose before them (a 4th dose: mRNA, Vaxzevria, or the product of the 3rd).
 */
function boosterMixingCheck(summary: HistorySummary, rules: EligibilityRules, code: string, product: ProductRule, boosterNumber: number): DoseCheck {
  const reference = boosterNumber === 1 ? summary.seriesProduct : summary.doses[summary.doses.length - 1]!.productCode;
  const referenceRule = reference === null ? undefined : productRule(rules, reference);
  const params: ExplanationParams = { productCode: code, asBooster: product.asBooster, boosterNumber };
  if (reference !== null) params.after = reference;
  switch (product.asBooster) {
    case 'any-primary':
      return pass('mixing', 'BOOSTER_PRODUCT_ALLOWED', params);
    case 'same-platform':
      return referenceRule?.platform === product.platform
        ? pass('mixing', 'BOOSTER_PRODUCT_ALLOWED', params)
        : fail('mixing', 'BOOSTER_PRODUCT_NOT_ALLOWED', params);
    case 'same-product':
      return reference === code ? pass('mixing', 'BOOSTER_PRODUCT_ALLOWED', params) : fail('mixing', 'BOOSTER_PRODUCT_NOT_ALLOWED', params);
    case 'none':
      return fail('mixing', 'PRODUCT_NOT_FOR_BOOSTER', params);
  }
}

function contraindicationCheck(ci: Contraindications, code: string, product: ProductRule): DoseCheck {
  const params = { productCode: code, platform: product.platform };
  if (ci.products.includes(code)) return fail('screening-contraindication', 'CONTRAINDICATED_PRODUCT', params);
  if (ci.platforms.includes(product.platform)) return fail('screening-contraindication', 'CONTRAINDICATED_PLATFORM', params);
  return pass('screening-contraindication', 'NO_CONTRAINDICATION', params);
}
