/**
 * Upload to the national platform and what comes back.
 *
 * outbox gains:
 * - `session_id`: the session (plan) a row belongs to, so a session's upload
 *   counts (sent / pending / rejected) are one indexed read;
 * - `held_reason`: a row the station cannot translate yet (a kind this
 *   version has no translator for) waits with the reason, without blocking
 *   anything behind it, until a station that can translate it starts;
 * - `rejection_json` / `rejected_at`: the platform's reason for refusing a row;
 * - `resolved_by` / `resolved_at` / `resolution_note`: a supervisor's answer
 *   to a rejection (resent, or handed to the national team).
 * Vial discards recorded before this version are queued now, in seq order
 * after everything already waiting.
 *
 * sync_state holds cursors and the station's upload lock, key by key; the
 * pull cursor is written in the same transaction as the pulled rows.
 * sync_round is the history of upload rounds; sync_inbox keeps pulled
 * resources with their integration result; sync_connection the platform's
 * address and credentials (secrets sealed like the signing key).
 */
export const sql = `
ALTER TABLE outbox ADD COLUMN session_id TEXT;
ALTER TABLE outbox ADD COLUMN held_reason TEXT;
ALTER TABLE outbox ADD COLUMN rejection_json TEXT;
ALTER TABLE outbox ADD COLUMN rejected_at TEXT;
ALTER TABLE outbox ADD COLUMN resolved_by TEXT REFERENCES staff(id);
ALTER TABLE outbox ADD COLUMN resolved_at TEXT;
ALTER TABLE outbox ADD COLUMN resolution_note TEXT;

UPDATE outbox SET session_id = (SELECT v.plan_id FROM dose d JOIN visit v ON v.id = d.visit_id WHERE d.id = outbox.entity_id)
  WHERE kind LIKE 'dose.%';
UPDATE outbox SET session_id = (SELECT v.plan_id FROM aefi a JOIN visit v ON v.id = a.visit_id WHERE a.id = outbox.entity_id)
  WHERE kind = 'aefi.recorded';

INSERT INTO outbox (id, kind, entity_id, entity_version, subject_id, idempotency_key, payload_version, payload_json, created_at, session_id)
SELECT 'vial.discarded:' || v.id, 'vial.discarded', v.id, 1, NULL, 'vial.discarded:' || v.id || ':1', 1,
  json_object('vialId', v.id, 'reason', v.discard_reason, 'siteCode', (SELECT code FROM site LIMIT 1)), v.closed_at, l.plan_id
FROM vial v JOIN vaccine_lot l ON l.id = v.lot_id WHERE v.state = 'discarded' ORDER BY v.closed_at, v.id;

CREATE INDEX outbox_session ON outbox(session_id, state) WHERE session_id IS NOT NULL;
CREATE INDEX outbox_rejected ON outbox(rejected_at) WHERE state = 'rejected';
-- What every desk's sync state reads, without walking a week's backlog: held rows, leases in flight, the next retry.
CREATE INDEX outbox_held ON outbox(kind) WHERE state = 'pending' AND held_reason IS NOT NULL;
CREATE INDEX outbox_leased ON outbox(lease_until) WHERE state = 'pending' AND lease_owner IS NOT NULL;
CREATE INDEX outbox_retry ON outbox(next_attempt_at) WHERE state = 'pending' AND next_attempt_at IS NOT NULL;

CREATE TABLE sync_state (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE sync_round (
  id TEXT PRIMARY KEY,
  started_at TEXT NOT NULL,
  finished_at TEXT,
  trigger TEXT NOT NULL CHECK (trigger IN ('auto', 'manual', 'command')),
  endpoint TEXT NOT NULL,
  mode TEXT CHECK (mode IN ('transaction', 'batch')),
  outcome TEXT CHECK (outcome IN ('done', 'partial', 'offline', 'failed')),
  sent INTEGER NOT NULL DEFAULT 0,
  rejected INTEGER NOT NULL DEFAULT 0,
  held INTEGER NOT NULL DEFAULT 0,
  retried INTEGER NOT NULL DEFAULT 0,
  requests INTEGER NOT NULL DEFAULT 0,
  bytes_sent INTEGER NOT NULL DEFAULT 0,
  pulled INTEGER NOT NULL DEFAULT 0,
  error_json TEXT
) STRICT;
CREATE INDEX sync_round_started ON sync_round(started_at);

CREATE TABLE sync_inbox (
  id TEXT PRIMARY KEY,
  stream TEXT NOT NULL,
  resource_type TEXT NOT NULL,
  resource_id TEXT NOT NULL,
  version_id TEXT NOT NULL,
  last_updated TEXT,
  resource_json TEXT NOT NULL,
  received_at TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'integrated', 'failed', 'ignored')),
  integration_error TEXT,
  integrated_at TEXT,
  UNIQUE (resource_type, resource_id, version_id)
) STRICT;
CREATE INDEX sync_inbox_pending ON sync_inbox(state, received_at);

CREATE TABLE sync_connection (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  base_url TEXT NOT NULL,
  auth TEXT NOT NULL CHECK (auth IN ('none', 'oauth2', 'mtls', 'oauth2+mtls')),
  token_url TEXT,
  client_id TEXT,
  scope TEXT,
  proxy_url TEXT,
  -- Secrets (client secret, client key and certificate) as JSON, AES-256-GCM under a data key: {iv, tag, data}.
  sealed_secrets TEXT,
  data_key_sealed_os TEXT,
  data_key_sealed_passphrase TEXT,
  upload_deferrals INTEGER NOT NULL DEFAULT 1 CHECK (upload_deferrals IN (0, 1)),
  updated_at TEXT NOT NULL,
  updated_by TEXT REFERENCES staff(id)
) STRICT;
`;
