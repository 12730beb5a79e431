import type { Database } from 'better-sqlite3';

/**
 * Records waiting to be uploaded to the national platform. A row is written
 * in the same transaction as the record it carries, so nothing committed can
 * miss the upload and nothing uploaded can be missing here. `seq` is the
 * queue's order.
 */
export type OutboxState = 'pending' | 'sent' | 'rejected' | 'escalated' | 'cancelled';

export interface OutboxRow {
  seq: number;
  id: string;
  kind: string;
  entityId: string;
  entityVersion: number;
  subjectId: string | null;
  sessionId: string | null;
  idempotencyKey: string;
  payloadVersion: number;
  payloadJson: string;
  createdAt: string;
  state: OutboxState;
  attempts: number;
  nextAttemptAt: string | null;
  leaseOwner: string | null;
  leaseUntil: string | null;
  lastAttemptAt: string | null;
  lastError: string | null;
  sentAt: string | null;
  heldReason: string | null;
  rejectionJson: string | null;
  rejectedAt: string | null;
  resolvedBy: string | null;
  resolvedAt: string | null;
  resolutionNote: string | null;
}

export interface NewOutboxRow {
  id: string;
  kind: string;
  entityId: string;
  entityVersion: number;
  subjectId: string | null;
  sessionId?: string | null;
  idempotencyKey: string;
  payloadVersion: number;
  payload: unknown;
  createdAt: string;
}

/** A rejected (or escalated) row with who it is about, for the supervisor's rejection queue. */
export interface RejectedRow extends OutboxRow {
  citizenName: string | null;
  citizenIdNumber: string | null;
  citizenDateOfBirth: string | null;
  resolvedByName: string | null;
}

export interface QueueSummary {
  /** Waiting to go (not held back). */
  pending: number;
  /** Waiting for a translator this version of the station does not have. */
  held: number;
  /** Taken by the upload in flight. */
  inFlight: number;
  rejected: number;
  escalated: number;
  sent: number;
  oldestPendingAt: string | null;
  oldestRejectedAt: string | null;
  nextAttemptAt: string | null;
}

const COLUMNS = `o.seq, o.id, o.kind, o.entity_id AS entityId, o.entity_version AS entityVersion, o.subject_id AS subjectId,
  o.session_id AS sessionId, o.idempotency_key AS idempotencyKey, o.payload_version AS payloadVersion, o.payload_json AS payloadJson,
  o.created_at AS createdAt, o.state, o.attempts, o.next_attempt_at AS nextAttemptAt, o.lease_owner AS leaseOwner,
  o.lease_until AS leaseUntil, o.last_attempt_at AS lastAttemptAt, o.last_error AS lastError, o.sent_at AS sentAt,
  o.held_reason AS heldReason, o.rejection_json AS rejectionJson, o.rejected_at AS rejectedAt, o.resolved_by AS resolvedBy,
  o.resolved_at AS resolvedAt, o.resolution_note AS resolutionNote`;

export function outboxQueries(db: Database) {
  const insert = db.prepare(`INSERT INTO outbox (id, kind, entity_id, entity_version, subject_id, session_id, idempotency_key, payload_version, payload_json, created_at)
    VALUES (@id, @kind, @entityId, @entityVersion, @subjectId, @sessionId, @idempotencyKey, @payloadVersion, @payloadJson, @createdAt)`);
  const forEntity = db.prepare(`SELECT ${COLUMNS} FROM outbox o WHERE o.entity_id = ? ORDER BY o.seq`);
  const bySeq = db.prepare(`SELECT ${COLUMNS} FROM outbox o WHERE o.seq = ?`);
  const countsByState = db.prepare(`SELECT state, count(*) AS n FROM outbox GROUP BY state`);
  /*
   * The next rows to send, in queue order: pending, not held back, past their
   * backoff, not leased by another uploader, and with no earlier row of the
   * same citizen still waiting out a backoff or held by another uploader (one
   * citizen's records go in order: the patient before the dose, the dose
   * before its correction).
   */
  // The uploader translates from the records themselves; of the payload it needs only the site and a void's reason,
  // so SQLite picks those out rather than handing a week of payloads to JavaScript.
  const UPLOAD_COLUMNS = COLUMNS.replace(
    'o.payload_json AS payloadJson',
    // Doses are read from their tables; only the kinds whose payload is the record itself (a follow-up, a signed manifest) carry it whole.
    `CASE WHEN o.kind IN ('aefi.followed_up', 'session.closed') THEN o.payload_json
      ELSE json_object('siteCode', json_extract(o.payload_json, '$.siteCode'), 'reason', json_extract(o.payload_json, '$.reason')) END AS payloadJson`,
  );
  const eligible = db.prepare(`SELECT ${UPLOAD_COLUMNS} FROM outbox o INDEXED BY outbox_pending
    WHERE o.state = 'pending' AND o.held_reason IS NULL AND o.seq > @after
      AND (o.next_attempt_at IS NULL OR o.next_attempt_at <= @now)
      AND (o.lease_owner IS NULL OR o.lease_owner = @owner OR o.lease_until <= @now)
      AND (o.subject_id IS NULL OR NOT EXISTS (
        SELECT 1 FROM outbox e INDEXED BY outbox_subject
        WHERE e.subject_id = o.subject_id AND e.seq < o.seq AND e.state = 'pending'
          AND (e.held_reason IS NULL AND (e.next_attempt_at > @now OR (e.lease_owner IS NOT NULL AND e.lease_owner <> @owner AND e.lease_until > @now)))))
    ORDER BY o.seq LIMIT @limit`);
  const lease = db.prepare(`UPDATE outbox SET lease_owner = @owner, lease_until = @until WHERE seq = @seq AND state = 'pending'`);
  const releaseLeases = db.prepare(`UPDATE outbox SET lease_owner = NULL, lease_until = NULL WHERE lease_owner IS NOT NULL AND state = 'pending'`);
  const markSent = db.prepare(`UPDATE outbox SET state = 'sent', sent_at = @at, last_attempt_at = @at, attempts = attempts + 1,
    last_error = NULL, next_attempt_at = NULL, lease_owner = NULL, lease_until = NULL WHERE seq = @seq AND state = 'pending'`);
  const markRejected = db.prepare(`UPDATE outbox SET state = 'rejected', rejected_at = @at, rejection_json = @reason, last_attempt_at = @at,
    attempts = attempts + 1, last_error = @summary, lease_owner = NULL, lease_until = NULL, resolved_by = NULL, resolved_at = NULL,
    resolution_note = NULL WHERE seq = @seq AND state = 'pending'`);
  const markRetry = db.prepare(`UPDATE outbox SET attempts = attempts + 1, last_attempt_at = @at, next_attempt_at = @next, last_error = @error,
    lease_owner = NULL, lease_until = NULL WHERE seq = @seq AND state = 'pending'`);
  const hold = db.prepare(`UPDATE outbox SET held_reason = @reason, lease_owner = NULL, lease_until = NULL WHERE seq = @seq AND state = 'pending'`);
  const heldKinds = db.prepare(`SELECT DISTINCT kind FROM outbox WHERE state = 'pending' AND held_reason IS NOT NULL`).pluck();
  const release = db.prepare(`UPDATE outbox SET held_reason = NULL WHERE state = 'pending' AND held_reason IS NOT NULL AND kind = ?`);
  const resend = db.prepare(`UPDATE outbox SET state = 'pending', next_attempt_at = NULL, resolved_by = @by, resolved_at = @at,
    resolution_note = 'resent' WHERE seq = @seq AND state IN ('rejected', 'escalated')`);
  const escalate = db.prepare(`UPDATE outbox SET state = 'escalated', resolved_by = @by, resolved_at = @at, resolution_note = @note
    WHERE seq = @seq AND state = 'rejected'`);
  const cancel = db.prepare(`UPDATE outbox SET state = 'cancelled', resolved_at = @at, resolution_note = @note, lease_owner = NULL, lease_until = NULL
    WHERE seq = @seq AND state = 'pending'`);
  const cancelRejectedOfRecord = db.prepare(`UPDATE outbox SET state = 'cancelled', resolved_by = @by, resolved_at = @at, resolution_note = @note
    WHERE state IN ('rejected', 'escalated') AND kind LIKE 'dose.%' AND entity_id IN (SELECT id FROM dose WHERE record_id = @recordId)`);
  const rejected = db.prepare(`SELECT ${COLUMNS}, c.full_name AS citizenName, c.id_number AS citizenIdNumber, c.date_of_birth AS citizenDateOfBirth,
    s.full_name AS resolvedByName
    FROM outbox o LEFT JOIN citizen c ON c.id = o.subject_id LEFT JOIN staff s ON s.id = o.resolved_by
    WHERE o.state IN ('rejected', 'escalated') ORDER BY o.state = 'escalated', o.rejected_at, o.seq LIMIT ?`);
  // Each figure from an index (partial where it can be): desks ask for this while a week's backlog goes.
  const summary = db.prepare(`SELECT
      (SELECT count(*) FROM outbox INDEXED BY outbox_pending WHERE state = 'pending') AS allPending,
      (SELECT count(*) FROM outbox INDEXED BY outbox_held WHERE state = 'pending' AND held_reason IS NOT NULL) AS held,
      (SELECT count(*) FROM outbox INDEXED BY outbox_leased WHERE state = 'pending' AND lease_owner IS NOT NULL AND lease_until > @now) AS inFlight,
      (SELECT count(*) FROM outbox INDEXED BY outbox_rejected WHERE state = 'rejected') AS rejected,
      (SELECT count(*) FROM outbox INDEXED BY outbox_pending WHERE state = 'escalated') AS escalated,
      (SELECT count(*) FROM outbox INDEXED BY outbox_pending WHERE state = 'sent') AS sent,
      (SELECT created_at FROM outbox INDEXED BY outbox_pending WHERE state = 'pending' AND held_reason IS NULL ORDER BY seq LIMIT 1) AS oldestPendingAt,
      (SELECT min(rejected_at) FROM outbox INDEXED BY outbox_rejected WHERE state = 'rejected') AS oldestRejectedAt,
      (SELECT min(next_attempt_at) FROM outbox INDEXED BY outbox_retry WHERE state = 'pending' AND next_attempt_at IS NOT NULL AND next_attempt_at > @now) AS nextAttemptAt`);
  const forSession = db.prepare(`SELECT state, count(*) AS n FROM outbox INDEXED BY outbox_session WHERE session_id = ? GROUP BY state`);
  const heldReasons = db.prepare(`SELECT kind, held_reason AS reason, count(*) AS n FROM outbox WHERE state = 'pending' AND held_reason IS NOT NULL GROUP BY kind, held_reason`);

  const counts = (rows: { state: OutboxState; n: number }[]): Record<OutboxState, number> => {
    const out: Record<OutboxState, number> = { pending: 0, sent: 0, rejected: 0, escalated: 0, cancelled: 0 };
    for (const r of rows) out[r.state] = r.n;
    return out;
  };

  return {
    insert: (row: NewOutboxRow): number =>
      Number(
        insert.run({
          id: row.id,
          kind: row.kind,
          entityId: row.entityId,
          entityVersion: row.entityVersion,
          subjectId: row.subjectId,
          sessionId: row.sessionId ?? null,
          idempotencyKey: row.idempotencyKey,
          payloadVersion: row.payloadVersion,
          payloadJson: JSON.stringify(row.payload),
          createdAt: row.createdAt,
        }).lastInsertRowid,
      ),
    forEntity: (entityId: string) => forEntity.all(entityId) as OutboxRow[],
    bySeq: (seq: number) => (bySeq.get(seq) as OutboxRow | undefined) ?? null,
    countsByState: () => counts(countsByState.all() as { state: OutboxState; n: number }[]),
    /** Upload counts of one session's records (doses, adverse events, vial discards), by state. */
    countsForSession: (sessionId: string) => counts(forSession.all(sessionId) as { state: OutboxState; n: number }[]),
    /**
     * The next rows to upload; `after`: only rows queued after this seq (the next batch, taken while the one
     * before it is in flight). Their payloadJson holds only {siteCode, reason}.
     */
    eligible: (now: string, owner: string, limit: number, after = 0) => eligible.all({ now, owner, limit, after }) as OutboxRow[],
    lease: (seqs: readonly number[], owner: string, until: string) => {
      for (const seq of seqs) lease.run({ seq, owner, until });
    },
    /** Leases of an uploader that is gone (the one holding the station's upload lock clears them). */
    releaseLeases: () => releaseLeases.run().changes,
    markSent: (seq: number, at: string) => markSent.run({ seq, at }).changes === 1,
    markRejected: (seq: number, at: string, reason: unknown, summary: string) =>
      markRejected.run({ seq, at, reason: JSON.stringify(reason), summary }).changes === 1,
    markRetry: (seq: number, at: string, next: string, error: string) => markRetry.run({ seq, at, next, error }).changes === 1,
    /** A row the platform does not take (by its settings): closed with the reason, never sent. */
    cancel: (seq: number, at: string, note: string) => cancel.run({ seq, at, note }).changes === 1,
    hold: (seq: number, reason: string) => hold.run({ seq, reason }).changes === 1,
    heldKinds: () => heldKinds.all() as string[],
    releaseHeld: (kind: string) => release.run(kind).changes,
    heldReasons: () => heldReasons.all() as { kind: string; reason: string; n: number }[],
    resend: (seq: number, by: string, at: string) => resend.run({ seq, by, at }).changes === 1,
    escalate: (seq: number, by: string, at: string, note: string) => escalate.run({ seq, by, at, note }).changes === 1,
    /** A correction replaces what the platform refused of a dose record: those rows are closed, the correction goes instead. */
    cancelRejectedOfRecord: (recordId: string, by: string | null, at: string, note: string) => cancelRejectedOfRecord.run({ recordId, by, at, note }).changes,
    rejected: (limit = 500) => rejected.all(limit) as RejectedRow[],
    summary: (now: string): QueueSummary => {
      const { allPending, ...rest } = summary.get({ now }) as Omit<QueueSummary, 'pending'> & { allPending: number };
      return { ...rest, pending: allPending - rest.held };
    },
  };
}
