import type { ManifestSummary, Reconciliation } from '../../../../preload/contract';
import type { ManifestHead, ManifestRow } from '../../../../db/queries/close-of-day';
import {
  canonicalJson,
  MANIFEST_FORMAT,
  MANIFEST_FORMAT_VERSION,
  type CanonicalValue,
  type ManifestFigures,
  type ManifestStatement,
} from '../../../domain/close-of-day';
import type { OpenStationKey } from '../certificates/station-signature';
import type { Actor, Store, WriteScope } from '../../store';
import { readDayRecords, sha256Hex } from './day-records';

/** The JWS `typ` of a day manifest. */
export const MANIFEST_JWS_TYPE = 'day-manifest+jws';

export function manifestFigures(r: Reconciliation, decisions: number): ManifestFigures {
  return {
    checkedIn: r.people.checkedIn,
    vaccinated: r.people.vaccinated,
    dosesAdministered: r.doses.administered,
    aefi: r.people.aefi.total,
    seriousAefi: r.people.aefi.serious,
    lots: r.lots.map((l) => ({
      lotNumber: l.lotNumber,
      productCode: l.productCode,
      dosesReceived: l.dosesReceived,
      dosesAdministered: l.dosesAdministered,
      dosesWasted: l.dosesWasted,
      dosesRemaining: l.dosesRemaining,
      varianceDoses: l.varianceDoses,
    })),
    certificatesIssued: r.certificates.issued,
    openItemsClosedWithReason: decisions,
  };
}

/**
 * Writes a manifest revision inside the caller's transaction: reads the
 * session's records in canonical order, builds the statement (RFC 8785),
 * signs it with the station key, stores both and queues the signed
 * statement for the national platform. Whatever the transaction wrote
 * before this call (decisions, an amendment) is covered by it.
 */
export function writeManifest(
  store: Store,
  w: WriteScope,
  args: { manifestId: string; planId: string; reason: 'close' | 'amendment'; actor: Actor; key: OpenStationKey; figures: ManifestFigures },
): ManifestRow {
  const plan = w.q.plans.row(args.planId)!;
  const site = w.q.site.get();
  const staff = w.q.staff.byId(args.actor.staffId);
  const previous = w.q.closeOfDay.latestManifest(args.planId);
  const records = readDayRecords(store.db, args.planId);
  const statement: ManifestStatement = {
    format: MANIFEST_FORMAT,
    version: MANIFEST_FORMAT_VERSION,
    site: { code: site?.code ?? '', name: site?.name ?? '' },
    session: { planId: plan.id, sessionDate: plan.sessionDate, period: plan.period, location: plan.location },
    revision: (previous?.revision ?? 0) + 1,
    reason: args.reason,
    previous: previous ? { revision: previous.revision, statementSha256: previous.statementSha256 } : null,
    signedAt: w.at,
    signedBy: { staffId: args.actor.staffId, username: args.actor.username, fullName: staff?.fullName ?? args.actor.username },
    signingKey: { id: args.key.identity.keyId, spkiSha256: args.key.identity.spkiSha256, certificateSha256: args.key.identity.certificateSha256, national: args.key.identity.national },
    tables: records.tables,
    recordsSha256: records.sha256,
    figures: args.figures,
  };
  const text = canonicalJson(statement as unknown as CanonicalValue);
  const signature = args.key.sign(text, MANIFEST_JWS_TYPE);
  const row: ManifestRow = {
    id: args.manifestId,
    planId: plan.id,
    revision: statement.revision,
    reason: args.reason,
    jws: signature.jws,
    statementSha256: sha256Hex(text),
    records: records.text,
    recordCount: records.count,
    recordsSha256: records.sha256,
    signingKeyId: signature.keyId,
    createdAt: w.at,
    createdBy: args.actor.staffId,
  };
  w.q.closeOfDay.insertManifest(row);
  w.enqueue({
    kind: 'session.closed',
    entityId: plan.id,
    entityVersion: row.revision,
    subjectId: null,
    sessionId: plan.id,
    payload: {
      planId: plan.id,
      sessionDate: plan.sessionDate,
      revision: row.revision,
      reason: row.reason,
      jws: row.jws,
      statementSha256: row.statementSha256,
      recordsSha256: row.recordsSha256,
      // The dose ids the manifest covers, so the platform can tell every dose of the day arrived.
      doseIds: (store.db.prepare(`SELECT d.id FROM dose d JOIN visit v ON v.id = d.visit_id WHERE v.plan_id = ? ORDER BY d.id`).pluck().all(plan.id) as string[]),
    },
  });
  return row;
}

/** The statement a stored JWS carries, read without checking it (verify-day checks; screens only show). */
export function statementOf(jws: string): ManifestStatement | null {
  try {
    return JSON.parse(Buffer.from(jws.split('.')[1] ?? '', 'base64url').toString('utf8')) as ManifestStatement;
  } catch {
    return null;
  }
}

/** A stored manifest as screens and reports show it. */
export function manifestSummary(m: ManifestHead): ManifestSummary {
  const statement = statementOf(m.jws);
  return {
    id: m.id,
    revision: m.revision,
    reason: m.reason,
    statementSha256: m.statementSha256,
    recordsSha256: m.recordsSha256,
    records: m.recordCount,
    signedAt: m.createdAt,
    signedBy: m.createdByName,
    signingKeyId: m.signingKeyId,
    keyFingerprint: statement?.signingKey?.spkiSha256 ?? '',
    national: statement?.signingKey?.national ?? false,
    jws: m.jws,
  };
}
