import { useEffect, useState } from 'react';
import type { TFunction } from 'i18next';
import type { VaccineProduct } from '../../../preload/contract';
import { station } from '../station';
import { readableParams } from './dates';

/**
 * The vaccine catalogue as desks show it. The core's catalogue carries codes
 * (`comirnaty`) and an English description of each formulation; people see
 * the product's name and the description in their language
 * (locales/<lang>/catalogue.json), never a code.
 */
let cached: Promise<Map<string, VaccineProduct>> | null = null;

function load(): Promise<Map<string, VaccineProduct>> {
  cached ??= station.catalogue.products({}).then((r) => {
    if (!r.ok) {
      cached = null;
      return new Map();
    }
    return new Map(r.value.map((p) => [p.code, p]));
  });
  return cached;
}

export function useCatalogue(): Map<string, VaccineProduct> {
  const [products, setProducts] = useState<Map<string, VaccineProduct>>(new Map());
  useEffect(() => {
    let live = true;
    void load().then((m) => live && setProducts(m));
    return () => {
      live = false;
    };
  }, []);
  return products;
}

/** "Comirnaty — 30 µg, từ 12 tuổi" in the desk's language. */
export function productLabel(p: VaccineProduct, t: TFunction): string {
  const formulation = p.formulation ? t(`catalogue:formulation.${p.code}`, { defaultValue: p.formulation }) : '';
  return formulation ? `${p.name} — ${formulation}` : p.name;
}

const PRODUCT_PARAMS = ['productCode', 'seriesProduct', 'after', 'listedProduct', 'alternative', 'previousProduct'];

/** A rule's or an error's parameters with product codes as names and dates as the site writes them. */
export function readableRuleParams(params: Record<string, string | number>, products: Map<string, VaccineProduct>): Record<string, string | number> {
  const out: Record<string, string | number> = { ...readableParams(params) };
  for (const k of PRODUCT_PARAMS) {
    const v = out[k];
    if (typeof v === 'string') out[k] = products.get(v)?.name ?? v;
  }
  return out;
}
