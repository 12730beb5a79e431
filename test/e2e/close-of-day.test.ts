import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { siteDay } from '../../main/domain/site-time';
import { completedJobs, CUPS_PDF_PRINTER, ensureCupsPdfPrinter } from '../support/cups';
import { generateDay, PASSPHRASE } from '../support/realistic-day';
import { ok, startTestStation } from '../support/station';
import { signIn } from './support/desk';
import { SCREENSHOTS, startBrowserStation, type BrowserStation } from './support/browser-mode';

/**
 * The end-to-end run in Chromium against browser mode: a day's
 * records written through the core, then the supervisor's close-of-day
 * screen: the work list, two items resolved, the rest closed with reasons,
 * the station key unlocked, the close, the report previewed page by page and
 * printed; and a nurse's desk told that the session is closed.
 */
let s: BrowserStation;
let printing: string | null;

beforeAll(async () => {
  printing = await ensureCupsPdfPrinter();
  if (printing && process.env.CI) throw new Error(printing);
  s = await startBrowserStation();
  // Today's day, small, through the core on the browser station's own file (its clock runs on from 08:00 site time).
  const t = startTestStation(new Date(), { file: join(s.dir, 'station.sqlite') });
  try {
    const day = await generateDay(t, siteDay(new Date()), {
      people: 60,
      leaveBeforeScreening: 2,
      deferredFever: 3,
      deferredAcuteIllness: 2,
      refused: 2,
      referredImmunodeficiency: 1,
      referredBloodPressure: 1,
      leaveAfterScreening: 1,
      stillInObservation: 2,
      onListPerTen: 8,
    });
    if (!printing) ok(await day.sup.certificates.updateSettings({ printer: CUPS_PDF_PRINTER }));
  } finally {
    t.close();
  }
}, 180_000);
afterAll(async () => s?.stop());

async function workItems(page: Page): Promise<string[]> {
  return page.getByTestId('work-item').evaluateAll((items) => items.map((i) => i.getAttribute('data-kind') ?? ''));
}

describe('the close of day in Chromium', () => {
  it('the supervisor resolves two items, closes with reasons, previews and prints the report; a nurse sees the day closed', async () => {
    const nurse = await s.newDesk();
    await signIn(nurse.page, 'yta1', '1357');
    await nurse.page.keyboard.press('Alt+3');

    const { page } = await s.newDesk();
    await signIn(page, 'giamsat', '2468');
    await page.keyboard.press('Alt+5');
    await page.getByRole('tab', { name: 'Kết thúc buổi' }).click();
    await page.getByTestId('work-list').waitFor();
    await page.getByTestId('chart-hour').locator('.recharts-bar-rectangle').first().waitFor();
    expect((await workItems(page)).sort()).toEqual(['aefi_without_follow_up', 'identity_conflict', 'in_observation', 'in_observation', 'stock_count_missing', 'stock_count_missing', 'stock_count_missing']);
    await page.screenshot({ path: join(SCREENSHOTS, 'close-of-day-work-list.png'), fullPage: true });

    // 1. The adverse event without follow-up: its item opens the panel where it is followed up.
    await page.locator('[data-testid="work-item"][data-kind="aefi_without_follow_up"]').getByTestId('work-item-open').click();
    await page.getByTestId('aefi-follow-ups').waitFor();
    await page.getByTestId('aefi-row').filter({ hasText: 'Chưa theo dõi tiếp' }).getByTestId('follow-up-open').click();
    await page.getByTestId('follow-up-outcome').click();
    await page.getByRole('option', { name: 'Đã chuyển tuyến' }).click();
    await page.getByTestId('follow-up-save').click();
    await page.getByTestId('aefi-row').filter({ hasText: 'Chưa theo dõi tiếp' }).waitFor({ state: 'detached' });

    // 2. A lot's sealed vials, counted by the nurse and verified by the supervisor, on the close-of-day screen.
    await page.getByRole('tab', { name: 'Kết thúc buổi' }).click();
    await page.locator('[data-testid="work-item"][data-kind="stock_count_missing"]').first().waitFor();
    expect(await workItems(page)).not.toContain('aefi_without_follow_up');
    const lot = page.getByTestId('lot-row').filter({ hasText: 'FK5127' });
    await lot.getByTestId('count-open').click();
    await page.getByTestId('count-by').click();
    await page.getByRole('option', { name: 'Lê Văn Y Tá' }).click();
    await page.getByTestId('count-variance').filter({ hasText: 'Chênh lệch: 0 liều' }).waitFor();
    await page.getByTestId('count-save').click();
    await lot.getByText('Đếm: Lê Văn Y Tá · xác nhận: Trần Thị Giám Sát').waitFor();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="work-item"][data-kind="stock_count_missing"]').length === 2);

    // The rest is closed with a written reason each.
    const remaining = page.getByTestId('work-item');
    expect(await remaining.count()).toBe(5);
    for (let i = 0; i < 5; i++) await remaining.nth(i).getByTestId('work-item-reason').fill('Ghi nhận khi kết thúc buổi: đã kiểm tra, sẽ bổ sung sau');
    // The key is locked in browser mode until the passphrase is given: the close waits for it.
    await expect(page.getByTestId('close-day').isDisabled()).resolves.toBe(true);
    await page.getByTestId('close-passphrase').fill(PASSPHRASE);
    await page.getByTestId('close-unlock').click();
    await page.getByTestId('close-passphrase').waitFor({ state: 'detached' });
    await page.getByTestId('close-day').click();
    await page.locator('[data-testid="day-page"][data-state="closed"]').waitFor();
    await page.getByTestId('manifest').getByText('Bản kê có chữ ký số — lần ký 1').waitFor();
    await page.getByTestId('manifest-verify').click();
    await page.getByTestId('manifest-check').filter({ hasText: 'Khớp' }).waitFor();
    expect(await page.getByTestId('decisions').locator('tr').count()).toBe(5);
    await page.screenshot({ path: join(SCREENSHOTS, 'close-of-day-closed.png'), fullPage: true });

    // The report, every page drawn.
    await page.getByTestId('report-preview').click();
    const pages = page.getByTestId('report-page');
    await pages.first().waitFor();
    const count = await pages.count();
    expect(count).toBeGreaterThanOrEqual(2);
    for (let i = 0; i < count; i++) {
      const canvas = pages.nth(i).locator('canvas[data-rendered="true"]');
      await canvas.scrollIntoViewIfNeeded();
      await canvas.waitFor();
      const ink = await canvas.evaluate((c: HTMLCanvasElement) => {
        const { data } = c.getContext('2d')!.getImageData(0, 0, c.width, c.height);
        let dark = 0;
        for (let p = 0; p < data.length; p += 4) if ((data[p]! + data[p + 1]! + data[p + 2]!) / 3 < 128) dark++;
        return { ratio: c.width / c.height, dark: dark / (data.length / 4) };
      });
      // A4 portrait with text on it.
      expect(ink.ratio).toBeCloseTo(595.28 / 841.89, 2);
      expect(ink.dark).toBeGreaterThan(0.005);
      await pages.nth(i).screenshot({ path: join(SCREENSHOTS, `close-of-day-report-page-${i + 1}.png`) });
    }
    await page.keyboard.press('Escape');
    await page.getByTestId('report-modal').waitFor({ state: 'detached' });

    if (!printing) {
      const before = new Set(completedJobs());
      await page.getByTestId('report-print').click();
      await page.getByText(`Đã gửi báo cáo tới ${CUPS_PDF_PRINTER}`).waitFor();
      let finished = false;
      for (let i = 0; i < 100 && !finished; i++) {
        finished = completedJobs().some((id) => !before.has(id));
        if (!finished) await new Promise((r) => setTimeout(r, 200));
      }
      expect(finished).toBe(true);
    }

    // The nurse's injection desk hears of the close and says so; the core refuses its writes.
    await nurse.page.getByTestId('session-closed').filter({ hasText: 'Trần Thị Giám Sát' }).waitFor();
    const refused = await nurse.page.evaluate(async () => {
      const api = (window as unknown as { station: { closeOfDay: { close(r: unknown): Promise<{ ok: boolean; error?: { code: string } }> } } }).station;
      const r = await api.closeOfDay.close({ planId: 'x', decisions: [] });
      return r.ok ? 'ok' : r.error!.code;
    });
    expect(refused).toBe('FORBIDDEN_ROLE');
    await nurse.page.screenshot({ path: join(SCREENSHOTS, 'close-of-day-nurse-desk.png'), fullPage: true });

    // The history lists the day with its manifest.
    await page.getByRole('tab', { name: 'Lịch sử' }).click();
    await page.getByTestId('history-row').filter({ hasText: 'lần ký 1' }).waitFor();
  });
});
