import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CertificatePreview, PrinterList, PrintRecord } from '../../../../preload/contract';
import type { CertificateQueries } from '../../../../db/queries/certificates';
import { toQrPng } from '../../../certificates/dcc/qr';
import { type PrintSystem, osPrintSystem } from '../../../certificates/printing/print-system';
import { StationError } from '../../errors';
import { newId } from '../../ids';
import type { Actor, Store } from '../../store';
import type { CertificateSettingsService } from './certificate-settings';
import type { CertificateIssuing } from './issuing';
import { effectiveStatus } from './paper';

/**
 * Printing the stored PDF of a certificate on an OS printer. Every print is
 * recorded (who, when, which printer, the print system's job id); a print of
 * a certificate already printed is a reprint and its audit row says so.
 */
export class CertificatePrinting {
  private system: PrintSystem = osPrintSystem();

  constructor(
    private readonly store: Store,
    private readonly q: CertificateQueries,
    private readonly issuing: CertificateIssuing,
    private readonly settings: CertificateSettingsService,
  ) {}

  /** Tests print to a recording fake; the station always prints through the OS. */
  usePrintSystem(system: PrintSystem): void {
    this.system = system;
  }

  async printers(): Promise<PrinterList> {
    const { printers, problem } = await this.system.list();
    return { system: this.system.kind, printers, problem };
  }

  preview(certificateId: string): Promise<CertificatePreview> {
    const row = this.q.byId(certificateId);
    const stored = this.q.pdf(certificateId);
    if (!row || !stored) throw new StationError('NOT_FOUND', 'no such certificate', { id: certificateId });
    return toQrPng(row.hc1, { scale: 4 }).then((png) => ({
      certificateId,
      paper: stored.paper,
      pdfBase64: stored.pdf.toString('base64'),
      qrPngBase64: png.toString('base64'),
    }));
  }

  /**
   * Sends the stored PDF to a printer (the request's, else the station's).
   * Nurses print for citizens released today; a superseded certificate is
   * never printed, since its QR is no longer the citizen's current one.
   */
  async print(actor: Actor | null, certificateId: string, options: { printer?: string | undefined; trigger: PrintRecord['trigger'] }): Promise<PrintRecord> {
    const row = this.q.byId(certificateId);
    const stored = this.q.pdf(certificateId);
    if (!row || !stored) throw new StationError('NOT_FOUND', 'no such certificate', { id: certificateId });
    if (effectiveStatus(row, this.store.clock.now()) === 'superseded') throw new StationError('CERT_SUPERSEDED', 'a newer certificate replaced this one', { uvci: row.uvci });
    if (actor?.role === 'nurse' && !this.issuing.releasedToday(row.citizenId)) {
      throw new StationError('CERT_NOT_RELEASED', 'nurses print certificates of citizens released today; ask a supervisor');
    }
    const { printer, jobId } = await this.printDocument(stored.pdf, { title: `Certificate ${row.uvci}`, fileName: row.uvci, paper: stored.paper, printer: options.printer });

    return this.store.write(actor, (w) => {
      const reprint = (this.q.byId(certificateId)?.printCount ?? 0) > 0;
      const record: PrintRecord = { id: newId(), certificateId, printer, jobId, reprint, trigger: options.trigger, printedAt: w.at };
      this.q.insertPrint({ ...record, printedBy: actor?.staffId ?? null });
      w.audit(reprint ? 'certificates:reprint' : 'certificates:print', 'certificate', certificateId, null, {
        uvci: row.uvci,
        printer,
        jobId,
        trigger: options.trigger,
      });
      w.emit('certificates:printed', { certificateId, citizenId: row.citizenId, printer, trigger: options.trigger });
      return record;
    });
  }

  /**
   * Sends a PDF to a printer (the request's, else the station's) and answers
   * with the print system's job; the same path for certificates and for other
   * papers the station prints (the day report). Recording the print is the caller's.
   */
  async printDocument(pdf: Buffer, options: { title: string; fileName: string; paper: 'A4' | 'A5' | 'A6'; printer?: string | undefined }): Promise<{ printer: string; jobId: string | null }> {
    const printer = await this.checkedPrinter(options.printer);
    const dir = await mkdtemp(join(tmpdir(), 'station-print-'));
    const file = join(dir, `${options.fileName.replace(/[^A-Z0-9]+/gi, '-')}.pdf`);
    try {
      await writeFile(file, pdf, { mode: 0o600 });
      const { jobId } = await this.system.print(file, printer, { title: options.title, paper: options.paper });
      return { printer, jobId };
    } catch (err) {
      throw new StationError('CERT_PRINT_FAILED', 'the printer refused the job', { printer, reason: err instanceof Error ? err.message : String(err) });
    } finally {
      // CUPS copies the file into its spool when lp returns; the temporary copy has done its job.
      await rm(dir, { recursive: true, force: true });
    }
  }

  /** The printer to use, checked against the ones the OS lists now. */
  async checkedPrinter(requested: string | undefined): Promise<string> {
    const printer = requested ?? this.settings.get().printer;
    if (!printer) throw new StationError('CERT_PRINTER_NOT_SET', 'choose a printer in the certificate settings');
    const { printers, problem } = await this.system.list();
    if (printers.length === 0 && problem) throw new StationError('CERT_PRINTING_UNAVAILABLE', 'the print system does not answer', { reason: problem });
    if (!printers.some((p) => p.name === printer)) throw new StationError('CERT_PRINTER_UNKNOWN', 'no such printer', { printer });
    return printer;
  }
}
