/**
 * What the station queues for the national platform. Every kind is written
 * by one function (`WriteScope.enqueue`, main/core/store.ts) inside the
 * transaction of the record it carries; the upload maps each kind to FHIR.
 */
export const UPLOAD_KINDS = ['dose.recorded', 'dose.voided', 'dose.superseded', 'dose.reported', 'aefi.recorded'] as const;
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
