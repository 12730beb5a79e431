import type { DayVerification } from '../../../../preload/contract';
import { renderDayReport, type DayReportInput } from '../../../reports/day-report/day-report-pdf';
import type { ReportLanguage } from '../../../reports/day-report/labels';
import { StationError } from '../../errors';
import type { Actor, Store } from '../../store';
import type { CertificatePrinting } from '../certificates/printing';
import type { DayViews } from './day-view';
import { verifyDay } from './verify';

/**
 * The day report: rendered from the session's records and manifests when
 * asked (a closed day's records no longer change, so the same day gives the
 * same figures), printed on the station's printer like certificates, and
 * each print audited.
 */
export class DayReport {
  constructor(
    private readonly store: Store,
    private readonly views: DayViews,
    private readonly printing: CertificatePrinting,
  ) {}

  async pdf(planId: string, language: ReportLanguage): Promise<{ fileName: string; pdfBase64: string; pages: number }> {
    const { pdf, pages, fileName } = await this.render(planId, language);
    return { fileName, pdfBase64: pdf.toString('base64'), pages };
  }

  async render(planId: string, language: ReportLanguage): Promise<{ pdf: Buffer; pages: number; fileName: string }> {
    const view = this.views.day(planId);
    const site = this.store.q.site.get();
    if (!view || !site) throw new StationError('NOT_FOUND', 'no such session', { id: planId });
    const input: DayReportInput = { view, site, language, printedAt: this.store.clock.now().toISOString() };
    const { pdf, pages } = await renderDayReport(input);
    const fileName = `${site.code}-${view.session.sessionDate}-${view.session.period}-${language}.pdf`;
    return { pdf, pages, fileName };
  }

  async print(actor: Actor, planId: string, language: ReportLanguage, printer?: string): Promise<{ printer: string; jobId: string | null }> {
    const { pdf, fileName } = await this.render(planId, language);
    const job = await this.printing.printDocument(pdf, { title: fileName.replace(/\.pdf$/, ''), fileName, paper: 'A4', printer });
    this.store.write(actor, (w) => {
      w.audit('day:printReport', 'session_plan', planId, null, { language, printer: job.printer, jobId: job.jobId });
    });
    return job;
  }

  verify(planId: string): DayVerification {
    if (!this.store.q.plans.row(planId)) throw new StationError('NOT_FOUND', 'no such session', { id: planId });
    return verifyDay(this.store.db, planId);
  }
}
