import { siteRecordSystem, stationCodeSystem, SYSTEM } from './systems';
import { productCoding } from './vaccines';
import type { Identifier, Resource } from './types';

export interface VialDiscardForFhir {
  vialId: string;
  productCode: string;
  productName: string;
  dccProduct: string;
  lotNumber: string;
  dosesTotal: number;
  dosesDrawn: number;
  dosesWasted: number;
  openedAt: string;
  closedAt: string;
  reason: string;
  note: string | null;
}

export function vialIdentifier(siteCode: string, vialId: string): Identifier {
  return { system: siteRecordSystem(siteCode, 'vial'), value: vialId };
}

const STOCK = stationCodeSystem('stock-event');
const component = (code: string, display: string, value: Record<string, unknown>) => ({ code: { coding: [{ system: STOCK, code, display }] }, ...value });

/**
 * A vial discarded, for the platform's wastage counts (doses drawn −
 * administered over doses drawn): an Observation at the site whose value is
 * the doses lost, with the lot, product, the vial's doses, those given, and
 * the reason.
 */
export function toVialDiscard(v: VialDiscardForFhir, links: { location: string; performer: string | null }, siteCode: string): Resource {
  const obs: Resource = {
    resourceType: 'Observation',
    identifier: [vialIdentifier(siteCode, v.vialId)],
    status: 'final',
    code: { coding: [{ system: STOCK, code: 'vial-discarded', display: 'Vaccine vial discarded' }], text: 'Hủy lọ vắc xin / Vial discarded' },
    subject: { reference: links.location },
    effectivePeriod: { start: v.openedAt, end: v.closedAt },
    issued: v.closedAt,
    valueQuantity: { value: v.dosesWasted, unit: 'dose', system: SYSTEM.ucum, code: '{dose}' },
    component: [
      component('discard-reason', 'Discard reason', { valueCodeableConcept: { coding: [{ system: stationCodeSystem('vial-discard-reason'), code: v.reason }] } }),
      component('lot-number', 'Lot number', { valueString: v.lotNumber }),
      component('product', 'Vaccine product', { valueCodeableConcept: { coding: [productCoding(v.dccProduct, v.productName)], text: v.productName } }),
      component('doses-in-vial', 'Doses in the vial', { valueInteger: v.dosesTotal }),
      component('doses-given', 'Doses drawn and given', { valueInteger: v.dosesDrawn }),
    ],
  };
  if (links.performer) obs.performer = [{ reference: links.performer }];
  if (v.note) obs.note = [{ text: v.note }];
  return obs;
}
