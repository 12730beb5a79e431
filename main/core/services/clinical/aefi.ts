import type { Aefi, AefiSeverity, AefiSymptom, SeriousnessCriterion } from '../../../../preload/contract';
import type { AefiView } from '../../../../db/queries/aefi';
import { citizenSummaryOf } from '../../../../db/queries/citizen-columns';
import { siteDay } from '../../../domain/site-time';
import { StationError } from '../../errors';
import { newId } from '../../ids';
import type { Actor, Store } from '../../store';
import type { VisitOutcomes } from '../visit-outcomes';
import { visitOfToday } from './today';
import { queueUpload } from './upload-queue';

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

function toAefi(r: AefiView): Aefi {
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
    private readonly outcomes: VisitOutcomes,
  ) {}

  record(actor: Actor, input: AefiInput): Aefi {
    const other = blankToNull(input.otherSymptoms);
    if (input.symptoms.includes('other') && other === null) throw new StationError('AEFI_OTHER_SYMPTOM_TEXT_REQUIRED', 'describe the other symptoms');
    const action = input.actionTaken.trim();
    if (action === '') throw new StationError('AEFI_ACTION_REQUIRED', 'say what was done');
    return this.store.write(actor, (w) => {
      const { visit } = visitOfToday(w.q, input.visitId, w.at);
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
      const aefi = toAefi(w.q.aefi.byId(row.id)!);
      w.audit('aefi:record', 'aefi', row.id, null, aefi);
      queueUpload(w, 'aefi.recorded', row.id, { aefi, dose });
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
    const plan = this.store.q.plans.openOn(siteDay(this.store.clock.now()));
    return plan ? this.store.q.aefi.forPlan(plan.id, filter).map(toAefi) : [];
  }
}
