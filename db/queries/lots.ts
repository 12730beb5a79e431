import type { Database } from 'better-sqlite3';
import type { Lot } from '../../preload/contract';

export interface LotRecord {
  id: string;
  planId: string;
  productCode: string;
  lotNumber: string;
  expiryDate: string;
  dosesPerVial: number;
  vialsReceived: number;
  createdAt: string;
  updatedAt: string;
}

/**
 * Doses still to be given from a lot: the unopened vials whole, plus what is
 * left in its open vials. A vial's doses leave the count when it is opened
 * (what is not drawn is in the open vial), drawn, wasted, or discarded; an
 * empty or discarded vial holds nothing; an open vial past its in-use time
 * counts until it is discarded (the injection desk shows it in red for that).
 * Expects the lot as `l`.
 */
export const DOSES_ON_HAND = `(l.doses_per_vial * max(0, l.vials_received - (SELECT count(*) FROM vial v WHERE v.lot_id = l.id))
    + (SELECT coalesce(sum(max(0, v.doses_total - v.doses_drawn - v.wasted_doses)), 0) FROM vial v WHERE v.lot_id = l.id AND v.state = 'open'))`;

export function lotQueries(db: Database) {
  const forPlan = db.prepare(`SELECT l.id, l.plan_id AS planId, l.product_code AS productCode, p.name AS productName,
    l.lot_number AS lotNumber, l.expiry_date AS expiryDate, l.doses_per_vial AS dosesPerVial, l.vials_received AS vialsReceived,
    ${DOSES_ON_HAND} AS dosesOnHand
    FROM vaccine_lot l JOIN vaccine_product p ON p.code = l.product_code WHERE l.plan_id = ? ORDER BY p.name, l.expiry_date`);
  const byId = db.prepare(`SELECT id, plan_id AS planId, product_code AS productCode, lot_number AS lotNumber, expiry_date AS expiryDate,
    doses_per_vial AS dosesPerVial, vials_received AS vialsReceived, created_at AS createdAt, updated_at AS updatedAt FROM vaccine_lot WHERE id = ?`);
  const findDuplicate = db.prepare('SELECT id FROM vaccine_lot WHERE plan_id = ? AND product_code = ? AND lot_number = ? AND id <> ?');
  const insert = db.prepare(`INSERT INTO vaccine_lot (id, plan_id, product_code, lot_number, expiry_date, doses_per_vial, vials_received, created_at, updated_at)
    VALUES (@id, @planId, @productCode, @lotNumber, @expiryDate, @dosesPerVial, @vialsReceived, @createdAt, @updatedAt)`);
  const update = db.prepare(`UPDATE vaccine_lot SET lot_number = @lotNumber, expiry_date = @expiryDate, doses_per_vial = @dosesPerVial,
    vials_received = @vialsReceived, updated_at = @updatedAt WHERE id = @id`);
  const remove = db.prepare('DELETE FROM vaccine_lot WHERE id = ?');
  return {
    forPlan: (planId: string) => forPlan.all(planId) as Lot[],
    byId: (id: string) => (byId.get(id) as LotRecord | undefined) ?? null,
    duplicateOf: (planId: string, productCode: string, lotNumber: string, exceptId = '') =>
      (findDuplicate.get(planId, productCode, lotNumber, exceptId) as { id: string } | undefined)?.id ?? null,
    insert: (l: LotRecord) => void insert.run(l),
    update: (l: LotRecord) => void update.run(l),
    remove: (id: string) => void remove.run(id),
  };
}
