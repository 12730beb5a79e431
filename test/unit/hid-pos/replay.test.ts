import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createScannerWatcher, type ScannerEvent } from '../../../main/devices/hid-pos';
import { classifyScan } from '../../../main/domain/cccd';
import { FakeHid, HONEYWELL_1950 } from './fake-hid';
import { readRecording } from './hex-reports';

/**
 * Recorded report sequences (test/fixtures/hid) replayed through the device
 * path itself: a fake node-hid delivers them as `data` events to the watcher,
 * which decodes, assembles and emits scans exactly as with a real scanner.
 */
const IDLE_MS = 120;

async function replay(name: string): Promise<ScannerEvent[]> {
  const fake = new FakeHid();
  fake.plug(HONEYWELL_1950);
  const watcher = createScannerWatcher({ loadHid: async () => ({ ok: true, hid: fake.module }), idleMs: IDLE_MS });
  const events: ScannerEvent[] = [];
  watcher.onEvent((e) => events.push(e));
  await watcher.start();
  const [handle] = fake.openHandles(HONEYWELL_1950.path as string);
  if (!handle) throw new Error('scanner not opened');
  for (const { delayMs, bytes } of readRecording(name).reports) {
    vi.advanceTimersByTime(delayMs);
    handle.push(bytes);
  }
  vi.advanceTimersByTime(IDLE_MS + 1);
  watcher.stop();
  return events.filter((e) => e.type !== 'connected');
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('replaying recorded scanner reports', () => {
  it('assembles a CCCD QR from three Honeywell reports, letters split across reports intact', async () => {
    const { payload } = readRecording('honeywell-cccd-7f.hex');
    const events = await replay('honeywell-cccd-7f.hex');
    expect(events).toEqual([
      { type: 'scan', device: expect.objectContaining({ name: 'Honeywell Xenon 1950g' }), text: payload, symbology: ']Q1', complete: true, invalidUtf8: false },
    ]);
    const reading = classifyScan(payload as string);
    expect(reading.kind === 'cccd' && reading.identity?.fullName).toBe('Nguyễn Văn An');
  });

  it('reads the length-prefixed layout, ending on the short report', async () => {
    const { payload } = readRecording('length-prefixed-cccd-11f.hex');
    const events = await replay('length-prefixed-cccd-11f.hex');
    expect(events).toEqual([expect.objectContaining({ type: 'scan', text: payload, symbology: null, complete: true })]);
    const reading = classifyScan(payload as string);
    expect(reading.kind === 'cccd' && reading.identity?.fullName).toBe('Lê Thị Hoa');
  });

  it('ends a barcode that fills its reports exactly when the scanner falls silent', async () => {
    const { payload } = readRecording('length-prefixed-exact-112.hex');
    expect(Buffer.byteLength(payload as string)).toBe(112);
    expect(await replay('length-prefixed-exact-112.hex')).toEqual([expect.objectContaining({ type: 'scan', text: payload, complete: true })]);
  });

  it('keeps two barcodes in a row apart, each with its symbology', async () => {
    const { payload } = readRecording('honeywell-two-scans.hex');
    const scans = (await replay('honeywell-two-scans.hex')).map((e) => (e.type === 'scan' ? [e.text, e.symbology] : e.type));
    expect(scans).toEqual([
      ['8934567890123', ']E0'],
      [payload, ']Q1'],
    ]);
  });

  it('delivers what arrived, marked incomplete, when the announced last report is lost', async () => {
    const events = await replay('honeywell-lost-final.hex');
    expect(events).toHaveLength(1);
    const [scan] = events;
    expect(scan?.type === 'scan' && [scan.complete, Buffer.byteLength(scan.text)]).toEqual([false, 112]);
  });

  it('hands a health-insurance card QR to the classifier intact', async () => {
    const [scan] = await replay('honeywell-bhyt.hex');
    const reading = classifyScan(scan?.type === 'scan' ? scan.text : '');
    expect(reading).toMatchObject({ kind: 'bhyt', cardNumber: 'GD4797931234567', fullName: 'Trần Thị Bích', sex: 'female' });
  });

  it('ignores other reports and reports a malformed one without losing the next scan', async () => {
    const events = await replay('ignored-and-malformed.hex');
    expect(events.map((e) => (e.type === 'scan' ? e.text : e.type === 'error' ? e.code : e.type))).toEqual(['MALFORMED_REPORT', '12345']);
  });
});
