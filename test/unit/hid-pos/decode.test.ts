import { describe, expect, it } from 'vitest';
import { BarcodeAssembler, decodeReport, detectLayout, HONEYWELL_LAYOUT, LENGTH_PREFIXED_LAYOUT, type ReportChunk } from '../../../main/devices/hid-pos';

function honeywell(data: number[], more = false, aim = ']Q1'): Uint8Array {
  const r = new Uint8Array(64);
  r[0] = 0x02;
  r[1] = data.length;
  r.set(Buffer.from(aim, 'ascii'), 2);
  r.set(data, 5);
  r[63] = more ? 1 : 0;
  return r;
}
const chunk = (data: number[], more: boolean | null, full = false): ReportChunk => ({ kind: 'chunk', data: Uint8Array.from(data), symbology: null, more, full });

describe('decoding one input report', () => {
  it('tells the layouts apart by their shape', () => {
    expect(detectLayout(honeywell([0x41]))).toBe(HONEYWELL_LAYOUT);
    expect(detectLayout(Uint8Array.from([0x02, 0x01, 0x41, 0, 0]))).toBe(LENGTH_PREFIXED_LAYOUT);
    expect(detectLayout(Uint8Array.from([0x01, 0x00, 0x00]))).toBeNull();
  });

  it('takes the data, symbology and continuation flag from a Honeywell report', () => {
    expect(decodeReport(honeywell([0x41, 0x42], true), 'auto')).toEqual({ kind: 'chunk', data: Uint8Array.from([0x41, 0x42]), symbology: ']Q1', more: true, full: false });
  });

  it('leaves the symbology out when the scanner sends none', () => {
    const r = honeywell([0x41]);
    r.fill(0, 2, 5);
    expect(decodeReport(r, 'honeywell')).toMatchObject({ kind: 'chunk', symbology: null });
  });

  it('refuses a length byte beyond the report, and ignores other report IDs', () => {
    expect(decodeReport(Uint8Array.from([0x02, 0x09, 0x41]), 'length-prefixed')).toEqual({ kind: 'malformed', reason: 'length-out-of-range' });
    const r = honeywell([0x41]);
    r[0] = 0x04;
    expect(decodeReport(r, 'honeywell')).toEqual({ kind: 'ignored' });
  });
});

describe('assembling a barcode', () => {
  it('decodes UTF-8 only when whole, so a letter split between reports survives', () => {
    const a = new BarcodeAssembler();
    const bytes = [...Buffer.from('Nguyễn', 'utf8')];
    expect(a.push(chunk(bytes.slice(0, 5), true), 0)).toEqual([]);
    expect(a.push(chunk(bytes.slice(5), false), 1)).toEqual([
      { kind: 'barcode', text: 'Nguyễn', byteLength: bytes.length, symbology: null, complete: true, invalidUtf8: false },
    ]);
  });

  it('marks bytes that are not UTF-8 instead of guessing', () => {
    const [out] = new BarcodeAssembler().push(chunk([0x4e, 0xe1, 0x41], false), 0);
    expect(out).toMatchObject({ text: 'N\uFFFDA', invalidUtf8: true });
  });

  it('drops a barcode larger than the limit, saying how big it was', () => {
    const a = new BarcodeAssembler({ maxBytes: 100 });
    const full = Array.from({ length: 56 }, () => 0x41);
    a.push(chunk(full, true), 0);
    expect(a.push(chunk(full, false), 1)).toEqual([{ kind: 'oversized', byteLength: 112 }]);
    expect(a.push(chunk([0x42], false), 2)).toMatchObject([{ kind: 'barcode', text: 'B' }]);
  });

  it('closes a stale barcode when the next report comes long after', () => {
    const a = new BarcodeAssembler({ idleMs: 100 });
    a.push(chunk([0x41], true), 0);
    expect(a.flush(50)).toBeNull();
    expect(a.push(chunk([0x42], false), 500)).toMatchObject([
      { text: 'A', complete: false },
      { text: 'B', complete: true },
    ]);
  });
});
