import type { VisitOutcome, VisitOutcomeKind, VisitStep } from '../../../preload/contract';
import type { VisitOutcomeView } from '../../../db/queries/outcomes';
import { citizenSummaryOf } from '../../../db/queries/citizen-columns';
import { siteDay } from '../../domain/site-time';
import { StationError } from '../errors';
import type { Actor, Store, WriteScope } from '../store';
import type { VisitQueue } from './visits';
import { visitOfToday } from './clinical/today';

type EndStep = 'screening' | 'injection' | 'observation';

/** Where each outcome may come from, and the step the visit ends at. */
const RULES: Record<VisitOutcomeKind, { from: readonly EndStep[]; to: VisitStep }> = {
  referred: { from: ['screening', 'injection', 'observation'], to: 'referred' },
  // Someone who walks out after the dose has still had it: the visit ends, with no release and no certificate printed.
  left: { from: ['screening', 'injection', 'observation'], to: 'left' },
  // Called and not there: only before the dose (after it, the board knows who is in the room).
  no_show: { from: ['screening', 'injection'], to: 'left' },
  queue_cleared: { from: ['screening', 'injection'], to: 'left' },
};

export function toVisitOutcome(r: VisitOutcomeView): VisitOutcome {
  return {
    visitId: r.visitId,
    queueNumber: r.queueNumber,
    citizen: citizenSummaryOf(r),
    outcome: r.outcome,
    fromStep: r.fromStep,
    referredTo: r.referredTo,
    aefiId: r.aefiId,
    note: r.note,
    recordedAt: r.recordedAt,
    recordedBy: r.recordedByName,
    doseGiven: r.doseGiven === 1,
  };
}

const blankToNull = (s: string | null | undefined) => (s && s.trim() !== '' ? s.trim() : null);

export interface OutcomeDetails {
  referredTo?: string | null | undefined;
  aefiId?: string | null | undefined;
  note?: string | null | undefined;
}

/**
 * Visits that end without a release: a referral (from screening or
 * observation, always with where to), a person who left, one who was not
 * there when called, and, at the end of the day, everyone still waiting. Each
 * is one row beside the visit's final step, written with it and audited, so
 * the close of day counts every checked-in person exactly once. None of them
 * reaches 'released', so none prints a certificate by itself.
 */
export class VisitOutcomes {
  constructor(
    private readonly store: Store,
    private readonly visits: VisitQueue,
  ) {}

  /** Ends the visit inside the caller's transaction (the screening, the adverse event that caused it). */
  endIn(w: WriteScope, actor: Actor, visitId: string, outcome: VisitOutcomeKind, details: OutcomeDetails = {}): VisitOutcome {
    const visit = w.q.visits.byId(visitId);
    if (!visit) throw new StationError('NOT_FOUND', 'no such visit', { id: visitId });
    const rule = RULES[outcome];
    const from = visit.step as EndStep;
    if (!rule.from.includes(from)) {
      throw new StationError('VISIT_OUTCOME_NOT_ALLOWED', `a visit at ${visit.step} cannot end as ${outcome}`, { queueNumber: visit.queueNumber, step: visit.step, outcome });
    }
    const referredTo = blankToNull(details.referredTo);
    if (outcome === 'referred' && referredTo === null) throw new StationError('REFERRAL_PLACE_REQUIRED', 'say where the citizen is referred to', { queueNumber: visit.queueNumber });
    const row = {
      visitId,
      outcome,
      fromStep: from,
      referredTo: outcome === 'referred' ? referredTo : null,
      aefiId: details.aefiId ?? null,
      note: blankToNull(details.note),
      recordedBy: actor.staffId,
      recordedAt: w.at,
    };
    w.q.outcomes.insert(row);
    this.visits.advance(w, visitId, [from], rule.to);
    w.audit('visit:outcome', 'visit', visitId, { step: from }, row);
    return toVisitOutcome(w.q.outcomes.byVisit(visitId)!);
  }

  /** The person left, or was not there when called. */
  leave(actor: Actor, visitId: string, outcome: 'left' | 'no_show', note?: string): VisitOutcome {
    return this.store.write(actor, (w) => {
      visitOfToday(w.q, visitId, w.at);
      return this.endIn(w, actor, visitId, outcome, { note: note ?? null });
    });
  }

  /** Referred to a hospital from the observation area (an adverse event, usually recorded just before). */
  referFromObservation(actor: Actor, visitId: string, referredTo: string, note?: string): VisitOutcome {
    return this.store.write(actor, (w) => {
      const { visit } = visitOfToday(w.q, visitId, w.at);
      if (visit.step !== 'observation') {
        throw new StationError('VISIT_OUTCOME_NOT_ALLOWED', `a visit at ${visit.step} is not under observation`, { queueNumber: visit.queueNumber, step: visit.step, outcome: 'referred' });
      }
      const latestAefi = w.q.aefi.forPlan(visit.planId, { visitId })[0]?.id ?? null;
      return this.endIn(w, actor, visitId, 'referred', { referredTo, note: note ?? null, aefiId: latestAefi });
    });
  }

  /**
   * The end of the day: everyone still waiting for screening or for the dose
   * is recorded as not served, in one transaction. People under observation
   * are left alone (each must be released, referred or marked as gone) and
   * counted so the supervisor knows.
   */
  clearQueue(actor: Actor): { cleared: number; stillInObservation: number } {
    return this.store.write(actor, (w) => {
      const planId = w.q.visits.openPlanIdOn(siteDay(new Date(w.at)));
      if (!planId) throw new StationError('NO_OPEN_SESSION', 'no session is open today');
      const waiting = w.q.visits.queue(planId, ['screening', 'injection']);
      for (const v of waiting) this.endIn(w, actor, v.visitId, 'queue_cleared');
      const stillInObservation = w.q.visits.queue(planId, ['observation']).length;
      w.audit('queue:clear', 'session_plan', planId, null, { cleared: waiting.length, stillInObservation });
      return { cleared: waiting.length, stillInObservation };
    });
  }

  /** Today's outcomes, newest first: what the supervisor follows up (referrals above all). */
  list(): VisitOutcome[] {
    const planId = this.store.q.visits.openPlanIdOn(siteDay(this.store.clock.now()));
    return planId ? this.store.q.outcomes.forPlan(planId).map(toVisitOutcome) : [];
  }
}
