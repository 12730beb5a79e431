import type { Database } from 'better-sqlite3';
import type { ScreeningOutcome } from '../../preload/contract';

export interface ScreeningRow {
  id: string;
  visitId: string;
  formId: string;
  formVersion: number;
  answersJson: string;
  computedOutcome: ScreeningOutcome;
  outcome: ScreeningOutcome;
  resultJson: string;
  returnDate: string | null;
  observationMinutes: number;
  overrideReason: string | null;
  screenedBy: string;
  screenedAt: string;
}

export interface ScreeningWithStaff extends ScreeningRow {
  screenedByName: string;
}

const COLUMNS = `s.id, s.visit_id AS visitId, s.form_id AS formId, s.form_version AS formVersion, s.answers_json AS answersJson,
  s.computed_outcome AS computedOutcome, s.outcome, s.result_json AS resultJson, s.return_date AS returnDate,
  s.observation_minutes AS observationMinutes, s.override_reason AS overrideReason, s.screened_by AS screenedBy,
  s.screened_at AS screenedAt, st.full_name AS screenedByName`;

/** Screenings of a visit: a visit may be screened again before its dose; the latest one counts. */
export function screeningQueries(db: Database) {
  const insert = db.prepare(`INSERT INTO screening (id, visit_id, form_id, form_version, answers_json, computed_outcome, outcome,
    result_json, return_date, observation_minutes, override_reason, screened_by, screened_at)
    VALUES (@id, @visitId, @formId, @formVersion, @answersJson, @computedOutcome, @outcome, @resultJson, @returnDate,
    @observationMinutes, @overrideReason, @screenedBy, @screenedAt)`);
  const latest = db.prepare(`SELECT ${COLUMNS} FROM screening s JOIN staff st ON st.id = s.screened_by
    WHERE s.visit_id = ? ORDER BY s.screened_at DESC, s.id DESC LIMIT 1`);
  const decision = db.prepare(`SELECT result_json FROM screening WHERE visit_id = ? ORDER BY screened_at DESC, id DESC LIMIT 1`).pluck();
  return {
    insert: (row: ScreeningRow) => void insert.run(row),
    latestForVisit: (visitId: string) => (latest.get(visitId) as ScreeningWithStaff | undefined) ?? null,
    /** Just the latest decision's JSON: what the injection desk acts on, read inside every dose's transaction. */
    latestDecisionJson: (visitId: string) => (decision.get(visitId) as string | undefined) ?? null,
  };
}
