/**
 * What the station queues for the national platform. Every kind is written
 * by one function (`WriteScope.enqueue`, main/core/store.ts) inside the
 * transaction of the record it carries; the upload maps each kind to FHIR.
 */
export const UPLOAD_KINDS = ['dose.recorded', 'dose.voided', 'dose.superseded', 'dose.reported', 'aefi.recorded', 'aefi.followed_up', 'session.closed'] as const;
export type UploadKind = (typeof UPLOAD_KINDS)[number];

/**
 * The shape of each kind's payload. Raise a kind's number when its payload
 * changes shape, so the upload reads old rows (queued before an update of the
 * station) by the shape they were written in.
 */
export const PAYLOAD_VERSIONS: Readonly<Record<UploadKind, number>> = {
  'dose.recorded': 1,
  'dose.voided': 1,
  'dose.superseded': 1,
  'dose.reported': 1,
  'aefi.recorded': 1,
  /** { aefiId, followUp: { id, outcome, note, recordedAt }, amendment: { id, reason } | null } */
  'aefi.followed_up': 1,
  /**
   * The session's signed manifest, one row per revision (entityId: the plan,
   * entityVersion: the revision). See docs/close-of-day.md for the payload.
   */
  'session.closed': 1,
};

export interface OutboxEntry {
  kind: UploadKind;
  /** The record the row carries (a dose version, an adverse event). */
  entityId: string;
  /** The record's version (doses are versioned; other records are 1). */
  entityVersion?: number;
  /** The citizen the record is about: one citizen's rows are uploaded in order. */
  subjectId: string | null;
  payload: Record<string, unknown>;
}

/** One record version is queued once: the key is unique in the outbox. */
export function idempotencyKey(kind: UploadKind, entityId: string, entityVersion: number): string {
  return `${kind}:${entityId}:${entityVersion}`;
}
