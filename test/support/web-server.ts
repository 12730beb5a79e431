import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import WebSocket from 'ws';
import { startWebServer, type RunningWebServer, type WebServerOptions } from '../../main/web/server';
import type { TestStation } from './station';

/** Browser mode's server over a test station, with a stand-in UI (the real one needs a build). */
export async function startTestWebServer(t: TestStation, options: Partial<WebServerOptions> = {}): Promise<RunningWebServer> {
  const rendererDir = join(t.dir, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><html><head><title>x</title></head><body></body></html>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(t.dir, 'web-preload.js'), '/* preload */');
  return startWebServer({ station: t.station, rendererDir, webPreloadFile: join(t.dir, 'web-preload.js'), log: () => {}, ...options });
}

export function get(server: RunningWebServer, path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
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

/** Opens a fresh one-time link and returns the session cookie it gives. */
export async function sessionCookie(server: RunningWebServer): Promise<string> {
  const link = new URL(server.newLaunchUrl());
  const r = await get(server, `${link.pathname}${link.search}`);
  return String(r.headers['set-cookie']).split(';')[0]!;
}

/** A desk's socket, as the browser opens it (our origin, the session cookie). */
export async function connectDesk(server: RunningWebServer, cookie?: string): Promise<WebSocket> {
  const c = cookie ?? (await sessionCookie(server));
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/station`, { headers: { origin: server.url, cookie: c } });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`refused ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

export type CallResult = { ok: boolean; value?: unknown; error?: { code: string; issues?: unknown; params?: Record<string, unknown> } };

export function call(ws: WebSocket, id: number, op: string, req: unknown): Promise<CallResult> {
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

/** Resolves with the close code once the server has closed this socket. */
export function closed(ws: WebSocket): Promise<number> {
  return new Promise((resolve) => {
    if (ws.readyState === ws.CLOSED) return resolve(1006);
    ws.once('close', (code) => resolve(code));
  });
}
