import type { ErrorCode, EventName } from '../../../../preload/contract';
import type { CertificateSourceQueries } from '../../../../db/queries/certificate-sources';
import { StationError } from '../../errors';
import type { Store } from '../../store';
import type { CertificateSettingsService } from './certificate-settings';
import type { CertificateIssuing } from './issuing';
import type { CertificatePrinting } from './printing';

/**
 * Printing without a click when a citizen is released from observation
 * (settings: autoPrintOnRelease). It reacts to the queue's own event for a
 * visit reaching 'released', which every release path emits after its
 * commit, so it needs nothing from the observation desk's code. Work runs one
 * release at a time, after the releasing call has answered; the outcome goes
 * to every desk as `certificates:autoPrint` (a locked signing key or a missing
 * printer is said there, and the citizen stays on the pending list for the
 * supervisor's batch).
 */
export class AutoPrintOnRelease {
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: Store,
    private readonly src: CertificateSourceQueries,
    private readonly settings: CertificateSettingsService,
    private readonly issuing: CertificateIssuing,
    private readonly printing: CertificatePrinting,
  ) {}

  /** The station's event stream, after commit. */
  onEvent(event: EventName, payload: unknown): void {
    if (event !== 'queue:changed') return;
    const { visitId, step } = payload as { visitId: string; step: string };
    if (step !== 'released') return;
    this.queue = this.queue.then(() => this.handle(visitId));
  }

  /** Resolves when every release seen so far has been handled (tests and shutdown wait on it). */
  idle(): Promise<void> {
    return this.queue;
  }

  private async handle(visitId: string): Promise<void> {
    // The station may have closed between the release and now (a test ending, the app quitting).
    if (!this.store.db.open) return;
    try {
      if (!this.settings.get().autoPrintOnRelease) return;
      const visit = this.src.visit(visitId);
      if (!visit || visit.step !== 'released') return;
      let certificateId: string | null = null;
      try {
        const certificate = await this.issuing.issue(null, visit.citizenId, { requireRelease: true });
        certificateId = certificate.id;
        if (certificate.printCount === 0) await this.printing.print(null, certificate.id, { trigger: 'auto_release' });
        this.report(visit, true, certificateId, null);
      } catch (err) {
        const code: ErrorCode = err instanceof StationError ? err.code : 'INTERNAL';
        this.report(visit, false, certificateId, code);
      }
    } catch {
      // Reading settings or the visit failed: the database went away mid-way. Nothing to tell anyone.
    }
  }

  private report(visit: { id: string; citizenId: string }, ok: boolean, certificateId: string | null, code: ErrorCode | null): void {
    if (!this.store.db.open) return;
    this.store.notify('certificates:autoPrint', { citizenId: visit.citizenId, visitId: visit.id, ok, certificateId, code });
  }
}
