import type { Contraindications, Platform } from '../eligibility/types';
import type { ScreeningResult } from './types';

/** The restrictions the injection desk hands to evaluateDose / suggestProduct. */
export function contraindicationsOf(result: Pick<ScreeningResult, 'contraindicatedPlatforms' | 'contraindicatedProducts'>): Contraindications {
  return { platforms: result.contraindicatedPlatforms, products: result.contraindicatedProducts };
}

/**
 * Whether a screening outcome lets this product be given today. "Contraindicated"
 * on the form means "not the same type": other platforms remain possible, so
 * the injection desk asks per product rather than per outcome.
 */
export function permitsVaccination(
  result: Pick<ScreeningResult, 'outcome' | 'contraindicatedPlatforms' | 'contraindicatedProducts'>,
  productCode: string,
  platform: Platform,
): boolean {
  if (result.outcome !== 'eligible' && result.outcome !== 'contraindicated') return false;
  return !result.contraindicatedPlatforms.includes(platform) && !result.contraindicatedProducts.includes(productCode);
}
