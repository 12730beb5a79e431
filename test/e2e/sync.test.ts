import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, siteDay } from '../../main/domain/site-time';
import { startFhirTestServer, type FhirTestServer, type FhirTestServerOptions } from '../support/fhir-server/http';
import { adultAnswers } from '../support/screening-answers';
import { SCREENSHOTS, startBrowserStation, type BrowserStation } from './support/browser-mode';
import { signIn } from './support/desk';

/**
 * Upload in Chromium against browser mode and the FHIR test server: the
 * supervisor configures the endpoint and tests it; the platform goes away;
 * doses recorded meanwhile grow the queue on every desk; the platform comes
 * back and the supervisor watches the progress bar; a dose with a lot the
 * platform does not know comes back rejected with its reason; the supervisor
 * corrects the lot and it goes; the national certificate replaces the
 * provisional one on the citizen's certificate page.
 */
let s: BrowserStation;
let server: FhirTestServer;
let port: number;
let supervisor: Page;
let nurse: Page;
const today = siteDay(new Date());
const CARDS = {
  an: '001094123456|012345678|Nguyễn Văn An|15031994|Nam|Số 1 Phố Huế, Hàng Bài, Hoàn Kiếm, Hà Nội|20042021',
  dung: '036090001234||Phạm Văn Dũng|01071990|Nam|5 Trần Hưng Đạo, Nam Định|10092021',
};
const PLATFORM: FhirTestServerOptions = { nationalSigner: true, rules: { unknownLots: new Set(['BAD-LOT-9']) } };
const queued = (page: Page) => page.getByTestId('sync-queued');

beforeAll(async () => {
  Object.assign(process.env, { STATION_SYNC_DEBOUNCE_MS: '300', STATION_SYNC_RETRY_BASE_MS: '300', STATION_SYNC_RETRY_CAP_MS: '1500', STATION_SYNC_TIMEOUT_MS: '4000' });
  server = await startFhirTestServer(PLATFORM);
  port = server.port;
  s = await startBrowserStation();
  supervisor = (await s.newDesk()).page;
  await supervisor.getByRole('heading', { name: 'Thiết lập điểm tiêm' }).waitFor();
  await supervisor.evaluate(async (dsc) => {
    const demo = await window.station.setup.seedDemo({ targets: 10 });
    if (!demo.ok) throw new Error(demo.error.code);
    await window.station.auth.login({ username: 'giamsat', pin: '2468' });
    const key = await window.station.certificates.createSigningKey({ passphrase: 'station passphrase 2026' });
    if (!key.ok) throw new Error(key.error.code);
    const trusted = await window.station.certificates.addTrusted({ certificate: dsc, label: 'Bộ Y tế' });
    if (!trusted.ok) throw new Error(trusted.error.code);
  }, server.national!.certificatePem);
  await supervisor.reload();
  await signIn(supervisor, 'giamsat', '2468');
  nurse = (await s.newDesk()).page;
  await signIn(nurse, 'dieuduong', '1357');
});
afterAll(async () => {
  await s?.stop();
  await server?.close();
});

/** A citizen checked in from the card, screened eligible and vaccinated from `lotNumber`, as the desks would do it. */
async function vaccinate(page: Page, card: string, lotNumber: string): Promise<{ citizenId: string; visitId: string }> {
  return page.evaluate(
    async ({ card, lotNumber, answers, expiry }) => {
      const st = window.station;
      const must = <T,>(r: { ok: true; value: T } | { ok: false; error: { code: string } }): T => {
        if (!r.ok) throw new Error(r.error.code);
        return r.value;
      };
      let plan = must(await st.plan.current({}))!;
      if (!plan.lots.some((l) => l.lotNumber === lotNumber)) {
        plan = must(await st.plan.addLot({ planId: plan.id, productCode: 'comirnaty', lotNumber, expiryDate: expiry, vialsReceived: 5 }));
      }
      const lot = plan.lots.find((l) => l.lotNumber === lotNumber)!;
      const read = must(await st.checkin.scan({ text: card, source: 'wedge' }));
      const { visit } = must(await st.checkin.confirm({ scanId: read.scanId, acceptCorrections: true }));
      must(await st.screening.record({ visitId: visit.visitId, formId: 'covid19-adult', formVersion: 1, answers }));
      const vials = must(await st.vials.list({}));
      if (!vials.vials.some((v) => v.lotId === lot.id && v.state === 'open')) must(await st.vials.open({ lotId: lot.id }));
      must(await st.doses.record({ visitId: visit.visitId, lotId: lot.id }));
      return { citizenId: visit.citizen.id, visitId: visit.visitId };
    },
    { card, lotNumber, answers: adultAnswers() as Record<string, string | number | boolean | null>, expiry: addDays(today, 60) },
  );
}

describe('upload to the national platform, in Chromium against browser mode', () => {
  let an: { citizenId: string; visitId: string };

  it('the supervisor configures the endpoint and the test says it works', async () => {
    await supervisor.getByTestId('tab-sync').click();
    await supervisor.getByTestId('sync-base-url').fill(server.url);
    await supervisor.getByTestId('sync-auth').click();
    await supervisor.getByRole('option', { name: 'Không (chỉ máy chủ trên máy này)' }).click();
    await supervisor.getByTestId('sync-save').click();
    await supervisor.getByText('Đã lưu kết nối').first().waitFor();
    await supervisor.getByTestId('sync-test').click();
    await supervisor.locator('[data-testid="sync-verdict"][data-ok="true"]').waitFor();
    await expect(supervisor.getByTestId('sync-verdict').textContent()).resolves.toContain('FHIR 4.0.1');
  });

  it('offline, doses recorded grow the queue on every desk', async () => {
    await server.close();
    an = await vaccinate(supervisor, CARDS.an, 'FK5127');
    await vaccinate(supervisor, CARDS.dung, 'BAD-LOT-9');
    for (const page of [supervisor, nurse]) {
      await page.locator('[data-testid="sync-state"][data-queued="2"]').waitFor();
      await page.locator('[data-testid="sync-state"][data-connection="offline"]').waitFor({ timeout: 20_000 });
    }
    await expect(queued(nurse).textContent()).resolves.toBe('Chờ gửi: 2');
    await nurse.screenshot({ path: join(SCREENSHOTS, 'sync-offline-nurse.png') });
  });

  it('back online: the progress bar, then one dose sent and the other rejected with its reason', async () => {
    // The first answer takes its time, so the round in flight can be seen.
    server = await startFhirTestServer({ ...PLATFORM, port, nationalIdentity: server.national!.identity, faults: { rate: 1, kinds: ['slow'], slowMs: 2_000 } });
    await supervisor.getByTestId('sync-upload-now').click();
    await supervisor.getByTestId('sync-progress').waitFor({ timeout: 15_000 });
    await supervisor.screenshot({ path: join(SCREENSHOTS, 'sync-progress.png'), fullPage: true });
    server.setFaults(null);
    const row = supervisor.getByTestId('rejection-queue').locator('tr', { hasText: 'Phạm Văn Dũng' });
    await row.waitFor({ timeout: 30_000 });
    await expect(row.getByTestId('rejection-reason').textContent()).resolves.toBe('Số lô vắc xin chưa được đăng ký trên nền tảng');
    await expect(row.getByTestId('rejection-verbatim').textContent()).resolves.toContain('BAD-LOT-9');
    await supervisor.screenshot({ path: join(SCREENSHOTS, 'sync-rejection-queue.png'), fullPage: true });
    expect(server.store.count('Immunization')).toBe(1);
  });

  it('the supervisor corrects the lot; the correction goes and the rejection leaves the queue', async () => {
    await supervisor.getByTestId('rejection-queue').locator('tr', { hasText: 'Phạm Văn Dũng' }).getByRole('button', { name: 'Sửa mũi tiêm' }).click();
    const bad = supervisor.getByTestId('dose-row').filter({ hasText: 'BAD-LOT-9' });
    await bad.getByTestId('correct-dose').click();
    await supervisor.getByRole('combobox', { name: 'Lô vắc xin' }).click();
    await supervisor.getByRole('option', { name: /FK5127/ }).click();
    await supervisor.getByLabel(/Lý do/).fill('Ghi nhầm số lô khi tiêm');
    await supervisor.getByTestId('supersede-confirm').click();
    await supervisor.getByTestId('dose-row').and(supervisor.locator('[data-version="2"]')).waitFor();
    await supervisor.getByTestId('tab-sync').click();
    await supervisor.getByText('Không có bản ghi nào bị từ chối.').waitFor({ timeout: 30_000 });
    await supervisor.locator('[data-testid="sync-state"][data-queued="0"]').waitFor({ timeout: 30_000 });
    expect(server.store.count('Immunization')).toBe(2);
    expect(server.store.all('Immunization').map((i) => i.resource.lotNumber)).toEqual(['FK5127', 'FK5127']);
  });

  it("the national certificate replaces the provisional one on the citizen's certificate page", async () => {
    await supervisor.evaluate(async (visitId) => {
      const r = await window.station.observation.releaseEarly({ visitId, reason: 'Đã theo dõi đủ tại bàn giám sát' });
      if (!r.ok) throw new Error(r.error.code);
    }, an.visitId);
    await supervisor.keyboard.press('Alt+6');
    await supervisor.getByTestId('released-citizen').filter({ hasText: 'Nguyễn Văn An' }).click();
    const panel = supervisor.getByTestId('certificate-panel');
    await panel.getByTestId('certificate-doses').waitFor();
    // Released, the citizen's certificate is signed at once (print on release); a nurse's Alt+I does the same otherwise.
    if ((await panel.getByTestId('certificate-row').count()) === 0 && (await panel.getByTestId('issue-certificate').count()) > 0) {
      await panel.getByTestId('issue-certificate').click();
    }
    // Uploaded (with its UVCI), signed by the national signer, pulled back.
    const national = panel.locator('[data-testid="certificate-row"][data-status="active"]', { hasText: 'Đã ký số quốc gia' });
    await national.waitFor({ timeout: 30_000 });
    await panel.locator('[data-testid="certificate-row"][data-status="superseded"]', { hasText: 'Tạm thời — chờ ký số quốc gia' }).waitFor();
    await supervisor.screenshot({ path: join(SCREENSHOTS, 'sync-national-certificate.png'), fullPage: true });
  });
});
