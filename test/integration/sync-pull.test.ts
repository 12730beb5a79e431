import { afterEach, describe, expect, it } from 'vitest';
import { HttpPlatform } from '../../main/core/sync/http-platform';
import { CORRECTED_TAG, EXTENSION, SYSTEM } from '../../main/domain/fhir';
import { addDays } from '../../main/domain/site-time';
import { seedCitizen, TWO_DOSES } from '../support/certificate-fixtures';
import { startFhirTestServer, type FhirTestServer } from '../support/fhir-server/http';
import { seedOfflineWeek } from '../support/sync-fixtures';
import { ok, setUpSite, SITE, startTestStation, type TestStation } from '../support/station';

/**
 * After each upload the station pulls what the platform has for it: national
 * certificates for its doses (replacing the provisional ones), corrections the
 * platform made to its records, and target lists for its sessions, each with
 * a cursor so a pull fetches only what is new.
 */
let t: TestStation;
let server: FhirTestServer;
let platform: HttpPlatform;
afterEach(async () => {
  await platform?.close();
  await server?.close();
  t?.close();
});

async function start() {
  t = startTestStation();
  const desks = await setUpSite(t);
  server = await startFhirTestServer({ nationalSigner: true, now: () => t.clock.now() });
  platform = new HttpPlatform({ baseUrl: server.url });
  return desks;
}
const round = () => t.station.services.sync.upload('manual', platform);

describe('pulling from the national platform', () => {
  it('takes back the national certificate for an uploaded provisional one; it replaces the provisional one', async () => {
    const { sup } = await start();
    ok(await sup.certificates.createSigningKey({ passphrase: 'station passphrase 2026' }));
    ok(await sup.certificates.addTrusted({ certificate: server.national!.certificatePem, label: 'Bộ Y tế' }));
    const citizen = seedCitizen(t, { fullName: 'Nguyễn Thị Ánh Tuyết', dateOfBirth: '1990-05-17', idNumber: '001190012345' }, TWO_DOSES);
    const provisional = ok(await sup.certificates.issueForCitizen({ citizenId: citizen.citizenId }));
    expect(provisional.provisional).toBe(true);

    const first = await round();
    expect(first).toMatchObject({ outcome: 'done', sent: 1 });
    const after = ok(await sup.certificates.forCitizen({ citizenId: citizen.citizenId }));
    const current = after.certificates.find((c) => c.id === after.currentId)!;
    expect(current).toMatchObject({ national: true, provisional: false, status: 'active' });
    expect(after.certificates.find((c) => c.id === provisional.id)!.status).toBe('superseded');
    expect(t.station.services.sync.rounds(1)[0]!.pulled).toBe(1);

    // The cursor: nothing new, nothing received again.
    await round();
    expect(t.station.services.sync.rounds(1)[0]!.pulled).toBe(0);
  });

  it('keeps a certificate from a signer it does not trust waiting with the reason, and takes it once trusted', async () => {
    const { sup } = await start();
    ok(await sup.certificates.createSigningKey({ passphrase: 'station passphrase 2026' }));
    const citizen = seedCitizen(t, { fullName: 'Trần Văn Bình', dateOfBirth: '1985-01-02', idNumber: '079085001122' }, TWO_DOSES);
    ok(await sup.certificates.issueForCitizen({ citizenId: citizen.citizenId }));
    await round();
    const failed = t.station.services.store.q.sync.failedInbox(10);
    expect(failed).toHaveLength(1);
    expect(failed[0]!.integrationError).toMatch(/^DCC_KID_UNKNOWN/);
    ok(await sup.certificates.addTrusted({ certificate: server.national!.certificatePem }));
    await round();
    const after = ok(await sup.certificates.forCitizen({ citizenId: citizen.citizenId }));
    expect(after.certificates.find((c) => c.id === after.currentId)!.national).toBe(true);
  });

  it("applies the platform's correction to a dose as a new version, without sending it back", async () => {
    await start();
    const week = seedOfflineWeek(t.station.services.store, { doses: 3, people: 3, leaveOpen: true });
    await round();
    const target = server.store.all('Immunization')[0]!;
    const recordId = (target.resource.identifier as { value: string }[])[0]!.value;
    server.publish({ ...target.resource, lotNumber: 'FK5128', meta: { tag: [{ ...CORRECTED_TAG }] } }, target.resource.id);
    await round();
    const versions = t.station.services.store.db.prepare(`SELECT version, lot_number AS lot, status FROM dose WHERE record_id = ? ORDER BY version`).all(recordId);
    expect(versions).toEqual([
      { version: 1, lot: 'FK5127', status: 'superseded' },
      { version: 2, lot: 'FK5128', status: 'valid' },
    ]);
    expect(t.station.services.store.db.prepare(`SELECT count(*) FROM outbox`).pluck().get()).toBe(week.doseIds.length);
  });

  it("keeps the platform's correction to a closed day's dose in the inbox, saying a supervisor amends it", async () => {
    await start();
    seedOfflineWeek(t.station.services.store, { doses: 3, people: 3 });
    await round();
    const target = server.store.all('Immunization')[0]!;
    const recordId = (target.resource.identifier as { value: string }[])[0]!.value;
    server.publish({ ...target.resource, lotNumber: 'FK5128', meta: { tag: [{ ...CORRECTED_TAG }] } }, target.resource.id);
    await round();
    const db = t.station.services.store.db;
    expect(db.prepare(`SELECT version, lot_number AS lot, status FROM dose WHERE record_id = ?`).all(recordId)).toEqual([{ version: 1, lot: 'FK5127', status: 'valid' }]);
    const kept = db.prepare(`SELECT state, integration_error AS error FROM sync_inbox WHERE state NOT IN ('integrated', 'ignored')`).all() as { state: string; error: string }[];
    expect(kept).toHaveLength(1);
    expect(kept[0]!.error).toMatch(/is closed: a supervisor makes this correction as an amendment/);
  });

  it("adds a session's target list the platform allocated to the site", async () => {
    const { sup } = await start();
    const tomorrow = addDays('2026-03-10', 1);
    const plan = ok(await sup.plan.create({ sessionDate: tomorrow, period: 'morning', location: 'Hội trường', plannedCapacity: 100, targetGroups: [] }));
    server.publish({
      resourceType: 'Group',
      type: 'person',
      actual: true,
      managingEntity: { identifier: { system: SYSTEM.site, value: SITE.code } },
      characteristic: [{ code: { text: 'session' }, valueBoolean: true, exclude: false, period: { start: tomorrow, end: tomorrow } }],
      extension: [{ url: EXTENSION.sessionPeriod, valueCode: 'morning' }],
      contained: [
        { resourceType: 'Patient', id: 'p1', identifier: [{ system: SYSTEM.cccd, value: '001094123456' }], name: [{ text: 'Nguyễn Văn An' }], birthDate: '1994-03-15', gender: 'male' },
        { resourceType: 'Patient', id: 'p2', identifier: [{ system: SYSTEM.cccd, value: '079190654321' }], name: [{ text: 'Trần Thị Bích' }], birthDate: '1990-09-02', gender: 'female' },
      ],
      member: [
        { entity: { reference: '#p1' }, extension: [{ url: EXTENSION.targetGroup, valueCode: 'elderly_65_plus' }] },
        { entity: { reference: '#p2' } },
      ],
    });
    await round();
    const list = ok(await sup.targets.list({ planId: plan.id, limit: 10, offset: 0 }));
    expect(list.total).toBe(2);
    expect(list.rows.map((r) => r.fullName).sort()).toEqual(['Nguyễn Văn An', 'Trần Thị Bích']);
  });
});
