import type { StockCountReason } from '../../../../preload/contract';
import { StationError } from '../../errors';
import { newId } from '../../ids';
import type { Actor, Store } from '../../store';
import { lotStock } from './reconciliation';

export interface StockCountInput {
  lotId: string;
  sealedVialsCounted: number;
  countedBy: string;
  reason?: StockCountReason | undefined;
  note?: string | undefined;
}

/**
 * The physical count of a lot's sealed vials at the end of the day. One
 * person counts, the supervisor entering it verifies: they must be two
 * people. The balance the count leaves is stored with it; a count that
 * leaves a variance needs a reason ('other' with a note). A recount adds a
 * row; the latest one is the lot's count.
 */
export class StockCounts {
  constructor(private readonly store: Store) {}

  count(actor: Actor, input: StockCountInput): string {
    const note = input.note?.trim() || null;
    return this.store.write(actor, (w) => {
      const lot = w.q.lots.byId(input.lotId);
      if (!lot) throw new StationError('NOT_FOUND', 'no such lot', { id: input.lotId });
      const plan = w.q.plans.row(lot.planId)!;
      if (plan.state === 'closed') throw new StationError('DAY_LOCKED', 'the session is closed; its count is part of the signed day', { sessionDate: plan.sessionDate });
      if (plan.state !== 'open') throw new StationError('DAY_NOT_OPEN', 'count the stock of an open session', { state: plan.state });
      const counter = w.q.staff.byId(input.countedBy);
      if (!counter || !counter.active) throw new StationError('STOCK_COUNT_STAFF_UNKNOWN', 'no such staff member', { id: input.countedBy });
      if (counter.id === actor.staffId) throw new StationError('STOCK_COUNT_SAME_PERSON', 'the count is verified by someone other than the person who counted');

      const before = lotStock(w.q, plan.id, w.at).lots.find((l) => l.lotId === lot.id)!;
      // The variance this count leaves: what the station expected on hand, against what was found.
      const varianceDoses = before.varianceDoses + (before.sealedVialsOnHand - input.sealedVialsCounted) * lot.dosesPerVial;
      if (varianceDoses !== 0 && !input.reason) {
        throw new StationError('STOCK_COUNT_REASON_REQUIRED', 'the count leaves a variance: say why', { varianceDoses, lotNumber: lot.lotNumber });
      }
      if (input.reason === 'other' && !note) throw new StationError('VIAL_NOTE_REQUIRED', 'say what happened');
      const row = {
        id: newId(),
        planId: plan.id,
        lotId: lot.id,
        sealedVialsExpected: before.sealedVialsExpected,
        sealedVialsCounted: input.sealedVialsCounted,
        varianceDoses,
        // A reason given for a count that balances says nothing: it is not kept.
        reason: varianceDoses === 0 ? null : (input.reason ?? null),
        note,
        countedBy: counter.id,
        verifiedBy: actor.staffId,
        countedAt: w.at,
      };
      w.q.closeOfDay.insertCount(row);
      w.audit('day:countStock', 'stock_count', row.id, before.count, { ...row, lotNumber: lot.lotNumber });
      w.emit('day:changed', { planId: plan.id, state: plan.state });
      return plan.id;
    });
  }
}
