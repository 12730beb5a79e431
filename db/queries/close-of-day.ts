import type { Database } from 'better-sqlite3';
import type { AefiOutcome, StockCountReason, WorkItemKind } from '../../preload/contract';

/** Statements for the close-of-day tables (0010): counts, manifests, decisions, re-openings, amendments. */

export interface StockCountRow {
  id: string;
  planId: string;
  lotId: string;
  sealedVialsExpected: number;
  sealedVialsCounted: number;
  varianceDoses: number;
  reason: StockCountReason | null;
  note: string | null;
  countedBy: string;
  verifiedBy: string;
  countedAt: string;
}

export interface StockCountView extends StockCountRow {
  countedByName: string;
  verifiedByName: string;
}

export interface ManifestRow {
  id: string;
  planId: string;
  revision: number;
  reason: 'close' | 'amendment';
  jws: string;
  statementSha256: string;
  records: string;
  recordCount: number;
  recordsSha256: string;
  signingKeyId: string;
  createdAt: string;
  createdBy: string;
}

/** A manifest without its record lines (megabytes on a busy day): what lists and screens need. */
export type ManifestHead = Omit<ManifestRow, 'records'> & { createdByName: string };

export interface DecisionRow {
  id: string;
  planId: string;
  manifestId: string;
  itemKey: string;
  kind: WorkItemKind;
  entityId: string;
  itemJson: string;
  reason: string;
  decidedBy: string;
  decidedAt: string;
}

export interface AmendmentRow {
  id: string;
  planId: string;
  operation: string;
  entity: string;
  entityId: string;
  reason: string;
  beforeJson: string | null;
  afterJson: string | null;
  amendedBy: string;
  amendedAt: string;
  manifestId: string;
}

export interface ReopenRow {
  id: string;
  planId: string;
  afterRevision: number;
  reason: string;
  reopenedBy: string;
  reopenedAt: string;
}

const COUNT = `c.id, c.plan_id AS planId, c.lot_id AS lotId, c.sealed_vials_expected AS sealedVialsExpected,
  c.sealed_vials_counted AS sealedVialsCounted, c.variance_doses AS varianceDoses, c.reason, c.note,
  c.counted_by AS countedBy, c.verified_by AS verifiedBy, c.counted_at AS countedAt,
  cb.full_name AS countedByName, vb.full_name AS verifiedByName`;

const HEAD = `m.id, m.plan_id AS planId, m.revision, m.reason, m.jws, m.statement_sha256 AS statementSha256,
  m.record_count AS recordCount, m.records_sha256 AS recordsSha256, m.signing_key_id AS signingKeyId, m.created_at AS createdAt,
  m.created_by AS createdBy, s.full_name AS createdByName`;

export function closeOfDayQueries(db: Database) {
  const insertCount = db.prepare(`INSERT INTO stock_count (id, plan_id, lot_id, sealed_vials_expected, sealed_vials_counted, variance_doses,
    reason, note, counted_by, verified_by, counted_at) VALUES (@id, @planId, @lotId, @sealedVialsExpected, @sealedVialsCounted,
    @varianceDoses, @reason, @note, @countedBy, @verifiedBy, @countedAt)`);
  // The latest count of each lot: a recount replaces the figure, the earlier rows stay as the day's history.
  const latestCounts = db.prepare(`SELECT ${COUNT} FROM stock_count c JOIN staff cb ON cb.id = c.counted_by JOIN staff vb ON vb.id = c.verified_by
    WHERE c.plan_id = ? AND NOT EXISTS (SELECT 1 FROM stock_count n WHERE n.lot_id = c.lot_id
      AND (n.counted_at > c.counted_at OR (n.counted_at = c.counted_at AND n.id > c.id)))`);

  const insertManifest = db.prepare(`INSERT INTO day_manifest (id, plan_id, revision, reason, jws, statement_sha256, records, record_count,
    records_sha256, signing_key_id, created_at, created_by) VALUES (@id, @planId, @revision, @reason, @jws, @statementSha256, @records,
    @recordCount, @recordsSha256, @signingKeyId, @createdAt, @createdBy)`);
  const manifests = db.prepare(`SELECT ${HEAD} FROM day_manifest m JOIN staff s ON s.id = m.created_by WHERE m.plan_id = ? ORDER BY m.revision`);
  const latestManifest = db.prepare(`SELECT id, plan_id AS planId, revision, reason, jws, statement_sha256 AS statementSha256, records,
    record_count AS recordCount, records_sha256 AS recordsSha256, signing_key_id AS signingKeyId, created_at AS createdAt, created_by AS createdBy
    FROM day_manifest WHERE plan_id = ? ORDER BY revision DESC LIMIT 1`);

  const insertDecision = db.prepare(`INSERT INTO close_decision (id, plan_id, manifest_id, item_key, kind, entity_id, item_json, reason,
    decided_by, decided_at) VALUES (@id, @planId, @manifestId, @itemKey, @kind, @entityId, @itemJson, @reason, @decidedBy, @decidedAt)`);
  const decisions = db.prepare(`SELECT d.id, d.plan_id AS planId, d.manifest_id AS manifestId, d.item_key AS itemKey, d.kind,
    d.entity_id AS entityId, d.item_json AS itemJson, d.reason, s.full_name AS decidedBy, d.decided_at AS decidedAt
    FROM close_decision d JOIN staff s ON s.id = d.decided_by WHERE d.plan_id = ? ORDER BY d.decided_at, d.id`);

  const insertReopen = db.prepare(`INSERT INTO session_reopen (id, plan_id, after_revision, reason, reopened_by, reopened_at)
    VALUES (@id, @planId, @afterRevision, @reason, @reopenedBy, @reopenedAt)`);
  const reopenings = db.prepare(`SELECT r.id, r.plan_id AS planId, r.after_revision AS afterRevision, r.reason, s.full_name AS reopenedBy,
    r.reopened_at AS reopenedAt FROM session_reopen r JOIN staff s ON s.id = r.reopened_by WHERE r.plan_id = ? ORDER BY r.reopened_at`);

  const insertAmendment = db.prepare(`INSERT INTO amendment (id, plan_id, operation, entity, entity_id, reason, before_json, after_json,
    amended_by, amended_at, manifest_id) VALUES (@id, @planId, @operation, @entity, @entityId, @reason, @beforeJson, @afterJson,
    @amendedBy, @amendedAt, @manifestId)`);
  const amendments = db.prepare(`SELECT a.id, a.plan_id AS planId, a.operation, a.entity, a.entity_id AS entityId, a.reason,
    a.before_json AS beforeJson, a.after_json AS afterJson, s.full_name AS amendedBy, a.amended_at AS amendedAt, a.manifest_id AS manifestId,
    m.revision FROM amendment a JOIN staff s ON s.id = a.amended_by JOIN day_manifest m ON m.id = a.manifest_id
    WHERE a.plan_id = ? ORDER BY a.amended_at, a.id`);

  const markAmending = db.prepare(`INSERT INTO session_amending (plan_id) VALUES (?)`);
  const clearAmending = db.prepare(`DELETE FROM session_amending WHERE plan_id = ?`);

  const setClosed = db.prepare(`UPDATE session_plan SET state = 'closed', closed_at = @at, closed_by = @by, updated_at = @at
    WHERE id = @id AND state = 'open'`);
  const setReopened = db.prepare(`UPDATE session_plan SET state = 'open', closed_at = NULL, closed_by = NULL, updated_at = @at
    WHERE id = @id AND state = 'closed'`);

  return {
    insertCount: (r: StockCountRow) => void insertCount.run(r),
    latestCounts: (planId: string) => latestCounts.all(planId) as StockCountView[],

    insertManifest: (r: ManifestRow) => void insertManifest.run(r),
    manifests: (planId: string) => manifests.all(planId) as ManifestHead[],
    latestManifest: (planId: string) => (latestManifest.get(planId) as ManifestRow | undefined) ?? null,

    insertDecision: (r: DecisionRow) => void insertDecision.run(r),
    decisions: (planId: string) => decisions.all(planId) as DecisionRow[],

    insertReopen: (r: ReopenRow) => void insertReopen.run(r),
    reopenings: (planId: string) => reopenings.all(planId) as ReopenRow[],

    insertAmendment: (r: AmendmentRow) => void insertAmendment.run(r),
    amendments: (planId: string) => amendments.all(planId) as (AmendmentRow & { revision: number })[],

    /** Opens a closed session's records to this transaction only (see the lock triggers in 0010). */
    markAmending: (planId: string) => void markAmending.run(planId),
    clearAmending: (planId: string) => void clearAmending.run(planId),

    markClosed: (id: string, by: string, at: string) => setClosed.run({ id, by, at }).changes === 1,
    markReopened: (id: string, at: string) => setReopened.run({ id, at }).changes === 1,
  };
}
export type CloseOfDayQueries = ReturnType<typeof closeOfDayQueries>;

export interface ConflictRow {
  id: string;
  planId: string;
  idNumber: string;
  cardFullName: string;
  cardDateOfBirth: string;
  holderCitizenId: string | null;
  holderTargetId: string | null;
  holderFullName: string;
  holderDateOfBirth: string;
  refusedAt: string;
  refusedBy: string;
  state: 'open' | 'checked_in' | 'dismissed';
}

export interface CorrectionRequestRow {
  id: string;
  planId: string;
  doseId: string;
  reason: string;
  requestedBy: string;
  requestedAt: string;
  state: 'open' | 'corrected' | 'dismissed';
  resolvedAt: string | null;
  resolvedBy: string | null;
  resolutionNote: string | null;
}

export interface FollowUpRow {
  id: string;
  aefiId: string;
  outcome: AefiOutcome;
  note: string | null;
  recordedBy: string;
  recordedAt: string;
}

const CONFLICT = `id, plan_id AS planId, id_number AS idNumber, card_full_name AS cardFullName, card_date_of_birth AS cardDateOfBirth,
  holder_citizen_id AS holderCitizenId, holder_target_id AS holderTargetId, holder_full_name AS holderFullName,
  holder_date_of_birth AS holderDateOfBirth, refused_at AS refusedAt, refused_by AS refusedBy, state`;
const REQUEST = `r.id, r.plan_id AS planId, r.dose_id AS doseId, r.reason, r.requested_by AS requestedBy, r.requested_at AS requestedAt,
  r.state, r.resolved_at AS resolvedAt, r.resolved_by AS resolvedBy, r.resolution_note AS resolutionNote`;

/** The records the work list is made of that other desks write: conflicts, correction requests, follow-ups. */
export function workRecordQueries(db: Database) {
  const insertConflict = db.prepare(`INSERT INTO identity_conflict (id, plan_id, id_number, card_full_name, card_date_of_birth,
    holder_citizen_id, holder_target_id, holder_full_name, holder_date_of_birth, refused_at, refused_by)
    VALUES (@id, @planId, @idNumber, @cardFullName, @cardDateOfBirth, @holderCitizenId, @holderTargetId, @holderFullName,
    @holderDateOfBirth, @refusedAt, @refusedBy)`);
  const openConflict = db.prepare(`SELECT ${CONFLICT} FROM identity_conflict WHERE plan_id = ? AND id_number = ? AND state = 'open' LIMIT 1`);
  const conflictById = db.prepare(`SELECT ${CONFLICT} FROM identity_conflict WHERE id = ?`);
  const openConflicts = db.prepare(`SELECT ${CONFLICT} FROM identity_conflict WHERE plan_id = ? AND state = 'open' ORDER BY refused_at, id`);
  const resolveConflict = db.prepare(`UPDATE identity_conflict SET state = @state, resolved_at = @at, resolved_by = @by, resolution_note = @note
    WHERE id = @id AND state = 'open'`);
  const resolveConflictsFor = db.prepare(`UPDATE identity_conflict SET state = 'checked_in', resolved_at = @at, resolved_by = @by
    WHERE plan_id = @planId AND id_number = @idNumber AND state = 'open'`);

  const insertRequest = db.prepare(`INSERT INTO dose_correction_request (id, plan_id, dose_id, reason, requested_by, requested_at)
    VALUES (@id, @planId, @doseId, @reason, @requestedBy, @requestedAt)`);
  const requestById = db.prepare(`SELECT ${REQUEST} FROM dose_correction_request r WHERE r.id = ?`);
  const openRequestForDose = db.prepare(`SELECT ${REQUEST} FROM dose_correction_request r WHERE r.dose_id = ? AND r.state = 'open' LIMIT 1`);
  const requestsForPlan = db.prepare(`SELECT ${REQUEST}, s.full_name AS requestedByName FROM dose_correction_request r
    JOIN staff s ON s.id = r.requested_by WHERE r.plan_id = ? ORDER BY (r.state = 'open') DESC, r.requested_at DESC`);
  const resolveRequest = db.prepare(`UPDATE dose_correction_request SET state = @state, resolved_at = @at, resolved_by = @by, resolution_note = @note
    WHERE id = @id AND state = 'open'`);
  const resolveRequestsForDose = db.prepare(`UPDATE dose_correction_request SET state = 'corrected', resolved_at = @at, resolved_by = @by,
    resolution_note = @note WHERE dose_id = @doseId AND state = 'open'`);

  const insertFollowUp = db.prepare(`INSERT INTO aefi_follow_up (id, aefi_id, outcome, note, recorded_by, recorded_at)
    VALUES (@id, @aefiId, @outcome, @note, @recordedBy, @recordedAt)`);
  const latestFollowUp = db.prepare(`SELECT f.id, f.aefi_id AS aefiId, f.outcome, f.note, s.full_name AS recordedBy, f.recorded_at AS recordedAt
    FROM aefi_follow_up f JOIN staff s ON s.id = f.recorded_by WHERE f.aefi_id = ? ORDER BY f.recorded_at DESC, f.id DESC LIMIT 1`);

  return {
    insertConflict: (r: Omit<ConflictRow, 'state'>) => void insertConflict.run(r),
    openConflict: (planId: string, idNumber: string) => (openConflict.get(planId, idNumber) as ConflictRow | undefined) ?? null,
    conflict: (id: string) => (conflictById.get(id) as ConflictRow | undefined) ?? null,
    openConflicts: (planId: string) => openConflicts.all(planId) as ConflictRow[],
    dismissConflict: (id: string, note: string, by: string, at: string) => resolveConflict.run({ id, state: 'dismissed', note, by, at }).changes === 1,
    /** The holder was checked in by a supervisor: every open conflict on that number is settled. */
    settleConflictsFor: (planId: string, idNumber: string, by: string, at: string) => resolveConflictsFor.run({ planId, idNumber, by, at }).changes,

    insertRequest: (r: Pick<CorrectionRequestRow, 'id' | 'planId' | 'doseId' | 'reason' | 'requestedBy' | 'requestedAt'>) => void insertRequest.run(r),
    request: (id: string) => (requestById.get(id) as CorrectionRequestRow | undefined) ?? null,
    openRequestForDose: (doseId: string) => (openRequestForDose.get(doseId) as CorrectionRequestRow | undefined) ?? null,
    requestsForPlan: (planId: string) => requestsForPlan.all(planId) as (CorrectionRequestRow & { requestedByName: string })[],
    dismissRequest: (id: string, note: string, by: string, at: string) => resolveRequest.run({ id, state: 'dismissed', note, by, at }).changes === 1,
    /** A supervisor voided or superseded the dose: the requests about it are answered. */
    settleRequestsForDose: (doseId: string, note: string, by: string, at: string) => resolveRequestsForDose.run({ doseId, note, by, at }).changes,

    insertFollowUp: (r: FollowUpRow) => void insertFollowUp.run(r),
    latestFollowUp: (aefiId: string) => (latestFollowUp.get(aefiId) as FollowUpRow | undefined) ?? null,
  };
}
export type WorkRecordQueries = ReturnType<typeof workRecordQueries>;
