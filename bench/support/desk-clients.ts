import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { StationEndpoint } from '../../main/core/station';
import { startWebServer, type RunningWebServer } from '../../main/web/server';

/**
 * Desks as separate clients of browser mode's server, each in a worker
 * thread of its own: the server and the core keep the main thread to
 * themselves, as they would with real desks in other processes, so a
 * desk's measured wait is the station's and not its neighbour client's.
 */

/** The worker's code, plain JavaScript; `ws` is loaded from the project's node_modules. */
const CLIENT = String.raw`
const { parentPort, workerData } = require('node:worker_threads');
const WebSocket = require(workerData.wsPath);
const { url, origin, cookie, login, mode } = workerData;
const ws = new WebSocket(url, { headers: { origin, cookie } });
let nextId = 1;
const pending = new Map();
let answered = 0;
ws.on('message', (data) => {
  const m = JSON.parse(data.toString());
  if (m.type !== 'result') return;
  if (m.id === 0) {
    answered++;
    if (answered === workerData.calls) parentPort.postMessage({ type: 'flood-answered', answered });
    return;
  }
  const done = pending.get(m.id);
  pending.delete(m.id);
  if (done) done(m.result);
});
ws.on('error', (e) => parentPort.postMessage({ type: 'error', message: e.message }));
const call = (op, req) => new Promise((resolve) => {
  const id = nextId++;
  pending.set(id, resolve);
  ws.send(JSON.stringify({ type: 'call', id, op, request: req }));
});
ws.on('open', async () => {
  const signedIn = await call('auth:login', login);
  if (!signedIn.ok) return parentPort.postMessage({ type: 'error', message: signedIn.error.code });
  if (mode === 'probe') {
    let stop = false;
    parentPort.on('message', async (m) => {
      if (m.type === 'stop') stop = true;
      if (m.type !== 'sample') return;
      stop = false;
      const samples = [];
      const until = Date.now() + m.maxMs;
      while (!stop && samples.length < m.max && Date.now() < until) {
        const t = performance.now();
        const r = await call(m.op, {});
        if (!r.ok) return parentPort.postMessage({ type: 'error', message: r.error.code });
        samples.push(performance.now() - t);
      }
      parentPort.postMessage({ type: 'samples', samples });
    });
    parentPort.postMessage({ type: 'ready' });
  } else {
    // A desk sending calls as fast as it can; when told not to read, its socket stops taking answers.
    // A paused socket does not keep a thread alive: this desk stays until it is closed.
    if (!workerData.read) {
      ws._socket.pause();
      setInterval(() => {}, 60000);
    }
    const frame = JSON.stringify({ type: 'call', id: 0, op: workerData.op, request: {} });
    for (let i = 0; i < workerData.calls; i++) ws.send(frame);
    parentPort.postMessage({ type: 'ready' });
  }
});
`;

export interface BenchWebServer {
  server: RunningWebServer;
  /** A signed-in desk that times one call after another when asked. */
  probe(): Promise<Probe>;
  /** A desk sending `calls` calls of `op` at once; reading its answers or not. */
  flood(options: { op: string; calls: number; read: boolean }): Promise<Flood>;
  close(): Promise<void>;
}

export interface Probe {
  /** Times calls of `op` one after another until `stop`, `max` samples or `maxMs` elapse. */
  sample(op: string, options: { max: number; maxMs: number }): Promise<number[]>;
  stop(): void;
  close(): Promise<void>;
}

export interface Flood {
  /** Resolves when a reading flood has had every answer. */
  answered: Promise<void>;
  close(): Promise<void>;
}

export async function startBenchWebServer(station: StationEndpoint, dir: string, login: { username: string; pin: string }): Promise<BenchWebServer> {
  const rendererDir = join(dir, 'renderer');
  mkdirSync(rendererDir, { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><html><head></head><body></body></html>');
  writeFileSync(join(dir, 'web-preload.js'), '');
  const server = await startWebServer({ station, rendererDir, webPreloadFile: join(dir, 'web-preload.js'), log: () => {} });
  const wsPath = join(process.cwd(), 'node_modules', 'ws');
  const client = async (data: Record<string, unknown>) => {
    const cookie = await sessionCookie(server);
    const worker = new Worker(CLIENT, {
      eval: true,
      workerData: { wsPath, url: `ws://127.0.0.1:${server.port}/station`, origin: server.url, cookie, login, ...data },
    });
    await new Promise<void>((resolve, reject) => {
      worker.on('message', (m: { type: string; message?: string }) => {
        if (m.type === 'ready') resolve();
        if (m.type === 'error') reject(new Error(`desk client: ${m.message}`));
      });
      worker.once('error', reject);
    });
    return worker;
  };
  return {
    server,
    async probe() {
      const worker = await client({ mode: 'probe' });
      return {
        sample: (op, options) =>
          new Promise<number[]>((resolve) => {
            const onMessage = (m: { type: string; samples?: number[] }) => {
              if (m.type !== 'samples') return;
              worker.off('message', onMessage);
              resolve(m.samples!);
            };
            worker.on('message', onMessage);
            worker.postMessage({ type: 'sample', op, ...options });
          }),
        stop: () => worker.postMessage({ type: 'stop' }),
        close: async () => void (await worker.terminate()),
      };
    },
    async flood(options) {
      let answered!: () => void;
      const all = new Promise<void>((resolve) => (answered = resolve));
      const worker = await client({ mode: 'flood', ...options });
      worker.on('message', (m: { type: string }) => m.type === 'flood-answered' && answered());
      return { answered: all, close: async () => void (await worker.terminate()) };
    },
    close: () => server.close(),
  };
}

function sessionCookie(server: RunningWebServer): Promise<string> {
  const link = new URL(server.newLaunchUrl());
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path: `${link.pathname}${link.search}` }, (res) => {
      res.resume();
      resolve(String(res.headers['set-cookie']).split(';')[0]!);
    });
    req.on('error', reject);
    req.end();
  });
}
