import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startWebServer, type RunningWebServer } from '../../../main/web/server';
import { startTestStation, type TestStation } from '../../support/station';

let t: TestStation;
let server: RunningWebServer;
afterEach(async () => {
  await server?.close();
  t?.close();
});

async function start() {
  t = startTestStation();
  const rendererDir = join(t.dir, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><html><head><title>x</title></head><body></body></html>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(t.dir, 'web-preload.js'), '/* preload */');
  server = await startWebServer({ station: t.station, rendererDir, webPreloadFile: join(t.dir, 'web-preload.js') });
}

function get(path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, headers }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

async function cookie(): Promise<string> {
  const r = await get(`/?token=${server.token}`);
  return String(r.headers['set-cookie']).split(';')[0]!;
}

function connect(headers: Record<string, string>): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/station`, { headers });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`refused ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

function call(ws: WebSocket, id: number, op: string, req: unknown): Promise<{ ok: boolean; value?: unknown; error?: { code: string } }> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const msg = JSON.parse(data.toString());
      if (msg.type === 'result' && msg.id === id) {
        ws.off('message', onMessage);
        resolve(msg.result);
      }
    };
    ws.on('message', onMessage);
    ws.send(JSON.stringify({ type: 'call', id, op, request: req }));
  });
}

describe('browser mode server', () => {
  it('listens on loopback only and serves nothing without the launch token', async () => {
    await start();
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await get('/')).status).toBe(401);
    expect((await get('/assets/app.js')).status).toBe(401);
    expect((await get('/?token=guess')).status).toBe(403);
  });

  it('trades the token for an HttpOnly SameSite cookie, then serves the UI with the browser transport and a strict CSP', async () => {
    await start();
    const first = await get(`/?token=${server.token}`);
    expect(first.status).toBe(303);
    expect(String(first.headers['set-cookie'])).toMatch(/HttpOnly; SameSite=Strict/);
    const c = String(first.headers['set-cookie']).split(';')[0]!;
    // The cookie is a session of its own, never the token from the link.
    expect(c).not.toContain(server.token);
    const page = await get('/', { cookie: c });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<script src="./web-preload.js"></script>');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect((await get('/assets/app.js', { cookie: c })).status).toBe(200);
  });

  it('opens once per link: a used launch link opens nothing in another browser, and a new link opens one more', async () => {
    await start();
    const first = await get(`/?token=${server.token}`);
    const c = String(first.headers['set-cookie']).split(';')[0]!;
    // The same link again, from a browser without the cookie (copied from the terminal or the history): refused.
    expect((await get(`/?token=${server.token}`)).status).toBe(403);
    expect((await get('/', { cookie: `station_session=${server.token}` })).status).toBe(401);
    // The browser it opened may reload it and stays in.
    expect((await get(`/?token=${server.token}`, { cookie: c })).status).toBe(303);
    const another = new URL(server.newLaunchUrl());
    const second = await get(`${another.pathname}${another.search}`);
    expect(second.status).toBe(303);
    const c2 = String(second.headers['set-cookie']).split(';')[0]!;
    expect(c2).not.toBe(c);
    expect((await get('/', { cookie: c2 })).status).toBe(200);
    expect((await get('/', { cookie: c })).status).toBe(200);
  });

  it('refuses other host names (DNS rebinding)', async () => {
    await start();
    const c = await cookie();
    expect((await get('/', { cookie: c, host: `evil.example:${server.port}` })).status).toBe(421);
  });

  it('carries the contract over a WebSocket only for our own origin with the cookie', async () => {
    await start();
    const c = await cookie();
    await expect(connect({ origin: server.url })).rejects.toThrow(/refused 403/);
    await expect(connect({ origin: 'http://evil.example', cookie: c })).rejects.toThrow(/refused 403/);
    const ws = await connect({ origin: server.url, cookie: c });
    const status = await call(ws, 1, 'setup:status', {});
    expect(status).toMatchObject({ ok: true, value: { needsSetup: true } });
    const unknown = await call(ws, 2, 'debug:eval', {});
    expect(unknown).toMatchObject({ ok: false, error: { code: 'UNKNOWN_OPERATION' } });
    ws.close();
  });

  it('gives each socket its own sign-in, ended when the socket closes', async () => {
    await start();
    const c = await cookie();
    const ws = await connect({ origin: server.url, cookie: c });
    await call(ws, 1, 'setup:initialize', {
      site: { code: 'TYT-1', name: 'Trạm Y tế', province: 'Hà Nội', district: 'Ba Đình', commune: 'Phúc Xá' },
      supervisor: { fullName: 'Giám Sát', username: 'gs', pin: '2468' },
    });
    expect(await call(ws, 2, 'auth:login', { username: 'gs', pin: '2468' })).toMatchObject({ ok: true });
    expect(await call(ws, 3, 'plan:list', {})).toMatchObject({ ok: true });
    const other = await connect({ origin: server.url, cookie: c });
    expect(await call(other, 1, 'plan:list', {})).toMatchObject({ ok: false, error: { code: 'AUTH_REQUIRED' } });
    other.close();
    ws.close();
  });

  it('pushes committed changes to every desk', async () => {
    await start();
    const c = await cookie();
    const sup = await connect({ origin: server.url, cookie: c });
    const watcher = await connect({ origin: server.url, cookie: c });
    await call(sup, 1, 'setup:initialize', {
      site: { code: 'TYT-1', name: 'Trạm Y tế', province: 'Hà Nội', district: 'Ba Đình', commune: 'Phúc Xá' },
      supervisor: { fullName: 'Giám Sát', username: 'gs', pin: '2468' },
    });
    await call(sup, 2, 'auth:login', { username: 'gs', pin: '2468' });
    const event = new Promise((resolve) => watcher.on('message', (d) => resolve(JSON.parse(d.toString()))));
    await call(sup, 3, 'plan:create', { sessionDate: '2026-03-10', period: 'morning', location: 'Trạm', plannedCapacity: 10 });
    expect(await event).toMatchObject({ type: 'event', event: 'plan:changed', payload: { state: 'planned' } });
    sup.close();
    watcher.close();
  });
});
