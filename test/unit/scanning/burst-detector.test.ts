import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BurstDetector, type KeyDecision, type KeyInput, type ScanBurst } from '../../../renderer/src/scanning/burst-detector';
import { parseCccdPayload } from '../../../main/domain/cccd';

const CARD = '001094123456|012345678|Nguyễn Văn An|15031994|Nam|Số 1 Phố Huế, Hàng Bài, Hoàn Kiếm, Hà Nội|20042021';

type Key = string | Partial<KeyInput> & { key: string };

/** Feeds keys `gapMs` apart (a number in the list waits that long instead) and collects what the detector says. */
function type(detector: BurstDetector, keys: (Key | number)[], gapMs: number, options: { editable?: boolean; start?: number } = {}) {
  let t = options.start ?? 1000;
  const decisions: KeyDecision[] = [];
  const scans: ScanBurst[] = [];
  for (const k of keys) {
    if (typeof k === 'number') {
      t += k;
      continue;
    }
    t += gapMs;
    const input: KeyInput = typeof k === 'string' ? { key: k, timeStamp: t, targetIsEditable: options.editable ?? false } : { timeStamp: t, targetIsEditable: options.editable ?? false, ...k };
    const d = detector.handleKey(input);
    decisions.push(d);
    if (d.scan) scans.push(d.scan);
  }
  return { decisions, scans, end: t };
}

const keysOf = (text: string) => Array.from(text);

describe('a scanner burst outside any field', () => {
  it('returns the scanned text when Enter ends it, and swallows the Enter', () => {
    const detector = new BurstDetector();
    const { decisions, scans } = type(detector, [...keysOf(CARD), 'Enter'], 4);
    expect(scans).toEqual([expect.objectContaining({ text: CARD, endedBy: 'enter', truncated: false })]);
    expect(decisions.at(-1)?.preventDefault).toBe(true);
    // The first keys pass (nothing is known yet); from the eighth on the keys belong to the scan.
    expect(decisions.slice(0, 7).every((d) => !d.preventDefault)).toBe(true);
    expect(decisions.slice(7).every((d) => d.preventDefault)).toBe(true);
  });

  it('ends on a short pause when the scanner sends no suffix', () => {
    const detector = new BurstDetector();
    const { scans, end } = type(detector, keysOf(CARD), 6);
    expect(scans).toEqual([]);
    const deadline = detector.deadline() as number;
    expect(deadline).toBe(end + 60);
    expect(detector.flush(deadline - 1)).toBeNull();
    expect(detector.flush(deadline)).toMatchObject({ text: CARD, endedBy: 'pause' });
    expect(detector.deadline()).toBeNull();
  });

  it('still delivers a scan whose flush never ran, when the next key comes', () => {
    const detector = new BurstDetector();
    const { scans } = type(detector, [...keysOf(CARD), 500, 'x'], 5);
    expect(scans).toEqual([expect.objectContaining({ text: CARD, endedBy: 'pause' })]);
  });

  it('tolerates a stutter inside a recognised burst', () => {
    const { scans } = type(new BurstDetector(), [...keysOf('0010941234'), 50, ...keysOf('56|rest'), 'Enter'], 5);
    expect(scans.map((s) => s.text)).toEqual(['001094123456|rest']);
  });

  it('keeps two scans in a row apart', () => {
    const { scans } = type(new BurstDetector(), [...keysOf('8934567890123'), 'Enter', 300, ...keysOf(CARD), 'Tab'], 5);
    expect(scans.map((s) => [s.text, s.endedBy])).toEqual([
      ['8934567890123', 'enter'],
      [CARD, 'tab'],
    ]);
  });

  it('caps a runaway burst and says it was cut', () => {
    const { scans } = type(new BurstDetector({ maxLength: 20 }), [...keysOf('9'.repeat(50)), 'Enter'], 3);
    expect(scans).toEqual([expect.objectContaining({ text: '9'.repeat(20), keys: 50, truncated: true })]);
  });
});

describe('a person at the keyboard is never hijacked', () => {
  it('typing into a form field, however fast, is left alone', () => {
    const { decisions, scans } = type(new BurstDetector(), [...keysOf(CARD), 'Enter'], 4, { editable: true });
    expect(scans).toEqual([]);
    expect(decisions.some((d) => d.preventDefault)).toBe(false);
  });

  it('typing outside a field at human speed gives no scan and blocks nothing', () => {
    for (const gap of [36, 60, 120, 250]) {
      const { decisions, scans } = type(new BurstDetector(), [...keysOf('Nguyễn Văn An 001094123456'), 'Enter'], gap);
      expect(scans).toEqual([]);
      expect(decisions.some((d) => d.preventDefault)).toBe(false);
    }
  });

  it('a short code ended by the scanner\'s Enter is reported as short (the desk says it is not an ID card)', () => {
    const { scans, decisions } = type(new BurstDetector(), [...keysOf('A12345'), 'Enter'], 10);
    expect(scans).toEqual([expect.objectContaining({ text: 'A12345', short: true, endedBy: 'enter', keys: 6 })]);
    // Its Enter is the scanner's suffix: it must not press a focused button.
    expect(decisions.at(-1)?.preventDefault).toBe(true);
  });

  it('key rollover (two keys at once, then Enter) and a short burst without a suffix are not scans', () => {
    expect(type(new BurstDetector(), ['a', 's', 'Enter'], 10).scans).toEqual([]);
    const detector = new BurstDetector();
    const { scans, end } = type(detector, keysOf('A12345'), 10);
    expect(scans).toEqual([]);
    expect(detector.flush(end + 1000)).toBeNull();
    // Typed at a person's pace and ended with Enter: nothing either.
    expect(type(new BurstDetector(), [...keysOf('A12345'), 'Enter'], 90).scans).toEqual([]);
  });

  it('focus moving into a field drops the burst in progress', () => {
    const detector = new BurstDetector();
    type(detector, keysOf('0010941234567'), 4);
    const { scans, decisions } = type(detector, ['8', 'Enter'], 4, { editable: true, start: 2000 });
    expect(scans).toEqual([]);
    expect(decisions.some((d) => d.preventDefault)).toBe(false);
    expect(detector.deadline()).toBeNull();
  });

  it('navigation keys mean a person: the burst is dropped', () => {
    const { scans } = type(new BurstDetector(), [...keysOf('0010941234'), 'ArrowDown', ...keysOf('56'), 'Enter'], 5);
    expect(scans).toEqual([]);
  });
});

describe('Vietnamese letters survive', () => {
  it('composed characters, and base letters followed by combining marks, give NFC text', () => {
    const decomposed = 'Nguye\u0302\u0303n Va\u0306n An'.normalize('NFD');
    const { scans } = type(new BurstDetector(), [...keysOf('001094123456|'), ...keysOf(decomposed), 'Enter'], 5);
    expect(scans[0]?.text).toBe('001094123456|Nguyễn Văn An');
  });

  it('skips modifier, dead and IME-process keys without breaking the burst', () => {
    const keys: Key[] = [...keysOf('00109412'), 'Shift', 'N', 'g', 'u', 'y', 'Dead', 'ễ', 'Process', { key: 'x', isComposing: true }, 'n', 'Enter'];
    const { scans } = type(new BurstDetector(), keys, 5);
    expect(scans[0]?.text).toBe('00109412Nguyễn');
  });

  it('skips Alt-code digits and keeps the letter they produce', () => {
    const keys: Key[] = [...keysOf('00109412V'), 'Alt', { key: '2', altKey: true }, { key: '5', altKey: true }, { key: '9', altKey: true }, 'ă', 'n', 'Enter'];
    expect(type(new BurstDetector(), keys, 5).scans[0]?.text).toBe('00109412Văn');
  });

  it('follows a Telex input tool rewriting the scanner\'s keys with Backspace', () => {
    // The tool turns "ee" into "ê": it sends Backspace and the new letter.
    const keys: Key[] = [...keysOf('00109412Nguye'), 'e', 'Backspace', 'Backspace', 'ê', 'n', 'Enter'];
    expect(type(new BurstDetector(), keys, 4).scans[0]?.text).toBe('00109412Nguyên');
  });

  it('every shared CCCD case typed as a wedge burst reads as the card reader reads the raw payload', () => {
    const tsv = readFileSync(new URL('../../fixtures/cccd/cccd-qr-variants.tsv', import.meta.url), 'utf8');
    const rows = tsv.split('\n').filter((l) => l.trim() && !l.startsWith('#'));
    expect(rows.length).toBeGreaterThan(10);
    for (const row of rows) {
      const raw = (row.split('\t')[1] ?? '').replace(/\\u([0-9a-fA-F]{4})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))).replace(/\\r\\n$/, '');
      const { scans } = type(new BurstDetector(), [...keysOf(raw), 'Enter'], 5);
      expect(scans).toHaveLength(1);
      expect(parseCccdPayload(scans[0]?.text ?? '')).toEqual(parseCccdPayload(raw));
    }
  });
});
