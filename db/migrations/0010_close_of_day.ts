/**
 * The supervisor's close of day.
 *
 * - `stock_count`: the physical count of a lot's sealed vials at the end of
 *   the day (counted by one person, verified by another), with the balance it
 *   left and the reason for any variance, like a stocktake line.
 * - `identity_conflict`: a check-in refused because the card's ID number
 *   belongs to a record that looks like another person; kept for the
 *   supervisor, who checks the holder in or dismisses it with a note.
 * - `dose_correction_request`: a nurse asks a supervisor to correct a dose.
 * - `aefi_follow_up`: what became of an adverse event after it was recorded.
 * - `day_manifest`: each signed manifest of a session (revision 1 at close, one
 *   more per amendment or re-close): the statement exactly as signed (JWS),
 *   and the canonical record lines its hash covers.
 * - `close_decision`: the supervisor's written reason for each work-list item
 *   still open when the day was closed.
 * - `session_reopen`, `amendment`: a closed day re-opened (with a reason), and
 *   fixes made to a closed day (who, when, why, before and after).
 *
 * Closing locks a session's records: the triggers below refuse any insert,
 * update or delete of a closed session's rows, whoever tries, unless the
 * same transaction has marked the session in `session_amending` (the
 * amendment path, which also writes the amendment row and a new signed
 * manifest). A manifest, once written, is never changed.
 */

/** Each locked table, and how a row of it finds its session (R is NEW or OLD). */
const LOCKED: readonly { table: string; plan: (r: string) => string }[] = [
  { table: 'vaccine_lot', plan: (r) => `${r}.plan_id` },
  { table: 'plan_target', plan: (r) => `${r}.plan_id` },
  { table: 'visit', plan: (r) => `${r}.plan_id` },
  { table: 'screening', plan: (r) => `(SELECT plan_id FROM visit WHERE id = ${r}.visit_id)` },
  { table: 'observation', plan: (r) => `(SELECT plan_id FROM visit WHERE id = ${r}.visit_id)` },
  { table: 'aefi', plan: (r) => `(SELECT plan_id FROM visit WHERE id = ${r}.visit_id)` },
  { table: 'dose', plan: (r) => `(SELECT plan_id FROM visit WHERE id = ${r}.visit_id)` },
  { table: 'vial', plan: (r) => `(SELECT plan_id FROM vaccine_lot WHERE id = ${r}.lot_id)` },
  { table: 'vial_waste', plan: (r) => `(SELECT l.plan_id FROM vial v JOIN vaccine_lot l ON l.id = v.lot_id WHERE v.id = ${r}.vial_id)` },
  { table: 'aefi_follow_up', plan: (r) => `(SELECT v.plan_id FROM aefi a JOIN visit v ON v.id = a.visit_id WHERE a.id = ${r}.aefi_id)` },
  { table: 'stock_count', plan: (r) => `${r}.plan_id` },
  { table: 'identity_conflict', plan: (r) => `${r}.plan_id` },
  { table: 'dose_correction_request', plan: (r) => `${r}.plan_id` },
];

function lockTriggers(): string {
  const out: string[] = [];
  for (const { table, plan } of LOCKED) {
    for (const [event, row] of [['INSERT', 'NEW'], ['UPDATE', 'OLD'], ['DELETE', 'OLD']] as const) {
      const p = plan(row);
      out.push(`CREATE TRIGGER ${table}_locked_${event.toLowerCase()} BEFORE ${event} ON ${table}
  WHEN (SELECT state FROM session_plan WHERE id = ${p}) = 'closed'
    AND NOT EXISTS (SELECT 1 FROM session_amending WHERE plan_id = ${p})
BEGIN SELECT RAISE(ABORT, 'DAY_LOCKED: ${table} belongs to a closed session'); END;`);
    }
  }
  return out.join('\n');
}

export const sql = `
CREATE TABLE stock_count (
  id TEXT PRIMARY KEY,
  plan_id TEXT NOT NULL REFERENCES session_plan(id),
  lot_id TEXT NOT NULL REFERENCES vaccine_lot(id),
  sealed_vials_expected INTEGER NOT NULL CHECK (sealed_vials_expected >= 0),
  sealed_vials_counted INTEGER NOT NULL CHECK (sealed_vials_counted >= 0),
  variance_doses INTEGER NOT NULL,
  reason TEXT CHECK (reason IN ('broken', 'lost', 'expired', 'cold_chain_break', 'returned', 'counting_error', 'other')),
  note TEXT,
  counted_by TEXT NOT NULL REFERENCES staff(id),
  verified_by TEXT NOT NULL REFERENCES staff(id),
  counted_at TEXT NOT NULL,
  CHECK (counted_by <> verified_by),
  CHECK (variance_doses = 0 OR reason IS NOT NULL)
) STRICT;
CREATE INDEX stock_count_lot ON stock_count(lot_id, counted_at);

CREATE TABLE identity_conflict (
  id TEXT PRIMARY KEY,
  plan_id TEXT NOT NULL REFERENCES session_plan(id),
  id_number TEXT NOT NULL,
  card_full_name TEXT NOT NULL,
  card_date_of_birth TEXT NOT NULL,
  holder_citizen_id TEXT REFERENCES citizen(id),
  holder_target_id TEXT REFERENCES plan_target(id),
  holder_full_name TEXT NOT NULL,
  holder_date_of_birth TEXT NOT NULL,
  refused_at TEXT NOT NULL,
  refused_by TEXT NOT NULL REFERENCES staff(id),
  state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'checked_in', 'dismissed')),
  resolved_at TEXT,
  resolved_by TEXT REFERENCES staff(id),
  resolution_note TEXT
) STRICT;
CREATE INDEX identity_conflict_plan ON identity_conflict(plan_id, state);

CREATE TABLE dose_correction_request (
  id TEXT PRIMARY KEY,
  plan_id TEXT NOT NULL REFERENCES session_plan(id),
  dose_id TEXT NOT NULL REFERENCES dose(id),
  reason TEXT NOT NULL,
  requested_by TEXT NOT NULL REFERENCES staff(id),
  requested_at TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'corrected', 'dismissed')),
  resolved_at TEXT,
  resolved_by TEXT REFERENCES staff(id),
  resolution_note TEXT
) STRICT;
CREATE INDEX dose_correction_request_plan ON dose_correction_request(plan_id, state);
CREATE INDEX dose_correction_request_dose ON dose_correction_request(dose_id);

CREATE TABLE aefi_follow_up (
  id TEXT PRIMARY KEY,
  aefi_id TEXT NOT NULL REFERENCES aefi(id),
  outcome TEXT NOT NULL CHECK (outcome IN ('recovering', 'recovered', 'recovered_with_sequelae', 'not_recovered', 'referred', 'died', 'unknown')),
  note TEXT,
  recorded_by TEXT NOT NULL REFERENCES staff(id),
  recorded_at TEXT NOT NULL
) STRICT;
CREATE INDEX aefi_follow_up_aefi ON aefi_follow_up(aefi_id, recorded_at);

CREATE TABLE day_manifest (
  id TEXT PRIMARY KEY,
  plan_id TEXT NOT NULL REFERENCES session_plan(id),
  revision INTEGER NOT NULL CHECK (revision >= 1),
  reason TEXT NOT NULL CHECK (reason IN ('close', 'amendment')),
  -- The signed statement as a JWS (RFC 7515 compact, ES256): header.payload.signature.
  jws TEXT NOT NULL,
  statement_sha256 TEXT NOT NULL,
  -- The canonical record lines ("table<TAB>id<TAB>sha256<LF>" each) whose SHA-256 the statement carries.
  records TEXT NOT NULL,
  record_count INTEGER NOT NULL CHECK (record_count >= 0),
  records_sha256 TEXT NOT NULL,
  signing_key_id TEXT NOT NULL REFERENCES signing_key(id),
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES staff(id),
  UNIQUE (plan_id, revision)
) STRICT;

CREATE TABLE close_decision (
  id TEXT PRIMARY KEY,
  plan_id TEXT NOT NULL REFERENCES session_plan(id),
  -- The manifest of the close that recorded it (written first, so the manifest covers the decision).
  manifest_id TEXT NOT NULL REFERENCES day_manifest(id) DEFERRABLE INITIALLY DEFERRED,
  item_key TEXT NOT NULL,
  kind TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  item_json TEXT NOT NULL,
  reason TEXT NOT NULL,
  decided_by TEXT NOT NULL REFERENCES staff(id),
  decided_at TEXT NOT NULL
) STRICT;
CREATE INDEX close_decision_plan ON close_decision(plan_id);

CREATE TABLE session_reopen (
  id TEXT PRIMARY KEY,
  plan_id TEXT NOT NULL REFERENCES session_plan(id),
  after_revision INTEGER NOT NULL,
  reason TEXT NOT NULL,
  reopened_by TEXT NOT NULL REFERENCES staff(id),
  reopened_at TEXT NOT NULL
) STRICT;
CREATE INDEX session_reopen_plan ON session_reopen(plan_id);

CREATE TABLE amendment (
  id TEXT PRIMARY KEY,
  plan_id TEXT NOT NULL REFERENCES session_plan(id),
  operation TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  reason TEXT NOT NULL,
  before_json TEXT,
  after_json TEXT,
  amended_by TEXT NOT NULL REFERENCES staff(id),
  amended_at TEXT NOT NULL,
  manifest_id TEXT NOT NULL REFERENCES day_manifest(id) DEFERRABLE INITIALLY DEFERRED
) STRICT;
CREATE INDEX amendment_plan ON amendment(plan_id, amended_at);

-- Marked and cleared inside one amendment's transaction: never visible outside it.
CREATE TABLE session_amending (
  plan_id TEXT PRIMARY KEY REFERENCES session_plan(id)
) STRICT;

CREATE TRIGGER day_manifest_append_only_update BEFORE UPDATE ON day_manifest
BEGIN SELECT RAISE(ABORT, 'DAY_LOCKED: a signed manifest is never changed'); END;
CREATE TRIGGER day_manifest_append_only_delete BEFORE DELETE ON day_manifest
BEGIN SELECT RAISE(ABORT, 'DAY_LOCKED: a signed manifest is never changed'); END;
CREATE TRIGGER close_decision_append_only_update BEFORE UPDATE ON close_decision
BEGIN SELECT RAISE(ABORT, 'DAY_LOCKED: a close decision is never changed'); END;
CREATE TRIGGER close_decision_append_only_delete BEFORE DELETE ON close_decision
BEGIN SELECT RAISE(ABORT, 'DAY_LOCKED: a close decision is never changed'); END;
CREATE TRIGGER amendment_append_only_update BEFORE UPDATE ON amendment
BEGIN SELECT RAISE(ABORT, 'DAY_LOCKED: an amendment is never changed'); END;
CREATE TRIGGER amendment_append_only_delete BEFORE DELETE ON amendment
BEGIN SELECT RAISE(ABORT, 'DAY_LOCKED: an amendment is never changed'); END;
CREATE TRIGGER session_reopen_append_only_update BEFORE UPDATE ON session_reopen
BEGIN SELECT RAISE(ABORT, 'DAY_LOCKED: a re-opening is never changed'); END;
CREATE TRIGGER session_reopen_append_only_delete BEFORE DELETE ON session_reopen
BEGIN SELECT RAISE(ABORT, 'DAY_LOCKED: a re-opening is never changed'); END;

${lockTriggers()}
`;
