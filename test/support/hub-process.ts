import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import WebSocket from 'ws';
import { createStationApi } from '../../preload/api';
import type { StationApi } from '../../preload/contract';

export const WEB_SERVER = join(process.cwd(), 'dist', 'main', 'web-server.cjs');

export function requireBuiltStation(): void {
  for (const f of [WEB_SERVER, join(process.cwd(), 'dist', 'hub-preload', 'hub-preload.js'), join(process.cwd(), 'dist', 'renderer', 'index.html')]) {
    if (!existsSync(f)) throw new Error(`${f} is missing: build first with \`node scripts/build.mjs\``);
  }
}

export interface HubProcess {
  child: ChildProcess;
  url: string;
  launchUrl: string;
  /** A new one-time link (Enter on the station's terminal). */
  newLaunchUrl(): Promise<string>;
  stop(): Promise<void>;
}

/** The built station (browser mode's server, which hosts the hub) on a database file, in its own process. */
export async function startHubProcess(databasePath: string, hub: { bind: string; names?: string[] }): Promise<HubProcess> {
  const { STATION_DB: _db, ...env } = process.env;
  const child = spawn(process.execPath, [WEB_SERVER, '--db', databasePath, '--json', '--hub-port', '0', '--hub-bind', hub.bind, ...(hub.names ? ['--hub-names', hub.names.join(',')] : [])], {
    env,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += String(d)));
  const lines = createInterface({ input: child.stdout! });
  const waiting: ((line: Record<string, string>) => void)[] = [];
  lines.on('line', (line) => {
    try {
      const json = JSON.parse(line) as Record<string, string>;
      waiting.shift()?.(json);
    } catch {
      // a log line
    }
  });
  const nextLine = () =>
    new Promise<Record<string, string>>((resolve, reject) => {
      waiting.push(resolve);
      child.once('exit', (code) => reject(new Error(`the station exited (${code}): ${stderr}`)));
    });
  const first = await nextLine();
  return {
    child,
    url: first.url!,
    launchUrl: first.launchUrl!,
    async newLaunchUrl() {
      const next = nextLine();
      child.stdin!.write('\n');
      return (await next).launchUrl!;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** The station's own desk in browser mode (loopback, one-time link): the supervisor at the hub. */
export async function loopbackDesk(launchUrl: string): Promise<{ api: StationApi; close(): void }> {
  const link = new URL(launchUrl);
  const cookie = await new Promise<string>((resolve, reject) => {
    const req = request({ host: link.hostname, port: link.port, path: `${link.pathname}${link.search}` }, (res) => {
      res.resume();
      resolve(String(res.headers['set-cookie']).split(';')[0]!);
    });
    req.on('error', reject);
    req.end();
  });
  const ws = new WebSocket(`ws://${link.host}/station`, { headers: { origin: link.origin, cookie } });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  let nextId = 1;
  const pending = new Map<number, (r: unknown) => void>();
  const listeners = new Set<(e: string, p: unknown) => void>();
  ws.on('message', (data) => {
    const m = JSON.parse(String(data)) as { type: string; id?: number; result?: unknown; event?: string; payload?: unknown };
    if (m.type === 'result') {
      pending.get(m.id!)?.(m.result);
      pending.delete(m.id!);
    } else if (m.type === 'event') for (const l of listeners) l(m.event!, m.payload);
  });
  const api = createStationApi({
    call: (op, request) =>
      new Promise((resolve) => {
        const id = nextId++;
        pending.set(id, resolve);
        ws.send(JSON.stringify({ type: 'call', id, op, request }));
      }),
    subscribe: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  });
  return { api, close: () => ws.close() };
}
