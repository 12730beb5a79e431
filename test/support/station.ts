import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createStationApi } from '../../preload/api';
import type { StationApi, Result } from '../../preload/contract';
import { ManualClock } from '../../main/core/clock';
import { createStation, type Station, type StationOptions } from '../../main/core/station';
import type { Logger } from '../../main/core/dispatch';

export const quietLog: Logger = { info: () => {}, warn: () => {}, error: (m, d) => console.error(m, d) };

/** 09:00 on 2026-03-10 at the site (02:00 UTC). */
export const SITE_MORNING = new Date('2026-03-10T02:00:00.000Z');

export interface TestStation {
  station: Station;
  clock: ManualClock;
  /** Closes the core and starts a new one on the same database file, as after a crash or reboot. */
  restart(): void;
  dir: string;
  file: string;
  /** A desk: the typed API over an in-process transport, with its own connection. */
  desk(connectionId?: string): StationApi;
  close(): void;
}

/** A core on a real SQLite file in a temp folder, with a frozen clock. */
export function startTestStation(now: Date = SITE_MORNING, options: Pick<StationOptions, 'usbScanners' | 'freeBytes' | 'diskProbeMs'> & { file?: string } = {}): TestStation {
  // A given file belongs to someone else (a browser-mode station under test): it is left in place on close.
  const dir = options.file ? dirname(options.file) : mkdtempSync(join(tmpdir(), 'station-test-'));
  const file = options.file ?? join(dir, 'station.sqlite');
  const { file: _given, ...stationOptions } = options;
  const clock = new ManualClock(now);
  let n = 0;
  const t: TestStation = {
    station: createStation({ databasePath: file, clock, log: quietLog, ...stationOptions }),
    clock,
    restart() {
      t.station.close();
      t.station = createStation({ databasePath: file, clock, log: quietLog, ...stationOptions });
    },
    dir,
    file,
    desk(connectionId = `desk-${++n}`) {
      return createStationApi({
        call: (op, request) => t.station.dispatch(op, JSON.parse(JSON.stringify(request ?? {})), connectionId),
        subscribe: (listener) => t.station.onEvent((e, p) => listener(e, p)),
      });
    },
    close() {
      t.station.close();
      if (!options.file) rmSync(dir, { recursive: true, force: true });
    },
  };
  return t;
}

/** Unwraps a successful result or fails the test with the error. */
export function ok<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message} ${JSON.stringify(result.error.params ?? result.error.issues ?? '')}`);
  return result.value;
}

export function errorCode(result: Result<unknown>): string {
  if (result.ok) throw new Error('expected an error, got ok');
  return result.error.code;
}

export const SITE = {
  code: 'TYT-79-26734',
  name: 'Trạm Y tế Phường Bến Nghé',
  province: 'Hồ Chí Minh',
  district: 'Quận 1',
  commune: 'Phường Bến Nghé',
};

/** Sets the station up and returns a supervisor's and a nurse's desks, signed in. */
export async function setUpSite(t: TestStation) {
  const sup = t.desk();
  ok(await sup.setup.initialize({ site: SITE, supervisor: { fullName: 'Trần Thị Giám Sát', username: 'giamsat', pin: '2468' } }));
  ok(await sup.auth.login({ username: 'giamsat', pin: '2468' }));
  ok(await sup.staff.create({ fullName: 'Lê Văn Y Tá', username: 'yta1', role: 'nurse', pin: '1357' }));
  const nurse = t.desk();
  ok(await nurse.auth.login({ username: 'yta1', pin: '1357' }));
  return { sup, nurse };
}
