import type { DiscardReason, LotStock, Vial, WasteReason } from '../../../../preload/contract';
import type { DrawVial, VialView } from '../../../../db/queries/vials';
import type { Queries } from '../../../../db/queries';
import { siteDay } from '../../../domain/site-time';
import { StationError } from '../../errors';
import { newId } from '../../ids';
import type { Actor, Store, WriteScope } from '../../store';
import { openPlanIdAt } from './today';

/** A vial past its in-use time is still 'open' in the table until someone discards it; desks see it as expired. */
export function toVial(v: VialView, now: string): Vial {
  const dosesLeft = Math.max(0, v.dosesTotal - v.dosesDrawn - v.wastedDoses);
  return {
    id: v.id,
    lotId: v.lotId,
    lotNumber: v.lotNumber,
    productCode: v.productCode,
    productName: v.productName,
    lotExpiryDate: v.lotExpiryDate,
    dosesTotal: v.dosesTotal,
    dosesDrawn: v.dosesDrawn,
    dosesWasted: v.wastedDoses,
    dosesLeft,
    openedAt: v.openedAt,
    openedBy: v.openedByName,
    expiresAt: v.expiresAt,
    state: v.state === 'open' && v.expiresAt <= now ? 'expired' : v.state,
    closedAt: v.closedAt,
    discardReason: v.discardReason,
    discardNote: v.discardNote,
  };
}

/**
 * Throws the refusal for drawing a dose from this vial now, if any: it must
 * be open, within its in-use time and not empty.
 */
export function checkDrawable(v: DrawVial, lotNumber: string, now: string): void {
  if (v.state === 'discarded') throw new StationError('VIAL_CLOSED', 'the vial was discarded', { lotNumber });
  if (v.state === 'empty' || v.dosesDrawn + v.wastedDoses >= v.dosesTotal) throw new StationError('VIAL_EMPTY', 'the vial is empty', { lotNumber });
  if (v.expiresAt <= now) throw new StationError('VIAL_EXPIRED', 'the vial is past its in-use time; discard it', { lotNumber, expiresAt: v.expiresAt });
}

function requireNote(reason: string, note: string | undefined): string | null {
  const text = note?.trim() ?? '';
  if (reason === 'other' && text === '') throw new StationError('VIAL_NOTE_REQUIRED', 'say what happened');
  return text === '' ? null : text;
}

/**
 * Vials at the injection desk. Opening a vial of a lot on today's plan gives
 * it the lot's doses per vial and its product's in-use time; doses draw from
 * it (see DoseService); discards and wasted doses are counted with reasons.
 */
export class VialService {
  private inUseHours: Map<string, number> | null = null;

  constructor(private readonly store: Store) {}

  list(): { now: string; vials: Vial[]; lots: LotStock[] } {
    const now = this.store.clock.now().toISOString();
    const plan = this.store.q.plans.openOn(siteDay(new Date(now)));
    if (!plan) return { now, vials: [], lots: [] };
    const today = siteDay(new Date(now));
    const lots = this.store.q.lots.forPlan(plan.id).map((l) => ({
      lotId: l.id,
      lotNumber: l.lotNumber,
      productCode: l.productCode,
      productName: l.productName,
      expiryDate: l.expiryDate,
      dosesPerVial: l.dosesPerVial,
      vialsReceived: l.vialsReceived,
      vialsOpened: this.store.q.vials.countOpenedFromLot(l.id),
      usable: l.expiryDate >= today,
    }));
    return { now, vials: this.store.q.vials.forPlan(plan.id).map((v) => toVial(v, now)), lots };
  }

  open(actor: Actor, lotId: string): Vial {
    return this.store.write(actor, (w) => {
      const planId = openPlanIdAt(w.q, w.at);
      const lot = w.q.lots.byId(lotId);
      if (!lot) throw new StationError('NOT_FOUND', 'no such lot', { id: lotId });
      if (lot.planId !== planId) throw new StationError('LOT_NOT_IN_SESSION', "the lot is not on today's plan", { lotNumber: lot.lotNumber });
      if (lot.expiryDate < siteDay(new Date(w.at))) {
        throw new StationError('LOT_EXPIRED_FOR_USE', 'the lot has expired', { lotNumber: lot.lotNumber, expiryDate: lot.expiryDate });
      }
      const opened = w.q.vials.countOpenedFromLot(lot.id);
      if (opened >= lot.vialsReceived) {
        throw new StationError('LOT_NO_VIALS_LEFT', 'every vial of this lot is already opened', { lotNumber: lot.lotNumber, vialsReceived: lot.vialsReceived });
      }
      const hours = this.hoursInUse(w.q, lot.productCode);
      const vial = {
        id: newId(),
        lotId: lot.id,
        dosesTotal: lot.dosesPerVial,
        openedAt: w.at,
        openedBy: actor.staffId,
        expiresAt: new Date(Date.parse(w.at) + hours * 3_600_000).toISOString(),
      };
      w.q.vials.insert(vial);
      w.audit('vial:open', 'vial', vial.id, null, { ...vial, lotNumber: lot.lotNumber, inUseHours: hours });
      w.emit('vials:changed', { planId });
      return toVial(w.q.vials.byId(vial.id)!, w.at);
    });
  }

  discard(actor: Actor, vialId: string, reason: DiscardReason, note?: string): Vial {
    const text = requireNote(reason, note);
    return this.store.write(actor, (w) => {
      const { before, planId } = this.requireVial(w, vialId);
      if (!w.q.vials.discard(vialId, reason, text, w.at, actor.staffId)) {
        throw new StationError('VIAL_CLOSED', `the vial is ${before.state}`, { lotNumber: before.lotNumber });
      }
      const after = w.q.vials.byId(vialId)!;
      w.audit('vial:discard', 'vial', vialId, toVial(before, w.at), { ...toVial(after, w.at), reason, note: text });
      // The platform counts wastage from discards: queued with the discard, in its transaction.
      w.enqueue({
        kind: 'vial.discarded',
        entityId: vialId,
        subjectId: null,
        sessionId: planId,
        payload: { vialId, lotNumber: after.lotNumber, productCode: after.productCode, reason, note: text, dosesWasted: after.wastedDoses, closedAt: after.closedAt },
      });
      w.emit('vials:changed', { planId });
      return toVial(after, w.at);
    });
  }

  waste(actor: Actor, vialId: string, doses: number, reason: WasteReason, note?: string): Vial {
    const text = requireNote(reason, note);
    return this.store.write(actor, (w) => {
      const { before, planId } = this.requireVial(w, vialId);
      if (before.state !== 'open') throw new StationError('VIAL_CLOSED', `the vial is ${before.state}`, { lotNumber: before.lotNumber });
      // An expired vial is discarded as a whole; its remaining doses are counted then.
      if (before.expiresAt <= w.at) throw new StationError('VIAL_EXPIRED', 'the vial is past its in-use time; discard it', { lotNumber: before.lotNumber, expiresAt: before.expiresAt });
      const left = before.dosesTotal - before.dosesDrawn - before.wastedDoses;
      if (doses > left || !w.q.vials.waste(vialId, doses, w.at, actor.staffId)) {
        throw new StationError('VIAL_WASTE_TOO_MANY', 'more doses than the vial holds', { dosesLeft: left, doses });
      }
      const waste = { id: newId(), vialId, doses, reason, note: text, recordedBy: actor.staffId, recordedAt: w.at };
      w.q.vials.recordWaste(waste);
      const after = w.q.vials.byId(vialId)!;
      w.audit('vial:waste', 'vial', vialId, toVial(before, w.at), { ...toVial(after, w.at), waste });
      w.emit('vials:changed', { planId });
      return toVial(after, w.at);
    });
  }

  private requireVial(w: WriteScope, vialId: string): { before: VialView; planId: string } {
    const planId = openPlanIdAt(w.q, w.at);
    const before = w.q.vials.byId(vialId);
    if (!before || before.planId !== planId) throw new StationError('NOT_FOUND', "no such vial in today's session", { id: vialId });
    return { before, planId };
  }

  /** The catalogue changes only with a migration, so it is read once. */
  private hoursInUse(q: Queries, productCode: string): number {
    this.inUseHours ??= new Map(q.products.all().map((p) => [p.code, p.inUseHours]));
    const hours = this.inUseHours.get(productCode);
    if (hours === undefined) throw new StationError('PRODUCT_UNKNOWN', 'no such vaccine product', { productCode });
    return hours;
  }
}
