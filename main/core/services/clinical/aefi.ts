import type { Aefi, AefiOutcome, AefiSeverity, AefiSymptom, SeriousnessCriterion } from '../../../../preload/contract';
import type { AefiView } from '../../../../db/queries/aefi';
import type { Queries } from '../../../../db/queries';
import { citizenSummaryOf } from '../../../../db/queries/citizen-columns';
import { siteDay } from '../../../domain/site-time';
import { StationError } from '../../errors';
import { newId } from '../../ids';
import type { Actor, Store } from '../../store';
import type { Amendments } from '../close-of-day/amendments';
import type { VisitOutcomes } from '../visit-outcomes';
import { visitOfToday } from './today';

export interface AefiInput {
  visitId: string;
  symptoms: AefiSymptom[];
  otherSymptoms?: string | undefined;
  onsetAt: string;
  severity: AefiSeverity;
  seriousness: SeriousnessCriterion[];
  actionTaken: string;
  referredTo?: string | undefined;
  notes?: string | undefined;
}

/** Onset times are typed to the minute; a dose given at 10:32:45 may have a reaction "from 10:32". */
const MINUTE = 60_000;

function toAefi(q: Queries, r: AefiView): Aefi {
  const followUp = q.work.latestFollowUp(r.id);
  const symptoms = JSON.parse(r.symptomsJson) as { codes: AefiSymptom[]; other: string | null };
  return {
    id: r.id,
    visitId: r.visitId,
    queueNumber: r.queueNumber,
    citizen: citizenSummaryOf(r),
    doseId: r.doseId,
    symptoms: symptoms.codes,
    otherSymptoms: symptoms.other,
    onsetAt: r.onsetAt,
    severity: r.severity,
    serious: r.serious === 1,
    seriousness: JSON.parse(r.seriousnessJson) as SeriousnessCriterion[],
    actionTaken: r.actionTaken,
    referredTo: r.referredTo,
    notes: r.notes,
    recordedAt: r.recordedAt,
    recordedBy: r.recordedByName,
    followUp: followUp ? { id: followUp.id, outcome: followUp.outcome, note: followUp.note, recordedAt: followUp.recordedAt, recordedBy: followUp.recordedBy } : null,
  };
}

const blankToNull = (s: string | undefined) => (s && s.trim() !== '' ? s.trim() : null);

/**
 * Adverse events following immunization. Any WHO seriousness criterion makes
 * an event serious (severity is how intense it is, a separate matter); serious
 * events are announced to the supervisor's desk. Every event is queued for
 * upload with the dose it follows. An event with a referral ends the visit as
 * referred in the same transaction.
 */
export class AefiService {
  constructor(
    private readonly store: Store,
    private readonly amendments: Amendments,
    private readonly outcomes: VisitOutcomes,
  ) {}

  record(actor: Actor, input: AefiInput): Aefi {
    const other = blankToNull(input.otherSymptoms);
    if (input.symptoms.includes('other') && other === null) throw new StationError('AEFI_OTHER_SYMPTOM_TEXT_REQUIRED', 'describe the other symptoms');
    const action = input.actionTaken.trim();
    if (action === '') throw new StationError('AEFI_ACTION_REQUIRED', 'say what was done');
    return this.store.write(actor, (w) => {
      const { visit, planId } = visitOfToday(w.q, input.visitId, w.at);
      const dose = w.q.doses.validForVisit(visit.visitId);
      if (!dose || !dose.givenAt) throw new StationError('AEFI_NO_DOSE', 'this visit has no dose recorded', { queueNumber: visit.queueNumber });
      const onset = Date.parse(input.onsetAt);
      if (onset < Math.floor(Date.parse(dose.givenAt) / MINUTE) * MINUTE) {
        throw new StationError('AEFI_ONSET_BEFORE_DOSE', 'the onset is before the dose', { givenAt: dose.givenAt, onsetAt: input.onsetAt });
      }
      if (onset > Date.parse(w.at) + MINUTE) throw new StationError('AEFI_ONSET_IN_FUTURE', 'the onset is in the future', { onsetAt: input.onsetAt });
      const seriousness = [...new Set(input.seriousness)];
      const row = {
        id: newId(),
        visitId: visit.visitId,
        citizenId: visit.citizen.id,
        doseId: dose.id,
        symptomsJson: JSON.stringify({ codes: [...new Set(input.symptoms)], other }),
        onsetAt: new Date(onset).toISOString(),
        severity: input.severity,
        serious: seriousness.length > 0 ? 1 : 0,
        seriousnessJson: JSON.stringify(seriousness),
        actionTaken: action,
        referredTo: blankToNull(input.referredTo),
        notes: blankToNull(input.notes),
        recordedBy: actor.staffId,
        recordedAt: w.at,
      };
      w.q.aefi.insert(row);
      const aefi = toAefi(w.q, w.q.aefi.byId(row.id)!);
      w.audit('aefi:record', 'aefi', row.id, null, aefi);
      w.enqueue({ kind: 'aefi.recorded', entityId: row.id, subjectId: row.citizenId, sessionId: planId, payload: { aefi, dose } });
      w.emit('aefi:recorded', { aefiId: row.id, visitId: visit.visitId, citizenId: visit.citizen.id, serious: aefi.serious });
      // Sent to a hospital from the observation area: the visit ends as a referral, not a release, so nothing
      // prints by itself and the supervisor follows it up. (Someone back after release keeps their release.)
      if (row.referredTo !== null && visit.step === 'observation') {
        this.outcomes.endIn(w, actor, visit.visitId, 'referred', { referredTo: row.referredTo, aefiId: row.id });
      }
      return aefi;
    });
  }

  list(filter: { seriousOnly?: boolean | undefined; visitId?: string | undefined }): Aefi[] {
    const q = this.store.q;
    const plan = q.plans.openOn(siteDay(this.store.clock.now()));
    return plan ? q.aefi.forPlan(plan.id, filter).map((r) => toAefi(q, r)) : [];
  }

  /**
   * What became of an event: recovering, recovered, referred… Any desk may
   * record it while the day is open; once the day is closed it is a
   * supervisor's amendment, with a reason. Each follow-up is queued for upload.
   */
  followUp(actor: Actor, input: { aefiId: string; outcome: AefiOutcome; note?: string | undefined; reason?: string | undefined }): Aefi {
    const note = blankToNull(input.note);
    return this.store.write(actor, (w) => {
      const event = w.q.aefi.byId(input.aefiId);
      if (!event) throw new StationError('NOT_FOUND', 'no such adverse event', { id: input.aefiId });
      const planId = w.q.visits.byId(event.visitId)?.planId ?? null;
      const spec = { operation: 'aefi:followUp', entity: 'aefi_follow_up', entityId: event.id, reason: input.reason ?? '' };
      return this.amendments.apply(w, actor, planId, spec, () => {
        const before = w.q.work.latestFollowUp(event.id);
        const row = { id: newId(), aefiId: event.id, outcome: input.outcome, note, recordedBy: actor.staffId, recordedAt: w.at };
        w.q.work.insertFollowUp(row);
        w.audit('aefi:followUp', 'aefi', event.id, before, row);
        w.enqueue({
          kind: 'aefi.followed_up',
          entityId: row.id,
          subjectId: event.citizenId,
          sessionId: planId,
          payload: { aefiId: event.id, followUp: { id: row.id, outcome: row.outcome, note, recordedAt: row.recordedAt } },
        });
        w.emit('aefi:recorded', { aefiId: event.id, visitId: event.visitId, citizenId: event.citizenId, serious: event.serious === 1 });
        const plan = planId ? w.q.plans.row(planId) : null;
        if (plan) w.emit('day:changed', { planId: plan.id, state: plan.state });
        return { before, after: row, result: toAefi(w.q, w.q.aefi.byId(event.id)!) };
      });
    });
  }
}
