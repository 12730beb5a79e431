import { BarcodeAssembler, type AssemblerOutput } from './barcode-assembler';
import { decodeReport } from './decode-report';
import { errorText, loadNodeHid, type HidHandle, type HidLoad, type HidModule } from './load-node-hid';
import { selectScanners, type ConfiguredScanner, type ScannerCandidate } from './scanner-devices';

/**
 * Keeps the station's USB HID POS scanners open while they come and go.
 * node-hid has no hot-plug events, so the list of HID interfaces is polled
 * (every 1.5 s by default): a new scanner is opened, a vanished one is
 * reported disconnected, one that failed is reopened. Nobody has to restart
 * the station after pulling a cable. Reports go through decodeReport and
 * BarcodeAssembler, the same path the replay tests drive.
 */

export interface ScannerRef {
  id: string;
  name: string;
  vendorId: number;
  productId: number;
}

export type ScannerErrorCode = 'OPEN_FAILED' | 'READ_FAILED' | 'LIST_FAILED' | 'BARCODE_TOO_LONG' | 'MALFORMED_REPORT';

export type ScannerEvent =
  | { type: 'scan'; device: ScannerRef; text: string; symbology: string | null; complete: boolean; invalidUtf8: boolean }
  | { type: 'connected'; device: ScannerRef }
  | { type: 'disconnected'; device: ScannerRef }
  | { type: 'error'; device: ScannerRef | null; code: ScannerErrorCode; message: string }
  | { type: 'unavailable'; reason: string };

export interface ScannerDeviceStatus extends ScannerRef {
  state: 'connected' | 'error';
  error: string | null;
  scans: number;
  lastScanAt: number | null;
}

export type ScannerStatus =
  | { state: 'stopped' }
  | { state: 'starting' }
  | { state: 'unavailable'; reason: string }
  | { state: 'watching'; devices: ScannerDeviceStatus[] };

export interface Timers {
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface ScannerWatcherOptions {
  /** Loads node-hid; tests pass a fake module. */
  loadHid?: () => Promise<HidLoad>;
  /** Scanners known by vendor/product ID in addition to usage page 0x8C. */
  configured?: readonly ConfiguredScanner[];
  pollMs?: number;
  /** Silence after which an unfinished barcode is delivered as it is. */
  idleMs?: number;
  maxBarcodeBytes?: number;
  now?: () => number;
  timers?: Timers;
}

export interface ScannerWatcher {
  start(): Promise<void>;
  stop(): void;
  /** Re-lists devices now; the timer calls this, tests may too. */
  poll(): void;
  status(): ScannerStatus;
  onEvent(listener: (event: ScannerEvent) => void): () => void;
}

interface Entry {
  candidate: ScannerCandidate;
  handle: HidHandle | null;
  error: string | null;
  /** Set when reading failed; reported once the next poll shows the device is still there. */
  readError: string | null;
  scans: number;
  lastScanAt: number | null;
  assembler: BarcodeAssembler;
  flushTimer: unknown;
}

const defaultTimers: Timers = {
  setInterval: (fn, ms) => {
    const h = setInterval(fn, ms);
    h.unref?.();
    return h;
  },
  clearInterval: (h) => clearInterval(h as ReturnType<typeof setInterval>),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export function createScannerWatcher(options: ScannerWatcherOptions = {}): ScannerWatcher {
  const timers = options.timers ?? defaultTimers;
  const now = options.now ?? Date.now;
  const configured = options.configured ?? [];
  const listeners = new Set<(event: ScannerEvent) => void>();
  const entries = new Map<string, Entry>();
  let hid: HidModule | null = null;
  let state: 'stopped' | 'starting' | 'unavailable' | 'watching' = 'stopped';
  let unavailableReason = '';
  let pollTimer: unknown = null;
  let lastListError: string | null = null;

  function emit(event: ScannerEvent): void {
    for (const listener of listeners) {
      try {
        listener(event);
      } catch {
        // A failing listener must not stop scanners from being read.
      }
    }
  }

  const ref = (e: Entry): ScannerRef => {
    const { id, name, vendorId, productId } = e.candidate;
    return { id, name, vendorId, productId };
  };

  function deliver(entry: Entry, output: AssemblerOutput): void {
    if (output.kind === 'oversized') {
      emit({ type: 'error', device: ref(entry), code: 'BARCODE_TOO_LONG', message: `${output.byteLength} bytes` });
      return;
    }
    entry.scans += 1;
    entry.lastScanAt = now();
    const { text, symbology, complete, invalidUtf8 } = output;
    emit({ type: 'scan', device: ref(entry), text, symbology, complete, invalidUtf8 });
  }

  function scheduleFlush(entry: Entry): void {
    if (entry.flushTimer !== null) timers.clearTimeout(entry.flushTimer);
    entry.flushTimer = null;
    const deadline = entry.assembler.deadline();
    if (deadline === null) return;
    entry.flushTimer = timers.setTimeout(() => {
      entry.flushTimer = null;
      const output = entry.assembler.flush(now());
      if (output) deliver(entry, output);
      scheduleFlush(entry);
    }, Math.max(0, deadline - now()));
  }

  function onReport(entry: Entry, data: Buffer | Uint8Array): void {
    const decoded = decodeReport(new Uint8Array(data), entry.candidate.layout);
    if (decoded.kind === 'ignored') return;
    if (decoded.kind === 'malformed') {
      emit({ type: 'error', device: ref(entry), code: 'MALFORMED_REPORT', message: decoded.reason });
      return;
    }
    for (const output of entry.assembler.push(decoded, now())) deliver(entry, output);
    scheduleFlush(entry);
  }

  function closeHandle(entry: Entry): void {
    if (entry.flushTimer !== null) timers.clearTimeout(entry.flushTimer);
    entry.flushTimer = null;
    entry.assembler = new BarcodeAssembler({ idleMs: options.idleMs, maxBytes: options.maxBarcodeBytes });
    const handle = entry.handle;
    entry.handle = null;
    try {
      handle?.close();
    } catch {
      // Closing a device that is already gone may throw; it is closed either way.
    }
  }

  function open(entry: Entry): void {
    if (!hid) return;
    try {
      const handle = new hid.HID(entry.candidate.id);
      entry.handle = handle;
      handle.on('data', (data) => onReport(entry, data));
      handle.on('error', (error) => {
        closeHandle(entry);
        // Unplugging shows up first as a read error, before the OS drops the device from
        // its list; the next poll tells the two apart (gone: disconnected; still there: error, reopen).
        entry.readError = errorText(error);
      });
      entry.error = null;
      emit({ type: 'connected', device: ref(entry) });
    } catch (error) {
      entry.handle = null;
      const message = errorText(error);
      // Retried on every poll; said once per distinct cause (e.g. missing udev permission).
      if (message !== entry.error) emit({ type: 'error', device: ref(entry), code: 'OPEN_FAILED', message });
      entry.error = message;
    }
  }

  function poll(): void {
    if (!hid || state !== 'watching') return;
    let candidates: ScannerCandidate[];
    try {
      candidates = selectScanners(hid.devices(), configured);
      lastListError = null;
    } catch (error) {
      const message = errorText(error);
      if (message !== lastListError) emit({ type: 'error', device: null, code: 'LIST_FAILED', message });
      lastListError = message;
      return;
    }
    const present = new Set(candidates.map((c) => c.id));
    for (const [id, entry] of entries) {
      if (present.has(id)) continue;
      closeHandle(entry);
      entries.delete(id);
      emit({ type: 'disconnected', device: ref(entry) });
    }
    for (const candidate of candidates) {
      let entry = entries.get(candidate.id);
      if (!entry) {
        entry = {
          candidate,
          handle: null,
          error: null,
          readError: null,
          scans: 0,
          lastScanAt: null,
          assembler: new BarcodeAssembler({ idleMs: options.idleMs, maxBytes: options.maxBarcodeBytes }),
          flushTimer: null,
        };
        entries.set(candidate.id, entry);
      }
      if (entry.readError !== null) {
        emit({ type: 'error', device: ref(entry), code: 'READ_FAILED', message: entry.readError });
        entry.error = entry.readError;
        entry.readError = null;
      }
      if (!entry.handle) open(entry);
    }
  }

  return {
    async start() {
      if (state !== 'stopped') return;
      state = 'starting';
      const loaded = await (options.loadHid ?? loadNodeHid)();
      if (state !== 'starting') return; // stopped while loading
      if (!loaded.ok) {
        state = 'unavailable';
        unavailableReason = loaded.reason;
        emit({ type: 'unavailable', reason: loaded.reason });
        return;
      }
      hid = loaded.hid;
      state = 'watching';
      poll();
      pollTimer = timers.setInterval(poll, options.pollMs ?? 1500);
    },
    stop() {
      if (pollTimer !== null) timers.clearInterval(pollTimer);
      pollTimer = null;
      for (const entry of entries.values()) closeHandle(entry);
      entries.clear();
      state = 'stopped';
    },
    poll,
    status(): ScannerStatus {
      if (state === 'unavailable') return { state, reason: unavailableReason };
      if (state !== 'watching') return { state };
      return {
        state,
        devices: [...entries.values()].map((e) => ({
          ...ref(e),
          state: e.handle ? 'connected' : 'error',
          error: e.handle ? null : (e.readError ?? e.error),
          scans: e.scans,
          lastScanAt: e.lastScanAt,
        })),
      };
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
