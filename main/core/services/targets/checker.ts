import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { StationErrorData } from '../../../../preload/contract';
import type { ValidTarget } from '../../../domain/target-import/validate-rows';
import { StationError } from '../../errors';
import { workerScript } from '../../workers/worker-script';
import type { CheckInput, CheckSummary } from './check-file';

/** A check taking longer than this is stuck; the worker is ended and the supervisor told. */
export const CHECK_TIMEOUT_MS = 5 * 60_000;
/** The worker's own heap ceiling: a hostile file exhausts this, not the core's memory. */
export const CHECK_WORKER_HEAP_MB = 1024;

type WorkerMessage =
  | { type: 'progress'; rowsChecked: number; totalRows: number }
  | { type: 'targets'; targets: ValidTarget[] }
  | { type: 'done'; summary: CheckSummary }
  | { type: 'refused'; error: StationErrorData }
  | { type: 'failed'; message: string };

export interface RunningCheck {
  result: Promise<{ summary: CheckSummary; targets: ValidTarget[] }>;
  /** Ends the worker (the file was cancelled); the result rejects. */
  cancel(): void;
}

/**
 * Runs checkTargetFile in a worker thread. The file's bytes are moved to the
 * worker, not copied; valid rows come back in batches, each deserialised in
 * its own turn of the event loop, so desks' calls keep interleaving.
 */
export function checkInWorker(input: CheckInput, onProgress: (rowsChecked: number, totalRows: number) => void): RunningCheck {
  const worker = new Worker(workerScript('target-check-worker', join(__dirname, 'check-worker.ts')), {
    workerData: input,
    transferList: [input.bytes.buffer as ArrayBuffer],
    resourceLimits: { maxOldGenerationSizeMb: CHECK_WORKER_HEAP_MB },
  });
  const targets: ValidTarget[] = [];
  let settled = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const result = new Promise<{ summary: CheckSummary; targets: ValidTarget[] }>((resolve, reject) => {
    const finish = (outcome: { summary: CheckSummary } | Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      if (outcome instanceof Error) reject(outcome);
      else resolve({ summary: outcome.summary, targets });
    };
    timer = setTimeout(() => finish(failed('the check took too long')), CHECK_TIMEOUT_MS);
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'progress') onProgress(m.rowsChecked, m.totalRows);
      else if (m.type === 'targets') for (const t of m.targets) targets.push(t);
      else if (m.type === 'done') finish({ summary: m.summary });
      else if (m.type === 'refused') finish(new StationError(m.error.code, m.error.message, m.error.params));
      else finish(failed(m.message));
    });
    worker.on('error', (err) => finish(failed(err.message)));
    worker.on('exit', (code) => finish(failed(`the check stopped (exit code ${code})`)));
  });
  return {
    result,
    cancel: () => {
      if (!settled) void worker.terminate();
    },
  };
}

function failed(reason: string): StationError {
  return new StationError('IMPORT_CHECK_FAILED', 'the file could not be checked', { reason: reason.slice(0, 200) });
}
