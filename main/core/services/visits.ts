import type { QueueEntry, VisitStep } from '../../../preload/contract';
import { siteToday } from '../clock';
import { StationError } from '../errors';
import type { Store, WriteScope } from '../store';

/**
 * The day's visits as a queue, and the one way a visit moves between steps.
 * Every desk reads the queue of today's open session; each step's service
 * advances a visit with `advance`, which refuses an out-of-order move (an
 * injection before screening) and tells every desk after the commit.
 */
export class VisitQueue {
  constructor(private readonly store: Store) {}

  /** Today's open session, or a clear refusal: desks work only while a session is open. */
  openPlanId(): string {
    const planId = this.store.q.visits.openPlanIdOn(siteToday(this.store.clock));
    if (!planId) throw new StationError('NO_OPEN_SESSION', 'no session is open today');
    return planId;
  }

  list(steps?: readonly VisitStep[]): QueueEntry[] {
    const planId = this.store.q.visits.openPlanIdOn(siteToday(this.store.clock));
    return planId ? this.store.q.visits.queue(planId, steps) : [];
  }

  get(visitId: string): QueueEntry {
    const entry = this.store.q.visits.entry(visitId);
    if (!entry) throw new StationError('NOT_FOUND', 'no such visit', { id: visitId });
    return entry;
  }

  /**
   * Moves a visit from one of `from` to `to` inside the caller's transaction.
   * The update is conditional on the step read, so two desks acting on one
   * visit at once cannot both succeed.
   */
  advance(w: WriteScope, visitId: string, from: readonly VisitStep[], to: VisitStep): void {
    const visit = w.q.visits.byId(visitId);
    if (!visit) throw new StationError('NOT_FOUND', 'no such visit', { id: visitId });
    if (!from.includes(visit.step) || !w.q.visits.setStep(visitId, visit.step, to, w.at)) {
      throw new StationError('VISIT_OUT_OF_ORDER', `visit is at ${visit.step}, not ${from.join('/')}`, {
        step: visit.step,
        wanted: to,
        queueNumber: visit.queueNumber,
      });
    }
    w.audit('visit:step', 'visit', visitId, { step: visit.step }, { step: to });
    w.emit('queue:changed', { planId: visit.planId, visitId, step: to });
  }
}
