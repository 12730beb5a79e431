/**
 * Citizens the station knows, corrections to their identity, and the day's
 * visits (the queue). Identity comes from the card wherever possible:
 * `verification` says how a citizen's identity was established, so records
 * typed by hand can be cleansed later.
 */
export const sql = `
CREATE TABLE citizen (
  id TEXT PRIMARY KEY,
  id_number TEXT,
  old_id_number TEXT,
  passport_number TEXT,
  nationality TEXT,
  full_name TEXT NOT NULL,
  name_key TEXT NOT NULL,
  date_of_birth TEXT NOT NULL,
  sex TEXT CHECK (sex IN ('male', 'female')),
  address TEXT,
  phone TEXT,
  card_issue_date TEXT,
  verification TEXT NOT NULL CHECK (verification IN ('card', 'site_verified', 'imported', 'unverified')),
  created_at TEXT NOT NULL,
  created_by TEXT REFERENCES staff(id),
  updated_at TEXT NOT NULL,
  CHECK (id_number IS NOT NULL OR passport_number IS NOT NULL OR verification = 'unverified' OR verification = 'imported')
) STRICT;
CREATE UNIQUE INDEX citizen_id_number ON citizen(id_number) WHERE id_number IS NOT NULL;
CREATE UNIQUE INDEX citizen_passport ON citizen(nationality, passport_number) WHERE passport_number IS NOT NULL;
CREATE INDEX citizen_name ON citizen(name_key, date_of_birth);

CREATE TABLE identity_correction (
  id TEXT PRIMARY KEY,
  citizen_id TEXT NOT NULL REFERENCES citizen(id),
  target_id TEXT REFERENCES plan_target(id),
  field TEXT NOT NULL CHECK (field IN ('idNumber', 'fullName', 'dateOfBirth', 'sex', 'address')),
  before_value TEXT,
  after_value TEXT,
  source TEXT NOT NULL CHECK (source IN ('card', 'supervisor')),
  staff_id TEXT NOT NULL REFERENCES staff(id),
  at TEXT NOT NULL
) STRICT;
CREATE INDEX identity_correction_citizen ON identity_correction(citizen_id);

ALTER TABLE plan_target ADD COLUMN citizen_id TEXT REFERENCES citizen(id);
CREATE INDEX plan_target_citizen ON plan_target(citizen_id) WHERE citizen_id IS NOT NULL;

CREATE TABLE visit (
  id TEXT PRIMARY KEY,
  plan_id TEXT NOT NULL REFERENCES session_plan(id),
  citizen_id TEXT NOT NULL REFERENCES citizen(id),
  target_id TEXT REFERENCES plan_target(id),
  queue_number INTEGER NOT NULL CHECK (queue_number > 0),
  step TEXT NOT NULL CHECK (step IN ('screening', 'injection', 'observation', 'released', 'postponed', 'referred', 'contraindicated', 'left')),
  step_at TEXT NOT NULL,
  checkin_source TEXT NOT NULL CHECK (checkin_source IN ('card_scanner', 'card_camera', 'card_image', 'passport', 'manual', 'registration')),
  checked_in_at TEXT NOT NULL,
  checked_in_by TEXT NOT NULL REFERENCES staff(id),
  UNIQUE (plan_id, citizen_id),
  UNIQUE (plan_id, queue_number)
) STRICT;
CREATE INDEX visit_queue ON visit(plan_id, step, queue_number);
`;
