/**
 * Tells a keyboard-emulating ("wedge") barcode scanner from a person typing.
 * A scanner types a whole payload with keystrokes a few milliseconds apart and
 * usually ends with Enter; people leave 80 ms or more between keys. The desk
 * feeds every keydown here; when no editable field has focus and the keys come
 * as a burst, the detector returns the scanned text.
 *
 * Rules (defaults in brackets):
 * - Keys aimed at an editable field are never touched, and drop any burst in
 *   progress: a person filling a form is not hijacked.
 * - A burst starts with [8] text keys each at most [35] ms after the previous.
 *   From then on the keys belong to the scan (preventDefault is advised, so a
 *   space does not press a focused button); gaps up to [60] ms are tolerated,
 *   since USB polling and OS scheduling make scanners stutter.
 * - It ends with Enter or Tab (the scanner's suffix, also swallowed), or with a
 *   pause longer than [60] ms: call flush() at deadline().
 * - A burst too short to be recognised ([3] to 7 keys, all scanner-fast) that
 *   ends with the scanner's Enter or Tab is still a scanner's, not a person's
 *   (nobody types four keys 35 ms apart): it is returned marked `short`, so
 *   the desk can say "this is not an ID card" instead of ignoring it, and its
 *   Enter is swallowed like any scan's.
 *
 * Vietnamese text:
 * - Keys arrive as composed characters ("ễ") and are kept as they come; the
 *   result is NFC, so a scanner that sends a base letter and then combining
 *   marks as separate keys gives the same text.
 * - "Dead", "Process", "Unidentified", "Compose" and modifier keys carry no text
 *   and are skipped without ending the burst; the character a dead key composes
 *   arrives as the next key. Events with isComposing set are skipped: an IME
 *   delivers its text through composition, which outside an editable field
 *   does not happen.
 * - Alt + digit keys are skipped (Windows Alt-code entry, which some scanners
 *   use for non-ASCII letters); the character Alt produces arrives as its own key.
 * - Backspace inside a burst removes the last character: keyboard-hook input
 *   methods (Telex/VNI tools) rewrite what was just typed by sending Backspace
 *   and the new letter, and they do that to a scanner's keystrokes too.
 */

export interface KeyInput {
  /** KeyboardEvent.key */
  key: string;
  /** KeyboardEvent.timeStamp, in ms */
  timeStamp: number;
  /** The event's target is an input, textarea, select or contenteditable element. */
  targetIsEditable: boolean;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  isComposing?: boolean;
}

export interface BurstOptions {
  /** Longest gap between keys while a burst is being recognised. */
  maxGapMs?: number;
  /** Keys needed before a burst counts as a scan. */
  minLength?: number;
  /** Silence that ends a recognised burst (and the longest stutter inside one). */
  endPauseMs?: number;
  /** Keys scanners send as a suffix. */
  terminators?: readonly string[];
  /** Characters kept from one burst; the rest is dropped and the scan marked truncated. */
  maxLength?: number;
  /** Fewest fast keys before a terminator that still count as a (short) scan. */
  minShortLength?: number;
}

export interface ScanBurst {
  text: string;
  startedAt: number;
  endedAt: number;
  keys: number;
  endedBy: 'enter' | 'tab' | 'pause';
  truncated: boolean;
  /** Fewer keys than a scan needs to be recognised, but ended by a scanner's suffix: a short code. */
  short?: boolean;
}

export interface KeyDecision {
  /** The key belongs to a scan: stop its default action (button presses, scrolling). */
  preventDefault: boolean;
  /** The scan this key finished, if any. */
  scan: ScanBurst | null;
}

const NO_TEXT_KEYS = new Set([
  'Shift', 'Control', 'Alt', 'AltGraph', 'Meta', 'OS', 'Super', 'Hyper', 'Fn', 'FnLock',
  'CapsLock', 'NumLock', 'ScrollLock', 'Symbol', 'SymbolLock',
  'Dead', 'Process', 'Unidentified', 'Compose', 'AllCandidates', 'Convert', 'NonConvert', 'ModeChange',
]);
/** Named key values ("Enter", "ArrowLeft", "F5") are ASCII words with a capital; text keys are the text. */
const NAMED_KEY = /^[A-Z][A-Za-z0-9]+$/u;
const COMBINING_ONLY = /^\p{M}+$/u;
const DIGIT = /^[0-9]$/u;

const NOTHING: KeyDecision = { preventDefault: false, scan: null };

export class BurstDetector {
  private readonly maxGapMs: number;
  private readonly minLength: number;
  private readonly endPauseMs: number;
  private readonly terminators: ReadonlySet<string>;
  private readonly maxLength: number;
  private readonly minShortLength: number;
  private chars: string[] = [];
  private keys = 0;
  private startedAt = 0;
  private lastAt = 0;
  private truncated = false;

  constructor(options: BurstOptions = {}) {
    this.maxGapMs = options.maxGapMs ?? 35;
    this.minLength = options.minLength ?? 8;
    this.endPauseMs = options.endPauseMs ?? 60;
    this.terminators = new Set(options.terminators ?? ['Enter', 'Tab']);
    this.maxLength = options.maxLength ?? 4096;
    this.minShortLength = options.minShortLength ?? 3;
  }

  /** A burst long and fast enough to be a scanner. */
  get recognised(): boolean {
    return this.keys >= this.minLength;
  }

  handleKey(input: KeyInput): KeyDecision {
    if (input.targetIsEditable) {
      this.reset();
      return NOTHING;
    }
    const { key, timeStamp: at } = input;
    if (input.isComposing || NO_TEXT_KEYS.has(key) || input.ctrlKey || input.metaKey || (input.altKey && DIGIT.test(key))) {
      return { preventDefault: this.recognised, scan: null };
    }
    const gap = at - this.lastAt;
    // A scan whose end never got its flush() (timer late or never set) ends here.
    const overdue = this.keys > 0 && gap > this.limitGap() ? this.finish('pause') : null;

    if (this.terminators.has(key)) {
      if (!overdue && !this.recognised && this.keys >= this.minShortLength && gap <= this.maxGapMs) {
        const short: ScanBurst = { text: this.chars.join('').normalize('NFC'), startedAt: this.startedAt, endedAt: at, keys: this.keys, endedBy: key === 'Tab' ? 'tab' : 'enter', truncated: false, short: true };
        this.reset();
        return { preventDefault: true, scan: short };
      }
      if (overdue || !this.recognised) {
        this.reset();
        return { preventDefault: false, scan: overdue };
      }
      return { preventDefault: true, scan: this.finish(key === 'Tab' ? 'tab' : 'enter') };
    }
    if (key === 'Backspace') {
      if (overdue || this.keys === 0) {
        this.reset();
        return { preventDefault: false, scan: overdue };
      }
      this.chars.pop();
      this.keys = Math.max(0, this.keys - 1);
      this.lastAt = at;
      return { preventDefault: this.recognised, scan: null };
    }
    if (NAMED_KEY.test(key)) {
      // Arrows, Escape, function keys: a person is at the keyboard.
      this.reset();
      return { preventDefault: false, scan: overdue };
    }

    if (this.keys === 0) this.startedAt = at;
    if (this.chars.length < this.maxLength) {
      const last = this.chars.length - 1;
      if (COMBINING_ONLY.test(key) && last >= 0) this.chars[last] += key;
      else this.chars.push(key);
    } else this.truncated = true;
    this.keys += 1;
    this.lastAt = at;
    return { preventDefault: this.recognised, scan: overdue };
  }

  /** When flush() should run if no key comes first, or null when nothing waits. */
  deadline(): number | null {
    return this.keys > 0 ? this.lastAt + this.limitGap() : null;
  }

  /** Ends the burst if the keyboard has been quiet long enough. */
  flush(now: number): ScanBurst | null {
    if (this.keys === 0 || now - this.lastAt < this.limitGap()) return null;
    const scan = this.finish('pause');
    this.reset();
    return scan;
  }

  reset(): void {
    this.chars = [];
    this.keys = 0;
    this.truncated = false;
  }

  /** Before recognition only scanner-fast gaps count; after it, stutters up to the end pause. */
  private limitGap(): number {
    return this.recognised ? this.endPauseMs : this.maxGapMs;
  }

  private finish(endedBy: ScanBurst['endedBy']): ScanBurst | null {
    const scan: ScanBurst | null = this.recognised
      ? {
          text: this.chars.join('').normalize('NFC'),
          startedAt: this.startedAt,
          endedAt: this.lastAt,
          keys: this.keys,
          endedBy,
          truncated: this.truncated,
        }
      : null;
    this.reset();
    return scan;
  }
}
