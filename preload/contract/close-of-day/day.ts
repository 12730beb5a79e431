import { z } from 'zod';
import { Empty, IsoDate, op } from '../common';
import { PlanState, SessionPeriod } from '../plan';
import { Reconciliation, StockCountReason } from './reconciliation';

/**
 * The supervisor's close of day: the work list, the physical stock count,
 * closing with reasons, re-opening, the signed manifest, the day report and
 * the export, and the history of past days.
 */

export const WorkItemKind = z.enum([
  'in_observation',
  'unfinished_visit',
  'identity_conflict',
  'correction_request',
  'aefi_without_follow_up',
  'rejected_upload',
  'open_vial',
  'stock_count_missing',
  'stock_variance',
]);
export type WorkItemKind = z.infer<typeof WorkItemKind>;

const Params = z.record(z.string(), z.union([z.string(), z.number()]));

export const WorkItem = z.object({
  /** `kind:entityId`, stable: a reason written for it still names it at close. */
  key: z.string(),
  kind: WorkItemKind,
  /** The record the item is about (visit, conflict, request, event, outbox row, vial, lot). */
  entityId: z.string(),
  /** The visit's queue number, when the item is about a person. */
  queueNumber: z.number().int().nullable(),
  fullName: z.string().nullable(),
  /** Values the item's text shows (lot number, step, symptoms…). */
  params: Params,
  since: z.string().nullable(),
});
export type WorkItem = z.infer<typeof WorkItem>;

export const CloseDecision = z.object({
  key: z.string(),
  kind: WorkItemKind,
  entityId: z.string(),
  item: WorkItem,
  reason: z.string(),
  decidedBy: z.string(),
  decidedAt: z.string(),
});
export type CloseDecision = z.infer<typeof CloseDecision>;

export const ManifestSummary = z.object({
  id: z.string(),
  revision: z.number().int(),
  reason: z.enum(['close', 'amendment']),
  statementSha256: z.string(),
  recordsSha256: z.string(),
  records: z.number().int(),
  signedAt: z.string(),
  signedBy: z.string(),
  signingKeyId: z.string(),
  /** SHA-256 of the station key's public key (SPKI DER), hex: what the district compares. */
  keyFingerprint: z.string(),
  national: z.boolean(),
  /** The signed statement, JWS compact (RFC 7515, ES256). */
  jws: z.string(),
});
export type ManifestSummary = z.infer<typeof ManifestSummary>;

export const Amendment = z.object({
  id: z.string(),
  operation: z.string(),
  entity: z.string(),
  entityId: z.string(),
  reason: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  amendedBy: z.string(),
  amendedAt: z.string(),
  revision: z.number().int(),
});
export type Amendment = z.infer<typeof Amendment>;

export const Reopening = z.object({ id: z.string(), reason: z.string(), reopenedBy: z.string(), reopenedAt: z.string(), afterRevision: z.number().int() });

export const DaySession = z.object({
  planId: z.string(),
  sessionDate: z.string(),
  period: SessionPeriod,
  location: z.string(),
  plannedCapacity: z.number().int(),
  state: PlanState,
  openedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  closedBy: z.string().nullable(),
});
export type DaySession = z.infer<typeof DaySession>;

export const SigningState = z.enum(['ready', 'locked', 'none']);

export const DayView = z.object({
  session: DaySession,
  reconciliation: Reconciliation,
  workList: z.array(WorkItem),
  decisions: z.array(CloseDecision),
  manifests: z.array(ManifestSummary),
  amendments: z.array(Amendment),
  reopenings: z.array(Reopening),
  /** Whether the station key can sign a manifest now (closing needs it). */
  signing: SigningState,
});
export type DayView = z.infer<typeof DayView>;

export const HistoryEntry = DaySession.extend({
  visits: z.number().int(),
  doses: z.number().int(),
  revision: z.number().int().nullable(),
  amendments: z.number().int(),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;

export const RecordProblem = z.object({
  table: z.string(),
  key: z.string(),
  change: z.enum(['changed', 'missing', 'added']),
  /** What names the record to a person (queue number, lot, dose number, time). */
  label: z.string(),
});

export const DayVerification = z.object({
  planId: z.string(),
  sessionDate: z.string(),
  period: SessionPeriod,
  state: PlanState,
  ok: z.boolean(),
  revision: z.number().int().nullable(),
  signatureValid: z.boolean(),
  chainValid: z.boolean(),
  recordsHashValid: z.boolean(),
  records: z.number().int(),
  keyFingerprint: z.string().nullable(),
  problems: z.array(RecordProblem),
  /** Stable codes for what failed beyond single records (no manifest, re-opened, bad signature…). */
  findings: z.array(z.string()),
});
export type DayVerification = z.infer<typeof DayVerification>;

export const ReportLanguage = z.enum(['vi', 'en']);
const Reason = z.string().max(1000);

export const dayOps = {
  'closeOfDay:today': op({
    summary: "Today's sessions and their state, for every desk (is the day still open, who closed it)",
    request: Empty,
    response: z.object({ date: z.string(), sessions: z.array(DaySession) }),
  }),
  'closeOfDay:day': op({
    summary: "Supervisor: a session's reconciliation, work list, decisions and manifests (today's by default)",
    request: z.object({ planId: z.string().optional() }),
    response: DayView.nullable(),
  }),
  'closeOfDay:countStock': op({
    summary: "Supervisor: the physical count of a lot's sealed vials, who counted it, and the reason for any variance",
    request: z.object({
      lotId: z.string(),
      sealedVialsCounted: z.number().int().min(0).max(100_000),
      countedBy: z.string(),
      reason: StockCountReason.optional(),
      note: z.string().trim().max(500).optional(),
    }),
    response: DayView,
  }),
  'closeOfDay:close': op({
    summary: 'Supervisor: close the session, with a written reason for each work-list item still open; locks it and signs its manifest',
    request: z.object({
      planId: z.string(),
      decisions: z.array(z.object({ key: z.string().max(200), reason: Reason })).max(5000).default([]),
    }),
    response: z.object({
      manifest: ManifestSummary,
      /** Steps run after the close committed (each reports on its own; a failure there leaves the day closed). */
      afterClose: z.array(z.object({ step: z.string(), ok: z.boolean(), detail: z.string().nullable() })),
    }),
  }),
  'closeOfDay:reopen': op({
    summary: "Supervisor: re-open today's closed session, with a reason",
    request: z.object({ planId: z.string(), reason: Reason }),
    response: DayView,
  }),
  'closeOfDay:history': op({
    summary: 'Supervisor: past sessions with their state, figures and manifest revision, newest first',
    request: z.object({ from: IsoDate.optional(), to: IsoDate.optional() }),
    response: z.array(HistoryEntry),
  }),
  'closeOfDay:verify': op({
    summary: "Supervisor: recompute a session's manifest from its records and check the signature",
    request: z.object({ planId: z.string() }),
    response: DayVerification,
  }),
  'closeOfDay:report': op({
    summary: 'Supervisor: the day report PDF (Vietnamese or English) with tables, charts and decisions',
    request: z.object({ planId: z.string(), language: ReportLanguage.default('vi') }),
    response: z.object({ fileName: z.string(), pdfBase64: z.string(), pages: z.number().int() }),
  }),
  'closeOfDay:printReport': op({
    summary: "Supervisor: print the day report on an OS printer (the station's printer by default)",
    request: z.object({ planId: z.string(), language: ReportLanguage.default('vi'), printer: z.string().max(200).optional() }),
    response: z.object({ printer: z.string(), jobId: z.string().nullable() }),
  }),
  'closeOfDay:export': op({
    summary: "Supervisor: the day's records for the district's spreadsheets: an XLSX workbook, or one table as CSV",
    request: z.object({ planId: z.string(), format: z.enum(['xlsx', 'csv']), table: z.enum(['doses', 'visits', 'vials', 'aefi', 'lots']).default('doses') }),
    response: z.object({ fileName: z.string(), mimeType: z.string(), contentBase64: z.string() }),
  }),
  'closeOfDay:dismissConflict': op({
    summary: 'Supervisor: close an identity conflict refused at check-in, with a note (the person was sent away, the records were checked…)',
    request: z.object({ conflictId: z.string(), note: Reason }),
    response: z.object({ done: z.literal(true) }),
  }),
};

export const dayEvents = {
  /** Stock counts, decisions or the close changed the day's figures; close-of-day screens refresh. */
  'day:changed': z.object({ planId: z.string(), state: PlanState }),
};
