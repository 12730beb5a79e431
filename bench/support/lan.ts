import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PlanDetail } from '../../preload/contract';
import { ManualClock } from '../../main/core/clock';
import { pairWithHub, type DeskPairing } from '../../main/desk/hub-pairing';
import { hostHub, type HubHost } from '../../main/hub/start-hub';
import { openTodayByCall } from '../../test/support/clinical-fixtures';
import { BENCH_MORNING, openBenchStation, setUpSite, type BenchStation } from './station';

/**
 * A clock that runs faster than the wall once told to: the LAN bench's desks
 * release people when their 30 minutes of observation are over, and a
 * minute-long run must see that happen. Until `speedUp` it reads like
 * BENCH_MORNING plus real time.
 */
export class FastClock extends ManualClock {
  private base = BENCH_MORNING.getTime();
  private since = performance.now();
  private speed = 1;

  constructor() {
    super(BENCH_MORNING);
  }

  override now(): Date {
    return new Date(this.base + (performance.now() - this.since) * this.speed);
  }

  speedUp(speed: number): void {
    this.base = this.now().getTime();
    this.since = performance.now();
    this.speed = speed;
  }
}

export const DESK_PIN = '1357';
export const DOSES_PER_VIAL = 50;

/** A site for the LAN bench: one open session, a lot in 50-dose vials, `desks` nurse accounts, desks never idle-locked. */
export async function lanSite(dir: string, desks: number): Promise<{ b: BenchStation; clock: FastClock; plan: PlanDetail; lotId: string }> {
  const clock = new FastClock();
  const b = openBenchStation(dir, clock);
  await setUpSite(b);
  await b.call('settings:update', { idleLockMinutes: 240 });
  for (let i = 1; i <= desks; i++) await b.call('staff:create', { fullName: `Điều Dưỡng Bàn ${i}`, username: `ban${i}`, role: 'nurse', pin: DESK_PIN });
  const plan = await openTodayByCall(b.call, '2026-03-10', 5000);
  const lotId = plan.lots[0]!.id;
  await b.call('plan:updateLot', { lotId, dosesPerVial: DOSES_PER_VIAL });
  return { b, clock, plan, lotId };
}

/** The hub on 127.0.0.1 over the bench station, with a stand-in UI, and `desks` desks paired with it. */
export async function lanHub(b: BenchStation, dir: string, desks: number, onAnswered?: (op: string, ms: number) => void): Promise<{ host: HubHost; pairings: DeskPairing[] }> {
  const rendererDir = join(dir, 'hub-renderer');
  mkdirSync(rendererDir, { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><html><head></head><body></body></html>');
  writeFileSync(join(dir, 'hub-preload.js'), '');
  const host = hostHub(b.station, { rendererDir, hubPreloadFile: join(dir, 'hub-preload.js'), bindAddress: '127.0.0.1', port: 0, announce: false, log: () => {}, ...(onAnswered ? { onAnswered } : {}) });
  await b.call('hub:configure', { enabled: true });
  await host.applied();
  const server = host.running();
  if (!server) throw new Error('the hub did not start');
  const pairings: DeskPairing[] = [];
  for (let i = 1; i <= desks; i++) {
    const status = await b.call<{ pairing: { code: string } | null }>('hub:startPairing', { roles: ['nurse'] });
    pairings.push(await pairWithHub({ address: `127.0.0.1:${server.port}`, fingerprint: server.fingerprint, code: status.pairing!.code, deskName: `Bàn ${i}` }));
  }
  return { host, pairings };
}
