import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStation } from '../../main/core/station';
import { seedCitizen, TWO_DOSES } from '../support/certificate-fixtures';
import { completedJobs, CUPS_PDF_PRINTER, ensureCupsPdfPrinter } from '../support/cups';
import { quietLog, SITE } from '../support/station';
import { SCREENSHOTS, startBrowserStation, type BrowserStation } from './support/browser-mode';

/** Germany's conformance case DE/1 (Erika Mustermann, Spikevax 2/2) and its document signer. */
const DE1 = JSON.parse(readFileSync(join(__dirname, '../fixtures/eu-dcc/dgc-testdata/DE/2DCode/raw/1.json'), 'utf8')) as {
  PREFIX: string;
  TESTCTX: { CERTIFICATE: string };
};
const PASSPHRASE = 'mật khẩu trạm tiêm 2026';

let s: BrowserStation;
let printing: string | null;

/**
 * The site as the other desks leave it: set up, a nurse, a citizen released
 * from observation today with two doses, and Germany's test signer trusted.
 * Written into the browser-mode station's database from this process.
 */
async function seed(file: string): Promise<void> {
  const station = createStation({ databasePath: file, log: quietLog });
  try {
    const call = async (op: string, request: unknown) => {
      const r = await station.dispatch(op, request, 'seed');
      if (!r.ok) throw new Error(`${op}: ${r.error.code}`);
      return r.value;
    };
    await call('setup:initialize', { site: SITE, supervisor: { fullName: 'Trần Thị Giám Sát', username: 'giamsat', pin: '2468' } });
    await call('auth:login', { username: 'giamsat', pin: '2468' });
    await call('staff:create', { fullName: 'Lê Văn Y Tá', username: 'yta1', role: 'nurse', pin: '1357' });
    await call('certificates:addTrusted', { certificate: DE1.TESTCTX.CERTIFICATE, label: 'DE test signer' });
    seedCitizen({ station }, { fullName: 'Nguyễn Thị Ánh Tuyết', dateOfBirth: '1990-05-17', idNumber: '079190001234' }, TWO_DOSES);
  } finally {
    station.close();
  }
}

beforeAll(async () => {
  printing = await ensureCupsPdfPrinter();
  if (printing && process.env.CI) throw new Error(printing);
  s = await startBrowserStation();
  await seed(join(s.dir, 'station.sqlite'));
});
afterAll(async () => s?.stop());

async function signIn(page: Page, username: string, pin: string) {
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.locator('input[type=password]').first().fill(pin);
  await page.keyboard.press('Enter');
  await page.getByTestId('signed-in-as').waitFor();
}

describe('certificates, in Chromium against browser mode', () => {
  it('a supervisor creates the signing key with a passphrase and chooses the printer', async () => {
    const { page } = await s.newDesk();
    await signIn(page, 'giamsat', '2468');
    await page.getByRole('tab', { name: 'Khóa ký' }).click();
    await page.getByTestId('key-state').filter({ hasText: 'Chưa có khóa ký' }).waitFor();
    await page.getByLabel('Cụm mật khẩu (ít nhất 10 ký tự)').fill(PASSPHRASE);
    await page.getByLabel('Nhập lại cụm mật khẩu').fill(PASSPHRASE);
    await page.getByTestId('create-key').click();
    await page.getByTestId('key-state').filter({ hasText: 'Sẵn sàng ký' }).waitFor();
    await page.getByText('Chứng thư tạm thời — chờ ký số quốc gia').waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'supervisor-signing-key.png'), fullPage: true });

    if (!printing) {
      await page.getByRole('tab', { name: 'Chứng nhận' }).click();
      await page.getByTestId('settings-printer').click();
      await page.getByRole('option', { name: CUPS_PDF_PRINTER, exact: true }).click();
      await page.getByText('Đã lưu').first().waitFor();
    }
  });

  it("a nurse issues a released citizen's certificate, previews it and prints it", async () => {
    const { page } = await s.newDesk();
    await signIn(page, 'yta1', '1357');
    await page.keyboard.press('Alt+6');
    // The released list is reached from the keyboard (Alt+Q), ↓ moves, Enter picks.
    await page.getByTestId('released-list').getByTestId('queue-entry').first().waitFor();
    await page.keyboard.press('Alt+Q');
    const entries = page.getByTestId('released-list').getByTestId('queue-entry');
    const names = await entries.allTextContents();
    const at = names.findIndex((n) => n.includes('Nguyễn Thị Ánh Tuyết'));
    expect(at).toBeGreaterThanOrEqual(0);
    for (let i = 0; i < at; i++) await page.keyboard.press('ArrowDown');
    await entries.nth(at).and(page.locator(':focus')).waitFor();
    await page.keyboard.press('Enter');
    const panel = page.getByTestId('certificate-panel');
    await panel.getByTestId('issue-certificate').click();
    const row = panel.getByTestId('certificate-row').first();
    await row.getByText('Tạm thời — chờ ký số quốc gia').waitFor();
    expect(await row.getAttribute('data-status')).toBe('active');

    // Anything the page's policy refuses while the certificate is drawn (the worker, a chunk, eval, wasm) is kept here.
    await page.evaluate(() => {
      const refused: string[] = [];
      (window as unknown as { refused: string[] }).refused = refused;
      document.addEventListener('securitypolicyviolation', (e) => refused.push(`${e.effectiveDirective} ${e.blockedURI}`));
    });
    await row.getByTestId('preview-certificate').click();
    // pdf.js draws the stored PDF into a canvas: no PDF viewer plugin is needed (headless Chromium has none).
    const canvas = page.locator('canvas[data-testid="certificate-pdf"][data-rendered="true"]');
    await canvas.waitFor();
    const drawn = await canvas.evaluate((c: HTMLCanvasElement) => {
      const { data } = c.getContext('2d')!.getImageData(0, 0, c.width, c.height);
      let dark = 0;
      let white = 0;
      for (let i = 0; i < data.length; i += 4) {
        const light = (data[i]! + data[i + 1]! + data[i + 2]!) / 3;
        if (light < 100) dark++;
        else if (light > 245) white++;
      }
      const pixels = data.length / 4;
      return { ratio: c.width / c.height, dark: dark / pixels, white: white / pixels, tall: c.offsetHeight, bottom: c.getBoundingClientRect().bottom, window: innerHeight };
    });
    // An ISO page (A5 or A6: width/height = 1/√2), mostly white paper with text and the QR in dark ink.
    expect(drawn.ratio).toBeCloseTo(Math.SQRT1_2, 2);
    expect(drawn.white).toBeGreaterThan(0.5);
    expect(drawn.dark).toBeGreaterThan(0.03);
    // The whole page is in view in the 768-pixel-high window, large enough to read.
    expect(drawn.tall).toBeGreaterThan(450);
    expect(drawn.bottom).toBeLessThan(drawn.window);
    expect(await page.evaluate(() => (window as unknown as { refused: string[] }).refused)).toEqual([]);
    // pdf.js parses in its own worker, loaded from our bundle (not from a CDN, not on the page's thread).
    const parser = page.workers().find((w) => /^\/assets\/pdf\.worker\.min-[\w-]+\.mjs$/.test(new URL(w.url()).pathname));
    expect(parser).toBeDefined();
    const parserEnded = new Promise((ended) => parser!.once('close', ended));
    // The download is the stored PDF the core hands out (connect-src keeps the page from fetching blobs back).
    const download = page.getByTestId('certificate-preview').getByRole('link', { name: 'Tải PDF' });
    expect((await download.getAttribute('href'))!.startsWith('blob:')).toBe(true);
    const stored = await page.evaluate(async () => {
      const api = (window as unknown as { station: { certificates: { list(r: unknown): Promise<{ ok: boolean; value: { id: string }[] }>; preview(r: unknown): Promise<{ ok: boolean; value: { pdfBase64: string } }> } } }).station.certificates;
      const [certificate] = (await api.list({})).value;
      return (await api.preview({ certificateId: certificate!.id })).value.pdfBase64.slice(0, 8);
    });
    expect(atob(stored).slice(0, 5)).toBe('%PDF-');
    await page.getByTestId('certificate-qr').waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'certificate-preview.png') });
    await page.keyboard.press('Escape');
    await page.getByTestId('certificate-preview').waitFor({ state: 'detached' });
    // Closing the preview ends pdf.js's document and its worker.
    await parserEnded;

    if (printing) return;
    const before = new Set(completedJobs());
    await row.getByTestId('print-certificate').click();
    await page.getByText(`Đã gửi tới ${CUPS_PDF_PRINTER}`).waitFor();
    await row.getByText('Số lần in: 1').waitFor();
    // The scheduler finishes the job (cups-pdf writes the PDF out).
    let finished = false;
    for (let i = 0; i < 100 && !finished; i++) {
      finished = completedJobs().some((id) => !before.has(id));
      if (!finished) await new Promise((r) => setTimeout(r, 200));
    }
    expect(finished).toBe(true);
  });

  it("verifies a pasted foreign certificate and shows its holder and doses", async () => {
    const { page } = await s.newDesk();
    await signIn(page, 'yta1', '1357');
    await page.keyboard.press('Alt+7');
    await page.getByTestId('verify-input').fill(DE1.PREFIX);
    await page.keyboard.press('Enter');
    const result = page.getByTestId('verify-result');
    await result.waitFor();
    await result.getByText('Chữ ký đã được xác thực theo danh sách tin cậy').waitFor();
    await expect(result.getByTestId('verify-holder').textContent()).resolves.toContain('Mustermann Erika');
    await expect(result.getByTestId('verify-doses').textContent()).resolves.toContain('Spikevax');
    await expect(result.getByTestId('verify-doses').textContent()).resolves.toContain('2021-05-29');
    await page.screenshot({ path: join(SCREENSHOTS, 'verify-foreign.png'), fullPage: true });
  });

  it('a nurse cannot import a document-signer certificate: the core refuses it', async () => {
    const { page } = await s.newDesk();
    await signIn(page, 'yta1', '1357');
    expect(await page.getByRole('tab', { name: 'Khóa ký' }).count()).toBe(0);
    const code = await page.evaluate(async (certificate) => {
      const r = await (window as unknown as { station: { certificates: { importSignerCertificate(req: unknown): Promise<{ ok: boolean; error?: { code: string } }> } } }).station.certificates.importSignerCertificate({ certificate });
      return r.ok ? 'ok' : r.error!.code;
    }, DE1.TESTCTX.CERTIFICATE);
    expect(code).toBe('FORBIDDEN_ROLE');
  });
});
