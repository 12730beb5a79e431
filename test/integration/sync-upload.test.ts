import { afterEach, describe, expect, it } from 'vitest';
import { HttpPlatform } from '../../main/core/sync/http-platform';
import { Uploader } from '../../main/core/sync/uploader';
import { siteRecordSystem, SYSTEM } from '../../main/domain/fhir';
import { startFhirTestServer, type FhirTestServer, type FhirTestServerOptions } from '../support/fhir-server/http';
import { seedOfflineWeek } from '../support/sync-fixtures';
import { ok, setUpSite, SITE, startTestStation, type TestStation } from '../support/station';

/**
 * The uploader against the real FHIR test server over loopback HTTP: every
 * resource validated against R4, conditional creates, urn:uuid rewriting,
 * transaction and batch-only servers, a refused record isolated from the rest.
 */
let t: TestStation;
let server: FhirTestServer;
let platform: HttpPlatform;

async function start(options: FhirTestServerOptions = {}) {
  t = startTestStation();
  await setUpSite(t);
  server = await startFhirTestServer(options);
  platform = new HttpPlatform({ baseUrl: server.url });
  return new Uploader(t.station.services.store, platform);
}

afterEach(async () => {
  await platform?.close();
  await server?.close();
  t?.close();
});

const immSystem = siteRecordSystem(SITE.code, 'immunization');
const count = (sql: string, ...args: unknown[]) => t.station.services.store.db.prepare(sql).pluck().get(...args) as number;
const noWait = { sleep: async () => {}, retry: { baseMs: 1, capMs: 2 } };

function identifiersOnServer(type: string, system: string): string[] {
  return server.store.all(type).flatMap((s) => (s.resource.identifier as { system: string; value: string }[]).filter((i) => i.system === system).map((i) => i.value));
}

describe('uploading the outbox to a FHIR R4 platform', () => {
  it('sends every dose once, each citizen as one Patient, everything valid R4, in transactions', async () => {
    const uploader = await start();
    const week = seedOfflineWeek(t.station.services.store, { doses: 300, people: 200 });
    const round = await uploader.round({ trigger: 'manual', ...noWait });
    expect(round).toMatchObject({ outcome: 'done', mode: 'transaction', sent: 300, rejected: 0, remaining: 0 });
    const ids = identifiersOnServer('Immunization', immSystem);
    expect(ids).toHaveLength(300);
    expect(new Set(ids).size).toBe(300);
    expect(server.store.count('Patient')).toBe(200);
    expect(server.store.count('Location')).toBe(1);
    expect(count(`SELECT count(*) FROM outbox WHERE state <> 'sent'`)).toBe(0);
    // A citizen with two doses: both point at the same Patient.
    const twice = week.citizenIds[0]!;
    const cccd = count(`SELECT id_number FROM citizen WHERE id = ?`, twice) as unknown as string;
    const [patientId] = server.store.find('Patient', SYSTEM.cccd, cccd);
    const theirs = server.store.all('Immunization').filter((s) => (s.resource.patient as { reference: string }).reference === `Patient/${patientId}`);
    expect(theirs.map((s) => (s.resource.protocolApplied as { doseNumberPositiveInt: number }[])[0]!.doseNumberPositiveInt).sort()).toEqual([1, 2]);
  });

  it('sends nothing twice when the same rows go again (an answer lost after the platform processed it)', async () => {
    const uploader = await start();
    seedOfflineWeek(t.station.services.store, { doses: 50, people: 30 });
    await uploader.round({ trigger: 'manual', ...noWait });
    // As if no acknowledgement had been recorded: every row pending again.
    t.station.services.store.db.prepare(`UPDATE outbox SET state = 'pending', sent_at = NULL`).run();
    const again = await uploader.round({ trigger: 'manual', ...noWait });
    expect(again.sent).toBe(50);
    expect(server.store.count('Immunization')).toBe(50);
    expect(server.store.count('Patient')).toBe(30);
  });

  it('isolates a refused dose and sends the rest; the reason is kept; a correction goes instead', async () => {
    const uploader = await start({ rules: { unknownLots: new Set(['BAD-LOT']) } });
    seedOfflineWeek(t.station.services.store, { doses: 120, people: 60, lotNumbers: (day) => (day === 1 ? 'BAD-LOT' : 'FK5127') });
    const round = await uploader.round({ trigger: 'manual', ...noWait });
    expect(round.sent).toBe(60);
    expect(round.rejected).toBe(60);
    const rejected = t.station.services.store.q.outbox.rejected();
    expect(rejected).toHaveLength(60);
    const reason = JSON.parse(rejected[0]!.rejectionJson!) as { status: number; issueCode: string; detailCode: string; text: string };
    expect(reason).toMatchObject({ status: 422, issueCode: 'business-rule', detailCode: 'UNKNOWN_LOT' });
    expect(reason.text).toContain('BAD-LOT');
    expect(server.store.count('Immunization')).toBe(60);
  });

  it('works with a server that only does batches: patients first, then doses pointing at them', async () => {
    const uploader = await start({ batchOnly: true });
    seedOfflineWeek(t.station.services.store, { doses: 200, people: 150 });
    const round = await uploader.round({ trigger: 'manual', ...noWait });
    expect(round).toMatchObject({ outcome: 'done', mode: 'batch', sent: 200, rejected: 0 });
    expect(new Set(identifiersOnServer('Immunization', immSystem)).size).toBe(200);
    expect(server.store.count('Immunization')).toBe(200);
    expect(server.store.count('Patient')).toBe(150);
  });

  it('holds a kind it cannot translate, with the reason, and sends everything behind it', async () => {
    const uploader = await start();
    const store = t.station.services.store;
    store.write(null, (w) => w.enqueue({ kind: 'stock.counted', entityId: 'count-1', subjectId: null, payload: { vials: 12 } }));
    seedOfflineWeek(store, { doses: 20, people: 20 });
    const round = await uploader.round({ trigger: 'manual', ...noWait });
    expect(round).toMatchObject({ sent: 20, held: 1, remaining: 1 });
    const [held] = store.q.outbox.heldReasons();
    expect(held).toMatchObject({ kind: 'stock.counted', n: 1 });
    expect(held!.reason).toMatch(/no translator for kind "stock.counted"/);
  });

  it('sends less at a time when the platform says 413, and still sends everything', async () => {
    const uploader = await start({ maxBodyBytes: 60_000 });
    seedOfflineWeek(t.station.services.store, { doses: 150, people: 150 });
    const round = await uploader.round({ trigger: 'manual', ...noWait });
    expect(round).toMatchObject({ outcome: 'done', sent: 150 });
    expect(server.counts.tooLarge).toBeGreaterThan(0);
    expect(server.store.count('Immunization')).toBe(150);
  });

  it('corrections go as conditional updates: a void becomes entered-in-error, a new version replaces the old', async () => {
    const uploader = await start();
    const week = seedOfflineWeek(t.station.services.store, { doses: 2, people: 2, leaveOpen: true });
    await uploader.round({ trigger: 'manual', ...noWait });
    const sup = t.desk();
    ok(await sup.auth.login({ username: 'giamsat', pin: '2468' }));
    ok(await sup.doses.void({ doseId: week.doseIds[0]!, reason: 'Ghi nhầm người' }));
    ok(await sup.doses.supersede({ doseId: week.doseIds[1]!, reason: 'Sai mũi thứ', doseNumber: 3, seriesDoses: 3 }));
    const round = await uploader.round({ trigger: 'manual', ...noWait });
    expect(round).toMatchObject({ sent: 2, rejected: 0 });
    const all = server.store.all('Immunization').map((s) => s.resource);
    expect(all).toHaveLength(2);
    expect(all.map((r) => r.status).sort()).toEqual(['completed', 'entered-in-error']);
    const corrected = all.find((r) => r.status === 'completed')!;
    expect((corrected.protocolApplied as { doseNumberPositiveInt: number }[])[0]!.doseNumberPositiveInt).toBe(3);
    expect(server.store.all('Immunization').every((s) => s.versionId === 2)).toBe(true);
  });
});
