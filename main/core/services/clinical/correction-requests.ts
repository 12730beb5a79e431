import type { CorrectionRequest } from '../../../../preload/contract';
import type { Queries } from '../../../../db/queries';
import type { CorrectionRequestRow } from '../../../../db/queries/close-of-day';
import { siteDay } from '../../../domain/site-time';
import { StationError } from '../../errors';
import { newId } from '../../ids';
import type { Actor, Store } from '../../store';
import { openPlanIdAt, requireReason } from './today';

/**
 * A nurse who notices a mistake in a recorded dose (wrong lot, wrong person)
 * cannot correct it (that is a supervisor's decision) but asks for it here.
 * The request stays on the supervisor's work list until the dose is voided
 * or superseded (which answers it) or the supervisor dismisses it with a note.
 */
export class CorrectionRequests {
  constructor(private readonly store: Store) {}

  request(actor: Actor, doseId: string, reason: string): CorrectionRequest {
    const text = requireReason(reason);
    const id = this.store.write(actor, (w) => {
      const planId = openPlanIdAt(w.q, w.at);
      const dose = w.q.doses.rowById(doseId);
      const visit = dose?.visitId ? w.q.visits.byId(dose.visitId) : null;
      if (!dose || !visit || visit.planId !== planId) throw new StationError('NOT_FOUND', "no such dose in today's session", { id: doseId });
      if (dose.status !== 'valid') throw new StationError('DOSE_NOT_CURRENT', `the record is ${dose.status}; correct its latest version`, { status: dose.status });
      if (w.q.work.openRequestForDose(doseId)) throw new StationError('CORRECTION_REQUEST_OPEN', 'a correction of this dose is already requested', { queueNumber: visit.queueNumber });
      const row = { id: newId(), planId, doseId, reason: text, requestedBy: actor.staffId, requestedAt: w.at };
      w.q.work.insertRequest(row);
      w.audit('doses:requestCorrection', 'dose_correction_request', row.id, null, row);
      w.emit('day:changed', { planId, state: 'open' });
      return row.id;
    });
    return this.view(this.store.q, this.store.q.work.request(id)!, null);
  }

  list(): CorrectionRequest[] {
    const q = this.store.q;
    const plan = q.plans.openOn(siteDay(this.store.clock.now()));
    if (!plan) return [];
    return q.work.requestsForPlan(plan.id).map((r) => this.view(q, r, r.requestedByName));
  }

  dismiss(actor: Actor, requestId: string, note: string): CorrectionRequest {
    const text = requireReason(note);
    this.store.write(actor, (w) => {
      const r = w.q.work.request(requestId);
      if (!r) throw new StationError('NOT_FOUND', 'no such request', { id: requestId });
      if (!w.q.work.dismissRequest(r.id, text, actor.staffId, w.at)) throw new StationError('CORRECTION_REQUEST_RESOLVED', 'the request was already answered', { state: r.state });
      w.audit('doses:dismissCorrectionRequest', 'dose_correction_request', r.id, { state: r.state }, { state: 'dismissed', note: text });
      w.emit('day:changed', { planId: r.planId, state: 'open' });
    });
    return this.view(this.store.q, this.store.q.work.request(requestId)!, null);
  }

  private view(q: Queries, r: CorrectionRequestRow, requestedByName: string | null): CorrectionRequest {
    const dose = q.doses.byId(r.doseId)!;
    const entry = dose.visitId ? q.visits.entry(dose.visitId) : null;
    return {
      id: r.id,
      doseId: r.doseId,
      queueNumber: entry?.queueNumber ?? null,
      citizen: entry?.citizen ?? { id: dose.citizenId, idNumber: null, passportNumber: null, nationality: null, fullName: '', dateOfBirth: '', sex: null, verification: 'unverified' },
      dose,
      reason: r.reason,
      requestedBy: requestedByName ?? q.staff.byId(r.requestedBy)?.fullName ?? '',
      requestedAt: r.requestedAt,
      state: r.state,
      resolutionNote: r.resolutionNote,
    };
  }
}
