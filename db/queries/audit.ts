import type { Database } from 'better-sqlite3';

export interface AuditEntry {
  id: string;
  at: string;
  staffId: string | null;
  operation: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
}

export interface AuditRow {
  id: string;
  at: string;
  staffId: string | null;
  operation: string;
  entity: string;
  entityId: string | null;
  beforeJson: string | null;
  afterJson: string | null;
}

export function auditQueries(db: Database) {
  const insert = db.prepare(`INSERT INTO audit_log (id, at, staff_id, operation, entity, entity_id, before_json, after_json)
    VALUES (@id, @at, @staffId, @operation, @entity, @entityId, @beforeJson, @afterJson)`);
  const forEntity = db.prepare(`SELECT id, at, staff_id AS staffId, operation, entity, entity_id AS entityId,
    before_json AS beforeJson, after_json AS afterJson FROM audit_log WHERE entity = ? AND entity_id = ? ORDER BY id`);
  const recent = db.prepare(`SELECT id, at, staff_id AS staffId, operation, entity, entity_id AS entityId,
    before_json AS beforeJson, after_json AS afterJson FROM audit_log ORDER BY id DESC LIMIT ?`);
  return {
    insert: (e: AuditEntry) =>
      void insert.run({
        id: e.id,
        at: e.at,
        staffId: e.staffId,
        operation: e.operation,
        entity: e.entity,
        entityId: e.entityId,
        beforeJson: e.before === undefined || e.before === null ? null : JSON.stringify(e.before),
        afterJson: e.after === undefined || e.after === null ? null : JSON.stringify(e.after),
      }),
    forEntity: (entity: string, entityId: string) => forEntity.all(entity, entityId) as AuditRow[],
    recent: (limit: number) => recent.all(limit) as AuditRow[],
  };
}
