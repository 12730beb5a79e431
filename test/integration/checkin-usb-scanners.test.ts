import { afterEach, describe, expect, it } from 'vitest';
import type { EventName, StationApi } from '../../preload/contract';
import type { Timers } from '../../main/devices/hid-pos/scanner-watcher';
import { FakeHid, HONEYWELL_1950 } from '../unit/hid-pos/fake-hid';
import { readRecording } from '../unit/hid-pos/hex-reports';
import { openSessionWithList } from '../support/checkin';
import { ok, setUpSite, startTestStation, type TestStation } from '../support/station';

/**
 * USB HID-POS scanners wired into the core: recorded report sequences pushed
 * through a fake node-hid reach the desk as the same reading a keyboard-wedge
 * scan gives, and the scanner's comings and goings show in its status.
 */

let t: TestStation;
afterEach(() => t?.close());

/** Timers the test runs by hand: the watcher's device polling and its end-of-barcode timeouts. */
class HandTimers implements Timers {
  private intervals = new Map<number, () => void>();
  private timeouts = new Map<number, () => void>();
  private next = 1;
  setInterval(fn: () => void) {
    this.intervals.set(this.next, fn);
    return this.next++;
  }
  clearInterval(h: unknown) {
    this.intervals.delete(h as number);
  }
  setTimeout(fn: () => void) {
    this.timeouts.set(this.next, fn);
    return this.next++;
  }
  clearTimeout(h: unknown) {
    this.timeouts.delete(h as number);
  }
  /** One device poll. */
  poll() {
    for (const fn of [...this.intervals.values()]) fn();
  }
}

async function stationWithScanner(plugged = true) {
  const fake = new FakeHid();
  if (plugged) fake.plug(HONEYWELL_1950);
  const timers = new HandTimers();
  t = startTestStation(undefined, { usbScanners: { loadHid: async () => ({ ok: true, hid: fake.module }), timers } });
  const heard: [EventName, unknown][] = [];
  t.station.onEvent((e, p) => heard.push([e, p]));
  const desks = await setUpSite(t);
  await settle(desks.nurse);
  return { fake, timers, heard, ...desks };
}

/** Lets the watcher's asynchronous start (loading node-hid) finish. */
async function settle(desk: StationApi) {
  for (let i = 0; i < 20; i++) {
    if (ok(await desk.scanner.status({})).state !== 'starting') return;
    await new Promise((r) => setTimeout(r, 5));
  }
}

function replay(fake: FakeHid, name: string) {
  const [handle] = fake.openHandles(HONEYWELL_1950.path as string);
  if (!handle) throw new Error('scanner not opened');
  for (const { bytes } of readRecording(name).reports) handle.push(bytes);
}

describe('USB HID-POS scanners at the check-in desk', () => {
  it('delivers a card scanned on a USB scanner to the desk as the same reading a wedge scan gives', async () => {
    const { fake, heard, nurse, sup } = await stationWithScanner();
    await openSessionWithList(sup, '2026-03-10', []);
    expect(ok(await nurse.scanner.status({}))).toMatchObject({ state: 'watching', devices: [{ name: 'Honeywell Xenon 1950g', state: 'connected', scans: 0 }] });

    replay(fake, 'honeywell-cccd-7f.hex');
    const event = heard.find(([e]) => e === 'scanner:scan');
    expect(event?.[1]).toEqual({ scanId: expect.any(String), device: 'Honeywell Xenon 1950g' });
    // The event names the scan only; the identity is fetched by a signed-in desk.
    expect(JSON.stringify(event)).not.toContain('Nguyễn');

    const fromUsb = ok(await nurse.checkin.getScan({ scanId: (event![1] as { scanId: string }).scanId }));
    const fromWedge = ok(await nurse.checkin.scan({ text: readRecording('honeywell-cccd-7f.hex').payload!, source: 'wedge' }));
    expect(fromUsb.source).toBe('hid');
    expect(fromUsb.reading).toEqual(fromWedge.reading);
    expect(fromUsb.reading).toMatchObject({ kind: 'cccd', identity: { fullName: 'Nguyễn Văn An', address: 'Số 1 Phố Huế, Hàng Bài, Hoàn Kiếm, Hà Nội' } });

    const done = ok(await nurse.checkin.confirm({ scanId: fromUsb.scanId, acceptCorrections: false }));
    expect(done.visit.queueNumber).toBe(1);
    expect(t.station.services.store.db.prepare('SELECT checkin_source FROM visit').pluck().get()).toBe('card_scanner');
    expect(ok(await nurse.scanner.status({})).devices[0]?.scans).toBe(1);
  });

  it('reports a scanner pulled out and plugged back in, without a restart', async () => {
    const { fake, timers, heard, nurse } = await stationWithScanner();
    fake.unplug(HONEYWELL_1950.path as string);
    timers.poll();
    expect(ok(await nurse.scanner.status({}))).toMatchObject({ state: 'watching', devices: [] });
    fake.plug(HONEYWELL_1950);
    timers.poll();
    expect(ok(await nurse.scanner.status({}))).toMatchObject({ devices: [{ state: 'connected' }] });
    replay(fake, 'honeywell-bhyt.hex');
    const scanId = (heard.filter(([e]) => e === 'scanner:scan').at(-1)?.[1] as { scanId: string }).scanId;
    expect(ok(await nurse.checkin.getScan({ scanId })).reading.kind).toBe('bhyt');
    expect(heard.filter(([e]) => e === 'scanner:changed').length).toBeGreaterThanOrEqual(2);
  });

  it('shows why a scanner cannot be opened, and stops reading scanners when the supervisor switches them off', async () => {
    const { fake, timers, nurse, sup } = await stationWithScanner(false);
    fake.refuse.set(HONEYWELL_1950.path as string, 'cannot open device');
    fake.plug(HONEYWELL_1950);
    timers.poll();
    expect(ok(await nurse.scanner.status({}))).toMatchObject({
      devices: [{ state: 'error', error: 'cannot open device' }],
      lastError: { code: 'OPEN_FAILED', device: 'Honeywell Xenon 1950g' },
    });
    ok(await sup.settings.update({ usbScanners: false }));
    expect(ok(await nurse.scanner.status({})).state).toBe('off');
    ok(await sup.settings.update({ usbScanners: true, usbScannerModels: [{ vendorId: 0x0c2e, productId: 0x0db3, layout: 'honeywell' }] }));
    await settle(nurse);
    expect(ok(await nurse.settings.get({})).usbScannerModels).toEqual([{ vendorId: 0x0c2e, productId: 0x0db3, layout: 'honeywell' }]);
    expect(ok(await nurse.scanner.status({})).state).toBe('watching');
  });

  it('says the station has no USB scanners when node-hid cannot load', async () => {
    t = startTestStation(undefined, { usbScanners: { loadHid: async () => ({ ok: false, reason: 'libusb-1.0.so.0: cannot open shared object file' }) } });
    const { nurse } = await setUpSite(t);
    await settle(nurse);
    expect(ok(await nurse.scanner.status({}))).toMatchObject({ state: 'unavailable', reason: expect.stringContaining('libusb') });
  });
});
