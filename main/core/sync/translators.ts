import type { OutboxRow } from '../../../db/queries/outbox';
import type { SourceDose, SyncSourceQueries } from '../../../db/queries/sync-sources';
import {
  adverseEventIdentifier,
  conditionalCreate,
  conditionalUpdate,
  dayManifestIdentifier,
  FhirMappingError,
  immunizationIdentifier,
  patientMatchIdentifier,
  siteIdentifier,
  siteRecordSystem,
  staffIdentifier,
  toAdverseEvent,
  toCertificateDocument,
  toDayManifest,
  toImmunization,
  toLocation,
  toNotGiven,
  toPatient,
  toPractitioner,
  toVialDiscard,
  uvciIdentifier,
  vialIdentifier,
  type AefiForFhir,
  type EntryGroup,
  type PlannedEntry,
} from '../../domain/fhir';

/**
 * Translators: one per outbox kind, each turning a row into the FHIR entries
 * it writes and those it needs (open mSupply keeps a translator per table; so
 * do we, per kind). A kind without a translator is held back by the uploader
 * with a reason naming the kind, and everything else goes on; another kind is
 * added by adding its translator to TRANSLATORS.
 */
export interface TranslateContext {
  src: SyncSourceQueries;
  /** The site the row was queued at (its payload says; the current site otherwise). */
  siteCode: string;
  /** The platform takes deferrals and refusals (Immunization not-done). */
  uploadDeferrals: boolean;
  /**
   * Entries that are the same for many rows (the site, its nurses), made once
   * per round: a week's backlog names one site and a handful of staff.
   */
  shared?: Map<string, PlannedEntry | null>;
}

export type Translation = { group: EntryGroup } | { skip: string };

export type Translator = (row: OutboxRow, payload: Record<string, unknown>, ctx: TranslateContext) => Translation;

/** A row whose record cannot be found or expressed: the station refuses it itself, with the reason, like the platform would. */
export class TranslationError extends Error {
  constructor(
    readonly field: string,
    detail: string,
  ) {
    super(`${field}: ${detail}`);
    this.name = 'TranslationError';
  }
}

function need<T>(value: T | null, what: string, id: string): T {
  if (value === null) throw new TranslationError(what, `no ${what} ${id} in this station's database`);
  return value;
}

/** The entries everything about a citizen needs, memoized per round where the uploader asks. */
function patientEntry(ctx: TranslateContext, citizenId: string): PlannedEntry {
  const c = need(ctx.src.citizen(citizenId), 'citizen', citizenId);
  return conditionalCreate(toPatient(c, ctx.siteCode), patientMatchIdentifier(c, ctx.siteCode), c.id);
}

function shared(ctx: TranslateContext, key: string, make: () => PlannedEntry | null): PlannedEntry | null {
  if (!ctx.shared) return make();
  if (!ctx.shared.has(key)) ctx.shared.set(key, make());
  return ctx.shared.get(key)!;
}

function locationEntry(ctx: TranslateContext): PlannedEntry {
  return shared(ctx, `site:${ctx.siteCode}`, () => makeLocationEntry(ctx))!;
}

function makeLocationEntry(ctx: TranslateContext): PlannedEntry {
  const site = need(ctx.src.site(), 'site', '(setup)');
  return conditionalCreate(toLocation({ ...site, code: ctx.siteCode }), siteIdentifier(ctx.siteCode), site.id);
}

function practitionerEntry(ctx: TranslateContext, staffId: string | null): PlannedEntry | null {
  if (!staffId) return null;
  return shared(ctx, `staff:${ctx.siteCode}:${staffId}`, () => makePractitionerEntry(ctx, staffId));
}

function makePractitionerEntry(ctx: TranslateContext, staffId: string): PlannedEntry | null {
  const staff = ctx.src.staff(staffId);
  return staff ? conditionalCreate(toPractitioner(staff, ctx.siteCode), staffIdentifier(ctx.siteCode, staff.id), staff.id) : null;
}

function doseForFhir(d: SourceDose) {
  return {
    recordId: d.recordId,
    source: d.source,
    dcc: { mp: d.dccProduct, ma: d.dccManufacturer, vp: d.dccProphylaxis, tg: d.dccDisease },
    productName: d.productName,
    lotNumber: d.lotNumber,
    lotExpiryDate: d.lotExpiryDate,
    doseNumber: d.doseNumber,
    seriesDoses: d.seriesDoses,
    givenOn: d.givenOn,
    givenAt: d.givenAt,
    recordedAt: d.recordedAt,
    injectionSite: d.injectionSite,
    country: d.country,
    issuer: d.issuer,
  };
}

/**
 * A dose version's Immunization with what it references. `write` says how:
 * a conditional create for a dose recorded or reported, a conditional update
 * (PUT on the record's identifier) for a correction.
 */
function immunizationEntries(ctx: TranslateContext, doseId: string, write: 'create' | 'update', status: 'completed' | 'entered-in-error', note: string | null = null) {
  const d = need(ctx.src.dose(doseId), 'dose', doseId);
  const patient = patientEntry(ctx, d.citizenId);
  const ours = d.source === 'station';
  const location = ours ? locationEntry(ctx) : null;
  const performer = ours ? practitionerEntry(ctx, d.recordedBy) : null;
  const resource = toImmunization(
    doseForFhir(d),
    { patient: patient.fullUrl, location: location?.fullUrl ?? null, performer: performer?.fullUrl ?? null },
    ctx.siteCode,
    { status, note },
  );
  const needs = [patient, location, performer].filter((e): e is PlannedEntry => e !== null);
  const match = immunizationIdentifier(ctx.siteCode, d.recordId);
  const deps = needs.map((e) => e.key);
  const main = write === 'create' ? conditionalCreate(resource, match, d.recordId, deps) : conditionalUpdate(resource, match, d.recordId, deps);
  return { dose: d, needs, main };
}

const doseCreated: Translator = (row, _payload, ctx) => {
  const { needs, main } = immunizationEntries(ctx, row.entityId, 'create', 'completed');
  return { group: { needs, main: [main] } };
};

const doseSuperseded: Translator = (row, _payload, ctx) => {
  const { needs, main } = immunizationEntries(ctx, row.entityId, 'update', 'completed');
  return { group: { needs, main: [main] } };
};

const doseVoided: Translator = (row, payload, ctx) => {
  const reason = typeof payload.reason === 'string' ? payload.reason : null;
  const { needs, main } = immunizationEntries(ctx, row.entityId, 'update', 'entered-in-error', reason ? `Hủy / Voided: ${reason}` : null);
  return { group: { needs, main: [main] } };
};

const doseNotGiven: Translator = (row, _payload, ctx) => {
  if (!ctx.uploadDeferrals) return { skip: 'the platform is set to take no deferrals or refusals' };
  const s = need(ctx.src.screening(row.entityId), 'screening', row.entityId);
  if (s.outcome === 'eligible') return { skip: 'the screening was changed to eligible' };
  // Contraindicated for one vaccine type, vaccinated with another: the platform gets the dose, not a "not done".
  if (s.vaccinated === 1) return { skip: 'the citizen was vaccinated at this visit after all' };
  const patient = patientEntry(ctx, s.citizenId);
  const location = locationEntry(ctx);
  const performer = practitionerEntry(ctx, s.screenedBy);
  const needs = [patient, location, performer].filter((e): e is PlannedEntry => e !== null);
  const resource = toNotGiven(
    { id: s.id, at: s.screenedAt, reason: s.outcome, returnDate: s.returnDate },
    { patient: patient.fullUrl, location: location.fullUrl, performer: performer?.fullUrl ?? null },
    ctx.siteCode,
  );
  const match = { system: siteRecordSystem(ctx.siteCode, 'screening'), value: s.id };
  return { group: { needs, main: [conditionalCreate(resource, match, s.id, needs.map((e) => e.key))] } };
};

/**
 * An adverse event with what it references. Recorded: a conditional create;
 * followed up: a conditional update carrying the outcome queued with the
 * follow-up (each follow-up replaces the event as the platform holds it, in
 * queue order, so the last one wins as it does at the station).
 */
function adverseEventEntries(ctx: TranslateContext, aefiId: string, followUp: AefiForFhir['followUp']): EntryGroup {
  const a = need(ctx.src.aefi(aefiId), 'adverse event', aefiId);
  if (!a.doseId) throw new TranslationError('aefi.doseId', 'the adverse event names no dose');
  const dose = immunizationEntries(ctx, a.doseId, 'create', 'completed');
  const recorder = practitionerEntry(ctx, a.recordedBy);
  const patient = dose.needs[0]!;
  const location = locationEntry(ctx);
  const symptoms = JSON.parse(a.symptomsJson) as { codes: string[]; other: string | null };
  const resource = toAdverseEvent(
    {
      id: a.id,
      symptoms: symptoms.codes,
      otherSymptoms: symptoms.other,
      onsetAt: a.onsetAt,
      severity: a.severity,
      serious: a.serious === 1,
      seriousness: JSON.parse(a.seriousnessJson) as string[],
      actionTaken: a.actionTaken,
      referredTo: a.referredTo,
      notes: a.notes,
      recordedAt: a.recordedAt,
      followUp: followUp ?? null,
    },
    { patient: patient.fullUrl, immunization: dose.main.fullUrl, location: location.fullUrl, recorder: recorder?.fullUrl ?? null },
    ctx.siteCode,
  );
  // The dose goes along as a conditional create: a no-op when the platform has it, and the event never points at nothing.
  const needs = [...dose.needs, ...(dose.needs.some((e) => e.key === location.key) ? [] : [location]), dose.main, ...(recorder ? [recorder] : [])];
  const match = adverseEventIdentifier(ctx.siteCode, a.id);
  const deps = needs.map((e) => e.key);
  return { needs, main: [followUp ? conditionalUpdate(resource, match, a.id, deps) : conditionalCreate(resource, match, a.id, deps)] };
}

const aefiRecorded: Translator = (row, _payload, ctx) => ({ group: adverseEventEntries(ctx, row.entityId, null) });

const aefiFollowedUp: Translator = (_row, payload, ctx) => {
  const aefiId = typeof payload.aefiId === 'string' ? payload.aefiId : null;
  const f = payload.followUp as { outcome?: unknown; note?: unknown; recordedAt?: unknown } | undefined;
  if (!aefiId || !f || typeof f.outcome !== 'string' || typeof f.recordedAt !== 'string') {
    throw new TranslationError('payload.followUp', 'the queued follow-up names no adverse event or outcome');
  }
  const followUp = { outcome: f.outcome as NonNullable<AefiForFhir['followUp']>['outcome'], note: typeof f.note === 'string' ? f.note : null, recordedAt: f.recordedAt };
  return { group: adverseEventEntries(ctx, aefiId, followUp) };
};

/** A closed day's signed manifest, one document per revision (docs/close-of-day.md). */
const sessionClosed: Translator = (row, payload, ctx) => {
  const text = (k: string) => {
    const v = payload[k];
    if (typeof v !== 'string' || !v) throw new TranslationError(`payload.${k}`, 'missing from the queued manifest');
    return v;
  };
  const revision = typeof payload.revision === 'number' ? payload.revision : row.entityVersion;
  const doseIds = Array.isArray(payload.doseIds) ? payload.doseIds.filter((d): d is string => typeof d === 'string') : [];
  const location = locationEntry(ctx);
  const planId = text('planId');
  const resource = toDayManifest(
    {
      planId,
      sessionDate: text('sessionDate'),
      revision,
      reason: typeof payload.reason === 'string' ? payload.reason : 'close',
      jws: text('jws'),
      statementSha256: text('statementSha256'),
      recordsSha256: text('recordsSha256'),
      doseIds,
      signedAt: row.createdAt,
    },
    { location: location.fullUrl, previous: revision > 1 ? dayManifestIdentifier(ctx.siteCode, planId, revision - 1) : null },
    (t) => Buffer.from(t, 'utf8').toString('base64'),
    ctx.siteCode,
  );
  const match = dayManifestIdentifier(ctx.siteCode, planId, revision);
  return { group: { needs: [location], main: [conditionalCreate(resource, match, row.id, [location.key])] } };
};

const vialDiscarded: Translator = (row, _payload, ctx) => {
  const v = need(ctx.src.vial(row.entityId), 'vial', row.entityId);
  if (v.state !== 'discarded' || !v.closedAt || !v.discardReason) throw new TranslationError('vial.state', `the vial is ${v.state}, not discarded`);
  const location = locationEntry(ctx);
  const performer = practitionerEntry(ctx, v.closedBy);
  const resource = toVialDiscard(
    {
      vialId: v.id,
      productCode: v.productCode,
      productName: v.productName,
      dccProduct: v.dccProduct,
      lotNumber: v.lotNumber,
      dosesTotal: v.dosesTotal,
      dosesDrawn: v.dosesDrawn,
      dosesWasted: v.wastedDoses,
      openedAt: v.openedAt,
      closedAt: v.closedAt,
      reason: v.discardReason,
      note: v.discardNote,
    },
    { location: location.fullUrl, performer: performer?.fullUrl ?? null },
    ctx.siteCode,
  );
  const needs = [location, ...(performer ? [performer] : [])];
  return { group: { needs, main: [conditionalCreate(resource, vialIdentifier(ctx.siteCode, v.id), v.id, needs.map((e) => e.key))] } };
};

const certificateIssued: Translator = (row, _payload, ctx) => {
  const c = need(ctx.src.certificate(row.entityId), 'certificate', row.entityId);
  const patient = patientEntry(ctx, c.citizenId);
  const dose = c.qrDoseId ? immunizationEntries(ctx, c.qrDoseId, 'create', 'completed') : null;
  const resource = toCertificateDocument(
    { uvci: c.uvci, hc1: c.hc1, provisional: c.provisional === 1, issuedAt: c.issuedAt, expiresAt: c.expiresAt, status: c.status },
    { patient: patient.fullUrl, immunization: dose?.main.fullUrl ?? null },
    (text) => Buffer.from(text, 'utf8').toString('base64'),
  );
  const needs = dose ? [...dose.needs, dose.main] : [patient];
  return { group: { needs, main: [conditionalCreate(resource, uvciIdentifier(c.uvci), c.id, needs.map((e) => e.key))] } };
};

/** Every kind this station can upload, and how. */
export const TRANSLATORS: Readonly<Record<string, Translator>> = {
  'dose.recorded': doseCreated,
  'dose.reported': doseCreated,
  'dose.superseded': doseSuperseded,
  'dose.voided': doseVoided,
  'dose.not-given': doseNotGiven,
  'aefi.recorded': aefiRecorded,
  'aefi.followed_up': aefiFollowedUp,
  'vial.discarded': vialDiscarded,
  'certificate.issued': certificateIssued,
  'session.closed': sessionClosed,
};

/** Runs a row's translator; mapping problems surface as TranslationError with the field at fault. */
export function translate(row: OutboxRow, ctx: Omit<TranslateContext, 'siteCode'> & { siteCode: string | null }, translators = TRANSLATORS): Translation | { hold: string } {
  const translator = translators[row.kind];
  if (!translator) return { hold: `no translator for kind "${row.kind}" in this version of the station` };
  const payload = payloadOf(row);
  const siteCode = typeof payload.siteCode === 'string' && payload.siteCode ? payload.siteCode : ctx.siteCode;
  if (!siteCode) throw new TranslationError('site', 'the station has no site code');
  try {
    return translator(row, payload, { ...ctx, siteCode });
  } catch (err) {
    if (err instanceof FhirMappingError) throw new TranslationError(err.field, err.message);
    throw err;
  }
}

/** The payload as queued (for most kinds the uploader reads only its site code and a void's reason; see outbox.eligible). */
function payloadOf(row: OutboxRow): Record<string, unknown> {
  try {
    return JSON.parse(row.payloadJson) as Record<string, unknown>;
  } catch {
    throw new TranslationError('payload', 'the queued payload is not JSON');
  }
}
