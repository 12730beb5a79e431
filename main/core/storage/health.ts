import { statfsSync } from 'node:fs';
import { dirname } from 'node:path';
import type { StationHealth, StorageProblem, StorageProblemCode } from '../../../preload/contract';
import { StationError } from '../errors';
import { refusalCodeOf } from './sqlite-errors';

/** Free space that counts as "space is back" after the disk filled up: room for a day's WAL and then some. */
export const MIN_FREE_BYTES = 16 * 1024 * 1024;
/** How often a full disk is looked at again. */
export const DISK_PROBE_MS = 5_000;

/** Worse problems replace milder ones; a full disk never hides damage. */
const SEVERITY: Record<StorageProblemCode, number> = {
  'disk-full': 1,
  'read-only': 2,
  'io-error': 3,
  'schema-mismatch': 4,
  'not-a-database': 5,
  corrupt: 5,
};

export interface StorageHealthOptions {
  databaseFile: string;
  now: () => Date;
  /** Called after every change, for the desks (the `station:health` event). */
  onChange: (health: StationHealth) => void;
  /** Bytes free for the database's folder; tests pass their own to play a disk filling and emptying. */
  freeBytes?: (folder: string) => number;
  probeMs?: number;
  log?: (message: string) => void;
}

/**
 * Whether the station's database can take writes. A write that fails because
 * the disk is full, the file turned read-only or SQLite found damage puts the
 * station in read-only: desks keep reading and every write is refused at
 * once with a code that says why, so nobody is told "saved" for what was not.
 * A full disk is looked at again every few seconds and the station writes
 * again by itself once space is back; read-only files and damage stay until
 * someone acts (and the station is restarted).
 */
export class StorageHealth {
  private problem: StorageProblem | null = null;
  private probe: ReturnType<typeof setInterval> | null = null;
  private readonly freeBytes: (folder: string) => number;

  constructor(private readonly options: StorageHealthOptions) {
    this.freeBytes = options.freeBytes ?? defaultFreeBytes;
  }

  current(): StationHealth {
    return { state: this.problem ? 'read-only' : 'ok', problem: this.problem };
  }

  /** Throws the refusal for a write while the station is read-only. */
  guardWrite(): void {
    if (!this.problem) return;
    throw refusal(this.problem.code);
  }

  /** A write or checkpoint failed with this problem. Returns the refusal to answer with. */
  report(code: StorageProblemCode, detail: string): StationError {
    if (!this.problem || SEVERITY[code] > SEVERITY[this.problem.code]) {
      this.problem = {
        code,
        databaseFile: this.options.databaseFile,
        detail: detail.slice(0, 500),
        since: this.options.now().toISOString(),
        clearsItself: code === 'disk-full',
      };
      this.options.log?.(`database ${code}: ${detail}`);
      if (code === 'disk-full') this.startProbe();
      else this.stopProbe();
      this.options.onChange(this.current());
    }
    return refusal(this.problem.code);
  }

  /** At start: a disk with less than MIN_FREE_BYTES left is treated as full (read-only, cleared when space is back). */
  checkFreeSpace(): void {
    let free: number;
    try {
      free = this.freeBytes(dirname(this.options.databaseFile));
    } catch {
      return;
    }
    if (free < MIN_FREE_BYTES) this.report('disk-full', `${Math.round(free / 1024)} KB free on the disk`);
  }

  /** Looks at the disk now (the probe timer calls this; so can a test). */
  checkDiskAgain(): void {
    if (this.problem?.code !== 'disk-full') return;
    let free: number;
    try {
      free = this.freeBytes(dirname(this.options.databaseFile));
    } catch {
      return;
    }
    if (free < MIN_FREE_BYTES) return;
    this.problem = null;
    this.stopProbe();
    this.options.log?.(`database writable again (${Math.round(free / 1024 / 1024)} MB free)`);
    this.options.onChange(this.current());
  }

  stop(): void {
    this.stopProbe();
  }

  private startProbe(): void {
    if (this.probe) return;
    this.probe = setInterval(() => this.checkDiskAgain(), this.options.probeMs ?? DISK_PROBE_MS);
    this.probe.unref?.();
  }

  private stopProbe(): void {
    if (this.probe) clearInterval(this.probe);
    this.probe = null;
  }
}

function refusal(code: StorageProblemCode): StationError {
  const errorCode = refusalCodeOf(code);
  const message =
    errorCode === 'DISK_FULL'
      ? 'disk full: nothing was saved; free space on the disk'
      : errorCode === 'DATABASE_READ_ONLY'
        ? 'the database file cannot be written: nothing was saved'
        : 'the database file is damaged: nothing was saved';
  return new StationError(errorCode, message, { problem: code });
}

function defaultFreeBytes(folder: string): number {
  const s = statfsSync(folder);
  return Number(s.bavail) * Number(s.bsize);
}
