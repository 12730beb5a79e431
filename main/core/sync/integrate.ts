import type { InboxRow } from '../../../db/queries/sync';
import { EXTENSION, siteRecordSystem, SYSTEM, type Resource } from '../../domain/fhir';
import { isCccdNumber } from '../../domain/id-number';
import { nameKey } from '../../domain/names';
import { StationError } from '../errors';
import { newId } from '../ids';
import type { Store } from '../store';

/**
 * Applying what was pulled. Each inbox row is applied on its own; one that
 * cannot be (a certificate signed by a signer the station does not trust yet,
 * a target list for a session that does not exist, a correction to a record
 * the station corrected since) stays `failed` with its reason and is tried
 * again after the next pull, when the reason may have gone.
 */
export interface Integrators {
  /** certificates:importNational: verify, link to the citizen, supersede the provisional one. */
  importNationalCertificate(hc1: string, citizenId: string): Promise<unknown>;
}

type Obj = Record<string, unknown>;
const arr = <T = Obj>(v: unknown): T[] => (Array.isArray(v) ? (v as T[]) : []);
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);

export async function integrateInbox(store: Store, integrators: Integrators, limit = 500): Promise<{ integrated: number; failed: number }> {
  const rows = store.q.sync.pendingInbox(limit);
  const retry = store.q.sync.failedInbox(limit);
  let integrated = 0;
  let failed = 0;
  for (const row of [...rows, ...retry]) {
    try {
      const outcome = await integrateOne(store, integrators, row);
      const [state, note] = typeof outcome === 'string' ? [outcome, null] : [outcome.state, outcome.note];
      store.write(null, (w) => w.q.sync.markInbox(row.id, state, note, w.at));
      integrated++;
    } catch (err) {
      const reason = err instanceof StationError ? `${err.code}: ${err.message}` : err instanceof Error ? err.message : String(err);
      store.write(null, (w) => w.q.sync.markInbox(row.id, 'failed', reason.slice(0, 1000), w.at));
      failed++;
    }
  }
  return { integrated, failed };
}

type Outcome = 'integrated' | 'ignored' | { state: 'integrated'; note: string };

async function integrateOne(store: Store, integrators: Integrators, row: InboxRow): Promise<Outcome> {
  const resource = JSON.parse(row.resourceJson) as Resource;
  const site = store.q.site.get();
  if (!site) throw new Error('the station has no site');
  const immSystem = siteRecordSystem(site.code, 'immunization');
  switch (row.stream) {
    case 'certificates':
      return nationalCertificate(store, integrators, resource, immSystem);
    case 'corrections':
      return platformCorrection(store, resource, immSystem);
    case 'targets':
      return targetList(store, resource);
    default:
      return 'ignored';
  }
}

function recordOf(store: Store, recordId: string): { id: string; citizenId: string; status: string; version: number } | null {
  return (
    (store.db
      .prepare(`SELECT id, citizen_id AS citizenId, status, version FROM dose WHERE record_id = ? ORDER BY version DESC LIMIT 1`)
      .get(recordId) as { id: string; citizenId: string; status: string; version: number } | undefined) ?? null
  );
}

async function nationalCertificate(store: Store, integrators: Integrators, doc: Resource, immSystem: string): Promise<'integrated'> {
  const related = arr<{ identifier?: { system?: string; value?: string } }>((doc.context as Obj | undefined)?.related);
  const recordId = related.map((r) => r.identifier).find((i) => i?.system === immSystem)?.value;
  if (!recordId) throw new Error('the certificate names no dose of this site');
  const dose = recordOf(store, recordId);
  if (!dose) throw new Error(`no dose ${recordId} at this station`);
  const attachment = arr<{ attachment?: { data?: string; contentType?: string } }>(doc.content)[0]?.attachment;
  const hc1 = attachment?.data ? Buffer.from(attachment.data, 'base64').toString('utf8').trim() : '';
  if (!hc1.startsWith('HC1:')) throw new Error('the certificate holds no HC1 text');
  await integrators.importNationalCertificate(hc1, dose.citizenId);
  return 'integrated';
}

/**
 * A correction the platform made to one of our Immunizations: entered in
 * error → the dose is voided; a changed lot, date, dose number or series →
 * a new version of the dose. Written as the platform's (no staff), audited,
 * and not queued back (the platform has it already).
 */
function platformCorrection(store: Store, imm: Resource, immSystem: string): 'integrated' | 'ignored' {
  const recordId = arr<{ system?: string; value?: string }>(imm.identifier).find((i) => i.system === immSystem)?.value;
  if (!recordId) return 'ignored';
  const note = arr<{ text?: string }>(imm.note).map((n) => n.text).filter(Boolean).join(' ') || null;
  return store.write(null, (w) => {
    const current = recordOf(store, recordId);
    if (!current) throw new Error(`no dose ${recordId} at this station`);
    if (current.status !== 'valid') throw new Error(`the station's record is ${current.status} since; a supervisor compares the two`);
    const row = w.q.doses.rowById(current.id)!;
    // A closed day's records change only by a supervisor's signed amendment: the correction waits in the inbox, named, for one.
    const plan = row.visitId ? w.q.plans.row(w.q.visits.byId(row.visitId)?.planId ?? '') : null;
    if (plan?.state === 'closed') {
      throw new Error(
        `buổi tiêm ngày ${plan.sessionDate} đã kết thúc: giám sát viên sửa mũi tiêm này bằng một bản sửa đổi có lý do / ` +
          `the session of ${plan.sessionDate} is closed: a supervisor makes this correction as an amendment, with a reason`,
      );
    }
    const reason = `Nền tảng quốc gia sửa / corrected by the national platform${note ? `: ${note}` : ''}`;
    if (imm.status === 'entered-in-error') {
      w.q.doses.setStatus(row.id, 'voided', reason, null as unknown as string, w.at);
      w.audit('sync:platformVoid', 'dose', row.id, { status: 'valid' }, { status: 'voided', reason });
      w.emit('doses:changed', { citizenId: row.citizenId, visitId: row.visitId, doseId: row.id, change: 'voided' });
      return 'integrated';
    }
    const protocol = arr<{ doseNumberPositiveInt?: number; seriesDosesPositiveInt?: number }>(imm.protocolApplied)[0];
    const occurrence = str(imm.occurrenceDateTime);
    const next = { ...row };
    if (str(imm.lotNumber) && imm.lotNumber !== row.lotNumber) next.lotNumber = str(imm.lotNumber);
    if (protocol?.doseNumberPositiveInt && protocol.doseNumberPositiveInt !== row.doseNumber) next.doseNumber = protocol.doseNumberPositiveInt;
    if (protocol?.seriesDosesPositiveInt && protocol.seriesDosesPositiveInt !== row.seriesDoses) next.seriesDoses = protocol.seriesDosesPositiveInt;
    if (occurrence && occurrence.length === 10 && occurrence !== row.givenOn) {
      next.givenOn = occurrence;
      next.givenAt = null;
    }
    const changed = (['lotNumber', 'doseNumber', 'seriesDoses', 'givenOn'] as const).filter((k) => next[k] !== row[k]);
    if (changed.length === 0) return 'ignored';
    if (next.lotNumber !== row.lotNumber) next.lotId = null;
    const version = { ...next, id: newId(), version: row.version + 1, supersedesId: row.id, recordedBy: null, recordedAt: w.at };
    w.q.doses.setStatus(row.id, 'superseded', reason, null as unknown as string, w.at);
    w.q.doses.insert(version);
    w.q.observations.moveToDose(row.id, version.id);
    w.audit('sync:platformCorrection', 'dose', version.id, row, { ...version, reason, changed });
    w.emit('doses:changed', { citizenId: row.citizenId, visitId: row.visitId, doseId: version.id, change: 'superseded' });
    return 'integrated';
  });
}

/**
 * A target list for one of the site's sessions: a Group whose characteristic
 * gives the session date (period.start) and part of day (extension), whose
 * members are contained Patients. New people are added; people already on
 * the list are left as they are; a member marked inactive is taken off the
 * list unless already checked in.
 */
function targetList(store: Store, group: Resource): Outcome {
  const characteristic = arr<{ period?: { start?: string } }>(group.characteristic)[0];
  const date = str(characteristic?.period?.start)?.slice(0, 10);
  if (!date) throw new Error('the target list names no session date');
  const period = arr<{ url?: string; valueCode?: string }>(group.extension).find((e) => e.url === EXTENSION.sessionPeriod)?.valueCode ?? 'all_day';
  const contained = new Map(arr<Resource>(group.contained).map((r) => [`#${r.id}`, r]));
  return store.write(null, (w) => {
    const plan = store.db
      .prepare(`SELECT id, state FROM session_plan WHERE session_date = ? AND period = ? AND state IN ('planned', 'open') ORDER BY created_at LIMIT 1`)
      .get(date, period) as { id: string; state: 'planned' | 'open' } | undefined;
    if (!plan) throw new Error(`no planned or open session on ${date} (${period}) for this target list`);
    const known = w.q.targets.idNumbers(plan.id);
    let added = 0;
    let removed = 0;
    const skipped: string[] = [];
    for (const member of arr<{ entity?: { reference?: string }; inactive?: boolean; extension?: { url?: string; valueCode?: string; valueInteger?: number }[] }>(group.member)) {
      const p = contained.get(member.entity?.reference ?? '');
      if (!p) continue;
      const idNumber = arr<{ system?: string; value?: string }>(p.identifier).find((i) => i.system === SYSTEM.cccd)?.value ?? null;
      if (member.inactive) {
        if (idNumber) removed += store.db.prepare(`DELETE FROM plan_target WHERE plan_id = ? AND id_number = ? AND citizen_id IS NULL`).run(plan.id, idNumber).changes;
        continue;
      }
      const name = str(arr<{ text?: string }>(p.name)[0]?.text);
      const dob = str(p.birthDate);
      if (!name || !dob || !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(dob) || (idNumber !== null && !isCccdNumber(idNumber))) {
        skipped.push(idNumber ?? name ?? '?');
        continue;
      }
      if (idNumber && known.has(idNumber)) continue;
      const ext = (url: string) => member.extension?.find((e) => e.url === url);
      w.q.targets.insert({
        id: newId(),
        planId: plan.id,
        idNumber,
        fullName: name,
        nameKey: nameKey(name),
        dateOfBirth: dob,
        sex: p.gender === 'male' || p.gender === 'female' ? p.gender : null,
        phone: str(arr<{ value?: string }>(p.telecom)[0]?.value),
        address: str(arr<{ text?: string }>(p.address)[0]?.text),
        targetGroup: ext(EXTENSION.targetGroup)?.valueCode ?? null,
        productCode: ext(EXTENSION.plannedProduct)?.valueCode ?? null,
        doseNumber: ext(EXTENSION.plannedDoseNumber)?.valueInteger ?? null,
        sourceFile: `national:Group/${group.id}`,
        sourceLine: null,
        importedAt: w.at,
        importedBy: store.db.prepare(`SELECT id FROM staff WHERE role = 'supervisor' ORDER BY created_at LIMIT 1`).pluck().get() as string,
      });
      if (idNumber) known.add(idNumber);
      added++;
    }
    w.audit('sync:targetList', 'session_plan', plan.id, null, { group: group.id, added, removed, skipped });
    w.emit('plan:changed', { planId: plan.id, state: plan.state });
    // Unreadable members do not hold back the others; the inbox row says which they were.
    return skipped.length ? { state: 'integrated' as const, note: `${added} added; ${skipped.length} members unreadable: ${skipped.slice(0, 10).join(', ')}` } : 'integrated';
  });
}
