/**
 * What the station queues for the national platform. Every kind is written
 * by one function (`WriteScope.enqueue`, main/core/store.ts) inside the
 * transaction of the record it carries; the upload maps each kind to FHIR.
 */
export const UPLOAD_KINDS = [
  'dose.recorded',
  'dose.voided',
  'dose.superseded',
  'dose.reported',
  'dose.not-given',
  'aefi.recorded',
  'vial.discarded',
  'certificate.issued',
  'aefi.followed_up',
  'session.closed',
] as const;
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
  'dose.not-given': 1,
  'aefi.recorded': 1,
  'vial.discarded': 1,
  'certificate.issued': 1,
  /** { aefiId, followUp: { id, outcome, note, recordedAt }, amendment: { id, reason } | null } */
  'aefi.followed_up': 1,
  /**
   * The session's signed manifest, one row per revision (entityId: the plan,
   * entityVersion: the revision). See docs/close-of-day.md for the payload.
   */
  'session.closed': 1,
};

export interface OutboxEntry {
  /**
   * What the row carries. Kinds beyond UPLOAD_KINDS (added by later work) are
   * queued the same way; the uploader holds a kind it has no translator for
   * until one exists, without blocking the rows behind it.
   */
  kind: UploadKind | (string & {});
  /** The record the row carries (a dose version, an adverse event). */
  entityId: string;
  /** The record's version (doses are versioned; other records are 1). */
  entityVersion?: number;
  /** The citizen the record is about: one citizen's rows are uploaded in order. */
  subjectId: string | null;
  /** The session (plan) the record belongs to, when it has one: per-session upload counts read it. */
  sessionId?: string | null;
  payload: Record<string, unknown>;
  /** The payload's shape; defaults to PAYLOAD_VERSIONS[kind] (1 for kinds not listed there). */
  payloadVersion?: number;
}

/** One record version is queued once: the key is unique in the outbox. */
export function idempotencyKey(kind: string, entityId: string, entityVersion: number): string {
  return `${kind}:${entityId}:${entityVersion}`;
}

/** The payload version a kind is written with now. */
export function payloadVersionOf(kind: string): number {
  return (PAYLOAD_VERSIONS as Record<string, number>)[kind] ?? 1;
}
