/**
 * The clinical steps: screening records, vials opened from lots, doses given
 * (never edited in place: corrections are new versions or voids), the
 * observation period, adverse events, and the outbox of records waiting to be
 * uploaded to the national platform. A dose, its vial draw, its audit row and
 * its outbox row are written in one transaction.
 */
export const sql = `
CREATE TABLE screening (
  id TEXT PRIMARY KEY,
  visit_id TEXT NOT NULL REFERENCES visit(id),
  form_id TEXT NOT NULL,
  form_version INTEGER NOT NULL,
  answers_json TEXT NOT NULL,
  computed_outcome TEXT NOT NULL CHECK (computed_outcome IN ('eligible', 'postpone', 'contraindicated', 'refer')),
  outcome TEXT NOT NULL CHECK (outcome IN ('eligible', 'postpone', 'contraindicated', 'refer')),
  result_json TEXT NOT NULL,
  return_date TEXT,
  observation_minutes INTEGER NOT NULL DEFAULT 30 CHECK (observation_minutes >= 30),
  override_reason TEXT,
  screened_by TEXT NOT NULL REFERENCES staff(id),
  screened_at TEXT NOT NULL
) STRICT;
CREATE INDEX screening_visit ON screening(visit_id, screened_at);

CREATE TABLE vial (
  id TEXT PRIMARY KEY,
  lot_id TEXT NOT NULL REFERENCES vaccine_lot(id),
  doses_total INTEGER NOT NULL CHECK (doses_total > 0),
  opened_at TEXT NOT NULL,
  opened_by TEXT NOT NULL REFERENCES staff(id),
  expires_at TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'empty', 'discarded')),
  closed_at TEXT,
  closed_by TEXT REFERENCES staff(id),
  discard_reason TEXT,
  wasted_doses INTEGER NOT NULL DEFAULT 0 CHECK (wasted_doses >= 0)
) STRICT;
CREATE INDEX vial_lot ON vial(lot_id, state);

CREATE TABLE dose (
  id TEXT PRIMARY KEY,
  record_id TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  supersedes_id TEXT REFERENCES dose(id),
  citizen_id TEXT NOT NULL REFERENCES citizen(id),
  visit_id TEXT REFERENCES visit(id),
  source TEXT NOT NULL CHECK (source IN ('station', 'reported_elsewhere', 'national')),
  product_code TEXT REFERENCES vaccine_product(code),
  dcc_product TEXT NOT NULL,
  dcc_manufacturer TEXT NOT NULL,
  dcc_prophylaxis TEXT NOT NULL,
  dcc_disease TEXT NOT NULL DEFAULT '840539006',
  lot_id TEXT REFERENCES vaccine_lot(id),
  lot_number TEXT,
  vial_id TEXT REFERENCES vial(id),
  dose_number INTEGER NOT NULL CHECK (dose_number >= 1),
  series_doses INTEGER NOT NULL CHECK (series_doses >= 1),
  given_on TEXT NOT NULL,
  given_at TEXT,
  country TEXT NOT NULL DEFAULT 'VN',
  issuer TEXT,
  injection_site TEXT,
  status TEXT NOT NULL DEFAULT 'valid' CHECK (status IN ('valid', 'voided', 'superseded')),
  status_reason TEXT,
  status_by TEXT REFERENCES staff(id),
  status_at TEXT,
  recorded_by TEXT REFERENCES staff(id),
  recorded_at TEXT NOT NULL,
  UNIQUE (record_id, version)
) STRICT;
CREATE INDEX dose_citizen ON dose(citizen_id, given_on);
CREATE UNIQUE INDEX dose_one_per_visit ON dose(visit_id) WHERE visit_id IS NOT NULL AND status = 'valid';
CREATE INDEX dose_vial ON dose(vial_id) WHERE vial_id IS NOT NULL;

CREATE TABLE observation (
  visit_id TEXT PRIMARY KEY REFERENCES visit(id),
  dose_id TEXT NOT NULL REFERENCES dose(id),
  started_at TEXT NOT NULL,
  due_at TEXT NOT NULL,
  released_at TEXT,
  released_by TEXT REFERENCES staff(id),
  early_release_reason TEXT
) STRICT;

CREATE TABLE aefi (
  id TEXT PRIMARY KEY,
  visit_id TEXT NOT NULL REFERENCES visit(id),
  citizen_id TEXT NOT NULL REFERENCES citizen(id),
  dose_id TEXT REFERENCES dose(id),
  symptoms_json TEXT NOT NULL,
  onset_at TEXT NOT NULL,
  severity TEXT NOT NULL CHECK (severity IN ('mild', 'moderate', 'severe')),
  serious INTEGER NOT NULL CHECK (serious IN (0, 1)),
  seriousness_json TEXT NOT NULL DEFAULT '[]',
  action_taken TEXT NOT NULL,
  referred_to TEXT,
  notes TEXT,
  recorded_by TEXT NOT NULL REFERENCES staff(id),
  recorded_at TEXT NOT NULL
) STRICT;
CREATE INDEX aefi_visit ON aefi(visit_id);

CREATE TABLE outbox (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  payload_json TEXT NOT NULL,
  created_at TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'rejected')),
  attempts INTEGER NOT NULL DEFAULT 0,
  last_attempt_at TEXT,
  last_error TEXT,
  sent_at TEXT
) STRICT;
CREATE INDEX outbox_pending ON outbox(state, id);
`;
