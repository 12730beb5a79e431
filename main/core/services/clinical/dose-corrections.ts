import type { DoseRecord, InjectionSite } from '../../../../preload/contract';
import type { DoseRow } from '../../../../db/queries/doses';
import { siteDay } from '../../../domain/site-time';
import { StationError } from '../../errors';
import { newId } from '../../ids';
import type { Actor, Store, WriteScope } from '../../store';
import type { Amendments } from '../close-of-day/amendments';
import type { DoseService } from './doses';
import { dosePayload } from './doses';
import { requireReason } from './today';

export interface SupersedeChanges {
  lotId?: string | undefined;
  doseNumber?: number | undefined;
  seriesDoses?: number | undefined;
  givenOn?: string | undefined;
  injectionSite?: InjectionSite | undefined;
}

/**
 * A supervisor's corrections. A recorded dose is never edited or deleted:
 * voiding marks the record void with a reason; superseding writes a new
 * version (same record id, version + 1, pointing at the one it replaces) and
 * marks the old one superseded. Both are audited and queued for upload, and
 * every version stays in the citizen's history.
 *
 * A void does not put a dose back in its vial: once drawn, a dose is gone.
 * A correction answers the nurses' requests about the dose. On a closed day
 * it is an amendment (see close-of-day/amendments.ts): the day's records open
 * to it alone, and the day's manifest is signed again.
 */
export class DoseCorrections {
  constructor(
    private readonly store: Store,
    private readonly doses: DoseService,
    private readonly amendments: Amendments,
  ) {}

  void(actor: Actor, doseId: string, reason: string): DoseRecord {
    const text = requireReason(reason);
    return this.store.write(actor, (w) => {
      const before = this.current(w, doseId);
      return this.amendments.apply(w, actor, planOf(w, before), { operation: 'dose:void', entity: 'dose', entityId: doseId, reason: text }, () => {
        const record = this.voidIn(w, actor, before, text);
        return { before: { status: before.status }, after: { status: record.status, reason: text }, result: record };
      });
    });
  }

  private voidIn(w: WriteScope, actor: Actor, before: DoseRow, text: string): DoseRecord {
    const doseId = before.id;
    if (!w.q.doses.setStatus(doseId, 'voided', text, actor.staffId, w.at)) throw notCurrent(before.status);
    const after = w.q.doses.rowById(doseId)!;
    w.audit('dose:void', 'dose', doseId, { status: before.status }, { status: after.status, reason: text });
    // What the platform refused of this record is answered by the void: those rows close, the void goes.
    w.q.outbox.cancelRejectedOfRecord(before.recordId, actor.staffId, w.at, 'replaced by a correction');
    w.enqueue({
      kind: 'dose.voided',
      sessionId: planOf(w, before),
      entityId: doseId,
      entityVersion: before.version,
      subjectId: before.citizenId,
      payload: { recordId: before.recordId, doseId, version: before.version, reason: text, voidedAt: w.at },
    });
    w.emit('doses:changed', { citizenId: before.citizenId, visitId: before.visitId, doseId, change: 'voided' });
    w.q.work.settleRequestsForDose(doseId, text, actor.staffId, w.at);
    return w.q.doses.byId(doseId)!;
  }

  supersede(actor: Actor, doseId: string, reason: string, changes: SupersedeChanges): DoseRecord {
    const text = requireReason(reason);
    return this.store.write(actor, (w) => {
      const before = this.current(w, doseId);
      return this.amendments.apply(w, actor, planOf(w, before), { operation: 'dose:supersede', entity: 'dose', entityId: doseId, reason: text }, () => {
        const record = this.supersedeIn(w, actor, before, text, changes);
        return { before, after: w.q.doses.rowById(record.id), result: record };
      });
    });
  }

  private supersedeIn(w: WriteScope, actor: Actor, before: DoseRow, text: string, changes: SupersedeChanges): DoseRecord {
    const today = siteDay(new Date(w.at));
    if (changes.givenOn !== undefined && changes.givenOn > today) {
      throw new StationError('DOSE_DATE_IN_FUTURE', 'a dose cannot be given in the future', { givenOn: changes.givenOn, today });
    }
    const next: DoseRow = { ...before, id: newId(), version: before.version + 1, supersedesId: before.id, recordedBy: actor.staffId, recordedAt: w.at };
    if (changes.lotId !== undefined && changes.lotId !== before.lotId) {
      const lot = w.q.lots.byId(changes.lotId);
      if (!lot) throw new StationError('NOT_FOUND', 'no such lot', { id: changes.lotId });
      const product = this.doses.product(w.q, lot.productCode);
      Object.assign(next, {
        lotId: lot.id,
        lotNumber: lot.lotNumber,
        // The vial drawn from belonged to the lot recorded by mistake; the corrected lot names no vial.
        vialId: null,
        productCode: product.code,
        dccProduct: product.dccProduct,
        dccManufacturer: product.dccManufacturer,
        dccProphylaxis: product.dccProphylaxis,
        dccDisease: product.dccDisease,
      });
    }
    if (changes.doseNumber !== undefined) next.doseNumber = changes.doseNumber;
    if (changes.seriesDoses !== undefined) next.seriesDoses = changes.seriesDoses;
    if (changes.givenOn !== undefined && changes.givenOn !== before.givenOn) {
      next.givenOn = changes.givenOn;
      next.givenAt = null;
    }
    if (changes.injectionSite !== undefined) next.injectionSite = changes.injectionSite;
    const changed = (['lotId', 'doseNumber', 'seriesDoses', 'givenOn', 'injectionSite'] as const).filter((k) => next[k] !== before[k]);
    if (changed.length === 0) throw new StationError('DOSE_CORRECTION_CHANGES_NOTHING', 'the correction changes nothing');

    // The old version stops being valid before the new one is written: one valid dose per visit.
    if (!w.q.doses.setStatus(before.id, 'superseded', text, actor.staffId, w.at)) throw notCurrent(before.status);
    w.q.doses.insert(next);
    w.q.observations.moveToDose(before.id, next.id);
    w.audit('dose:supersede', 'dose', next.id, before, { ...next, reason: text, changed });
    w.q.outbox.cancelRejectedOfRecord(before.recordId, actor.staffId, w.at, 'replaced by a correction');
    w.enqueue({
      kind: 'dose.superseded',
      sessionId: planOf(w, next),
      entityId: next.id,
      entityVersion: next.version,
      subjectId: next.citizenId,
      payload: { ...dosePayload(w.q, next), supersedes: before.id, reason: text, changed },
    });
    w.emit('doses:changed', { citizenId: before.citizenId, visitId: before.visitId, doseId: next.id, change: 'superseded' });
    w.q.work.settleRequestsForDose(before.id, text, actor.staffId, w.at);
    return w.q.doses.byId(next.id)!;
  }

  private current(w: WriteScope, doseId: string): DoseRow {
    const row = w.q.doses.rowById(doseId);
    if (!row) throw new StationError('NOT_FOUND', 'no such dose', { id: doseId });
    if (row.status !== 'valid') throw notCurrent(row.status);
    // Records from the national registry are the registry's to correct, not the station's.
    if (row.source === 'national') throw new StationError('DOSE_SOURCE_READ_ONLY', 'this record comes from the national registry');
    return row;
  }
}

/** The session a dose was given in, if it was given at one of this station's visits (also for per-session upload counts). */
function planOf(w: WriteScope, dose: DoseRow): string | null {
  return dose.visitId ? (w.q.visits.byId(dose.visitId)?.planId ?? null) : null;
}

function notCurrent(status: string): StationError {
  return new StationError('DOSE_NOT_CURRENT', `the record is ${status}; correct its latest version`, { status });
}
