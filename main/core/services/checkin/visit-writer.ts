import type { ScanSource } from '../../../../preload/contract';
import type { Queries } from '../../../../db/queries';
import type { LinkedTarget } from '../../../../db/queries/targets';
import type { VisitRecord } from '../../../../db/queries/visits';
import { StationError } from '../../errors';
import { newId } from '../../ids';
import type { WriteScope } from '../../store';

/**
 * The end of every check-in path (card, passport, typed, known person): the
 * duplicate checks and the visit with its queue number, inside the caller's
 * transaction. Two desks checking the same person in at once cannot both
 * succeed: the checks run inside BEGIN IMMEDIATE and visit(plan_id,
 * citizen_id) is unique besides.
 */

export type CheckinSource = VisitRecord['checkinSource'];

export function checkinSourceOf(scan: ScanSource): CheckinSource {
  return scan === 'camera' ? 'card_camera' : scan === 'image' ? 'card_image' : 'card_scanner';
}

export function refuseIfCheckedIn(q: Queries, citizen: { id: string; fullName: string }, today: string): void {
  const visit = q.visits.todayForCitizen(citizen.id, today);
  if (visit) {
    throw new StationError('ALREADY_CHECKED_IN', 'already checked in today', { queueNumber: visit.queueNumber, fullName: citizen.fullName, step: visit.step });
  }
}

export function refuseIfTargetCheckedIn(q: Queries, target: LinkedTarget | null): void {
  if (!target) return;
  const visit = q.visits.forTarget(target.id);
  if (visit) throw new StationError('TARGET_ALREADY_CHECKED_IN', 'that list row was already checked in', { queueNumber: visit.queueNumber, fullName: target.fullName });
}

/** Today's open session, inside the transaction that will use it. */
export function openPlanIn(w: WriteScope, today: string): string {
  const planId = w.q.visits.openPlanIdOn(today);
  if (!planId) throw new StationError('NO_OPEN_SESSION', 'no session is open today');
  return planId;
}

/**
 * A row of today's list for a person being checked in: the nurse's pick
 * (checked), none, or when not said the one row already tied to them or
 * carrying their ID number.
 */
export function resolveTarget(
  q: Queries,
  planId: string,
  choice: string | null | undefined,
  person: { citizenId: string | null; idNumber: string | null },
): LinkedTarget | null {
  if (choice === null) return null;
  if (choice === undefined) {
    const linked = person.citizenId ? q.targets.matchByCitizen(planId, person.citizenId) : null;
    if (linked) return linked;
    const numbered = person.idNumber ? q.targets.matchByIdNumber(planId, person.idNumber) : null;
    return numbered && numbered.citizenId === null ? numbered : null;
  }
  const target = q.targets.matchById(choice);
  if (!target || target.planId !== planId) throw new StationError('TARGET_NOT_ON_TODAYS_LIST', "not a row of today's list", { id: choice });
  if (target.citizenId && target.citizenId !== person.citizenId) {
    const owner = q.citizens.byId(target.citizenId);
    throw new StationError('TARGET_BELONGS_TO_OTHER', 'that list row was checked in for someone else', { fullName: owner?.fullName ?? '' });
  }
  return target;
}

/** Creates the visit at the screening step with the session's next queue number; tells every desk after commit. */
export function openVisit(
  w: WriteScope,
  v: { planId: string; citizenId: string; target: LinkedTarget | null; source: CheckinSource },
): string {
  if (!w.actor) throw new StationError('AUTH_REQUIRED', 'sign in first');
  if (v.target) w.q.targets.linkCitizen(v.target.id, v.citizenId);
  const visit: VisitRecord = {
    id: newId(),
    planId: v.planId,
    citizenId: v.citizenId,
    targetId: v.target?.id ?? null,
    queueNumber: w.q.visits.nextQueueNumber(v.planId),
    step: 'screening',
    stepAt: w.at,
    checkinSource: v.source,
    checkedInAt: w.at,
    checkedInBy: w.actor.staffId,
  };
  w.q.visits.insert(visit);
  w.audit('checkin', 'visit', visit.id, null, { citizenId: visit.citizenId, targetId: visit.targetId, queueNumber: visit.queueNumber, source: visit.checkinSource });
  w.emit('queue:changed', { planId: visit.planId, visitId: visit.id, step: visit.step });
  return visit.id;
}
