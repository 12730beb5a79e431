import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { workerScript } from '../workers/worker-script';

export interface IntegrityResult {
  ok: boolean;
  /** SQLite's findings ("ok" alone when there are none). */
  messages: string[];
}

/** The first full check after start: once desks have settled in, not while everyone signs in. */
export const FIRST_INTEGRITY_CHECK_MS = 10 * 60_000;

/**
 * The full integrity check (every index against its table, every page), run
 * off the core's thread. The quick check at start catches most damage; this
 * one runs in the background once the station has been up a while, and when
 * asked (close of day).
 */
export class IntegrityChecks {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running: Promise<IntegrityResult> | null = null;

  constructor(
    private readonly databaseFile: string,
    private readonly onDamage: (messages: string[]) => void,
  ) {}

  /** Runs the check now (one at a time); damage found is reported before the promise settles. */
  run(): Promise<IntegrityResult> {
    return (this.running ??= this.check().finally(() => (this.running = null)));
  }

  schedule(delayMs = FIRST_INTEGRITY_CHECK_MS): void {
    if (this.databaseFile === ':memory:') return;
    this.timer = setTimeout(() => void this.run().catch(() => {}), delayMs);
    this.timer.unref?.();
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private check(): Promise<IntegrityResult> {
    return new Promise<IntegrityResult>((resolve, reject) => {
      const worker = new Worker(workerScript('integrity-worker', join(__dirname, 'integrity-worker.ts')), {
        workerData: { file: this.databaseFile, maxErrors: 20 },
      });
      worker.unref();
      worker.once('message', (answer: IntegrityResult | { failed: string; code: string }) => {
        let result: IntegrityResult;
        if ('failed' in answer) {
          // A file SQLite cannot even read as a database is damage; a busy or missing file is only a check that did not run.
          if (!answer.code.startsWith('SQLITE_CORRUPT') && answer.code !== 'SQLITE_NOTADB') {
            return reject(new Error(`integrity check could not run: ${answer.code} ${answer.failed}`));
          }
          result = { ok: false, messages: [`${answer.code}: ${answer.failed}`] };
        } else {
          result = answer;
        }
        if (!result.ok) this.onDamage(result.messages);
        resolve(result);
      });
      worker.once('error', reject);
      worker.once('exit', (code) => {
        if (code !== 0) reject(new Error(`integrity check stopped with code ${code}`));
      });
    });
  }
}
