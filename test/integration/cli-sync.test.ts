import { afterEach, describe, expect, it } from 'vitest';
import { runStationCli } from '../../main/cli/station';
import type { CommandIo } from '../../main/cli/command';
import { startFhirTestServer, type FhirTestServer } from '../support/fhir-server/http';
import { seedOfflineWeek } from '../support/sync-fixtures';
import { ok, setUpSite, startTestStation, type TestStation } from '../support/station';

/** `npm run station -- sync --db FILE [--endpoint URL]`: the same engine, headless, for support staff and automation. */
let t: TestStation;
let server: FhirTestServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
  t?.close();
});

function cli(env: NodeJS.ProcessEnv = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CommandIo = { out: (l) => out.push(l), err: (l) => err.push(l), lang: 'en', env: { STATION_SYNC_RETRY_BASE_MS: '1', STATION_SYNC_RETRY_CAP_MS: '5', ...env } };
  return { io, out, err };
}

async function stationWithDoses(doses: number) {
  t = startTestStation();
  await setUpSite(t);
  seedOfflineWeek(t.station.services.store, { doses, people: doses });
  // The command opens the file itself, as it would beside (or instead of) a running station.
  t.station.close();
}

describe('npm run station -- sync', () => {
  it('uploads everything pending to --endpoint (loopback, no credentials) and exits 0', async () => {
    await stationWithDoses(40);
    server = await startFhirTestServer();
    const { io, out } = cli();
    expect(await runStationCli(['sync', '--db', t.file, '--endpoint', server.url], io)).toBe(0);
    const text = out.join('\n');
    expect(text).toContain('Sent: 40');
    expect(text).toContain('Still pending: 0');
    expect(server.store.count('Immunization')).toBe(40);
    t.restart();
  });

  it('exits 1 and says why when the platform cannot be reached; the doses stay pending', async () => {
    await stationWithDoses(5);
    server = await startFhirTestServer();
    const url = server.url;
    await server.close();
    server = null;
    const { io, out } = cli({ STATION_SYNC_TIMEOUT_MS: '500' });
    expect(await runStationCli(['sync', '--db', t.file, '--endpoint', url, '--json'], io)).toBe(1);
    const report = JSON.parse(out.join('\n')) as { pending: number; sent: number; problem: { code: string; message: string } };
    expect(report).toMatchObject({ pending: 5, sent: 0, problem: { code: 'SYNC_OFFLINE' } });
    expect(report.problem.message).toMatch(/connection refused/);
    t.restart();
  });

  it('uses the configured platform when no --endpoint is given, and refuses plain HTTP outside loopback', async () => {
    await stationWithDoses(3);
    server = await startFhirTestServer();
    t.restart();
    const sup = t.desk();
    ok(await sup.auth.login({ username: 'giamsat', pin: '2468' }));
    const refused = await sup.sync.saveConnection({ baseUrl: 'http://platform.example.vn/fhir', auth: 'none' });
    expect(!refused.ok && refused.error.code).toBe('SYNC_HTTPS_REQUIRED');
    ok(await sup.sync.saveConnection({ baseUrl: server.url, auth: 'none' }));
    t.station.close();
    const { io, out } = cli();
    expect(await runStationCli(['sync', '--db', t.file], io)).toBe(0);
    expect(out.join('\n')).toContain('Sent: 3');
    t.restart();
  });

  it('exits 1 while a kind it cannot translate is held, naming it', async () => {
    await stationWithDoses(2);
    t.restart();
    t.station.services.store.write(null, (w) => w.enqueue({ kind: 'stock.counted', entityId: 'count-1', subjectId: null, payload: {} }));
    t.station.close();
    server = await startFhirTestServer();
    const { io, out } = cli();
    expect(await runStationCli(['sync', '--db', t.file, '--endpoint', server.url], io)).toBe(1);
    expect(out.join('\n')).toMatch(/Held back: 1[\s\S]*stock\.counted × 1: no translator/);
    t.restart();
  });
});
