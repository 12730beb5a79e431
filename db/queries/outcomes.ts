import type { Database } from 'better-sqlite3';
import type { VisitOutcomeKind } from '../../preload/contract';
import { CITIZEN_COLUMNS, type CitizenColumns } from './citizen-columns';

export interface VisitOutcomeRow {
  visitId: string;
  outcome: VisitOutcomeKind;
  fromStep: 'screening' | 'injection' | 'observation';
  referredTo: string | null;
  aefiId: string | null;
  note: string | null;
  recordedBy: string;
  recordedAt: string;
}

export interface VisitOutcomeView extends VisitOutcomeRow, CitizenColumns {
  queueNumber: number;
  recordedByName: string;
  /** A valid dose was recorded for the visit (a referral from observation). */
  doseGiven: number;
}

const VIEW = `SELECT o.visit_id AS visitId, o.outcome, o.from_step AS fromStep, o.referred_to AS referredTo, o.aefi_id AS aefiId, o.note,
  o.recorded_by AS recordedBy, o.recorded_at AS recordedAt, v.queue_number AS queueNumber, s.full_name AS recordedByName,
  EXISTS (SELECT 1 FROM dose d WHERE d.visit_id = o.visit_id AND d.status = 'valid') AS doseGiven, ${CITIZEN_COLUMNS}
  FROM visit_outcome o JOIN visit v ON v.id = o.visit_id JOIN citizen c ON c.id = v.citizen_id JOIN staff s ON s.id = o.recorded_by`;

/** How visits ended other than by release (db/migrations/0009_visit_outcomes.ts). */
export function outcomeQueries(db: Database) {
  const insert = db.prepare(`INSERT INTO visit_outcome (visit_id, outcome, from_step, referred_to, aefi_id, note, recorded_by, recorded_at)
    VALUES (@visitId, @outcome, @fromStep, @referredTo, @aefiId, @note, @recordedBy, @recordedAt)`);
  const byVisit = db.prepare(`${VIEW} WHERE o.visit_id = ?`);
  const forPlan = db.prepare(`${VIEW} WHERE v.plan_id = ? ORDER BY o.recorded_at DESC, v.queue_number DESC`);
  return {
    insert: (row: VisitOutcomeRow) => void insert.run(row),
    byVisit: (visitId: string) => (byVisit.get(visitId) as VisitOutcomeView | undefined) ?? null,
    forPlan: (planId: string) => forPlan.all(planId) as VisitOutcomeView[],
  };
}
