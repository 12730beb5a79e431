import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { StationHealth } from '../../preload/contract';
import { createStation } from '../../main/core/station';
import { CORE_PROCESS, forkCore, requireBuiltCore, type ForkedCore } from '../support/forked-core';
import { quietLog, SITE } from '../support/station';

/**
 * A database file the station may not write, found when the core starts (as
 * Electron starts it: the built core process), not at the first check-in.
 * The core runs as an ordinary account: root may write any file whatever its
 * permissions say, so under root the core is started as `nobody` — where
 * `nobody` can read the project; otherwise the folder is remounted read-only.
 */
const NOBODY = { uid: 65534, gid: 65534 };
const isRoot = process.getuid?.() === 0;
const nobodyCanRunCore = () =>
  spawnSync(process.execPath, ['-e', `require('fs').accessSync(${JSON.stringify(CORE_PROCESS)}); require(${JSON.stringify(require.resolve('better-sqlite3'))})`], NOBODY).status === 0;
const strategy: 'permissions' | 'nobody' | 'read-only-mount' = !isRoot ? 'permissions' : nobodyCanRunCore() ? 'nobody' : 'read-only-mount';
const runAs = strategy === 'nobody' ? NOBODY : {};

let dir: string;
let mounted = false;
let core: ForkedCore | null = null;
beforeAll(() => requireBuiltCore());
afterEach(async () => {
  if (core) {
    core.child.kill('SIGKILL');
    await core.exited;
    core = null;
  }
  if (mounted) execFileSync('umount', [dir]);
  mounted = false;
  chmodSync(dir, 0o700);
  rmSync(dir, { recursive: true, force: true });
});

/** Makes the database unwritable the way the case says; under root without `nobody`, the whole folder goes read-only. */
function makeUnwritable(file: string, modes: { file: number; folder: number }): void {
  if (strategy === 'read-only-mount') {
    execFileSync('mount', ['--bind', dir, dir]);
    mounted = true;
    execFileSync('mount', ['-o', 'remount,ro,bind', dir]);
    return;
  }
  chmodSync(file, modes.file);
  chmodSync(dir, modes.folder);
}

async function databaseWithSite(): Promise<string> {
  dir = mkdtempSync(join(tmpdir(), 'read-only-'));
  const file = join(dir, 'station.sqlite');
  const station = createStation({ databasePath: file, log: quietLog });
  const r = await station.dispatch('setup:initialize', { site: SITE, supervisor: { fullName: 'Giám Sát', username: 'gs', pin: '2468' } }, 'setup');
  expect(r.ok).toBe(true);
  station.close();
  return file;
}

async function healthOfCore(file: string): Promise<StationHealth> {
  core = forkCore(file, runAs);
  await core.ready;
  const r = await core.call<StationHealth>('station:health', {});
  if (!r.ok) throw new Error(r.error.code);
  // Nothing else is served: no desk can sign in and start work it could not save.
  const login = await core.call('auth:login', { username: 'gs', pin: '2468' });
  expect(!login.ok && login.error.code).toBe('STATION_UNAVAILABLE');
  return r.value;
}

describe('a database the station cannot write, detected at start', () => {
  it('a read-only file (its folder writable) is reported at start, naming the file', async () => {
    const file = await databaseWithSite();
    makeUnwritable(file, { file: 0o444, folder: 0o777 });
    expect(await healthOfCore(file)).toMatchObject({ state: 'unavailable', problem: { code: 'read-only', databaseFile: file, clearsItself: false } });
  });

  it('a writable file in a folder where its WAL cannot be created is reported at start', async () => {
    const file = await databaseWithSite();
    makeUnwritable(file, { file: 0o666, folder: 0o555 });
    expect(await healthOfCore(file)).toMatchObject({ state: 'unavailable', problem: { code: 'read-only', databaseFile: file } });
  });
});
