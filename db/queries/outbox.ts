import type { Database } from 'better-sqlite3';

/**
 * Records waiting to be uploaded to the national platform. A row is written
 * in the same transaction as the record it carries, so nothing committed can
 * miss the upload and nothing uploaded can be missing here.
 */
export interface OutboxRow {
  id: string;
  kind: string;
  entityId: string;
  payloadJson: string;
  createdAt: string;
  state: 'pending' | 'sent' | 'rejected';
}

export function outboxQueries(db: Database) {
  const insert = db.prepare(`INSERT INTO outbox (id, kind, entity_id, payload_json, created_at) VALUES (@id, @kind, @entityId, @payloadJson, @createdAt)`);
  const forEntity = db.prepare(`SELECT id, kind, entity_id AS entityId, payload_json AS payloadJson, created_at AS createdAt, state
    FROM outbox WHERE entity_id = ? ORDER BY id`);
  return {
    insert: (row: { id: string; kind: string; entityId: string; payload: unknown; createdAt: string }) =>
      void insert.run({ id: row.id, kind: row.kind, entityId: row.entityId, payloadJson: JSON.stringify(row.payload), createdAt: row.createdAt }),
    forEntity: (entityId: string) => forEntity.all(entityId) as OutboxRow[],
  };
}
