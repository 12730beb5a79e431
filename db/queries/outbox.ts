import type { Database } from 'better-sqlite3';

/**
 * Records waiting to be uploaded to the national platform. A row is written
 * in the same transaction as the record it carries, so nothing committed can
 * miss the upload and nothing uploaded can be missing here. `seq` is the
 * queue's order and the uploader's cursor.
 */
export type OutboxState = 'pending' | 'sent' | 'rejected' | 'escalated' | 'cancelled';

export interface OutboxRow {
  seq: number;
  id: string;
  kind: string;
  entityId: string;
  entityVersion: number;
  subjectId: string | null;
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
}

export interface NewOutboxRow {
  id: string;
  kind: string;
  entityId: string;
  entityVersion: number;
  subjectId: string | null;
  idempotencyKey: string;
  payloadVersion: number;
  payload: unknown;
  createdAt: string;
}

const COLUMNS = `seq, id, kind, entity_id AS entityId, entity_version AS entityVersion, subject_id AS subjectId,
  idempotency_key AS idempotencyKey, payload_version AS payloadVersion, payload_json AS payloadJson, created_at AS createdAt,
  state, attempts, next_attempt_at AS nextAttemptAt, lease_owner AS leaseOwner, lease_until AS leaseUntil,
  last_attempt_at AS lastAttemptAt, last_error AS lastError, sent_at AS sentAt`;

export function outboxQueries(db: Database) {
  const insert = db.prepare(`INSERT INTO outbox (id, kind, entity_id, entity_version, subject_id, idempotency_key, payload_version, payload_json, created_at)
    VALUES (@id, @kind, @entityId, @entityVersion, @subjectId, @idempotencyKey, @payloadVersion, @payloadJson, @createdAt)`);
  const forEntity = db.prepare(`SELECT ${COLUMNS} FROM outbox WHERE entity_id = ? ORDER BY seq`);
  const countsByState = db.prepare(`SELECT state, count(*) AS n FROM outbox GROUP BY state`);
  return {
    insert: (row: NewOutboxRow): number =>
      Number(
        insert.run({
          id: row.id,
          kind: row.kind,
          entityId: row.entityId,
          entityVersion: row.entityVersion,
          subjectId: row.subjectId,
          idempotencyKey: row.idempotencyKey,
          payloadVersion: row.payloadVersion,
          payloadJson: JSON.stringify(row.payload),
          createdAt: row.createdAt,
        }).lastInsertRowid,
      ),
    forEntity: (entityId: string) => forEntity.all(entityId) as OutboxRow[],
    countsByState: (): Record<OutboxState, number> => {
      const counts: Record<OutboxState, number> = { pending: 0, sent: 0, rejected: 0, escalated: 0, cancelled: 0 };
      for (const r of countsByState.all() as { state: OutboxState; n: number }[]) counts[r.state] = r.n;
      return counts;
    },
  };
}
