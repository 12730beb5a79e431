import { parentPort, workerData } from 'node:worker_threads';
import { checkTargetFile, refusalData, type CheckInput } from './check-file';

/**
 * A target-list file checked in a worker thread: decoding, CSV parsing and
 * validating 100,000 rows take a second or more and hundreds of megabytes,
 * and the core's own thread keeps answering every desk meanwhile. A file that
 * would exhaust memory ends this worker, not the station.
 */
const port = parentPort!;
try {
  const summary = checkTargetFile(workerData as CheckInput, {
    progress: (rowsChecked, totalRows) => port.postMessage({ type: 'progress', rowsChecked, totalRows }),
    targets: (batch) => port.postMessage({ type: 'targets', targets: batch }),
  });
  port.postMessage({ type: 'done', summary });
} catch (err) {
  const refusal = refusalData(err);
  port.postMessage(refusal ? { type: 'refused', error: refusal } : { type: 'failed', message: err instanceof Error ? err.message : String(err) });
}
