import { afterEach, describe, expect, it } from 'vitest';
import { startFhirTestServer, type FhirTestServer } from '../support/fhir-server/http';
import { seedOfflineWeek } from '../support/sync-fixtures';
import { errorCode, ok, setUpSite, startTestStation, type TestStation } from '../support/station';

/**
 * The platform connection as a supervisor sets it: OAuth2 client credentials
 * sealed at rest like the signing key (locked again after a restart until the
 * passphrase opens them), a test that says what is wrong, and the health
 * alerts every supervisor desk shows.
 */
let t: TestStation;
let server: FhirTestServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
  t?.close();
});

const PASSPHRASE = 'mat khau dong bo 2026';

describe('the platform connection', () => {
  it('authenticates with OAuth2 client credentials whose secret is sealed; after a restart it is locked until unlocked', async () => {
    t = startTestStation();
    const { sup } = await setUpSite(t);
    server = await startFhirTestServer({ oauth: { clientId: 'tyt-79-26734', clientSecret: 's3cret-from-the-ministry' } });
    const view = ok(
      await sup.sync.saveConnection({ baseUrl: server.url, auth: 'oauth2', tokenUrl: `${server.url}oauth2/token`, clientId: 'tyt-79-26734', clientSecret: 's3cret-from-the-ministry', passphrase: PASSPHRASE }),
    );
    expect(view).toMatchObject({ configured: true, unlocked: true, secrets: { clientSecret: true }, protection: { os: false, passphrase: true } });
    // Sealed: the secret is nowhere in the database in clear.
    const stored = t.station.services.store.db.prepare(`SELECT * FROM sync_connection`).get();
    expect(JSON.stringify(stored)).not.toContain('s3cret-from-the-ministry');
    expect(JSON.stringify(t.station.services.store.db.prepare(`SELECT after_json FROM audit_log WHERE operation = 'sync:saveConnection'`).all())).not.toContain('s3cret');

    expect(ok(await sup.sync.testConnection({}))).toMatchObject({ ok: true, transactions: true });
    seedOfflineWeek(t.station.services.store, { doses: 3, people: 3 });
    expect(await t.station.services.sync.upload('manual')).toMatchObject({ outcome: 'done', sent: 3 });

    t.restart();
    const again = t.desk();
    ok(await again.auth.login({ username: 'giamsat', pin: '2468' }));
    expect(ok(await again.sync.status({})).connection).toBe('locked');
    expect(errorCode(await again.sync.uploadNow({}))).toBe('SYNC_LOCKED');
    expect(errorCode(await again.sync.unlock({ passphrase: 'not the passphrase' }))).toBe('SYNC_PASSPHRASE_WRONG');
    expect(ok(await again.sync.unlock({ passphrase: PASSPHRASE })).unlocked).toBe(true);
    expect(ok(await again.sync.testConnection({}))).toMatchObject({ ok: true });
  });

  it('says plainly when the platform refuses the credentials or cannot be reached', async () => {
    t = startTestStation();
    const { sup } = await setUpSite(t);
    server = await startFhirTestServer({ oauth: { clientId: 'tyt-79-26734', clientSecret: 'right' } });
    ok(await sup.sync.saveConnection({ baseUrl: server.url, auth: 'oauth2', tokenUrl: `${server.url}oauth2/token`, clientId: 'tyt-79-26734', clientSecret: 'wrong', passphrase: PASSPHRASE }));
    const refused = ok(await sup.sync.testConnection({}));
    expect(refused).toMatchObject({ ok: false, code: 'SYNC_AUTH_FAILED' });
    expect(refused.message).toContain('invalid_client');
    const url = server.url;
    await server.close();
    server = null;
    ok(await sup.sync.saveConnection({ baseUrl: url, auth: 'none' }));
    expect(ok(await sup.sync.testConnection({}))).toMatchObject({ ok: false, code: 'SYNC_OFFLINE' });
  });

  it('refuses incomplete or unsafe settings with specific codes, changing nothing', async () => {
    t = startTestStation();
    const { sup, nurse } = await setUpSite(t);
    expect(errorCode(await sup.sync.saveConnection({ baseUrl: 'ftp://x', auth: 'none' }))).toBe('SYNC_URL_INVALID');
    expect(errorCode(await sup.sync.saveConnection({ baseUrl: 'not a url', auth: 'none' }))).toBe('SYNC_URL_INVALID');
    expect(errorCode(await sup.sync.saveConnection({ baseUrl: 'https://platform.example.vn/fhir', auth: 'none' }))).toBe('SYNC_AUTH_REQUIRED');
    expect(errorCode(await sup.sync.saveConnection({ baseUrl: 'https://platform.example.vn/fhir', auth: 'oauth2', clientId: 'x' }))).toBe('SYNC_CREDENTIALS_INCOMPLETE');
    expect(errorCode(await sup.sync.saveConnection({ baseUrl: 'https://platform.example.vn/fhir', auth: 'mtls', clientCertificatePem: 'x' }))).toBe('SYNC_CREDENTIALS_INCOMPLETE');
    expect(
      errorCode(await sup.sync.saveConnection({ baseUrl: 'https://platform.example.vn/fhir', auth: 'oauth2', tokenUrl: 'https://platform.example.vn/token', clientId: 'x', clientSecret: 'y' })),
    ).toBe('SYNC_PASSPHRASE_REQUIRED');
    expect(errorCode(await nurse.sync.saveConnection({ baseUrl: 'http://127.0.0.1:1/', auth: 'none' }))).toBe('FORBIDDEN_ROLE');
    expect(ok(await sup.sync.getConnection({})).configured).toBe(false);
    expect(ok(await nurse.sync.status({})).connection).toBe('not_configured');
  });
});

describe('sync health', () => {
  it('alerts when nothing has gone for 24 h while records wait, and when a rejection is older than 48 h', async () => {
    t = startTestStation();
    const { sup } = await setUpSite(t);
    server = await startFhirTestServer({ rules: { unknownLots: new Set(['BAD']) } });
    ok(await sup.sync.saveConnection({ baseUrl: server.url, auth: 'none' }));
    seedOfflineWeek(t.station.services.store, { doses: 2, people: 2, lotNumbers: () => 'BAD' });
    expect(t.station.services.sync.status().alerts).toEqual([]);
    t.clock.advanceMinutes(25 * 60);
    expect(t.station.services.sync.status().alerts).toEqual([expect.objectContaining({ code: 'nothing_uploaded_24h', count: 2 })]);
    await t.station.services.sync.upload('manual');
    expect(t.station.services.sync.status().alerts).toEqual([]);
    t.clock.advanceMinutes(49 * 60);
    expect(t.station.services.sync.status().alerts).toEqual([expect.objectContaining({ code: 'rejection_48h', count: 2 })]);
    const later = t.desk();
    ok(await later.auth.login({ username: 'giamsat', pin: '2468' }));
    const [first] = ok(await later.sync.rejections({}));
    ok(await later.sync.escalate({ seq: first!.seq, note: 'Lô này do tuyến tỉnh cấp, chờ đăng ký' }));
    expect(ok(await later.sync.rejections({})).find((r) => r.seq === first!.seq)).toMatchObject({ state: 'escalated', resolvedBy: 'Trần Thị Giám Sát' });
  });
});
