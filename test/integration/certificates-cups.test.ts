import { readFileSync } from 'node:fs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { seedCitizen, TWO_DOSES } from '../support/certificate-fixtures';
import { completedJobs, CUPS_PDF_PRINTER, cupsPdfOutputs, ensureCupsPdfPrinter } from '../support/cups';
import { ok, setUpSite, startTestStation, type TestStation } from '../support/station';

let t: TestStation;
afterEach(() => t?.close());

let unavailable: string | null = null;
beforeAll(async () => {
  unavailable = await ensureCupsPdfPrinter();
  // On CI the print system is installed on purpose: not having it is a failure, not a skip.
  if (unavailable && process.env.CI) throw new Error(unavailable);
});

describe('printing on a real CUPS printer (cups-pdf)', () => {
  it('lists the printer and queues a certificate that the scheduler completes', async (context) => {
    if (unavailable) return context.skip();
    t = startTestStation();
    const { sup, nurse } = await setUpSite(t);
    ok(await sup.certificates.createSigningKey({ passphrase: 'mật khẩu trạm tiêm 2026' }));
    const printers = ok(await nurse.certificates.printers({}));
    expect(printers.system).toBe('cups');
    expect(printers.printers.map((p) => p.name)).toContain(CUPS_PDF_PRINTER);

    const { citizenId } = seedCitizen(t, { fullName: 'Nguyễn Thị Ánh Tuyết', dateOfBirth: '1990-05-17', idNumber: '079190001234' }, TWO_DOSES);
    const certificate = ok(await nurse.certificates.issueForCitizen({ citizenId }));
    const before = new Set(cupsPdfOutputs());
    const job = ok(await nurse.certificates.print({ certificateId: certificate.id, printer: CUPS_PDF_PRINTER }));
    expect(job.jobId).toMatch(/^PDF-\d+$/);

    // The job leaves the queue once cups-pdf has written it out.
    let done = false;
    for (let i = 0; i < 150 && !done; i++) {
      done = completedJobs().includes(job.jobId!);
      if (!done) await new Promise((r) => setTimeout(r, 200));
    }
    expect(done).toBe(true);
    const written = cupsPdfOutputs().filter((f) => !before.has(f) && f.includes(`job_${job.jobId!.split('-')[1]}`));
    for (const file of written) expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
  });
});
