/**
 * Site, staff, settings and the audit trail. Every table is STRICT; every row
 * that will ever be uploaded has a station-generated UUIDv7 key; instants are
 * UTC ISO-8601 text, site calendar dates are yyyy-MM-dd text.
 */
export const sql = `
CREATE TABLE site (
  id TEXT PRIMARY KEY,
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  province TEXT NOT NULL,
  district TEXT NOT NULL,
  commune TEXT NOT NULL,
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE staff (
  id TEXT PRIMARY KEY,
  username TEXT NOT NULL UNIQUE,
  full_name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('nurse', 'supervisor')),
  pin_hash TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  failed_attempts INTEGER NOT NULL DEFAULT 0,
  locked_until TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE setting (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE audit_log (
  id TEXT PRIMARY KEY,
  at TEXT NOT NULL,
  staff_id TEXT REFERENCES staff(id),
  operation TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id TEXT,
  before_json TEXT,
  after_json TEXT
) STRICT;
CREATE INDEX audit_log_entity ON audit_log(entity, entity_id);
`;
