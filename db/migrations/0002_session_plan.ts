/**
 * The day's session plan: the vaccine catalogue (data, extendable), plans,
 * the lots on hand and the target list allocated to the site.
 */
export const sql = `
CREATE TABLE vaccine_product (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  formulation TEXT,
  dcc_product TEXT NOT NULL,
  dcc_manufacturer TEXT NOT NULL,
  dcc_prophylaxis TEXT NOT NULL,
  dcc_disease TEXT NOT NULL,
  min_age_years REAL,
  max_age_years REAL,
  default_doses_per_vial INTEGER NOT NULL CHECK (default_doses_per_vial > 0),
  in_use_hours REAL NOT NULL CHECK (in_use_hours > 0),
  kind TEXT NOT NULL,
  aliases TEXT NOT NULL DEFAULT '[]',
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
) STRICT;

CREATE TABLE session_plan (
  id TEXT PRIMARY KEY,
  session_date TEXT NOT NULL,
  period TEXT NOT NULL CHECK (period IN ('morning', 'afternoon', 'all_day')),
  location TEXT NOT NULL,
  planned_capacity INTEGER NOT NULL CHECK (planned_capacity > 0),
  target_groups TEXT NOT NULL DEFAULT '[]',
  notes TEXT NOT NULL DEFAULT '',
  state TEXT NOT NULL DEFAULT 'planned' CHECK (state IN ('planned', 'open', 'closed')),
  created_by TEXT NOT NULL REFERENCES staff(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  opened_at TEXT,
  opened_by TEXT REFERENCES staff(id),
  closed_at TEXT,
  closed_by TEXT REFERENCES staff(id),
  UNIQUE (session_date, period, location)
) STRICT;
CREATE INDEX session_plan_date ON session_plan(session_date, state);

CREATE TABLE vaccine_lot (
  id TEXT PRIMARY KEY,
  plan_id TEXT NOT NULL REFERENCES session_plan(id),
  product_code TEXT NOT NULL REFERENCES vaccine_product(code),
  lot_number TEXT NOT NULL,
  expiry_date TEXT NOT NULL,
  doses_per_vial INTEGER NOT NULL CHECK (doses_per_vial > 0),
  vials_received INTEGER NOT NULL CHECK (vials_received >= 0),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (plan_id, product_code, lot_number)
) STRICT;

CREATE TABLE plan_target (
  id TEXT PRIMARY KEY,
  plan_id TEXT NOT NULL REFERENCES session_plan(id),
  id_number TEXT,
  full_name TEXT NOT NULL,
  name_key TEXT NOT NULL,
  date_of_birth TEXT NOT NULL,
  sex TEXT CHECK (sex IN ('male', 'female')),
  phone TEXT,
  address TEXT,
  target_group TEXT,
  product_code TEXT REFERENCES vaccine_product(code),
  dose_number INTEGER,
  source_file TEXT,
  source_line INTEGER,
  imported_at TEXT NOT NULL,
  imported_by TEXT NOT NULL REFERENCES staff(id)
) STRICT;
CREATE UNIQUE INDEX plan_target_id_number ON plan_target(plan_id, id_number) WHERE id_number IS NOT NULL;
CREATE INDEX plan_target_name ON plan_target(plan_id, name_key, date_of_birth);
`;
