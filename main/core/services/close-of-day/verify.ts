import type { Database } from 'better-sqlite3';
import type { DayVerification } from '../../../../preload/contract';
import { diffRecordLines, MANIFEST_FORMAT, type ManifestStatement, type RecordRef } from '../../../domain/close-of-day';
import { verifyJws } from '../../../certificates/keys/jws';
import { readDayRecords, sha256Hex } from './day-records';
import { MANIFEST_JWS_TYPE } from './manifest-writer';

interface StoredManifest {
  id: string;
  revision: number;
  jws: string;
  statementSha256: string;
  records: string;
  recordsSha256: string;
  signingKeyId: string;
}

export interface VerifyOptions {
  /**
   * The station key's public key (SPKI DER) as the district knows it. Without
   * it the key stored in the database is used, and the result says whose
   * fingerprint that is: a copy of the database could carry another key.
   */
  publicKeyDer?: Buffer | undefined;
}

/** The sessions of a site day, for verify-day's --date. */
export function sessionsOn(db: Database, date: string): { id: string; period: string; location: string; state: string }[] {
  return db.prepare(`SELECT id, period, location, state FROM session_plan WHERE session_date = ? ORDER BY period, location`).all(date) as {
    id: string;
    period: string;
    location: string;
    state: string;
  }[];
}

/**
 * Recomputes a session's manifest from its records and checks it: every
 * revision's signature with the station key, the chain of revisions, the
 * stored record lines against their signed hash, and the records as they
 * stand now against the latest revision's lines, naming each record that
 * changed, disappeared or appeared since. Reads only.
 */
export function verifyDay(db: Database, planId: string, options: VerifyOptions = {}): DayVerification {
  const plan = db.prepare(`SELECT id, session_date AS sessionDate, period, state FROM session_plan WHERE id = ?`).get(planId) as
    | { id: string; sessionDate: string; period: DayVerification['period']; state: DayVerification['state'] }
    | undefined;
  if (!plan) throw new Error(`no session ${planId}`);
  const manifests = db
    .prepare(`SELECT id, revision, jws, statement_sha256 AS statementSha256, records, records_sha256 AS recordsSha256,
      signing_key_id AS signingKeyId FROM day_manifest WHERE plan_id = ? ORDER BY revision`)
    .all(planId) as StoredManifest[];
  const result: DayVerification = {
    planId,
    sessionDate: plan.sessionDate,
    period: plan.period,
    state: plan.state,
    ok: false,
    revision: manifests.at(-1)?.revision ?? null,
    signatureValid: false,
    chainValid: false,
    recordsHashValid: false,
    records: 0,
    keyFingerprint: null,
    problems: [],
    findings: [],
  };
  if (manifests.length === 0) {
    result.findings.push(plan.state === 'closed' ? 'closed_without_manifest' : 'not_closed');
    return result;
  }
  const keyOf = db.prepare(`SELECT public_key_der FROM signing_key WHERE id = ?`).pluck();
  let signatures = true;
  let chain = true;
  let hashes = true;
  let latest: ManifestStatement | null = null;
  let previous: StoredManifest | null = null;
  for (const m of manifests) {
    const stored = keyOf.get(m.signingKeyId) as Buffer | undefined;
    const key = options.publicKeyDer ?? stored ?? null;
    if (!key) {
      signatures = false;
      result.findings.push(`key_missing:${m.revision}`);
      continue;
    }
    result.keyFingerprint = sha256Hex(key);
    const check = verifyJws(m.jws, key);
    if (!check.ok) {
      signatures = false;
      result.findings.push(`signature_invalid:${m.revision}`);
    }
    if (check.ok && check.header.typ !== MANIFEST_JWS_TYPE) result.findings.push(`unexpected_type:${m.revision}`);
    let statement: ManifestStatement | null;
    try {
      statement = check.payload ? (JSON.parse(check.payload) as ManifestStatement) : null;
    } catch {
      statement = null;
    }
    if (!statement || statement.format !== MANIFEST_FORMAT || statement.session?.planId !== planId || statement.revision !== m.revision) {
      signatures = false;
      result.findings.push(`statement_invalid:${m.revision}`);
      continue;
    }
    if (sha256Hex(check.payload ?? '') !== m.statementSha256) {
      chain = false;
      result.findings.push(`statement_hash_mismatch:${m.revision}`);
    }
    if (statement.signingKey.spkiSha256 !== sha256Hex(key)) {
      signatures = false;
      result.findings.push(`key_not_named_in_statement:${m.revision}`);
    }
    const linked = previous
      ? statement.previous?.revision === previous.revision && statement.previous.statementSha256 === previous.statementSha256
      : statement.previous === null && m.revision === 1;
    if (!linked) {
      chain = false;
      result.findings.push(`chain_broken:${m.revision}`);
    }
    const recordsHash = sha256Hex(m.records);
    if (recordsHash !== statement.recordsSha256 || recordsHash !== m.recordsSha256) {
      hashes = false;
      result.findings.push(`records_hash_mismatch:${m.revision}`);
    }
    latest = statement;
    previous = m;
  }
  result.signatureValid = signatures;
  result.chainValid = chain;
  result.recordsHashValid = hashes;

  const last = manifests.at(-1)!;
  if (latest && latest.revision === last.revision) {
    const columns = new Map(latest.tables.map((t) => [t.name, t.columns]));
    let current: string;
    try {
      current = readDayRecords(db, planId, (t) => columns.get(t.name) ?? null).text;
    } catch (err) {
      result.findings.push(`records_unreadable:${err instanceof Error ? err.message : String(err)}`);
      current = '';
    }
    const diff = diffRecordLines(last.records, current);
    result.records = latest.tables.reduce((n, t) => n + t.rows, 0);
    const label = describer(db);
    for (const [change, refs] of [['changed', diff.changed], ['missing', diff.missing], ['added', diff.added]] as const) {
      for (const ref of refs) result.problems.push({ ...ref, change, label: change === 'missing' ? '' : label(ref) });
    }
  }
  if (plan.state !== 'closed') result.findings.push('reopened');
  result.ok = result.signatureValid && result.chainValid && result.recordsHashValid && result.problems.length === 0 && plan.state === 'closed' && result.findings.length === 0;
  return result;
}

/** Words that let a person find a record: a dose by its queue number, lot and dose number, a visit by its queue number. */
function describer(db: Database): (ref: RecordRef) => string {
  const dose = db.prepare(`SELECT v.queue_number AS queueNumber, d.lot_number AS lotNumber, d.dose_number AS doseNumber, d.version,
    d.recorded_at AS recordedAt FROM dose d LEFT JOIN visit v ON v.id = d.visit_id WHERE d.id = ?`);
  const visitOf = db.prepare(`SELECT queue_number FROM visit WHERE id = ?`).pluck();
  const viaVisit = (table: string) => db.prepare(`SELECT v.queue_number FROM ${table} x JOIN visit v ON v.id = x.visit_id WHERE x.${table === 'observation' ? 'visit_id' : 'id'} = ?`).pluck();
  const screening = viaVisit('screening');
  const aefi = viaVisit('aefi');
  const lot = db.prepare(`SELECT lot_number FROM vaccine_lot WHERE id = ?`).pluck();
  const vial = db.prepare(`SELECT l.lot_number FROM vial v JOIN vaccine_lot l ON l.id = v.lot_id WHERE v.id = ?`).pluck();
  return (ref) => {
    switch (ref.table) {
      case 'dose': {
        const d = dose.get(ref.key) as { queueNumber: number | null; lotNumber: string | null; doseNumber: number; version: number; recordedAt: string } | undefined;
        return d ? `queue #${d.queueNumber ?? '-'}, lot ${d.lotNumber ?? '-'}, dose ${d.doseNumber}, version ${d.version}, recorded ${d.recordedAt}` : '';
      }
      case 'visit':
      case 'observation': {
        const n = visitOf.get(ref.key);
        return n === undefined ? '' : `queue #${String(n)}`;
      }
      case 'screening':
      case 'aefi': {
        const n = (ref.table === 'screening' ? screening : aefi).get(ref.key);
        return n === undefined ? '' : `queue #${String(n)}`;
      }
      case 'vaccine_lot': {
        const n = lot.get(ref.key);
        return n === undefined ? '' : `lot ${String(n)}`;
      }
      case 'vial': {
        const n = vial.get(ref.key);
        return n === undefined ? '' : `vial of lot ${String(n)}`;
      }
      default:
        return '';
    }
  };
}
