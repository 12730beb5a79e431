import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HubStatus } from '../../preload/contract';
import { spkiPinOf } from '../../main/core/services/hub/hub-identity';
import { readHubCertificate } from '../../main/desk/pinned-tls';
import { CHROMIUM_ARGS, SCREENSHOTS, startBrowserStation, type BrowserStation } from './support/browser-mode';
import { pressLikeWedge, signIn } from './support/desk';

/**
 * A site with one hub and two browser desks, in Chromium: the station runs
 * browser mode (its supervisor's own desk on loopback) and serves the LAN as
 * the hub; two desks are two browser contexts (two machines' browsers)
 * opened at the hub's https address, each paired with a code from the
 * supervisor's screen. The desks' browser pins the hub's certificate the
 * way a site sets up its desks' shortcut (Chromium's SPKI pin), so the
 * self-signed certificate is trusted for this hub only.
 */
const CARD = '001094123456|012345678|Nguyễn Văn An|15031994|Nam|Số 1 Phố Huế, Hàng Bài, Hoàn Kiếm, Hà Nội|20042021';

let s: BrowserStation;
let supervisor: Page;
let hub: HubStatus;
let desksBrowser: Browser;
let checkinDesk: Page;
let injectionDesk: Page;

async function showCode(): Promise<string> {
  await supervisor.getByTestId('pairing-code').waitFor();
  return (await supervisor.getByTestId('pairing-code').textContent())!.replace(/\s/g, '');
}

async function pairDesk(name: string, code: string): Promise<Page> {
  const context = await desksBrowser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('desk page error:', e.message));
  await page.goto(`https://127.0.0.1:${hub.port}/`);
  await page.getByTestId('pair-code').fill(code);
  await page.getByTestId('pair-desk-name').fill(name);
  await page.getByTestId('pair-submit').click();
  await page.getByLabel('Tên đăng nhập').waitFor();
  return page;
}

beforeAll(async () => {
  s = await startBrowserStation({ serverArgs: ['--hub-port', '0', '--hub-bind', '127.0.0.1'] });
  supervisor = (await s.newDesk()).page;
  await supervisor.getByRole('heading', { name: 'Thiết lập điểm tiêm' }).waitFor();
  await supervisor.evaluate(async () => {
    const demo = await window.station.setup.seedDemo({ targets: 20 });
    if (!demo.ok) throw new Error(demo.error.code);
  });
  await supervisor.reload();
  await signIn(supervisor, 'giamsat', '2468');
  await supervisor.keyboard.press('Alt+5');
  await supervisor.getByTestId('tab-hub').click();
  await supervisor.getByTestId('hub-enabled').click();
  await supervisor.getByTestId('hub-fingerprint').waitFor();
  hub = await supervisor.evaluate(async () => {
    const r = await window.station.hub.status({});
    if (!r.ok) throw new Error(r.error.code);
    return r.value;
  });
  const cert = await readHubCertificate({ host: '127.0.0.1', port: hub.port });
  expect(cert.fingerprint).toBe(hub.fingerprint);
  desksBrowser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, `--ignore-certificate-errors-spki-list=${spkiPinOf(cert.pem)}`],
  });
}, 120_000);

afterAll(async () => {
  await desksBrowser?.close();
  await s?.stop();
});

describe('one hub, two browser desks', () => {
  it('pairs two desks by the code on the supervisor\'s screen', async () => {
    await supervisor.getByTestId('start-pairing').click();
    await supervisor.getByTestId('pairing-qr').waitFor();
    await supervisor.screenshot({ path: join(SCREENSHOTS, 'lan-hub-pairing.png') });
    checkinDesk = await pairDesk('Đón tiếp 1', await showCode());
    // The next desk gets the next code, shown as soon as the first was used.
    await supervisor.getByTestId('desk-row-Đón tiếp 1').waitFor();
    injectionDesk = await pairDesk('Tiêm 1', await showCode());
    await supervisor.getByTestId('desk-row-Tiêm 1').waitFor();
    await signIn(checkinDesk, 'dieuduong', '1357');
    await signIn(injectionDesk, 'dieuduong', '1357');
    await supervisor.screenshot({ path: join(SCREENSHOTS, 'lan-hub-desks.png') });
  });

  it('checks a citizen in at one desk; the other screens and vaccinates them, its queue following without a reload', async () => {
    await checkinDesk.keyboard.press('Alt+1');
    await checkinDesk.getByRole('heading', { name: 'Bàn đón tiếp', exact: true }).waitFor();
    // The injection desk is already on screening, its queue empty, before the citizen arrives.
    await injectionDesk.keyboard.press('Alt+2');
    await injectionDesk.getByRole('heading', { name: 'Bàn khám sàng lọc', exact: true }).waitFor();

    await checkinDesk.locator('body').click({ position: { x: 5, y: 5 } });
    await pressLikeWedge(checkinDesk, CARD);
    await checkinDesk.getByTestId('scan-result').waitFor();
    await checkinDesk.keyboard.press('Alt+Enter');
    const banner = checkinDesk.getByTestId('checked-in');
    await banner.waitFor();
    await expect(banner.getByTestId('checked-in-name').textContent()).resolves.toBe('Nguyễn Văn An');
    await checkinDesk.screenshot({ path: join(SCREENSHOTS, 'lan-desk-checkin.png') });

    await injectionDesk.getByTestId('queue-entry').filter({ hasText: 'Nguyễn Văn An' }).waitFor();
    await injectionDesk.keyboard.press('Alt+N');
    await injectionDesk.getByTestId('visit-name').filter({ hasText: 'Nguyễn Văn An' }).waitFor();
    await injectionDesk.keyboard.press('Alt+K');
    await injectionDesk.getByLabel(/^9\. Nhiệt độ/).fill('36,6');
    await injectionDesk.getByTestId('screening-outcome').and(injectionDesk.locator('[data-outcome="eligible"]')).waitFor();
    await injectionDesk.keyboard.press('Alt+Enter');
    await injectionDesk.getByTestId('screening-recorded').waitFor();

    await injectionDesk.keyboard.press('Alt+3');
    await injectionDesk.getByRole('heading', { name: 'Bàn tiêm', exact: true }).waitFor();
    await injectionDesk.getByTestId('injection-idle').waitFor();
    await injectionDesk.locator('body').click({ position: { x: 5, y: 5 } });
    await pressLikeWedge(injectionDesk, CARD);
    await injectionDesk.getByTestId('dose-panel').getByTestId('visit-name').filter({ hasText: 'Nguyễn Văn An' }).waitFor();
    await injectionDesk.getByTestId('open-vial-for-dose').and(injectionDesk.locator(':focus')).waitFor();
    await injectionDesk.keyboard.press('Enter');
    await injectionDesk.getByTestId('open-vial-confirm-button').and(injectionDesk.locator(':focus')).waitFor();
    await injectionDesk.keyboard.press('Enter');
    await injectionDesk.getByTestId('record-dose').and(injectionDesk.locator(':focus')).waitFor();
    await injectionDesk.keyboard.press('Enter');
    await injectionDesk.getByTestId('dose-recorded').waitFor();
    await injectionDesk.screenshot({ path: join(SCREENSHOTS, 'lan-desk-injection.png') });

    // The hub's own desk sees the dose recorded at the LAN desk.
    const doses = await supervisor.evaluate(async () => {
      const r = await window.station.doses.list({});
      if (!r.ok) throw new Error(r.error.code);
      return r.value.map((d) => d.citizen.fullName);
    });
    expect(doses).toEqual(['Nguyễn Văn An']);
  });

  it('says at once when the hub cannot be reached, keeps what was typed, and reconnects by itself', async () => {
    await checkinDesk.keyboard.press('Alt+S');
    const search = checkinDesk.getByTestId('citizen-search-query');
    await search.fill('Trần Thị');
    await checkinDesk.context().setOffline(true);
    // The cable is pulled: the socket itself says nothing, the hub's heartbeat stops arriving.
    await checkinDesk.getByTestId('link-banner').waitFor({ timeout: 30_000 });
    await checkinDesk.screenshot({ path: join(SCREENSHOTS, 'lan-desk-offline.png') });
    await expect(search.inputValue()).resolves.toBe('Trần Thị');
    await checkinDesk.context().setOffline(false);
    await checkinDesk.getByTestId('link-banner').waitFor({ state: 'detached', timeout: 30_000 });
    // Still signed in, on the same screen, with the same text.
    await expect(search.inputValue()).resolves.toBe('Trần Thị');
    await checkinDesk.getByTestId('signed-in-as').waitFor();
    await checkinDesk.keyboard.press('Escape');
  });

  it('a revoked desk is turned back to pairing, with a clear refusal', async () => {
    await supervisor.getByTestId('revoke-Đón tiếp 1').click();
    await supervisor.getByTestId('confirm-revoke').click();
    await checkinDesk.getByTestId('desk-revoked').waitFor();
    await checkinDesk.screenshot({ path: join(SCREENSHOTS, 'lan-desk-revoked.png') });
    // The other desk works on.
    await injectionDesk.keyboard.press('Alt+4');
    await injectionDesk.getByRole('heading', { name: /theo dõi/i }).first().waitFor();
  });
});
