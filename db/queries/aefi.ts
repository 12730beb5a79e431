import type { Database } from 'better-sqlite3';
import type { AefiSeverity } from '../../preload/contract';
import { CITIZEN_COLUMNS, type CitizenColumns } from './citizen-columns';

export interface AefiRow {
  id: string;
  visitId: string;
  citizenId: string;
  doseId: string | null;
  symptomsJson: string;
  onsetAt: string;
  severity: AefiSeverity;
  serious: number;
  seriousnessJson: string;
  actionTaken: string;
  referredTo: string | null;
  notes: string | null;
  recordedBy: string;
  recordedAt: string;
}

export interface AefiView extends AefiRow, CitizenColumns {
  queueNumber: number;
  recordedByName: string;
}

// citizenId comes with the citizen columns: c.id, equal to a.citizen_id by the join.
const VIEW = `SELECT a.id, a.visit_id AS visitId, a.dose_id AS doseId, a.symptoms_json AS symptomsJson,
  a.onset_at AS onsetAt, a.severity, a.serious, a.seriousness_json AS seriousnessJson, a.action_taken AS actionTaken,
  a.referred_to AS referredTo, a.notes, a.recorded_by AS recordedBy, a.recorded_at AS recordedAt, v.queue_number AS queueNumber,
  s.full_name AS recordedByName, ${CITIZEN_COLUMNS}
  FROM aefi a JOIN visit v ON v.id = a.visit_id JOIN citizen c ON c.id = a.citizen_id JOIN staff s ON s.id = a.recorded_by`;

export function aefiQueries(db: Database) {
  const insert = db.prepare(`INSERT INTO aefi (id, visit_id, citizen_id, dose_id, symptoms_json, onset_at, severity, serious, seriousness_json,
    action_taken, referred_to, notes, recorded_by, recorded_at) VALUES (@id, @visitId, @citizenId, @doseId, @symptomsJson, @onsetAt, @severity,
    @serious, @seriousnessJson, @actionTaken, @referredTo, @notes, @recordedBy, @recordedAt)`);
  const byId = db.prepare(`${VIEW} WHERE a.id = ?`);
  const forPlan = db.prepare(`${VIEW} WHERE v.plan_id = @planId AND (@serious IS NULL OR a.serious = 1) AND (@visitId IS NULL OR a.visit_id = @visitId)
    ORDER BY a.recorded_at DESC, a.id DESC`);
  return {
    insert: (a: AefiRow) => void insert.run(a),
    byId: (id: string) => (byId.get(id) as AefiView | undefined) ?? null,
    forPlan: (planId: string, filter: { seriousOnly?: boolean | undefined; visitId?: string | undefined }) =>
      forPlan.all({ planId, serious: filter.seriousOnly ? 1 : null, visitId: filter.visitId ?? null }) as AefiView[],
  };
}
