import type { Database } from 'better-sqlite3';
import type { DiscardReason } from '../../preload/contract';

export interface VialRow {
  id: string;
  lotId: string;
  dosesTotal: number;
  dosesDrawn: number;
  wastedDoses: number;
  openedAt: string;
  openedBy: string;
  expiresAt: string;
  state: 'open' | 'empty' | 'discarded';
  closedAt: string | null;
  closedBy: string | null;
  discardReason: DiscardReason | null;
  discardNote: string | null;
}

/** A vial with what the desks show next to it: its lot, product and who opened it. */
export interface VialView extends VialRow {
  planId: string;
  lotNumber: string;
  lotExpiryDate: string;
  productCode: string;
  productName: string;
  openedByName: string;
}

/** What drawing a dose needs to know about a vial. */
export type DrawVial = Pick<VialRow, 'id' | 'lotId' | 'dosesTotal' | 'dosesDrawn' | 'wastedDoses' | 'expiresAt' | 'state'>;
const DRAW_COLUMNS = `id, lot_id AS lotId, doses_total AS dosesTotal, doses_drawn AS dosesDrawn, wasted_doses AS wastedDoses,
  expires_at AS expiresAt, state`;

const VIEW = `SELECT v.id, v.lot_id AS lotId, v.doses_total AS dosesTotal, v.doses_drawn AS dosesDrawn, v.wasted_doses AS wastedDoses,
  v.opened_at AS openedAt, v.opened_by AS openedBy, v.expires_at AS expiresAt, v.state, v.closed_at AS closedAt, v.closed_by AS closedBy,
  v.discard_reason AS discardReason, v.discard_note AS discardNote, l.plan_id AS planId, l.lot_number AS lotNumber,
  l.expiry_date AS lotExpiryDate, l.product_code AS productCode, p.name AS productName, s.full_name AS openedByName
  FROM vial v JOIN vaccine_lot l ON l.id = v.lot_id JOIN vaccine_product p ON p.code = l.product_code JOIN staff s ON s.id = v.opened_by`;

export function vialQueries(db: Database) {
  const insert = db.prepare(`INSERT INTO vial (id, lot_id, doses_total, opened_at, opened_by, expires_at, state)
    VALUES (@id, @lotId, @dosesTotal, @openedAt, @openedBy, @expiresAt, 'open')`);
  const byId = db.prepare(`${VIEW} WHERE v.id = ?`);
  const forPlan = db.prepare(`${VIEW} WHERE l.plan_id = ? ORDER BY v.opened_at DESC, v.id DESC`);
  // The vial to draw from when the desk names only the lot: the open one that expires first, so none is lost.
  // Lean (no joins): it runs inside every dose's transaction.
  const drawable = db.prepare(`SELECT ${DRAW_COLUMNS} FROM vial WHERE lot_id = ? AND state = 'open' AND expires_at > ?
    AND doses_drawn + wasted_doses < doses_total ORDER BY expires_at, id LIMIT 1`);
  const drawById = db.prepare(`SELECT ${DRAW_COLUMNS} FROM vial WHERE id = ?`);
  const openedFromLot = db.prepare(`SELECT count(*) FROM vial WHERE lot_id = ?`).pluck();
  // Conditional on the counts read, so two desks drawing the last dose at once cannot both succeed.
  // Only the count changes on an ordinary draw: touching `state` would rewrite its index entry on every dose.
  const draw = db.prepare(`UPDATE vial SET doses_drawn = doses_drawn + 1
    WHERE id = @id AND state = 'open' AND doses_drawn + wasted_doses < doses_total`);
  const emptyIfFull = db.prepare(`UPDATE vial SET state = 'empty', closed_at = @at, closed_by = @by
    WHERE id = @id AND state = 'open' AND doses_drawn + wasted_doses >= doses_total`);
  const waste = db.prepare(`UPDATE vial SET wasted_doses = wasted_doses + @doses,
    state = CASE WHEN doses_drawn + wasted_doses + @doses >= doses_total THEN 'empty' ELSE state END,
    closed_at = CASE WHEN doses_drawn + wasted_doses + @doses >= doses_total THEN @at ELSE closed_at END,
    closed_by = CASE WHEN doses_drawn + wasted_doses + @doses >= doses_total THEN @by ELSE closed_by END
    WHERE id = @id AND state = 'open' AND doses_drawn + wasted_doses + @doses <= doses_total`);
  const insertWaste = db.prepare(`INSERT INTO vial_waste (id, vial_id, doses, reason, note, recorded_by, recorded_at)
    VALUES (@id, @vialId, @doses, @reason, @note, @recordedBy, @recordedAt)`);
  const discard = db.prepare(`UPDATE vial SET state = 'discarded', wasted_doses = doses_total - doses_drawn, closed_at = @at, closed_by = @by,
    discard_reason = @reason, discard_note = @note WHERE id = @id AND state = 'open'`);
  return {
    insert: (v: Pick<VialRow, 'id' | 'lotId' | 'dosesTotal' | 'openedAt' | 'openedBy' | 'expiresAt'>) => void insert.run(v),
    byId: (id: string) => (byId.get(id) as VialView | undefined) ?? null,
    forPlan: (planId: string) => forPlan.all(planId) as VialView[],
    drawableForLot: (lotId: string, now: string) => (drawable.get(lotId, now) as DrawVial | undefined) ?? null,
    forDraw: (id: string) => (drawById.get(id) as DrawVial | undefined) ?? null,
    countOpenedFromLot: (lotId: string) => openedFromLot.get(lotId) as number,
    /** One dose out of the vial; false when it was no longer open or had nothing left. */
    draw: (id: string, at: string, by: string) => {
      if (draw.run({ id }).changes !== 1) return false;
      emptyIfFull.run({ id, at, by });
      return true;
    },
    waste: (id: string, doses: number, at: string, by: string) => waste.run({ id, doses, at, by }).changes === 1,
    recordWaste: (w: { id: string; vialId: string; doses: number; reason: string; note: string | null; recordedBy: string; recordedAt: string }) =>
      void insertWaste.run(w),
    /** What was left in the vial counts as wasted. */
    discard: (id: string, reason: DiscardReason, note: string | null, at: string, by: string) =>
      discard.run({ id, reason, note, at, by }).changes === 1,
  };
}
