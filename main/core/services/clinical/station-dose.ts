import type { DoseRow } from '../../../../db/queries/doses';
import type { ProductRow } from '../../../../db/queries/products';
import { newId } from '../../ids';

/** What varies between two doses given at this station; the rest of the row follows from it. */
export interface StationDoseInput {
  citizenId: string;
  visitId: string;
  product: Pick<ProductRow, 'code' | 'dccProduct' | 'dccManufacturer' | 'dccProphylaxis' | 'dccDisease'>;
  lot: { id: string; lotNumber: string };
  vialId: string;
  doseNumber: number;
  seriesDoses: number;
  /** Site calendar day, yyyy-MM-dd. */
  givenOn: string;
  /** The instant of the write (UTC ISO), given and recorded at once. */
  at: string;
  staffId: string;
  injectionSite: DoseRow['injectionSite'];
  rules: { id: string; version: number };
}

/**
 * The row of a dose given here: the first version of a new record, valid,
 * with the product's EU DCC codes copied in so a certificate can be signed
 * from the row alone, even after the catalogue changes.
 */
export function newStationDose(d: StationDoseInput): DoseRow {
  const id = newId();
  return {
    id,
    recordId: id,
    version: 1,
    supersedesId: null,
    citizenId: d.citizenId,
    visitId: d.visitId,
    source: 'station',
    productCode: d.product.code,
    dccProduct: d.product.dccProduct,
    dccManufacturer: d.product.dccManufacturer,
    dccProphylaxis: d.product.dccProphylaxis,
    dccDisease: d.product.dccDisease,
    lotId: d.lot.id,
    lotNumber: d.lot.lotNumber,
    vialId: d.vialId,
    doseNumber: d.doseNumber,
    seriesDoses: d.seriesDoses,
    givenOn: d.givenOn,
    givenAt: d.at,
    country: 'VN',
    issuer: null,
    injectionSite: d.injectionSite,
    status: 'valid',
    statusReason: null,
    statusBy: null,
    statusAt: null,
    recordedBy: d.staffId,
    recordedAt: d.at,
    rulesId: d.rules.id,
    rulesVersion: d.rules.version,
  };
}
