import type { Database } from 'better-sqlite3';
import type { VaccineProduct } from '../../preload/contract';

interface RawProduct extends Omit<VaccineProduct, 'active'> {
  active: number;
  aliases: string;
}

export interface ProductRow extends VaccineProduct {
  aliases: string[];
}

export function productQueries(db: Database) {
  const all = db.prepare(`SELECT code, name, formulation, dcc_product AS dccProduct, dcc_manufacturer AS dccManufacturer,
    dcc_prophylaxis AS dccProphylaxis, dcc_disease AS dccDisease, min_age_years AS minAgeYears, max_age_years AS maxAgeYears,
    default_doses_per_vial AS defaultDosesPerVial, in_use_hours AS inUseHours, kind, aliases, active
    FROM vaccine_product ORDER BY kind, name`);
  return {
    all: (): ProductRow[] =>
      (all.all() as RawProduct[]).map((r) => ({ ...r, active: r.active === 1, aliases: JSON.parse(r.aliases) as string[] })),
  };
}
