import type { Database } from 'better-sqlite3';
import type { QueueEntry } from '../../preload/contract';
import { CITIZEN_COLUMNS, type CitizenColumns } from './citizen-columns';

export interface ObservationRow {
  visitId: string;
  doseId: string;
  startedAt: string;
  dueAt: string;
  releasedAt: string | null;
  releasedBy: string | null;
  earlyReleaseReason: string | null;
}

/** A board line: the observation, its visit and citizen, the dose, and how many adverse events so far. */
export interface BoardRow extends ObservationRow, CitizenColumns {
  queueNumber: number;
  step: QueueEntry['step'];
  productName: string;
  lotNumber: string | null;
  doseNumber: number;
  releasedByName: string | null;
  aefiCount: number;
  seriousAefiCount: number;
  /** How the visit ended if not by release (visit_outcome), and where a referral went. */
  endedAs: 'referred' | 'left' | null;
  referredTo: string | null;
}

const OBSERVATION = `o.visit_id AS visitId, o.dose_id AS doseId, o.started_at AS startedAt, o.due_at AS dueAt, o.released_at AS releasedAt,
  o.released_by AS releasedBy, o.early_release_reason AS earlyReleaseReason`;

const BOARD = `SELECT ${OBSERVATION}, v.queue_number AS queueNumber, v.step, ${CITIZEN_COLUMNS},
  coalesce(p.name, d.dcc_product) AS productName, d.lot_number AS lotNumber, d.dose_number AS doseNumber, rs.full_name AS releasedByName,
  (SELECT count(*) FROM aefi a WHERE a.visit_id = o.visit_id) AS aefiCount,
  (SELECT count(*) FROM aefi a WHERE a.visit_id = o.visit_id AND a.serious = 1) AS seriousAefiCount,
  CASE WHEN v.step IN ('referred', 'left') THEN v.step END AS endedAs, vo.referred_to AS referredTo
  FROM observation o JOIN visit v ON v.id = o.visit_id JOIN citizen c ON c.id = v.citizen_id JOIN dose d ON d.id = o.dose_id
  LEFT JOIN vaccine_product p ON p.code = d.product_code LEFT JOIN staff rs ON rs.id = o.released_by
  LEFT JOIN visit_outcome vo ON vo.visit_id = o.visit_id`;

export function observationQueries(db: Database) {
  const insert = db.prepare(`INSERT INTO observation (visit_id, dose_id, started_at, due_at) VALUES (@visitId, @doseId, @startedAt, @dueAt)`);
  const byVisit = db.prepare(`SELECT ${OBSERVATION} FROM observation o WHERE o.visit_id = ?`);
  const boardForPlan = db.prepare(`${BOARD} WHERE v.plan_id = ? ORDER BY o.due_at, v.queue_number`);
  const boardForVisit = db.prepare(`${BOARD} WHERE o.visit_id = ?`);
  const release = db.prepare(`UPDATE observation SET released_at = @at, released_by = @by, early_release_reason = @reason
    WHERE visit_id = @visitId AND released_at IS NULL`);
  const setDose = db.prepare(`UPDATE observation SET dose_id = ? WHERE dose_id = ?`);
  return {
    insert: (o: Pick<ObservationRow, 'visitId' | 'doseId' | 'startedAt' | 'dueAt'>) => void insert.run(o),
    byVisit: (visitId: string) => (byVisit.get(visitId) as ObservationRow | undefined) ?? null,
    board: (planId: string) => boardForPlan.all(planId) as BoardRow[],
    boardEntry: (visitId: string) => (boardForVisit.get(visitId) as BoardRow | undefined) ?? null,
    release: (visitId: string, at: string, by: string, reason: string | null) => release.run({ visitId, at, by, reason }).changes === 1,
    /** A superseding dose version takes over the observation that its original started. */
    moveToDose: (fromDoseId: string, toDoseId: string) => void setDose.run(toDoseId, fromDoseId),
  };
}
