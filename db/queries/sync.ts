import type { Database } from 'better-sqlite3';

/**
 * The upload's bookkeeping: cursors and the upload lock (sync_state), the
 * history of rounds, pulled resources waiting to be integrated (the inbox),
 * and the platform connection.
 */
export interface SyncRoundRow {
  id: string;
  startedAt: string;
  finishedAt: string | null;
  trigger: 'auto' | 'manual' | 'command';
  endpoint: string;
  mode: 'transaction' | 'batch' | null;
  outcome: 'done' | 'partial' | 'offline' | 'failed' | null;
  sent: number;
  rejected: number;
  held: number;
  retried: number;
  requests: number;
  bytesSent: number;
  pulled: number;
  errorJson: string | null;
}

export interface InboxRow {
  id: string;
  stream: string;
  resourceType: string;
  resourceId: string;
  versionId: string;
  lastUpdated: string | null;
  resourceJson: string;
  receivedAt: string;
  state: 'pending' | 'integrated' | 'failed' | 'ignored';
  integrationError: string | null;
  integratedAt: string | null;
}

export interface ConnectionRow {
  baseUrl: string;
  auth: 'none' | 'oauth2' | 'mtls' | 'oauth2+mtls';
  tokenUrl: string | null;
  clientId: string | null;
  scope: string | null;
  proxyUrl: string | null;
  sealedSecrets: string | null;
  dataKeySealedOs: string | null;
  dataKeySealedPassphrase: string | null;
  uploadDeferrals: number;
  updatedAt: string;
  updatedBy: string | null;
}

const ROUND = `id, started_at AS startedAt, finished_at AS finishedAt, trigger, endpoint, mode, outcome, sent, rejected, held, retried,
  requests, bytes_sent AS bytesSent, pulled, error_json AS errorJson`;
const INBOX = `id, stream, resource_type AS resourceType, resource_id AS resourceId, version_id AS versionId, last_updated AS lastUpdated,
  resource_json AS resourceJson, received_at AS receivedAt, state, integration_error AS integrationError, integrated_at AS integratedAt`;
const CONNECTION = `base_url AS baseUrl, auth, token_url AS tokenUrl, client_id AS clientId, scope, proxy_url AS proxyUrl,
  sealed_secrets AS sealedSecrets, data_key_sealed_os AS dataKeySealedOs, data_key_sealed_passphrase AS dataKeySealedPassphrase,
  upload_deferrals AS uploadDeferrals, updated_at AS updatedAt, updated_by AS updatedBy`;

export function syncQueries(db: Database) {
  const getState = db.prepare(`SELECT value FROM sync_state WHERE key = ?`).pluck();
  const putState = db.prepare(`INSERT INTO sync_state (key, value, updated_at) VALUES (?, ?, ?)
    ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`);
  const deleteState = db.prepare(`DELETE FROM sync_state WHERE key = ?`);
  const insertRound = db.prepare(`INSERT INTO sync_round (id, started_at, trigger, endpoint) VALUES (@id, @startedAt, @trigger, @endpoint)`);
  const updateRound = db.prepare(`UPDATE sync_round SET finished_at = @finishedAt, mode = @mode, outcome = @outcome, sent = @sent,
    rejected = @rejected, held = @held, retried = @retried, requests = @requests, bytes_sent = @bytesSent, pulled = @pulled,
    error_json = @errorJson WHERE id = @id`);
  const setPulled = db.prepare(`UPDATE sync_round SET pulled = ? WHERE id = ?`);
  const rounds = db.prepare(`SELECT ${ROUND} FROM sync_round ORDER BY started_at DESC, id DESC LIMIT ?`);
  const lastGood = db.prepare(`SELECT max(finished_at) FROM sync_round WHERE outcome IN ('done', 'partial')`).pluck();
  const insertInbox = db.prepare(`INSERT INTO sync_inbox (id, stream, resource_type, resource_id, version_id, last_updated, resource_json, received_at)
    VALUES (@id, @stream, @resourceType, @resourceId, @versionId, @lastUpdated, @resourceJson, @receivedAt)
    ON CONFLICT (resource_type, resource_id, version_id) DO NOTHING`);
  const pendingInbox = db.prepare(`SELECT ${INBOX} FROM sync_inbox WHERE state = 'pending' ORDER BY received_at, id LIMIT ?`);
  const markInbox = db.prepare(`UPDATE sync_inbox SET state = @state, integration_error = @error, integrated_at = @at WHERE id = @id`);
  const inboxCounts = db.prepare(`SELECT state, count(*) AS n FROM sync_inbox GROUP BY state`);
  const failedInbox = db.prepare(`SELECT ${INBOX} FROM sync_inbox WHERE state = 'failed' ORDER BY received_at DESC LIMIT ?`);
  const getConnection = db.prepare(`SELECT ${CONNECTION} FROM sync_connection WHERE id = 1`);
  const putConnection = db.prepare(`INSERT INTO sync_connection (id, base_url, auth, token_url, client_id, scope, proxy_url, sealed_secrets,
    data_key_sealed_os, data_key_sealed_passphrase, upload_deferrals, updated_at, updated_by)
    VALUES (1, @baseUrl, @auth, @tokenUrl, @clientId, @scope, @proxyUrl, @sealedSecrets, @dataKeySealedOs, @dataKeySealedPassphrase,
    @uploadDeferrals, @updatedAt, @updatedBy)
    ON CONFLICT (id) DO UPDATE SET base_url = excluded.base_url, auth = excluded.auth, token_url = excluded.token_url,
    client_id = excluded.client_id, scope = excluded.scope, proxy_url = excluded.proxy_url, sealed_secrets = excluded.sealed_secrets,
    data_key_sealed_os = excluded.data_key_sealed_os, data_key_sealed_passphrase = excluded.data_key_sealed_passphrase,
    upload_deferrals = excluded.upload_deferrals, updated_at = excluded.updated_at, updated_by = excluded.updated_by`);
  return {
    state: (key: string) => (getState.get(key) as string | undefined) ?? null,
    putState: (key: string, value: string, at: string) => void putState.run(key, value, at),
    deleteState: (key: string) => void deleteState.run(key),
    startRound: (r: Pick<SyncRoundRow, 'id' | 'startedAt' | 'trigger' | 'endpoint'>) => void insertRound.run(r),
    finishRound: (r: Omit<SyncRoundRow, 'startedAt' | 'trigger' | 'endpoint'>) => void updateRound.run(r),
    setPulled: (id: string, pulled: number) => void setPulled.run(pulled, id),
    rounds: (limit: number) => rounds.all(limit) as SyncRoundRow[],
    lastGoodRoundAt: () => (lastGood.get() as string | null) ?? null,
    /** A pulled resource version; one already received is ignored (a pull that overlaps the last one). */
    receive: (r: Omit<InboxRow, 'state' | 'integrationError' | 'integratedAt'>) => insertInbox.run(r).changes === 1,
    pendingInbox: (limit: number) => pendingInbox.all(limit) as InboxRow[],
    markInbox: (id: string, state: InboxRow['state'], error: string | null, at: string) => void markInbox.run({ id, state, error, at }),
    inboxCounts: () => Object.fromEntries((inboxCounts.all() as { state: string; n: number }[]).map((r) => [r.state, r.n])) as Partial<Record<InboxRow['state'], number>>,
    failedInbox: (limit: number) => failedInbox.all(limit) as InboxRow[],
    connection: () => (getConnection.get() as ConnectionRow | undefined) ?? null,
    putConnection: (c: ConnectionRow) => void putConnection.run(c),
  };
}
export type SyncQueries = ReturnType<typeof syncQueries>;
