import { parentPort, workerData } from 'node:worker_threads';
import BetterSqlite3 from 'better-sqlite3';

/**
 * PRAGMA integrity_check on its own read-only connection, in a worker
 * thread: on a day's database it reads every page and index for seconds, and
 * the core's thread keeps answering desks meanwhile.
 */
const { file, maxErrors } = workerData as { file: string; maxErrors: number };
let answer: { ok: boolean; messages: string[] } | { failed: string; code: string };
try {
  const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    const rows = db.pragma(`integrity_check(${Math.max(1, Math.floor(maxErrors))})`) as { integrity_check: string }[];
    const messages = rows.map((r) => r.integrity_check);
    answer = { ok: messages.length === 1 && messages[0] === 'ok', messages };
  } finally {
    db.close();
  }
} catch (err) {
  // Could not check (busy, I/O): not the same as damage found, which the main side decides by the code.
  answer = { failed: (err as Error).message, code: (err as { code?: string }).code ?? '' };
}
parentPort!.postMessage(answer);
