import { afterEach, describe, expect, it } from 'vitest';
import { HttpPlatform } from '../../main/core/sync/http-platform';
import { Uploader } from '../../main/core/sync/uploader';
import { siteRecordSystem } from '../../main/domain/fhir';
import { COVID19_ADULT_V1 } from '../../main/domain/screening';
import { startFhirTestServer, type FhirTestServer } from '../support/fhir-server/http';
import { adultAnswers, AN, checkIn, openToday } from '../support/clinical-fixtures';
import { ok, setUpSite, SITE, startTestStation, type TestStation } from '../support/station';

/**
 * What the close of day queues reaches the platform: each revision of the
 * signed manifest as a DocumentReference (the later one replacing the one
 * before), and an adverse event's follow-up as the event's outcome.
 */
let t: TestStation;
let server: FhirTestServer;
let platform: HttpPlatform;
afterEach(async () => {
  await platform?.close();
  await server?.close();
  t?.close();
});

const noWait = { sleep: async () => {}, retry: { baseMs: 1, capMs: 2 } };

describe('uploading a closed day', () => {
  it('sends the signed manifest of each revision and the adverse event outcome, all valid R4, once each', async () => {
    t = startTestStation();
    const { sup, nurse } = await setUpSite(t);
    ok(await sup.certificates.createSigningKey({ passphrase: 'mật khẩu trạm tiêm 2026' }));
    const plan = await openToday(sup, '2026-03-10');
    const lot = plan.lots[0]!;
    ok(await nurse.vials.open({ lotId: lot.id }));
    const visit = checkIn(t.station, AN);
    ok(await nurse.screening.record({ visitId: visit.visitId, formId: COVID19_ADULT_V1.id, formVersion: COVID19_ADULT_V1.version, answers: adultAnswers({}, AN.sex) }));
    ok(await nurse.doses.record({ visitId: visit.visitId, lotId: lot.id }));
    t.clock.advanceMinutes(4);
    const aefi = ok(await nurse.aefi.record({ visitId: visit.visitId, symptoms: ['dizziness'], onsetAt: '2026-03-10T02:03:00Z', severity: 'mild', actionTaken: 'Cho nằm nghỉ, theo dõi mạch và huyết áp' }));
    const items = ok(await sup.closeOfDay.day({}))!.workList;
    ok(await sup.closeOfDay.close({ planId: plan.id, decisions: items.map((i) => ({ key: i.key, reason: 'Ghi nhận khi kết thúc buổi' })) }));
    // The next morning the citizen is called: recovered. On a closed day that is an amendment, and revision 2 of the manifest.
    t.clock.advanceMinutes(20 * 60);
    ok(await sup.auth.unlock({ pin: '2468' }));
    ok(await sup.aefi.followUp({ aefiId: aefi.id, outcome: 'recovered', note: 'Gọi điện: đã khỏe', reason: 'Theo dõi qua điện thoại sáng hôm sau' }));

    server = await startFhirTestServer();
    platform = new HttpPlatform({ baseUrl: server.url });
    const round = await new Uploader(t.station.services.store, platform).round({ trigger: 'manual', ...noWait });
    expect(round).toMatchObject({ outcome: 'done', rejected: 0, remaining: 0 });
    const db = t.station.services.store.db;
    expect(db.prepare(`SELECT count(*) FROM outbox WHERE state <> 'sent'`).pluck().get()).toBe(0);

    const manifests = server.store.all('DocumentReference').map((s) => s.resource);
    const system = siteRecordSystem(SITE.code, 'day-manifest');
    const ids = manifests.map((m) => (m.identifier as { system: string; value: string }[]).find((i) => i.system === system)!.value).sort();
    expect(ids).toEqual([`${plan.id}/1`, `${plan.id}/2`]);
    const stored = db.prepare(`SELECT revision, jws FROM day_manifest WHERE plan_id = ? ORDER BY revision`).all(plan.id) as { revision: number; jws: string }[];
    for (const m of manifests) {
      const revision = Number((m.identifier as { system: string; value: string }[]).find((i) => i.system === system)!.value.split('/')[1]);
      const jws = Buffer.from((m.content as { attachment: { data: string } }[])[0]!.attachment.data, 'base64').toString();
      expect(jws).toBe(stored.find((s) => s.revision === revision)!.jws);
    }

    const events = server.store.all('AdverseEvent');
    expect(events).toHaveLength(1);
    expect((events[0]!.resource.outcome as { coding: { code: string }[] }).coding[0]!.code).toBe('resolved');
  });
});
