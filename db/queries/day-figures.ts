import type { Database } from 'better-sqlite3';
import type { DiscardReason, ScreeningOutcome, VisitStep, WasteReason } from '../../preload/contract';

/**
 * What a session's reconciliation and work list are counted from. Every
 * query is scoped to one session (plan) through its visits or its lots, so
 * the figures of two sessions on one day never mix.
 */

export interface LotVialFigures {
  lotId: string;
  vialsOpened: number;
  dosesInOpenedVials: number;
  dosesDrawn: number;
  dosesWasted: number;
  vialsDiscarded: number;
  vialsEmpty: number;
  vialsOpenNow: number;
  vialsPastInUseTime: number;
  dosesLeftInOpenVials: number;
}

export interface AdministeredDose {
  id: string;
  lotId: string | null;
  productCode: string | null;
  productName: string | null;
  doseNumber: number;
  givenAt: string | null;
  dateOfBirth: string;
  targetId: string | null;
  targetGroup: string | null;
}

export interface ScreenedVisit {
  visitId: string;
  step: VisitStep;
  outcome: ScreeningOutcome;
  resultJson: string;
}

const PLAN_VISITS = `SELECT id FROM visit WHERE plan_id = @planId`;
const PLAN_LOTS = `SELECT id FROM vaccine_lot WHERE plan_id = @planId`;
/** Every record of the session the outbox can carry: doses (all versions), adverse events and their follow-ups, vials, the session itself. */
const PLAN_UPLOADS = `SELECT d.id FROM dose d JOIN visit v ON v.id = d.visit_id WHERE v.plan_id = @planId
  UNION ALL SELECT a.id FROM aefi a JOIN visit v ON v.id = a.visit_id WHERE v.plan_id = @planId
  UNION ALL SELECT f.id FROM aefi_follow_up f JOIN aefi a ON a.id = f.aefi_id JOIN visit v ON v.id = a.visit_id WHERE v.plan_id = @planId
  UNION ALL SELECT vi.id FROM vial vi JOIN vaccine_lot l ON l.id = vi.lot_id WHERE l.plan_id = @planId
  UNION ALL SELECT @planId`;

export function dayFigureQueries(db: Database) {
  const vials = db.prepare(`SELECT lot_id AS lotId, count(*) AS vialsOpened, sum(doses_total) AS dosesInOpenedVials,
    sum(doses_drawn) AS dosesDrawn, sum(wasted_doses) AS dosesWasted, sum(state = 'discarded') AS vialsDiscarded,
    sum(state = 'empty') AS vialsEmpty, sum(state = 'open') AS vialsOpenNow, sum(state = 'open' AND expires_at <= @now) AS vialsPastInUseTime,
    sum(CASE WHEN state = 'open' THEN doses_total - doses_drawn - wasted_doses ELSE 0 END) AS dosesLeftInOpenVials
    FROM vial WHERE lot_id IN (${PLAN_LOTS}) GROUP BY lot_id`);
  // A discard takes what was left in the vial; doses wasted earlier from it are counted under their own reasons.
  const discards = db.prepare(`SELECT v.lot_id AS lotId, v.discard_reason AS reason, count(*) AS vials,
    sum(v.wasted_doses - coalesce((SELECT sum(w.doses) FROM vial_waste w WHERE w.vial_id = v.id), 0)) AS doses
    FROM vial v WHERE v.lot_id IN (${PLAN_LOTS}) AND v.state = 'discarded' GROUP BY v.lot_id, v.discard_reason`);
  const waste = db.prepare(`SELECT v.lot_id AS lotId, w.reason, sum(w.doses) AS doses FROM vial_waste w JOIN vial v ON v.id = w.vial_id
    WHERE v.lot_id IN (${PLAN_LOTS}) GROUP BY v.lot_id, w.reason`);
  const administered = db.prepare(`SELECT d.id, d.lot_id AS lotId, d.product_code AS productCode, p.name AS productName,
    d.dose_number AS doseNumber, d.given_at AS givenAt, c.date_of_birth AS dateOfBirth, v.target_id AS targetId, t.target_group AS targetGroup
    FROM visit v JOIN dose d ON d.visit_id = v.id JOIN citizen c ON c.id = v.citizen_id
    LEFT JOIN vaccine_product p ON p.code = d.product_code LEFT JOIN plan_target t ON t.id = v.target_id
    WHERE v.plan_id = @planId AND d.status = 'valid' AND d.source = 'station'`);
  const administeredByLot = db.prepare(`SELECT d.lot_id AS lotId, count(*) AS n FROM visit v JOIN dose d ON d.visit_id = v.id
    WHERE v.plan_id = @planId AND d.status = 'valid' AND d.source = 'station' AND d.lot_id IS NOT NULL GROUP BY d.lot_id`);
  const doseStatuses = db.prepare(`SELECT sum(d.status = 'voided') AS voided, sum(d.version > 1) AS corrected
    FROM visit v JOIN dose d ON d.visit_id = v.id WHERE v.plan_id = @planId AND d.source = 'station'`);
  const steps = db.prepare(`SELECT step, count(*) AS n FROM visit WHERE plan_id = @planId GROUP BY step`);
  const screened = db.prepare(`SELECT visitId, step, outcome, resultJson FROM (
      SELECT s.visit_id AS visitId, v.step, s.outcome, s.result_json AS resultJson,
        row_number() OVER (PARTITION BY s.visit_id ORDER BY s.screened_at DESC, s.id DESC) AS rn
      FROM screening s JOIN visit v ON v.id = s.visit_id WHERE v.plan_id = @planId) WHERE rn = 1`);
  const releasedEarly = db.prepare(`SELECT count(*) FROM observation o JOIN visit v ON v.id = o.visit_id
    WHERE v.plan_id = @planId AND o.early_release_reason IS NOT NULL`).pluck();
  const aefi = db.prepare(`SELECT a.id, a.severity, a.serious, (SELECT f.outcome FROM aefi_follow_up f WHERE f.aefi_id = a.id
      ORDER BY f.recorded_at DESC, f.id DESC LIMIT 1) AS outcome
    FROM aefi a JOIN visit v ON v.id = a.visit_id WHERE v.plan_id = @planId`);
  const targets = db.prepare(`SELECT target_group AS targetGroup, count(*) AS n FROM plan_target WHERE plan_id = @planId GROUP BY target_group`);
  const targetsCheckedIn = db.prepare(`SELECT count(DISTINCT target_id) FROM visit WHERE plan_id = @planId AND target_id IS NOT NULL`).pluck();
  const certificates = db.prepare(`SELECT count(*) AS issued,
      sum(c.status = 'active' AND EXISTS (SELECT 1 FROM certificate_print p WHERE p.certificate_id = c.id)) AS printed,
      sum(EXISTS (SELECT 1 FROM certificate o WHERE o.superseded_by = c.id)) AS reissued,
      sum(c.status = 'active' AND c.provisional = 1) AS provisional,
      sum(c.status = 'active' AND c.national = 1) AS national
    FROM certificate c WHERE c.visit_id IN (${PLAN_VISITS})`);
  const pendingCertificates = db.prepare(`SELECT count(*) FROM visit v WHERE v.plan_id = @planId AND v.step = 'released'
    AND EXISTS (SELECT 1 FROM dose d WHERE d.visit_id = v.id AND d.status = 'valid')
    AND NOT EXISTS (SELECT 1 FROM certificate c WHERE c.visit_id = v.id AND c.status = 'active')`).pluck();
  // Rows carry their session (outbox.session_id); rows queued before it existed are found through their records.
  const uploads = db.prepare(`SELECT CASE WHEN kind IN ('dose.recorded', 'dose.reported', 'dose.superseded', 'dose.voided') THEN 'doses' ELSE 'other' END AS area,
      state, count(*) AS n
    FROM outbox WHERE session_id = @planId OR (session_id IS NULL AND entity_id IN (${PLAN_UPLOADS})) GROUP BY area, state`);
  const rejected = db.prepare(`SELECT o.id, o.seq, o.kind, o.entity_id AS entityId, o.subject_id AS subjectId, o.last_error AS lastError,
    o.last_attempt_at AS lastAttemptAt FROM outbox o
    WHERE o.state = 'rejected' AND (o.session_id = @planId OR (o.session_id IS NULL AND o.entity_id IN (${PLAN_UPLOADS}))) ORDER BY o.seq`);

  const waiting = db.prepare(`SELECT v.id, v.queue_number AS queueNumber, v.step, v.step_at AS stepAt, c.full_name AS fullName,
      o.due_at AS dueAt FROM visit v JOIN citizen c ON c.id = v.citizen_id LEFT JOIN observation o ON o.visit_id = v.id
    WHERE v.plan_id = @planId AND v.step IN ('screening', 'injection', 'observation') ORDER BY v.queue_number`);
  const openVials = db.prepare(`SELECT vi.id, vi.opened_at AS openedAt, vi.expires_at AS expiresAt, l.lot_number AS lotNumber,
      vi.doses_total - vi.doses_drawn - vi.wasted_doses AS dosesLeft
    FROM vial vi JOIN vaccine_lot l ON l.id = vi.lot_id WHERE l.plan_id = @planId AND vi.state = 'open' ORDER BY vi.opened_at, vi.id`);
  const aefiWithoutFollowUp = db.prepare(`SELECT a.id, a.serious, a.severity, a.recorded_at AS recordedAt, v.queue_number AS queueNumber,
      c.full_name AS fullName FROM aefi a JOIN visit v ON v.id = a.visit_id JOIN citizen c ON c.id = a.citizen_id
    WHERE v.plan_id = @planId AND NOT EXISTS (SELECT 1 FROM aefi_follow_up f WHERE f.aefi_id = a.id) ORDER BY a.recorded_at, a.id`);
  const openRequests = db.prepare(`SELECT r.id, r.reason, r.requested_at AS requestedAt, v.queue_number AS queueNumber, c.full_name AS fullName,
      d.lot_number AS lotNumber FROM dose_correction_request r JOIN dose d ON d.id = r.dose_id LEFT JOIN visit v ON v.id = d.visit_id
      JOIN citizen c ON c.id = d.citizen_id WHERE r.plan_id = @planId AND r.state = 'open' ORDER BY r.requested_at, r.id`);
  const visitsOfPlan = db.prepare(`SELECT count(*) FROM visit WHERE plan_id = @planId`).pluck();
  const dosesOfPlan = db.prepare(`SELECT count(*) FROM visit v JOIN dose d ON d.visit_id = v.id
    WHERE v.plan_id = @planId AND d.status = 'valid' AND d.source = 'station'`).pluck();

  return {
    vials: (planId: string, now: string) => vials.all({ planId, now }) as LotVialFigures[],
    discards: (planId: string) => discards.all({ planId }) as { lotId: string; reason: DiscardReason; vials: number; doses: number }[],
    waste: (planId: string) => waste.all({ planId }) as { lotId: string; reason: WasteReason; doses: number }[],
    administered: (planId: string) => administered.all({ planId }) as AdministeredDose[],
    administeredByLot: (planId: string) => administeredByLot.all({ planId }) as { lotId: string; n: number }[],
    doseStatuses: (planId: string) => doseStatuses.get({ planId }) as { voided: number | null; corrected: number | null },
    steps: (planId: string) => steps.all({ planId }) as { step: VisitStep; n: number }[],
    screened: (planId: string) => screened.all({ planId }) as ScreenedVisit[],
    releasedEarly: (planId: string) => releasedEarly.get({ planId }) as number,
    aefi: (planId: string) => aefi.all({ planId }) as { id: string; severity: 'mild' | 'moderate' | 'severe'; serious: number; outcome: string | null }[],
    targets: (planId: string) => targets.all({ planId }) as { targetGroup: string | null; n: number }[],
    targetsCheckedIn: (planId: string) => targetsCheckedIn.get({ planId }) as number,
    certificates: (planId: string) =>
      certificates.get({ planId }) as { issued: number; printed: number | null; reissued: number | null; provisional: number | null; national: number | null },
    pendingCertificates: (planId: string) => pendingCertificates.get({ planId }) as number,
    uploads: (planId: string) => uploads.all({ planId }) as { area: 'doses' | 'other'; state: string; n: number }[],
    rejectedUploads: (planId: string) =>
      rejected.all({ planId }) as { id: string; seq: number; kind: string; entityId: string; subjectId: string | null; lastError: string | null; lastAttemptAt: string | null }[],
    waitingVisits: (planId: string) =>
      waiting.all({ planId }) as { id: string; queueNumber: number; step: VisitStep; stepAt: string; fullName: string; dueAt: string | null }[],
    openVials: (planId: string) => openVials.all({ planId }) as { id: string; openedAt: string; expiresAt: string; lotNumber: string; dosesLeft: number }[],
    aefiWithoutFollowUp: (planId: string) =>
      aefiWithoutFollowUp.all({ planId }) as { id: string; serious: number; severity: string; recordedAt: string; queueNumber: number; fullName: string }[],
    openCorrectionRequests: (planId: string) =>
      openRequests.all({ planId }) as { id: string; reason: string; requestedAt: string; queueNumber: number | null; fullName: string; lotNumber: string | null }[],
    visitCount: (planId: string) => visitsOfPlan.get({ planId }) as number,
    doseCount: (planId: string) => dosesOfPlan.get({ planId }) as number,
  };
}
export type DayFigureQueries = ReturnType<typeof dayFigureQueries>;
