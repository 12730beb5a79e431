import { closeSync, openSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStation } from '../../main/core/station';
import { SCREENSHOTS, startBrowserStation, type BrowserStation } from './support/browser-mode';
import { pinBox, signIn } from './support/desk';

/**
 * Sign-in limits and the database's state as desks show them: tries left,
 * a lockout's end in site time, the unlock screen's own wording, a
 * supervisor lifting a lockout or setting a new PIN, and the start-up
 * screen for a damaged data file.
 */
let s: BrowserStation;
beforeAll(async () => {
  s = await startBrowserStation();
  const { page } = await s.newDesk();
  await page.getByRole('heading', { name: 'Thiết lập điểm tiêm' }).waitFor();
  const seeded = await page.evaluate(async () => {
    const demo = await window.station.setup.seedDemo({ targets: 20 });
    return demo.ok ? 'ok' : demo.error.code;
  });
  expect(seeded).toBe('ok');
  await page.context().close();
});
afterAll(async () => s?.stop());

async function tryPin(page: Page, username: string, pin: string): Promise<string> {
  await page.getByLabel('Tên đăng nhập').fill(username);
  await pinBox(page, /^Mã PIN/).fill(pin);
  await page.keyboard.press('Enter');
  const alert = page.getByRole('alert');
  await alert.waitFor();
  const text = (await alert.textContent()) ?? '';
  return text;
}

/** dd/MM/yyyy HH:mm at the site (Asia/Ho_Chi_Minh, UTC+7, no daylight saving). */
function siteTime(iso: string): string {
  const d = new Date(Date.parse(iso) + 7 * 3_600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}/${p(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`;
}

describe('sign-in limits at the desk', () => {
  it('counts down the tries, then shows the lockout’s end in site time, even on a desk set to another time zone', async () => {
    // A desk PC whose clock is set to New York: the lockout still shows the time on the site's wall.
    const context = await s.browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN', timezoneId: 'America/New_York' });
    const page = await context.newPage();
    await page.goto(await s.newLaunchUrl());
    for (const left of [4, 3, 2, 1]) {
      await page.getByLabel('Tên đăng nhập').fill('dieuduong');
      await pinBox(page, /^Mã PIN/).fill('0000');
      await page.keyboard.press('Enter');
      await page.getByRole('alert').filter({ hasText: `Sai tên đăng nhập hoặc mã PIN. Còn ${left} lần thử` }).waitFor();
    }
    await page.getByLabel('Tên đăng nhập').fill('dieuduong');
    await pinBox(page, /^Mã PIN/).fill('0000');
    await page.keyboard.press('Enter');
    const locked = page.getByRole('alert').filter({ hasText: 'tạm khoá tới' });
    await locked.waitFor();
    const until = await page.evaluate(async () => {
      const r = await window.station.auth.login({ username: 'dieuduong', pin: '1357' });
      return !r.ok ? r.error.params?.until : null;
    });
    expect(typeof until).toBe('string');
    const shown = (await locked.textContent()) ?? '';
    expect(shown).toContain(siteTime(until as string));
    expect(shown).not.toMatch(/\d{4}-\d{2}-\d{2}T|Z\b/);
    await page.screenshot({ path: join(SCREENSHOTS, 'sign-in-locked.png') });
    await context.close();
  });

  it('a supervisor sees the lockout in the staff list, lifts it, and sets a new PIN; the nurse signs in with it', async () => {
    const sup = (await s.newDesk()).page;
    await signIn(sup, 'giamsat', '2468');
    await sup.keyboard.press('Alt+5');
    await sup.getByRole('tab', { name: 'Nhân viên' }).click();
    const lock = sup.getByTestId('staff-lock-dieuduong');
    await lock.getByText(/Bị khoá tới \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/).waitFor();
    await sup.screenshot({ path: join(SCREENSHOTS, 'supervisor-staff-locked.png') });
    await lock.getByRole('button', { name: 'Mở khoá' }).click();
    await lock.getByText('Bình thường').waitFor();

    await sup.getByRole('button', { name: 'Đặt lại mã PIN: Lê Văn Điều Dưỡng' }).click();
    const dialog = sup.getByRole('dialog');
    await pinBox(dialog, /^Mã PIN mới/).fill('9753');
    await dialog.getByRole('button', { name: 'Lưu mã PIN' }).click();
    await dialog.waitFor({ state: 'detached' });

    const nurse = (await s.newDesk()).page;
    expect(await tryPin(nurse, 'dieuduong', '1357')).toContain('Sai tên đăng nhập hoặc mã PIN');
    await nurse.getByLabel('Tên đăng nhập').fill('dieuduong');
    await pinBox(nurse, /^Mã PIN/).fill('9753');
    await nurse.keyboard.press('Enter');
    await nurse.getByTestId('signed-in-as').waitFor();
  });

  it('the unlock screen, which asks only for the PIN, says "wrong PIN" and the tries left', async () => {
    const { page } = await s.newDesk();
    await signIn(page, 'giamsat', '2468');
    await page.keyboard.press('Alt+L');
    await page.getByRole('heading', { name: 'Bàn đang khoá' }).waitFor();
    await pinBox(page, /^Mã PIN/).fill('1111');
    await page.keyboard.press('Enter');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    const text = (await alert.textContent()) ?? '';
    expect(text).toContain('Sai mã PIN. Còn 4 lần thử');
    expect(text).not.toContain('tên đăng nhập');
    await pinBox(page, /^Mã PIN/).fill('2468');
    await page.keyboard.press('Enter');
    await page.getByTestId('signed-in-as').waitFor();
  });
});

describe('a damaged data file', () => {
  let broken: BrowserStation;
  afterAll(async () => broken?.stop());

  it('shows the start-up screen naming the file and what to do, on every desk, instead of taking check-ins', async () => {
    // A day's database, then pages in its middle overwritten, as a failing disk or a bad copy leaves it.
    const file = join(s.dir, 'damaged', 'station.sqlite');
    const station = createStation({ databasePath: file });
    const seeded = await station.dispatch('setup:seedDemo', { targets: 500 }, 'seed');
    expect(seeded.ok).toBe(true);
    station.close();
    const pages = Math.floor(statSync(file).size / 4096);
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(3 * 4096, 0x5a), 0, 3 * 4096, Math.floor(pages / 2) * 4096);
    closeSync(fd);

    broken = await startBrowserStation({ databaseFile: file });
    const { page } = await broken.newDesk();
    const screen = page.getByTestId('startup-problem');
    await screen.waitFor();
    await expect(screen.getAttribute('data-problem')).resolves.toBe('corrupt');
    await page.getByRole('heading', { name: 'Tệp dữ liệu của trạm bị hỏng' }).waitFor();
    await expect(page.getByTestId('startup-problem-file').textContent()).resolves.toBe(file);
    await page.getByText('Không xoá và không sửa tệp trên').waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'startup-damaged-database.png'), fullPage: true });
    // No sign-in form to start work that could not be saved.
    expect(await page.getByLabel('Tên đăng nhập').count()).toBe(0);
  });
});
