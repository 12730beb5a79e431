import { fork, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CoreToHost, HostToCore } from '../../../main/core-process/protocol';
import { SITE } from '../../support/station';

/**
 * The real bundled core (dist/main/core-process.cjs) under plain Node's
 * child_process.fork: the same messages Electron's utilityProcess carries.
 */
const CORE = join(process.cwd(), 'dist', 'main', 'core-process.cjs');

beforeAll(() => {
  if (!existsSync(CORE)) throw new Error(`${CORE} is missing: build first with \`node scripts/build.mjs --no-renderer\``);
});

interface RunningCore {
  child: ChildProcess;
  next(type: CoreToHost['type']): Promise<CoreToHost>;
  call(op: string, request: unknown, connectionId?: string): Promise<unknown>;
  send(message: HostToCore): void;
  exited: Promise<number | null>;
  stderr(): string;
}

const dirs: string[] = [];
const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tempDb(): string {
  const dir = mkdtempSync(join(tmpdir(), 'core-fork-'));
  dirs.push(dir);
  return join(dir, 'station.sqlite');
}

function startCore(args: string[], env: NodeJS.ProcessEnv = {}): RunningCore {
  const { STATION_DB: _ignored, ...inherited } = process.env;
  const child = fork(CORE, args, { env: { ...inherited, ...env }, stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
  children.push(child);
  let err = '';
  child.stderr!.on('data', (d) => (err += String(d)));
  const inbox: CoreToHost[] = [];
  const waiters: (() => void)[] = [];
  const wake = () => waiters.splice(0).forEach((w) => w());
  child.on('message', (m) => {
    inbox.push(m as CoreToHost);
    wake();
  });
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      resolve(code);
      wake();
    }),
  );
  const take = async (match: (m: CoreToHost) => boolean): Promise<CoreToHost> => {
    for (;;) {
      const i = inbox.findIndex(match);
      if (i >= 0) return inbox.splice(i, 1)[0]!;
      if (child.exitCode !== null) throw new Error(`core exited (${child.exitCode}): ${err}`);
      await new Promise<void>((resolve) => waiters.push(resolve));
    }
  };
  let nextId = 1;
  return {
    child,
    next: (type) => take((m) => m.type === type),
    async call(op, request, connectionId = 'desk-1') {
      const id = nextId++;
      child.send({ type: 'call', id, op, request, connectionId } satisfies HostToCore);
      const answer = await take((m) => m.type === 'result' && m.id === id);
      return (answer as Extract<CoreToHost, { type: 'result' }>).result;
    },
    send: (message) => child.send(message),
    exited,
    stderr: () => err,
  };
}

describe('core process under child_process.fork', () => {
  it('sets up the station, signs a desk in, ends that sign-in on connection-closed, and shuts down cleanly', async () => {
    const db = tempDb();
    const core = startCore(['--db', db]);
    expect(await core.next('ready')).toEqual({ type: 'ready' });

    expect(await core.call('setup:status', {})).toMatchObject({ ok: true, value: { needsSetup: true, site: null } });
    expect(await core.call('setup:initialize', { site: SITE, supervisor: { fullName: 'Trần Thị Giám Sát', username: 'giamsat', pin: '2468' } })).toMatchObject({ ok: true });
    expect(await core.call('setup:status', {})).toMatchObject({ ok: true, value: { needsSetup: false, site: { code: SITE.code } } });

    expect(await core.call('auth:login', { username: 'giamsat', pin: '9999' })).toMatchObject({ ok: false, error: { code: 'AUTH_INVALID_CREDENTIALS' } });
    expect(await core.call('auth:login', { username: 'giamsat', pin: '2468' })).toMatchObject({ ok: true });
    expect(await core.call('auth:whoami', {})).toMatchObject({ ok: true, value: { staff: { username: 'giamsat', role: 'supervisor' } } });
    // Another desk is not signed in by the first one's login.
    expect(await core.call('auth:whoami', {}, 'desk-2')).toMatchObject({ ok: true, value: { staff: null } });

    core.send({ type: 'connection-closed', connectionId: 'desk-1' });
    expect(await core.call('auth:whoami', {})).toMatchObject({ ok: true, value: { staff: null } });

    core.send({ type: 'shutdown' });
    expect(await core.exited).toBe(0);
    // Closed cleanly: the data is in the main file (WAL checkpointed) and reads back.
    const reopened = new Database(db, { readonly: true });
    try {
      expect(reopened.prepare('select count(*) as n from staff').get()).toEqual({ n: 1 });
    } finally {
      reopened.close();
    }
    expect(!existsSync(`${db}-wal`) || statSync(`${db}-wal`).size === 0).toBe(true);
  });

  it('takes the database from STATION_DB when no --db is given, and stops on SIGTERM after closing it', async () => {
    const db = tempDb();
    const core = startCore([], { STATION_DB: db });
    await core.next('ready');
    expect(await core.call('setup:status', {})).toMatchObject({ ok: true });
    expect(existsSync(db)).toBe(true);
    core.child.kill('SIGTERM');
    expect(await core.exited).toBe(0);
  });

  it('reports fatal and exits non-zero when it has no database path', async () => {
    const core = startCore([]);
    const fatal = await core.next('fatal');
    expect(fatal).toMatchObject({ type: 'fatal', message: expect.stringContaining('--db') });
    expect(await core.exited).toBe(1);
  });

  it('serves the start-up screen state when the file is not a station database: named, and nothing else answered', async () => {
    const db = tempDb();
    writeFileSync(db, 'these are not the vaccination records you are looking for\n'.repeat(200));
    const core = startCore(['--db', db]);
    await core.next('ready');
    expect(await core.call('station:health', {})).toMatchObject({
      ok: true,
      value: { state: 'unavailable', problem: { code: 'not-a-database', databaseFile: db } },
    });
    expect(await core.call('auth:login', { username: 'gs', pin: '2468' })).toMatchObject({ ok: false, error: { code: 'STATION_UNAVAILABLE' } });
    // The file is left exactly as it was: nothing tried to "repair" it.
    expect(statSync(db).size).toBe('these are not the vaccination records you are looking for\n'.length * 200);
  });
});
