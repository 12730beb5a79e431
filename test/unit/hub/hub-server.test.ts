import { request } from 'node:https';
import { connect } from 'node:tls';
import WebSocket from 'ws';
import { afterEach, describe, expect, it } from 'vitest';
import { pairWithHub, hubSocketOpener, type DeskPairing } from '../../../main/desk/hub-pairing';
import { pinnedTlsOptions, readHubCertificate } from '../../../main/desk/pinned-tls';
import { CallRate } from '../../../main/transport/call-rate';
import { deskWindow, pairTestDesk, startTestHub } from '../../support/hub';
import { ok, setUpSite, startTestStation, type TestStation } from '../../support/station';

let t: TestStation;
let stop: (() => Promise<void>) | null = null;
afterEach(async () => {
  await stop?.();
  stop = null;
  t?.close();
});

async function hubSite() {
  t = startTestStation();
  const { sup, nurse } = await setUpSite(t);
  const hub = await startTestHub(t, sup);
  stop = () => hub.host.stop();
  const cert = await readHubCertificate({ host: '127.0.0.1', port: hub.port });
  return { sup, nurse, hub, pin: { fingerprint: hub.fingerprint, certificatePem: cert.pem } };
}

function https(port: number, pin: { fingerprint: string; certificatePem: string }, path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; body: string; headers: Record<string, unknown> }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: options.headers, ...pinnedTlsOptions(pin) }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const pairBody = (code: string) => JSON.stringify({ code, deskName: 'Bàn lạ', client: 'app' });
const audit = (op: string) => t.station.services.store.db.prepare('SELECT count(*) FROM audit_log WHERE operation = ?').pluck().get(op) as number;

function openRaw(port: number, pairing: DeskPairing | null, pin: { fingerprint: string; certificatePem: string }, origin = `https://127.0.0.1:${port}`) {
  return new WebSocket(`wss://127.0.0.1:${port}/desk?window=window-raw-1`, {
    ...pinnedTlsOptions(pin),
    origin,
    headers: pairing ? { cookie: `station_desk=${pairing.credential}` } : {},
  });
}

describe('the hub on the LAN', () => {
  it('speaks TLS 1.2 or later only', async () => {
    const { hub } = await hubSite();
    const tryVersion = (maxVersion: 'TLSv1.1' | 'TLSv1.2') =>
      new Promise<string>((resolve) => {
        const s = connect({ host: '127.0.0.1', port: hub.port, maxVersion, minVersion: 'TLSv1', ciphers: 'DEFAULT@SECLEVEL=0', rejectUnauthorized: false });
        s.once('secureConnect', () => {
          resolve(s.getProtocol() ?? '?');
          s.end();
        });
        s.once('error', () => resolve('refused'));
      });
    expect(await tryVersion('TLSv1.1')).toBe('refused');
    expect(await tryVersion('TLSv1.2')).toBe('TLSv1.2');
  });

  it('serves the UI to anyone, but only under its own names, and nothing else without a credential', async () => {
    const { hub, pin } = await hubSite();
    const page = await https(hub.port, pin, '/', { headers: { host: `127.0.0.1:${hub.port}` } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<script src="./hub-preload.js"></script>');
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    expect((await https(hub.port, pin, '/', { headers: { host: `evil.example:${hub.port}` } })).status).toBe(421);
    expect((await https(hub.port, pin, '/', { method: 'POST', headers: { host: `127.0.0.1:${hub.port}` } })).status).toBe(405);
    // A socket from another origin is refused at the upgrade; without a credential it is closed with "not paired".
    const foreign = openRaw(hub.port, null, pin, 'https://evil.example');
    expect(await new Promise((r) => foreign.once('unexpected-response', (_q, res) => r(res.statusCode)))).toBe(403);
    const anonymous = openRaw(hub.port, null, pin);
    expect(await new Promise((r) => anonymous.once('close', (code) => r(code)))).toBe(4401);
    expect(audit('hub:refused:unknown-desk')).toBe(1);
  });

  it('pairs only with the code shown, once, and holds back an address guessing codes', async () => {
    const { sup, hub, pin } = await hubSite();
    const headers = { host: `127.0.0.1:${hub.port}`, origin: `https://127.0.0.1:${hub.port}`, 'content-type': 'application/json' };
    const closed = JSON.parse((await https(hub.port, pin, '/pair', { method: 'POST', headers, body: pairBody('123456') })).body);
    expect(closed).toMatchObject({ ok: false, error: { code: 'PAIRING_CLOSED' } });
    const shown = ok(await sup.hub.startPairing({ roles: ['nurse'] })).pairing!;
    expect(shown.link).toBe(`https://127.0.0.1:${hub.port}/#pair=${shown.code}&fp=${hub.fingerprint}`);
    expect(shown.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    const wrong = String((Number(shown.code) + 1) % 1_000_000).padStart(6, '0');
    const first = JSON.parse((await https(hub.port, pin, '/pair', { method: 'POST', headers, body: pairBody(wrong) })).body);
    expect(first).toMatchObject({ ok: false, error: { code: 'PAIRING_CODE_WRONG', params: { triesLeft: 4 } } });
    // A page of another origin cannot post a code.
    expect((await https(hub.port, pin, '/pair', { method: 'POST', headers: { ...headers, origin: 'https://evil.example' }, body: pairBody(shown.code) })).status).toBe(403);
    const paired = await pairWithHub({ address: `127.0.0.1:${hub.port}`, fingerprint: hub.fingerprint, code: shown.code, deskName: 'Bàn tiêm 1' });
    expect(paired.deskName).toBe('Bàn tiêm 1');
    // The code is spent: the next desk needs the next one.
    await expect(pairWithHub({ address: `127.0.0.1:${hub.port}`, fingerprint: hub.fingerprint, code: shown.code, deskName: 'Bàn tiêm 2' })).rejects.toMatchObject({ code: 'PAIRING_CODE_WRONG' });
    for (let i = 0; i < 3; i++) await https(hub.port, pin, '/pair', { method: 'POST', headers, body: pairBody(wrong) });
    const held = JSON.parse((await https(hub.port, pin, '/pair', { method: 'POST', headers, body: pairBody(ok(await sup.hub.status({})).pairing!.code) })).body);
    expect(held).toMatchObject({ ok: false, error: { code: 'PAIRING_TOO_MANY_TRIES' } });
    expect(audit('hub:pair')).toBe(1);
    expect(audit('hub:refused:pairing')).toBeGreaterThanOrEqual(2);
  });

  it('sends no code to a machine whose certificate is not the one shown', async () => {
    const { sup, hub } = await hubSite();
    const shown = ok(await sup.hub.startPairing({ roles: ['nurse'] })).pairing!;
    const other = hub.fingerprint.replace(/^../, hub.fingerprint.startsWith('00') ? '11' : '00');
    await expect(pairWithHub({ address: `127.0.0.1:${hub.port}`, fingerprint: other, code: shown.code, deskName: 'Bàn tiêm 1' })).rejects.toMatchObject({ code: 'HUB_FINGERPRINT_MISMATCH' });
    // The code was never presented: it still works for the real hub.
    await pairWithHub({ address: `127.0.0.1:${hub.port}`, fingerprint: hub.fingerprint, code: shown.code, deskName: 'Bàn tiêm 1' });
  });

  it("applies a desk's role limits on every call, changed while someone is signed in", async () => {
    const { sup, hub } = await hubSite();
    const pairing = await pairTestDesk(sup, hub, 'Bàn giám sát', ['nurse', 'supervisor']);
    const desk = deskWindow(pairing);
    ok(await desk.api.auth.login({ username: 'giamsat', pin: '2468' }));
    ok(await desk.api.hub.desks({}));
    ok(await sup.hub.updateDesk({ id: pairing.deskId, roles: ['nurse'] }));
    expect(await desk.api.plan.list({})).toMatchObject({ ok: false, error: { code: 'DESK_ROLE_NOT_ALLOWED' } });
    // Signing out still works, and a nurse may sign in.
    ok(await desk.api.auth.logout({}));
    ok(await desk.api.auth.login({ username: 'yta1', pin: '1357' }));
    ok(await desk.api.queue.list({}));
    expect(await desk.api.hub.desks({})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_ROLE' } });
    desk.transport.close();
  });

  it('sends events only to desks someone is signed in at, the database health to all', async () => {
    const { sup, hub } = await hubSite();
    const pairing = await pairTestDesk(sup, hub, 'Bàn đón tiếp');
    const signedIn = deskWindow(pairing);
    const idle = deskWindow(pairing);
    ok(await signedIn.api.auth.login({ username: 'yta1', pin: '1357' }));
    ok(await idle.api.desk.link({}));
    const heard = { signedIn: [] as string[], idle: [] as string[] };
    signedIn.transport.subscribe((e) => heard.signedIn.push(e));
    idle.transport.subscribe((e) => heard.idle.push(e));
    const plan = ok(await sup.plan.create({ sessionDate: '2026-03-10', period: 'morning', location: 'Hội trường', plannedCapacity: 50, targetGroups: [] }));
    ok(await sup.plan.addLot({ planId: plan.id, productCode: 'comirnaty', lotNumber: 'FK5127', expiryDate: '2026-06-01', vialsReceived: 5 }));
    ok(await signedIn.api.queue.list({}));
    await new Promise((r) => setTimeout(r, 50));
    expect(heard.signedIn).toContain('plan:changed');
    expect(heard.idle).not.toContain('plan:changed');
    signedIn.transport.close();
    idle.transport.close();
  });

  it('one more window than a desk may open is refused; a rate of calls waits rather than fails', async () => {
    const { sup, hub, pin } = await hubSite();
    const pairing = await pairTestDesk(sup, hub, 'Bàn tiêm');
    const windows = [1, 2, 3, 4].map(() => deskWindow(pairing));
    for (const w of windows) ok(await w.api.desk.link({}));
    const fifth = openRaw(hub.port, pairing, pin);
    expect(await new Promise((r) => fifth.once('close', (code) => r(code)))).toBe(4429);
    for (const w of windows) w.transport.close();
    let now = 0;
    const rate = new CallRate(10, 2, () => now);
    expect([rate.take(), rate.take(), rate.take()]).toEqual([0, 0, 100]);
    now = 100;
    expect(rate.take()).toBe(0);
  });

  it('keeps a window signed in across a lost connection, not across a closed one', async () => {
    const { sup, hub } = await hubSite();
    const pairing = await pairTestDesk(sup, hub, 'Bàn khám');
    const open = hubSocketOpener(pairing);
    let socket: WebSocket | null = null;
    const w = deskWindow(pairing, { open: (q) => (socket = open(q) as unknown as WebSocket) as never, backoffMs: [10] });
    ok(await w.api.auth.login({ username: 'yta1', pin: '1357' }));
    (socket as unknown as WebSocket).terminate();
    await new Promise((r) => setTimeout(r, 100));
    for (let i = 0; i < 50 && w.transport.status().state !== 'online'; i++) await new Promise((r) => setTimeout(r, 20));
    expect(ok(await w.api.auth.whoami({})).staff?.username).toBe('yta1');
    w.transport.close();
    await new Promise((r) => setTimeout(r, 50));
    expect(hub.host.running()!.windows()).toEqual([]);
  });

  it('cuts a desk that stopped answering, and keeps serving the others meanwhile', async () => {
    t = startTestStation();
    const { sup } = await setUpSite(t);
    const hub = await startTestHub(t, sup, { limits: { heartbeatMs: 50 } });
    stop = () => hub.host.stop();
    const cert = await readHubCertificate({ host: '127.0.0.1', port: hub.port });
    const pin = { fingerprint: hub.fingerprint, certificatePem: cert.pem };
    const pairing = await pairTestDesk(sup, hub, 'Bàn treo');
    // A desk whose machine froze: its socket stays open but it answers no ping and reads nothing.
    const frozen = new WebSocket(`wss://127.0.0.1:${hub.port}/desk?window=window-frozen`, {
      ...pinnedTlsOptions(pin),
      origin: `https://127.0.0.1:${hub.port}`,
      headers: { cookie: `station_desk=${pairing.credential}` },
      autoPong: false,
    });
    await new Promise((r) => frozen.once('open', r));
    // Listened for at once: with a 50 ms heartbeat the cut can come while the other desk is still pairing.
    const closed = new Promise<number>((r) => frozen.once('close', (code) => r(code)));
    const other = deskWindow(await pairTestDesk(sup, hub, 'Bàn khác'));
    ok(await other.api.auth.login({ username: 'yta1', pin: '1357' }));
    const cut = await closed;
    expect(cut).toBe(1006);
    ok(await other.api.queue.list({}));
    expect(hub.host.running()!.connectedWindows(pairing.deskId)).toBe(0);
    other.transport.close();
  });
});
