/**
 * The outbox becomes the upload's one queue with a cursor that does not
 * depend on the wall clock: `seq` is assigned by SQLite in commit order and
 * never reused (AUTOINCREMENT), so an uploader reading "everything after
 * seq N" never misses a row written while its clock was wrong.
 *
 * - `idempotency_key` (kind:entity:version) is unique: one record version is
 *   queued once, whoever queues it, and the platform can use it to refuse a
 *   duplicate.
 * - `subject_id` is the citizen a row is about, so one citizen's records go in
 *   order (the person before the dose, the dose before its correction).
 * - `payload_version` lets the payload's shape change without guessing.
 * - `lease_owner` / `lease_until` mark rows taken by an upload in flight; a
 *   lease that runs out (the uploader died) makes them available again.
 * - `next_attempt_at` holds back a row until its backoff has passed.
 *
 * Existing rows keep their order (created_at, then their time-ordered id) and
 * take their citizen and version from the record they carry.
 */
export const sql = `
CREATE TABLE outbox_next (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  entity_version INTEGER NOT NULL DEFAULT 1 CHECK (entity_version >= 1),
  subject_id TEXT,
  idempotency_key TEXT NOT NULL UNIQUE,
  payload_version INTEGER NOT NULL CHECK (payload_version >= 1),
  payload_json TEXT NOT NULL,
  created_at TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'rejected', 'escalated', 'cancelled')),
  attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  next_attempt_at TEXT,
  lease_owner TEXT,
  lease_until TEXT,
  last_attempt_at TEXT,
  last_error TEXT,
  sent_at TEXT
) STRICT;

INSERT INTO outbox_next (id, kind, entity_id, entity_version, subject_id, idempotency_key, payload_version, payload_json,
  created_at, state, attempts, last_attempt_at, last_error, sent_at)
SELECT o.id, o.kind, o.entity_id,
  coalesce((SELECT d.version FROM dose d WHERE d.id = o.entity_id), 1),
  coalesce((SELECT d.citizen_id FROM dose d WHERE d.id = o.entity_id), (SELECT a.citizen_id FROM aefi a WHERE a.id = o.entity_id)),
  o.kind || ':' || o.entity_id || ':' || coalesce((SELECT d.version FROM dose d WHERE d.id = o.entity_id), 1),
  1, o.payload_json, o.created_at, o.state, o.attempts, o.last_attempt_at, o.last_error, o.sent_at
FROM outbox o ORDER BY o.created_at, o.id;

DROP TABLE outbox;
ALTER TABLE outbox_next RENAME TO outbox;
CREATE INDEX outbox_pending ON outbox(state, seq);
CREATE INDEX outbox_entity ON outbox(entity_id);
CREATE INDEX outbox_subject ON outbox(subject_id, seq) WHERE subject_id IS NOT NULL;
`;
