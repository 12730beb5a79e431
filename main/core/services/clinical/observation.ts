import type { BoardEntry, NextDoseView } from '../../../../preload/contract';
import type { BoardRow } from '../../../../db/queries/observations';
import { citizenSummaryOf } from '../../../../db/queries/citizen-columns';
import { minutesLeft, observationState, overdueAtFor } from '../../../domain/observation';
import { siteDay } from '../../../domain/site-time';
import { StationError } from '../../errors';
import type { Actor, Store } from '../../store';
import type { VisitQueue } from '../visits';
import { requireReason, visitOfToday } from './today';

export type NextDoseOf = (citizenId: string, dateOfBirth: string, today: string) => NextDoseView | null;

function toEntry(r: BoardRow, now: string, nextDose: NextDoseOf): BoardEntry {
  return {
    visitId: r.visitId,
    queueNumber: r.queueNumber,
    citizen: citizenSummaryOf(r),
    doseId: r.doseId,
    productName: r.productName,
    lotNumber: r.lotNumber,
    doseNumber: r.doseNumber,
    observationMinutes: Math.round((Date.parse(r.dueAt) - Date.parse(r.startedAt)) / 60_000),
    startedAt: r.startedAt,
    dueAt: r.dueAt,
    overdueAt: overdueAtFor(r.dueAt),
    state: observationState(r, now),
    releasedAt: r.releasedAt,
    releasedBy: r.releasedByName,
    earlyReleaseReason: r.earlyReleaseReason,
    aefiCount: r.aefiCount,
    seriousAefi: r.seriousAefiCount > 0,
    referredTo: r.referredTo,
    left: r.endedAs === 'left',
    nextDose: nextDose(r.citizenId, r.dateOfBirth, siteDay(new Date(r.startedAt))),
  };
}

/**
 * The observation board. Observation starts with the dose (DoseService writes
 * it); release ends the visit and tells every desk, so the certificate desk
 * can print. Releasing before the end of observation is a supervisor's
 * decision, with a reason; so is releasing someone after a serious adverse
 * event (otherwise they are referred: see VisitOutcomes).
 */
export class ObservationService {
  constructor(
    private readonly store: Store,
    private readonly visits: VisitQueue,
    private readonly nextDose: NextDoseOf,
  ) {}

  board(): { now: string; entries: BoardEntry[] } {
    const now = this.store.clock.now().toISOString();
    const planId = this.store.q.visits.openPlanIdOn(siteDay(new Date(now)));
    return { now, entries: planId ? this.store.q.observations.board(planId).map((r) => toEntry(r, now, this.nextDose)) : [] };
  }

  release(actor: Actor, visitId: string): BoardEntry {
    return this.end(actor, visitId, null);
  }

  releaseEarly(actor: Actor, visitId: string, reason: string): BoardEntry {
    return this.end(actor, visitId, requireReason(reason));
  }

  private end(actor: Actor, visitId: string, earlyReason: string | null): BoardEntry {
    return this.store.write(actor, (w) => {
      const { visit, planId } = visitOfToday(w.q, visitId, w.at);
      if (visit.step === 'released') throw new StationError('OBSERVATION_ALREADY_RELEASED', 'already released', { queueNumber: visit.queueNumber });
      const observation = w.q.observations.byVisit(visitId);
      if (visit.step !== 'observation' || !observation) {
        throw new StationError('OBSERVATION_NOT_STARTED', 'this visit has no dose under observation', { queueNumber: visit.queueNumber, step: visit.step });
      }
      const due = w.at >= observation.dueAt;
      const serious = w.q.aefi.forPlan(planId, { seriousOnly: true, visitId }).length;
      if (serious > 0 && earlyReason === null) {
        throw new StationError('OBSERVATION_SERIOUS_AEFI', 'a serious adverse event was recorded: refer the citizen, or a supervisor releases with a reason', {
          queueNumber: visit.queueNumber,
          count: serious,
        });
      }
      if (!due && earlyReason === null) {
        throw new StationError('OBSERVATION_NOT_DUE', 'observation is not over yet', {
          queueNumber: visit.queueNumber,
          dueAt: observation.dueAt,
          minutesLeft: minutesLeft(observation.dueAt, w.at),
        });
      }
      // A reason given once observation is over changes nothing (the release is not early), unless it answers a serious adverse event.
      const reason = due && serious === 0 ? null : earlyReason;
      w.q.observations.release(visitId, w.at, actor.staffId, reason);
      this.visits.advance(w, visitId, ['observation'], 'released');
      w.audit(reason ? 'observation:releaseEarly' : 'observation:release', 'observation', visitId, { releasedAt: null }, { releasedAt: w.at, dueAt: observation.dueAt, earlyReleaseReason: reason });
      w.emit('observation:released', { planId, visitId, citizenId: visit.citizen.id, doseId: observation.doseId, early: reason !== null });
      return toEntry(w.q.observations.boardEntry(visitId)!, w.at, this.nextDose);
    });
  }
}
