import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { recordingPrintSystem, releaseVisit, seedCitizen, TWO_DOSES } from '../support/certificate-fixtures';
import { errorCode, ok, setUpSite, startTestStation, type TestStation } from '../support/station';

let t: TestStation;
afterEach(() => t?.close());

const PASSPHRASE = 'mật khẩu trạm tiêm 2026';
const AN = { fullName: 'Nguyễn Thị Ánh Tuyết', dateOfBirth: '1990-05-17', idNumber: '079190001234' };

async function stationWithKey() {
  t = startTestStation();
  const desks = await setUpSite(t);
  ok(await desks.sup.certificates.createSigningKey({ passphrase: PASSPHRASE }));
  const printer = recordingPrintSystem();
  t.station.services.certificates.printing.usePrintSystem(printer);
  return { ...desks, printer };
}

/**
 * The PDF's text as a reader sees it, where poppler's pdftotext is installed.
 * CI installs it, so there a missing pdftotext is a failure, not a skip.
 */
function pdfText(pdf: Buffer): string | null {
  if (!existsSync('/usr/bin/pdftotext')) {
    if (process.env.CI) throw new Error('pdftotext is missing: apt-get install poppler-utils');
    return null;
  }
  const file = join(mkdtempSync(join(tmpdir(), 'cert-pdf-')), 'c.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
}

describe('issuing a certificate for a released citizen', () => {
  it('signs the latest dose with a new UVCI, stores the PDF and verifies as our provisional certificate', async () => {
    const { nurse } = await stationWithKey();
    const { citizenId } = seedCitizen(t, AN, TWO_DOSES);

    const certificate = ok(await nurse.certificates.issueForCitizen({ citizenId }));
    expect(certificate.uvci).toMatch(/^URN:UVCI:01:VN:[A-Z0-9]+#[A-Z0-9/:]$/);
    expect(certificate).toMatchObject({ status: 'active', provisional: true, national: false, doseNumber: 2, seriesDoses: 2 });
    // 12 calendar months.
    const issued = new Date(certificate.issuedAt);
    const expires = new Date(certificate.expiresAt);
    expect(expires.getUTCFullYear() - issued.getUTCFullYear()).toBe(1);
    expect(expires.getUTCMonth()).toBe(issued.getUTCMonth());

    const verified = ok(await nurse.certificates.verify({ hc1: certificate.hc1 }));
    expect(verified.valid).toBe(true);
    expect(verified.signer?.source).toBe('own_provisional');
    expect(verified.holder).toMatchObject({ familyName: 'Nguyễn', givenName: 'Thị Ánh Tuyết', familyNameIcao: 'NGUYEN', givenNameIcao: 'THI<ANH<TUYET', dateOfBirth: '1990-05-17' });
    expect(verified.vaccinations).toMatchObject([{ doseNumber: 2, seriesDoses: 2, productName: 'Comirnaty', country: 'VN' }]);
    expect(verified.station).toEqual({ certificateId: certificate.id, citizenId, status: 'active' });

    const preview = ok(await nurse.certificates.preview({ certificateId: certificate.id }));
    const pdf = Buffer.from(preview.pdfBase64, 'base64');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1')).toContain('/FontFile2');
    const text = pdfText(pdf);
    if (text !== null) {
      for (const expected of ['Nguyễn Thị Ánh Tuyết', '17/05/1990', '079190001234', 'Tạm thời — chờ ký số quốc gia', 'Provisional — pending national signature', 'EW0150', 'FK5127']) {
        expect(text).toContain(expected);
      }
    }
  });

  it('gives the same certificate when asked twice, and refuses a nurse for a citizen not yet released', async () => {
    const { nurse, sup } = await stationWithKey();
    const released = seedCitizen(t, AN, TWO_DOSES);
    const first = ok(await nurse.certificates.issueForCitizen({ citizenId: released.citizenId }));
    const again = ok(await nurse.certificates.issueForCitizen({ citizenId: released.citizenId }));
    expect(again.id).toBe(first.id);

    const waiting = seedCitizen(t, { fullName: 'Trần Văn Bảy', dateOfBirth: '1985-01-02', idNumber: '001085000777' }, TWO_DOSES, 'observation');
    expect(errorCode(await nurse.certificates.issueForCitizen({ citizenId: waiting.citizenId }))).toBe('CERT_NOT_RELEASED');
    // A supervisor may issue for anyone with recorded doses.
    ok(await sup.certificates.issueForCitizen({ citizenId: waiting.citizenId }));

    const noDoses = seedCitizen(t, { fullName: 'Lê Thị Hoa', dateOfBirth: '1987-03-03', idNumber: '048187000111' }, []);
    expect(errorCode(await nurse.certificates.issueForCitizen({ citizenId: noDoses.citizenId }))).toBe('CERT_NO_DOSES');
  });

  it('reissues with a new UVCI for the same doses and supersedes the old one; an expired one too', async () => {
    const { sup, nurse } = await stationWithKey();
    const { citizenId } = seedCitizen(t, AN, TWO_DOSES);
    const first = ok(await nurse.certificates.issueForCitizen({ citizenId }));
    const second = ok(await sup.certificates.reissue({ certificateId: first.id }));
    expect(second.uvci).not.toBe(first.uvci);
    expect(second.hc1).not.toBe(first.hc1);
    expect(second.doseNumber).toBe(first.doseNumber);
    const history = ok(await sup.certificates.forCitizen({ citizenId }));
    expect(history.certificates.map((c) => [c.id, c.status, c.supersededBy])).toEqual([
      [second.id, 'active', null],
      [first.id, 'superseded', second.id],
    ]);
    expect(history.currentId).toBe(second.id);
    expect(errorCode(await sup.certificates.reissue({ certificateId: first.id }))).toBe('CERT_SUPERSEDED');
    expect(errorCode(await nurse.certificates.print({ certificateId: first.id, printer: 'Quay-1' }))).toBe('CERT_SUPERSEDED');

    // A year and a day later the certificate has expired; it is reissued on request.
    t.clock.set(new Date(new Date(second.expiresAt).getTime() + 86_400_000));
    ok(await sup.auth.unlock({ pin: '2468' }));
    expect(ok(await sup.certificates.forCitizen({ citizenId })).certificates[0]!.status).toBe('expired');
    expect(ok(await sup.certificates.verify({ hc1: second.hc1 })).failure).toEqual({ stage: 'EXPIRATIONCHECK', code: 'DCC_EXPIRED' });
    const renewed = ok(await sup.certificates.reissue({ certificateId: second.id }));
    expect(ok(await sup.certificates.verify({ hc1: renewed.hc1 })).valid).toBe(true);
  });

  it('audits prints and reprints, and says which printer and job', async () => {
    const { nurse, sup, printer } = await stationWithKey();
    const { citizenId } = seedCitizen(t, AN, TWO_DOSES);
    const certificate = ok(await nurse.certificates.issueForCitizen({ citizenId }));
    expect(errorCode(await nurse.certificates.print({ certificateId: certificate.id }))).toBe('CERT_PRINTER_NOT_SET');
    expect(errorCode(await nurse.certificates.print({ certificateId: certificate.id, printer: 'Máy in lạ' }))).toBe('CERT_PRINTER_UNKNOWN');
    ok(await sup.certificates.updateSettings({ printer: 'Quay-1', paper: 'A6' }));
    const first = ok(await nurse.certificates.print({ certificateId: certificate.id }));
    const second = ok(await nurse.certificates.print({ certificateId: certificate.id, printer: 'PDF' }));
    expect([first.reprint, second.reprint]).toEqual([false, true]);
    expect(printer.jobs.map((j) => j.printer)).toEqual(['Quay-1', 'PDF']);
    const audit = t.station.services.store.db
      .prepare(`SELECT operation, staff_id IS NOT NULL AS who FROM audit_log WHERE entity = 'certificate' AND entity_id = ? ORDER BY at, id`)
      .all(certificate.id) as { operation: string; who: number }[];
    expect(audit.map((a) => a.operation)).toEqual(['certificates:issue', 'certificates:print', 'certificates:reprint']);
    expect(audit.every((a) => a.who === 1)).toBe(true);
    expect(ok(await nurse.certificates.forCitizen({ citizenId })).certificates[0]!.printCount).toBe(2);
  });

  it('prints without a click when a citizen is released, unless switched off', async () => {
    const { sup, printer } = await stationWithKey();
    ok(await sup.certificates.updateSettings({ printer: 'Quay-1' }));
    const reports: unknown[] = [];
    t.station.onEvent((event, payload) => event === 'certificates:autoPrint' && reports.push(payload));

    const citizen = seedCitizen(t, AN, TWO_DOSES, 'observation');
    releaseVisit(t, citizen.visitId);
    await t.station.services.certificates.autoPrint.idle();
    expect(printer.jobs).toHaveLength(1);
    const [certificate] = ok(await sup.certificates.forCitizen({ citizenId: citizen.citizenId })).certificates;
    expect(certificate?.printCount).toBe(1);
    expect(reports).toEqual([{ citizenId: citizen.citizenId, visitId: citizen.visitId, ok: true, certificateId: certificate!.id, code: null }]);

    ok(await sup.certificates.updateSettings({ autoPrintOnRelease: false }));
    const other = seedCitizen(t, { fullName: 'Phạm Quốc Việt', dateOfBirth: '1979-12-01', idNumber: '036079000321' }, TWO_DOSES, 'observation');
    releaseVisit(t, other.visitId);
    await t.station.services.certificates.autoPrint.idle();
    expect(printer.jobs).toHaveLength(1);
    expect(ok(await sup.certificates.pending({})).map((p) => [p.citizenId, p.needs])).toEqual([[other.citizenId, 'issue']]);
  });

  it('reports an automatic print that cannot happen, and leaves the citizen pending', async () => {
    t = startTestStation();
    const { sup } = await setUpSite(t);
    const reports: { code: string | null }[] = [];
    t.station.onEvent((event, payload) => event === 'certificates:autoPrint' && reports.push(payload as { code: string | null }));
    const citizen = seedCitizen(t, AN, TWO_DOSES, 'observation');
    releaseVisit(t, citizen.visitId);
    await t.station.services.certificates.autoPrint.idle();
    expect(reports.map((r) => r.code)).toEqual(['CERT_NO_SIGNING_KEY']);
    expect(ok(await sup.certificates.pending({}))).toHaveLength(1);
  });

  it('signs and prints all of today\'s pending certificates in one batch, with progress', async () => {
    const { sup, printer } = await stationWithKey();
    const people = [
      AN,
      { fullName: 'Trần Văn Bảy', dateOfBirth: '1985-01-02', idNumber: '001085000777' },
      { fullName: 'Đỗ Minh Châu', dateOfBirth: '2001-07-30', idNumber: '079201000555' },
    ];
    for (const p of people) seedCitizen(t, p, TWO_DOSES);
    // One citizen's name cannot be written in the certificate's A–Z form: that one fails, the rest go on.
    seedCitizen(t, { fullName: 'Иван Петров', dateOfBirth: '1970-01-01', passportNumber: 'RU1234567', nationality: 'RU' }, TWO_DOSES);
    const progress: { done: number; total: number; finished: boolean }[] = [];
    t.station.onEvent((event, payload) => event === 'certificates:batchProgress' && progress.push(payload as (typeof progress)[number]));

    const result = ok(await sup.certificates.batch({ print: true, printer: 'PDF' }));
    expect(result).toMatchObject({ total: 4, issued: 3, printed: 3 });
    expect(result.failed).toEqual([expect.objectContaining({ fullName: 'Иван Петров', code: 'DCC_NAME_NOT_TRANSLITERABLE' })]);
    expect(progress.map((p) => p.done)).toEqual([0, 1, 2, 3, 4]);
    expect(progress.at(-1)).toMatchObject({ total: 4, finished: true });
    expect(printer.jobs).toHaveLength(3);
    expect(ok(await sup.certificates.pending({}))).toHaveLength(1);
    expect(ok(await sup.certificates.list({}))).toHaveLength(3);
  });
});
