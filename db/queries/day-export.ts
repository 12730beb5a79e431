import type { Database } from 'better-sqlite3';

/**
 * The rows of a session's export for the district's spreadsheets: one query
 * per table, in the order a person would read them (queue number, time).
 */
export function dayExportQueries(db: Database) {
  const doses = db.prepare(`SELECT v.queue_number AS queueNumber, c.full_name AS fullName, c.id_number AS idNumber,
      c.passport_number AS passportNumber, c.date_of_birth AS dateOfBirth, c.sex, t.target_group AS targetGroup,
      coalesce(p.name, d.dcc_product) AS product, d.lot_number AS lotNumber, d.dose_number AS doseNumber, d.series_doses AS seriesDoses,
      d.given_on AS givenOn, d.given_at AS givenAt, d.injection_site AS injectionSite, d.status, d.status_reason AS statusReason,
      d.version, d.record_id AS recordId, d.id AS doseId, d.vial_id AS vialId, r.full_name AS recordedBy, d.recorded_at AS recordedAt
    FROM visit v JOIN dose d ON d.visit_id = v.id JOIN citizen c ON c.id = d.citizen_id
    LEFT JOIN plan_target t ON t.id = v.target_id LEFT JOIN vaccine_product p ON p.code = d.product_code LEFT JOIN staff r ON r.id = d.recorded_by
    WHERE v.plan_id = ? ORDER BY v.queue_number, d.record_id, d.version`);
  const visits = db.prepare(`SELECT v.queue_number AS queueNumber, c.full_name AS fullName, c.id_number AS idNumber,
      c.passport_number AS passportNumber, c.date_of_birth AS dateOfBirth, c.sex, c.verification, v.checkin_source AS checkinSource,
      v.checked_in_at AS checkedInAt, v.step, v.step_at AS stepAt, t.target_group AS targetGroup, (v.target_id IS NOT NULL) AS onList,
      (SELECT s.outcome FROM screening s WHERE s.visit_id = v.id ORDER BY s.screened_at DESC, s.id DESC LIMIT 1) AS screening,
      (SELECT s.return_date FROM screening s WHERE s.visit_id = v.id ORDER BY s.screened_at DESC, s.id DESC LIMIT 1) AS returnDate,
      v.id AS visitId
    FROM visit v JOIN citizen c ON c.id = v.citizen_id LEFT JOIN plan_target t ON t.id = v.target_id
    WHERE v.plan_id = ? ORDER BY v.queue_number`);
  const vials = db.prepare(`SELECT l.lot_number AS lotNumber, p.name AS product, vi.opened_at AS openedAt, o.full_name AS openedBy,
      vi.expires_at AS expiresAt, vi.state, vi.doses_total AS dosesTotal, vi.doses_drawn AS dosesDrawn, vi.wasted_doses AS dosesWasted,
      vi.closed_at AS closedAt, vi.discard_reason AS discardReason, vi.discard_note AS discardNote, vi.id AS vialId
    FROM vial vi JOIN vaccine_lot l ON l.id = vi.lot_id JOIN vaccine_product p ON p.code = l.product_code JOIN staff o ON o.id = vi.opened_by
    WHERE l.plan_id = ? ORDER BY vi.opened_at, vi.id`);
  const aefi = db.prepare(`SELECT v.queue_number AS queueNumber, c.full_name AS fullName, c.id_number AS idNumber, a.onset_at AS onsetAt,
      a.severity, a.serious, a.seriousness_json AS seriousness, a.symptoms_json AS symptoms, a.action_taken AS actionTaken,
      a.referred_to AS referredTo, a.notes, r.full_name AS recordedBy, a.recorded_at AS recordedAt,
      (SELECT f.outcome FROM aefi_follow_up f WHERE f.aefi_id = a.id ORDER BY f.recorded_at DESC, f.id DESC LIMIT 1) AS followUp,
      a.id AS aefiId
    FROM aefi a JOIN visit v ON v.id = a.visit_id JOIN citizen c ON c.id = a.citizen_id JOIN staff r ON r.id = a.recorded_by
    WHERE v.plan_id = ? ORDER BY a.recorded_at, a.id`);
  return {
    doses: (planId: string) => doses.all(planId) as Record<string, string | number | null>[],
    visits: (planId: string) => visits.all(planId) as Record<string, string | number | null>[],
    vials: (planId: string) => vials.all(planId) as Record<string, string | number | null>[],
    aefi: (planId: string) => aefi.all(planId) as Record<string, string | number | null>[],
  };
}
