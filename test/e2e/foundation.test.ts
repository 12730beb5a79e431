import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, siteDay } from '../../main/domain/site-time';
import { SCREENSHOTS, startBrowserStation, type BrowserStation } from './support/browser-mode';

let s: BrowserStation;
beforeAll(async () => {
  s = await startBrowserStation();
});
afterAll(async () => s?.stop());

const today = siteDay(new Date());
/** dd/MM/yyyy, as dates are typed at the site. */
const vnDate = (iso: string) => iso.split('-').reverse().join('/');
const CSV = [
  'so_cccd,ho_ten,ngay_sinh,gioi_tinh,vac_xin',
  '001094123456,Nguyễn Văn An,15/03/1994,Nam,Comirnaty',
  '079305654321,Trần Thị Bích,02/09/2005,Nữ,Comirnaty',
  '048187000111,Lê Thị Hoa,31/02/1987,Nữ,Comirnaty',
  '036190001234,Phạm Văn Dũng,01/07/1990,Nam,Vaxzevria',
].join('\r\n');

/** The PIN box itself (its label also names the show/hide toggle). */
const pinBox = (scope: Page | Locator, label: RegExp) => scope.locator('input[type=password]').and(scope.getByLabel(label));

async function signIn(page: Page, username: string, pin: string) {
  await page.getByLabel('Tên đăng nhập').fill(username);
  await pinBox(page, /^Mã PIN/).fill(pin);
  await page.keyboard.press('Enter');
  await page.getByTestId('signed-in-as').waitFor();
}

async function addLot(page: Page, search: string, product: string, lotNumber: string, expiryDate: string, vials: string) {
  const form = page.getByRole('form', { name: 'Thêm lô' });
  // The product box is searchable: type a few letters, pick the match, as a nurse would.
  await form.getByLabel(/^Vắc xin/).fill(search);
  await page.getByRole('option', { name: product }).click();
  await form.getByLabel('Số lô').fill(lotNumber);
  await form.getByLabel('Hạn dùng').fill(vnDate(expiryDate));
  await form.getByLabel('Số lọ nhận').fill(vials);
  await form.getByRole('button', { name: 'Thêm lô' }).click();
  await page.getByTestId('lot-row').filter({ hasText: lotNumber }).waitFor();
}

describe('foundation, in Chromium against browser mode', () => {
  it('takes a supervisor from first run to an open session with an imported target list', async () => {
    const { page } = await s.newDesk();

    // First run: the site and its first supervisor.
    await page.getByRole('heading', { name: 'Thiết lập điểm tiêm' }).waitFor();
    await page.getByLabel('Mã điểm tiêm').fill('TYT-79-26734');
    await page.getByLabel('Tên điểm tiêm').fill('Trạm Y tế Phường Bến Nghé');
    await page.getByLabel('Tỉnh/Thành phố').fill('Hồ Chí Minh');
    await page.getByLabel('Quận/Huyện').fill('Quận 1');
    await page.getByLabel('Phường/Xã').fill('Phường Bến Nghé');
    await page.getByLabel('Họ và tên').fill('Trần Thị Giám Sát');
    await page.getByRole('textbox', { name: 'Tên đăng nhập' }).fill('giamsat');
    await pinBox(page, /^Mã PIN/).fill('2468');
    await pinBox(page, /^Nhập lại mã PIN/).fill('2468');
    await page.getByRole('button', { name: 'Tạo điểm tiêm' }).click();

    await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
    await signIn(page, 'giamsat', '2468');
    await page.getByRole('heading', { name: 'Bàn giám sát' }).waitFor();

    // A plan for today, created from the keyboard (Alt+J), the date typed as dd/MM/yyyy.
    await page.keyboard.press('Alt+J');
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Ngày tiêm').fill(vnDate(today));
    await dialog.getByLabel('Địa điểm').fill('Hội trường Trạm Y tế');
    await dialog.getByLabel('Số mũi dự kiến').fill('150');
    // Enter in the group picker picks the group; it does not submit a plan half filled in.
    await dialog.getByTestId('plan-target-groups').fill('65');
    await page.keyboard.press('Enter');
    await dialog.getByText('Người từ 65 tuổi').waitFor();
    await page.keyboard.press('Escape');
    expect(await page.getByTestId('plan-state').count()).toBe(0);
    await expect(dialog.isVisible()).resolves.toBe(true);
    await dialog.getByRole('button', { name: 'Tạo kế hoạch' }).click();
    await page.getByTestId('plan-state').filter({ hasText: 'Đã lập kế hoạch' }).waitFor();

    // The catalogue speaks the desk's language: the formulation in Vietnamese.
    await addLot(page, 'comir', 'Comirnaty — 30 µg, từ 12 tuổi', 'FK5127', addDays(today, 90), '20');
    await addLot(page, 'vaxz', 'Vaxzevria — ChAdOx1-S', 'ABV5811', addDays(today, 60), '5');
    expect(await page.getByTestId('lot-row').count()).toBe(2);
    // Removing a lot asks first, and can be undone.
    await page.getByTestId('lot-row').filter({ hasText: 'ABV5811' }).getByTestId('remove-lot').click();
    await page.getByTestId('remove-lot-confirm').click();
    await page.getByTestId('lot-row').filter({ hasText: 'ABV5811' }).waitFor({ state: 'detached' });
    await page.getByTestId('undo-remove-lot').click();
    await page.getByTestId('lot-row').filter({ hasText: 'ABV5811' }).waitFor();

    // A target list with one bad row: the row is reported with its line; nothing is written yet.
    const csvPath = join(s.dir, 'danh-sach.csv');
    writeFileSync(csvPath, `\ufeff${CSV}`);
    await page.locator('input[type=file]').setInputFiles(csvPath);
    const report = page.getByTestId('import-report');
    await report.waitFor();
    const badRow = report.locator('tr[data-line="4"]');
    await expect(badRow.textContent()).resolves.toContain('Ngày sinh "31/02/1987" không có thật');
    await expect(page.getByTestId('import-valid').textContent()).resolves.toBe('3 dòng hợp lệ');
    await expect(page.getByTestId('import-lines').textContent()).resolves.toBe('Tệp có 5 dòng (kể cả dòng tiêu đề và dòng trống)');
    await expect(page.getByTestId('target-total').textContent()).resolves.toBe('0 người');
    await page.screenshot({ path: join(SCREENSHOTS, 'supervisor-import-preview.png'), fullPage: true });

    await page.getByTestId('import-confirm').click();
    await page.getByTestId('import-preview').waitFor({ state: 'detached' });
    await page.getByTestId('target-total').filter({ hasText: '3 người' }).waitFor();

    // Open the day (Alt+O): every desk now works against this session.
    await page.keyboard.press('Alt+O');
    await page.getByTestId('plan-state').filter({ hasText: 'Đang mở' }).waitFor();
    await page.getByTestId('session-badge').filter({ hasText: 'Buổi tiêm đang mở' }).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'supervisor-plan-open.png'), fullPage: true });

    // A nurse account for the next test.
    await page.getByRole('tab', { name: 'Nhân viên' }).click();
    const staffForm = page.getByRole('form', { name: 'Thêm nhân viên' });
    await staffForm.getByLabel('Họ và tên').fill('Lê Văn Y Tá');
    await staffForm.getByLabel('Tên đăng nhập').fill('yta1');
    await pinBox(staffForm, /^Mã PIN/).fill('1357');
    await staffForm.getByRole('button', { name: 'Thêm nhân viên' }).click();
    await page.getByRole('cell', { name: 'yta1' }).waitFor();
  });

  it('shows each desk at 1366×768 and moves between them from the keyboard', async () => {
    const { page } = await s.newDesk();
    await signIn(page, 'giamsat', '2468');
    const desks = [
      ['1', 'checkin', 'Bàn đón tiếp'],
      ['2', 'screening', 'Bàn khám sàng lọc'],
      ['3', 'injection', 'Bàn tiêm'],
      ['4', 'observation', 'Theo dõi sau tiêm'],
      ['5', 'supervisor', 'Bàn giám sát'],
    ] as const;
    for (const [digit, key, heading] of desks) {
      await page.keyboard.press(`Alt+${digit}`);
      await page.getByRole('heading', { name: heading, exact: true }).waitFor();
      if (key !== 'supervisor' && key !== 'checkin' && key !== 'observation') await page.getByText('FK5127').first().waitFor();
      await page.screenshot({ path: join(SCREENSHOTS, `desk-${key}.png`) });
    }
    // The check-in desk finds people on today's list without accents.
    await page.keyboard.press('Alt+1');
    await page.getByTestId('target-search').fill('tran thi');
    await page.getByRole('cell', { name: 'Trần Thị Bích' }).waitFor();
  });

  it('refuses a nurse\'s plan edit in the core, whatever the UI shows', async () => {
    const { page } = await s.newDesk();
    await signIn(page, 'yta1', '1357');
    await expect(page.getByTestId('nav-supervisor').count()).resolves.toBe(0);
    await page.getByRole('heading', { name: 'Bàn đón tiếp' }).waitFor();
    // Straight to the contract, as a modified UI would.
    const attempts = await page.evaluate(async () => {
      const plans = await window.station.plan.list({});
      if (!plans.ok) throw new Error(plans.error.code);
      const id = plans.value[0]!.id;
      const update = await window.station.plan.update({ id, plannedCapacity: 1 });
      const lot = await window.station.plan.addLot({ planId: id, productCode: 'spikevax', lotNumber: 'X1', expiryDate: '2099-01-01', vialsReceived: 1 });
      const after = await window.station.plan.get({ id });
      return { update, lot, capacity: after.ok ? after.value.plannedCapacity : null, lots: after.ok ? after.value.lots.length : null };
    });
    expect(attempts.update).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_ROLE' } });
    expect(attempts.lot).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_ROLE' } });
    expect(attempts).toMatchObject({ capacity: 150, lots: 2 });
    // The supervisor route does not exist for a nurse.
    await page.goto(`${s.url}/#/supervisor`);
    await page.getByRole('heading', { name: 'Bàn đón tiếp' }).waitFor();
  });

  it('exposes named functions only, never a generic invoke', async () => {
    const { page } = await s.newDesk();
    const shape = await page.evaluate(() => ({
      areas: Object.keys(window.station).sort(),
      plan: Object.keys(window.station.plan).sort(),
      invoke: 'invoke' in window.station,
    }));
    expect(shape.invoke).toBe(false);
    expect(shape.plan).toEqual(['addLot', 'create', 'current', 'get', 'list', 'open', 'removeLot', 'update', 'updateLot']);
    expect(shape.areas).toContain('targets');
  });
});
