import type { BatchResult, ErrorCode } from '../../../../preload/contract';
import { StationError } from '../../errors';
import { newId } from '../../ids';
import type { Actor, Store } from '../../store';
import type { CertificateIssuing } from './issuing';
import type { CertificatePrinting } from './printing';
import type { SigningKeys } from './signing-keys';

/**
 * The supervisor's end-of-day action: sign (and print) every certificate of
 * today's released citizens still waiting, one by one, each in its own
 * transaction so a failure (a name that cannot be transliterated, a jammed
 * printer) stops only that citizen. Progress goes to every desk as
 * `certificates:batchProgress` after each citizen.
 */
export class CertificateBatch {
  private running = false;

  constructor(
    private readonly store: Store,
    private readonly keys: SigningKeys,
    private readonly issuing: CertificateIssuing,
    private readonly printing: CertificatePrinting,
  ) {}

  async run(actor: Actor, options: { print: boolean; printer?: string | undefined }): Promise<BatchResult> {
    if (this.running) throw new StationError('CERT_BATCH_RUNNING', 'a batch is already running');
    this.running = true;
    try {
      const pending = this.issuing.pending();
      // Refuse up front what would fail for everyone: no signing key, locked signing, no printer.
      if (pending.some((p) => p.needs === 'issue')) this.keys.current();
      const printer = options.print && pending.length > 0 ? await this.printing.checkedPrinter(options.printer) : undefined;

      const batchId = newId();
      const result: BatchResult = { batchId, total: pending.length, issued: 0, printed: 0, failed: [] };
      const progress = (done: number, finished: boolean) =>
        this.store.notify('certificates:batchProgress', { batchId, done, total: pending.length, failed: result.failed.length, finished });
      progress(0, pending.length === 0);
      for (const [index, item] of pending.entries()) {
        try {
          const certificate = await this.issuing.issue(actor, item.citizenId, { requireRelease: false });
          if (item.needs === 'issue') result.issued++;
          if (printer) {
            await this.printing.print(actor, certificate.id, { printer, trigger: 'batch' });
            result.printed++;
          }
        } catch (err) {
          const code: ErrorCode = err instanceof StationError ? err.code : 'INTERNAL';
          result.failed.push({ citizenId: item.citizenId, fullName: item.fullName, code });
        }
        progress(index + 1, index + 1 === pending.length);
        // Let the event reach the desks (and other calls run) between citizens.
        await new Promise((resolve) => setImmediate(resolve));
      }
      return result;
    } finally {
      this.running = false;
    }
  }
}
