import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { StationHealth } from '../../preload/contract';
import { syntheticPeople, syntheticTargetCsv } from '../../main/core/services/synthetic-people';
import { createStation, openStation } from '../../main/core/station';
import { StorageProblemError } from '../../main/core/storage/open-check';
import { ManualClock } from '../../main/core/clock';
import { errorCode, ok, quietLog, setUpSite, SITE_MORNING, startTestStation, type TestStation } from '../support/station';
import { previewFile } from '../support/target-upload';

let t: TestStation | undefined;
const cleanups: (() => void)[] = [];
afterEach(() => {
  t?.close();
  t = undefined;
  for (const c of cleanups.splice(0)) c();
});

const GB = 1024 ** 3;

async function stationWithList(free: { bytes: number }) {
  t = startTestStation(SITE_MORNING, { freeBytes: () => free.bytes, diskProbeMs: 60_000 });
  const { sup, nurse } = await setUpSite(t);
  const plan = ok(await sup.plan.create({ sessionDate: '2026-03-10', period: 'all_day', location: 'Trạm Y tế', plannedCapacity: 5000 }));
  const preview = ok(await previewFile(sup, plan.id, 'ds.csv', syntheticTargetCsv(syntheticPeople(3000, 9))));
  return { sup, nurse, planId: plan.id, previewId: preview.previewId };
}

/** Plays a disk with no room left: SQLite refuses to grow the file (SQLITE_FULL, as ENOSPC gives). */
function fillDisk(free: { bytes: number }) {
  const db = t!.station.services.store.db;
  db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
  free.bytes = 0;
}

function freeDisk(free: { bytes: number }) {
  t!.station.services.store.db.pragma('max_page_count = 4294967294');
  free.bytes = 10 * GB;
}

describe('a full disk', () => {
  it('refuses the write with DISK_FULL on every desk, keeps reads working, and writes again once space is back', async () => {
    const free = { bytes: 10 * GB };
    const { sup, nurse, planId, previewId } = await stationWithList(free);
    const health: StationHealth[] = [];
    t!.station.onEvent((event, payload) => event === 'station:health' && health.push(payload as StationHealth));
    fillDisk(free);

    const refused = await sup.targets.confirmImport({ previewId });
    expect(!refused.ok && refused.error).toMatchObject({ code: 'DISK_FULL', params: { problem: 'disk-full' } });
    expect(t!.station.services.store.q.targets.count(planId)).toBe(0);
    // Every desk hears it, signed in or not.
    expect(health.at(-1)).toMatchObject({ state: 'read-only', problem: { code: 'disk-full', clearsItself: true, databaseFile: t!.file } });
    expect(ok(await t!.desk().station.health({}))).toMatchObject({ state: 'read-only', problem: { code: 'disk-full' } });
    // Read-only: other writes are refused at once, reads go on.
    expect(errorCode(await sup.plan.update({ id: planId, plannedCapacity: 10 }))).toBe('DISK_FULL');
    expect(ok(await nurse.plan.get({ id: planId })).plannedCapacity).toBe(5000);

    freeDisk(free);
    t!.station.services.health.checkDiskAgain();
    expect(health.at(-1)).toEqual({ state: 'ok', problem: null });
    expect(ok(await sup.targets.confirmImport({ previewId })).imported).toBe(3000);
  });

  it('starts read-only when the disk is already nearly full, and clears by itself when space returns', async () => {
    const free = { bytes: 4096 };
    t = startTestStation(SITE_MORNING, { freeBytes: () => free.bytes, diskProbeMs: 20 });
    expect(ok(await t.desk().station.health({}))).toMatchObject({ state: 'read-only', problem: { code: 'disk-full' } });
    expect(errorCode(await t.desk().setup.initialize({ site: { code: 'TYT-1', name: 'Trạm', province: 'Hà Nội', district: 'Ba Đình', commune: 'Phúc Xá' }, supervisor: { fullName: 'Giám Sát', username: 'gs', pin: '2468' } }))).toBe('DISK_FULL');
    const cleared = new Promise<StationHealth>((resolve) => t!.station.onEvent((e, p) => e === 'station:health' && resolve(p as StationHealth)));
    free.bytes = 10 * GB;
    expect(await cleared).toEqual({ state: 'ok', problem: null });
  });
});

/** True where this machine lets the test mount a small tmpfs (root with CAP_SYS_ADMIN): a real full disk. */
function canMountTmpfs(): boolean {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  const probe = mkdtempSync(join(tmpdir(), 'mount-probe-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', probe], { stdio: 'ignore' });
    execFileSync('umount', [probe], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
}

describe.skipIf(!canMountTmpfs())('a really full disk (a 24 MB tmpfs)', () => {
  it('fills up, answers DISK_FULL, survives the idle checkpoint failing, and recovers when a file is deleted', async () => {
    const mount = mkdtempSync(join(tmpdir(), 'full-disk-'));
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=24m', 'tmpfs', mount]);
    cleanups.push(() => {
      execFileSync('umount', ['-l', mount]);
      rmSync(mount, { recursive: true, force: true });
    });
    const station = createStation({ databasePath: join(mount, 'station.sqlite'), clock: new ManualClock(SITE_MORNING), log: quietLog, diskProbeMs: 20 });
    cleanups.unshift(() => station.close());
    const dispatch = (op: string, req: unknown) => station.dispatch(op, req, 'desk');
    await dispatch('setup:initialize', { site: { code: 'TYT-1', name: 'Trạm', province: 'Hà Nội', district: 'Ba Đình', commune: 'Phúc Xá' }, supervisor: { fullName: 'Giám Sát', username: 'gs', pin: '2468' } });
    ok(await dispatch('auth:login', { username: 'gs', pin: '2468' }));
    // Something else on the disk takes the space (another program's file).
    const filler = join(mount, 'other-program.bin');
    const fd = openSync(filler, 'w');
    try {
      const block = Buffer.alloc(1024 * 1024, 1);
      for (;;) writeSync(fd, block);
    } catch {
      // ENOSPC: the disk is full.
    } finally {
      closeSync(fd);
    }
    let refused = null;
    for (let i = 0; i < 5000 && !refused; i++) {
      const r = await dispatch('plan:create', { sessionDate: '2026-03-10', period: 'morning', location: `Điểm ${i} ${'x'.repeat(150)}`, plannedCapacity: 10 });
      if (!r.ok) refused = r.error;
    }
    expect(refused).toMatchObject({ code: 'DISK_FULL' });
    // The idle checkpoint now fails too (SQLITE_FULL in a timer); the process must live through it.
    await new Promise((r) => setTimeout(r, 1500));
    expect(station.health().state).toBe('read-only');
    rmSync(filler);
    const back = await new Promise<StationHealth>((resolve) => station.onEvent((e, p) => e === 'station:health' && resolve(p as StationHealth)));
    expect(back.state).toBe('ok');
    expect((await dispatch('plan:list', {})).ok).toBe(true);
  });
});

/** Overwrites pages in the middle of a database file, as a failing disk or a bad copy does. */
function damagePages(file: string, seed = 7): void {
  const size = statSync(file).size;
  const pageSize = 4096;
  const pages = Math.floor(size / pageSize);
  const fd = openSync(file, 'r+');
  let x = seed;
  const garbage = Buffer.alloc(pageSize * 3);
  for (let i = 0; i < garbage.length; i++) garbage[i] = (x = (x * 1103515245 + 12345) & 0xff);
  writeSync(fd, garbage, 0, garbage.length, Math.floor(pages / 2) * pageSize);
  closeSync(fd);
}

async function closedStationWithData(): Promise<string> {
  const free = { bytes: 10 * GB };
  const { sup, previewId } = await stationWithList(free);
  ok(await sup.targets.confirmImport({ previewId }));
  const file = t!.file;
  const dir = t!.dir;
  t!.station.close();
  t = undefined;
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return file;
}

describe('a damaged database file', () => {
  it('is refused at start (quick_check): no desk can write to it, and every desk is told which file and why', async () => {
    const file = await closedStationWithData();
    damagePages(file);
    expect(() => createStation({ databasePath: file, log: quietLog })).toThrow(StorageProblemError);
    const endpoint = openStation({ databasePath: file, log: quietLog });
    cleanups.unshift(() => endpoint.close());
    expect(endpoint.health()).toMatchObject({ state: 'unavailable', problem: { code: 'corrupt', databaseFile: file, clearsItself: false } });
    const status = await endpoint.dispatch('station:health', {}, 'desk');
    expect(status).toMatchObject({ ok: true, value: { state: 'unavailable', problem: { code: 'corrupt' } } });
    const write = await endpoint.dispatch('auth:login', { username: 'giamsat', pin: '2468' }, 'desk');
    expect(!write.ok && write.error).toMatchObject({ code: 'STATION_UNAVAILABLE', params: { problem: 'corrupt' } });
  });

  it('is not a database at all when its first page is gone', async () => {
    const file = await closedStationWithData();
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(100, 0x41), 0, 100, 0);
    closeSync(fd);
    expect(openStation({ databasePath: file, log: quietLog }).health().problem?.code).toBe('not-a-database');
  });

  it('damage found while running (the background integrity check) stops every write', async () => {
    const free = { bytes: 10 * GB };
    const { sup, planId, previewId } = await stationWithList(free);
    ok(await sup.targets.confirmImport({ previewId }));
    t!.station.services.store.db.pragma('wal_checkpoint(TRUNCATE)');
    expect(await t!.station.checkIntegrity()).toEqual({ ok: true, messages: ['ok'] });
    damagePages(t!.file);
    const result = await t!.station.checkIntegrity();
    expect(result.ok).toBe(false);
    expect(t!.station.health()).toMatchObject({ state: 'read-only', problem: { code: 'corrupt', clearsItself: false } });
    expect(errorCode(await sup.plan.update({ id: planId, plannedCapacity: 10 }))).toBe('DATABASE_DAMAGED');
  });
});

describe('the database file on disk', () => {
  it('is created 0600 in a 0700 folder, its WAL and shared-memory files too, and a file left readable by others is tightened', async () => {
    if (process.platform === 'win32') return;
    const root = mkdtempSync(join(tmpdir(), 'perm-'));
    cleanups.push(() => rmSync(root, { recursive: true, force: true }));
    const file = join(root, 'new-folder', 'station.sqlite');
    const station = createStation({ databasePath: file, log: quietLog });
    const mode = (p: string) => statSync(p).mode & 0o777;
    expect(mode(join(root, 'new-folder'))).toBe(0o700);
    expect(mode(file)).toBe(0o600);
    expect(mode(`${file}-wal`)).toBe(0o600);
    expect(mode(`${file}-shm`)).toBe(0o600);
    station.close();
    const loose = join(root, 'loose.sqlite');
    closeSync(openSync(loose, 'w', 0o644));
    execFileSync('chmod', ['0644', loose]);
    createStation({ databasePath: loose, log: quietLog }).close();
    expect(mode(loose)).toBe(0o600);
    expect(readFileSync(loose).subarray(0, 15).toString()).toBe('SQLite format 3');
  });
});
