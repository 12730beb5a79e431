import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adultAnswers } from '../support/clinical-fixtures';
import { SCREENSHOTS, startBrowserStation, type BrowserStation } from './support/browser-mode';
import { pinBox, pressLikeWedge } from './support/desk';

/**
 * Every desk and page in both languages at 1366×768, as a site's laptop shows
 * them, each with work on it (a card read, a checklist open, a dose ready, a
 * board counting down), saved in test-results/screenshots/. On each, no text
 * may be cut off: an element holding text whose content is wider than its box
 * (scrollWidth > clientWidth, outside scrolling areas) is reported with the
 * text, and the test fails.
 */

let s: BrowserStation;
let page: Page;

const CARDS = {
  an: '001094123456|012345678|Nguyễn Văn An|15031994|Nam|Số 1 Phố Huế, Hàng Bài, Hoàn Kiếm, Hà Nội|20042021',
  bich: '079305654321||Trần Thị Bích|02092005|Nữ|12 Lê Lợi, Bến Nghé, Quận 1, Hồ Chí Minh|05082021',
  dung: '036090001234||Phạm Văn Dũng|01071990|Nam|5 Trần Hưng Đạo, Nam Định|10092021',
  hoa: '048187000111||Lê Thị Hoa|12041987|Nữ|3 Nguyễn Huệ, Quận 1, Hồ Chí Minh|01022021',
};

/** Text that does not fit its box, on what is visible now. */
async function clippedText(p: Page): Promise<string[]> {
  return p.evaluate(() => {
    const found: string[] = [];
    const SKIP = new Set(['INPUT', 'TEXTAREA', 'SELECT', 'OPTION', 'SCRIPT', 'STYLE', 'CANVAS', 'svg', 'path']);
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('body *'))) {
      if (SKIP.has(el.tagName) || !(el instanceof HTMLElement)) continue;
      const text = Array.from(el.childNodes)
        .filter((n) => n.nodeType === Node.TEXT_NODE)
        .map((n) => n.textContent ?? '')
        .join('')
        .trim();
      if (text === '') continue;
      const style = getComputedStyle(el);
      if (style.display === 'inline' || style.display === 'contents' || style.visibility === 'hidden') continue;
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || el.clientWidth === 0) continue;
      // Off screen (a closed drawer, a scrolled-away row) is not on the desk now.
      if (box.bottom < 0 || box.top > window.innerHeight || box.right < 0 || box.left > window.innerWidth) continue;
      if (style.overflowX === 'auto' || style.overflowX === 'scroll') continue;
      if (el.scrollWidth > el.clientWidth + 1) found.push(`${el.tagName.toLowerCase()}.${String(el.className).split(' ')[0]}: "${text.slice(0, 80)}" (${el.scrollWidth} > ${el.clientWidth})`);
    }
    // A row of buttons or fields wider than its column spills over the next one: its text is not cut, but it is off its place.
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('[class*="mantine-Group-root"], [class*="mantine-Stack-root"], [class*="mantine-Paper-root"]'))) {
      const style = getComputedStyle(el);
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.bottom < 0 || box.top > window.innerHeight || style.visibility === 'hidden') continue;
      if (style.overflowX === 'auto' || style.overflowX === 'scroll' || el.closest('[class*="ScrollArea"]')) continue;
      if (el.scrollWidth > el.clientWidth + 1 && (el.textContent ?? '').trim() !== '') {
        found.push(`${el.tagName.toLowerCase()}.${String(el.className).split(' ')[0]} overflows: "${(el.textContent ?? '').trim().slice(0, 60)}" (${el.scrollWidth} > ${el.clientWidth})`);
      }
    }
    return found;
  });
}

/** Saves the screen and checks it; every clipped text of every screen is collected before the test fails. */
const problems: string[] = [];
async function shot(name: string, lang: 'vi' | 'en') {
  await page.waitForTimeout(150); // transitions of a just-opened dialog
  await page.screenshot({ path: join(SCREENSHOTS, `${lang}-${name}.png`) });
  for (const p of await clippedText(page)) problems.push(`${lang} ${name}: ${p}`);
}

async function signIn(p: Page, username: string, pin: string, lang: 'vi' | 'en') {
  await p.getByLabel(lang === 'vi' ? 'Tên đăng nhập' : 'Username').fill(username);
  await pinBox(p, lang === 'vi' ? /^Mã PIN/ : /^PIN/).fill(pin);
  await p.keyboard.press('Enter');
  await p.getByTestId('signed-in-as').waitFor();
}

async function setLanguage(lang: 'vi' | 'en') {
  await page.evaluate((l) => localStorage.setItem('station.language', l), lang);
  await page.reload();
}

beforeAll(async () => {
  s = await startBrowserStation();
  page = (await s.newDesk()).page;
  await page.getByRole('heading', { name: 'Thiết lập điểm tiêm' }).waitFor();
});
afterAll(async () => s?.stop());

describe('every desk in both languages at 1366×768', () => {
  it('shows first-run setup with the demo choice in sight, in both languages', async () => {
    for (const lang of ['vi', 'en'] as const) {
      await setLanguage(lang);
      await page.getByTestId('demo-choice').waitFor();
      const demo = await page.getByTestId('demo-choice').boundingBox();
      expect(demo!.y + demo!.height).toBeLessThanOrEqual(768);
      await shot('setup', lang);
    }
    // A working day to show: the demo, four people checked in, two screened, one vaccinated.
    const ready = await page.evaluate(
      async ({ cards, answers }) => {
        const demo = await window.station.setup.seedDemo({ targets: 40 });
        if (!demo.ok) return demo.error.code;
        await window.station.auth.login({ username: 'giamsat', pin: '2468' });
        const visits: string[] = [];
        for (const text of cards) {
          const read = await window.station.checkin.scan({ text, source: 'wedge' });
          if (!read.ok) return read.error.code;
          const done = await window.station.checkin.confirm({ scanId: read.value.scanId, acceptCorrections: true });
          if (!done.ok) return done.error.code;
          visits.push(done.value.visit.visitId);
        }
        for (const [i, a] of [answers.male, answers.female, answers.male].entries()) {
          const r = await window.station.screening.record({ visitId: visits[i]!, formId: 'covid19-adult', formVersion: 1, answers: a });
          if (!r.ok) return r.error.code;
        }
        const lots = await window.station.vials.list({});
        if (!lots.ok) return lots.error.code;
        const comirnaty = lots.value.lots.find((l) => l.productCode === 'comirnaty')!;
        await window.station.vials.open({ lotId: comirnaty.lotId });
        const dose = await window.station.doses.record({ visitId: visits[0]!, lotId: comirnaty.lotId });
        return dose.ok ? 'ok' : dose.error.code;
      },
      { cards: [CARDS.an, CARDS.bich, CARDS.dung, CARDS.hoa], answers: { male: adultAnswers({}, 'male'), female: adultAnswers({}, 'female') } },
    );
    expect(ready).toBe('ok');
  });

  for (const lang of ['vi', 'en'] as const) {
    it(`shows every desk in ${lang === 'vi' ? 'Vietnamese' : 'English'} with no text cut off`, async () => {
      const L = lang === 'vi';
      await setLanguage(lang);
      await page.getByTestId('signed-in-as').or(page.getByLabel(L ? 'Tên đăng nhập' : 'Username')).first().waitFor();
      await shot('login', lang);
      await signIn(page, 'giamsat', '2468', lang);

      // Check-in with a card read and its match.
      await page.keyboard.press('Alt+1');
      await page.locator('[data-desk="checkin"]').waitFor();
      await page.getByTestId('scan-panel').waitFor();
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await pressLikeWedge(page, '036085004321||Hoàng Văn Nam|10101985|Nam|7 Pasteur, Quận 3, Hồ Chí Minh|01012022');
      await page.getByTestId('match-panel').waitFor();
      await shot('checkin', lang);
      await page.keyboard.press('Escape');

      // Screening with the checklist open.
      await page.keyboard.press('Alt+2');
      await page.locator('[data-desk="screening"]').waitFor();
      await page.getByTestId('queue-entry').first().waitFor();
      await page.keyboard.press('Alt+N');
      await page.getByTestId('screening-form').waitFor();
      await shot('screening', lang);
      await page.keyboard.press('Escape');

      // Injection with a dose ready, and the vial confirmation.
      await page.keyboard.press('Alt+3');
      await page.locator('[data-desk="injection"]').waitFor();
      await page.getByTestId('queue-entry').first().waitFor();
      await page.keyboard.press('Alt+N');
      await page.getByTestId('dose-panel').waitFor();
      await shot('injection', lang);
      await page.getByTestId('open-vial').first().click();
      await page.getByTestId('open-vial-what').waitFor();
      await shot('injection-open-vial', lang);
      await page.keyboard.press('Escape');
      await page.getByTestId('open-vial-what').waitFor({ state: 'detached' });

      // Observation with the board counting down.
      await page.keyboard.press('Alt+4');
      await page.locator('[data-desk="observation"]').waitFor();
      await page.getByTestId('board-row').first().waitFor();
      await shot('observation', lang);

      // The supervisor's desk, every tab.
      await page.keyboard.press('Alt+5');
      await page.waitForURL(/#\/supervisor/);
      await page.getByRole('table').first().waitFor();
      await shot('supervisor-plans', lang);
      await page.getByRole('table').first().getByRole('row').nth(1).click();
      await page.getByTestId('lot-row').first().waitFor();
      await shot('supervisor-plan', lang);
      for (const tab of ['doses', 'staff', 'settings', 'certificates', 'signing'] as const) {
        await page.goto(`${s.url}/#/supervisor/${tab}`);
        await page.getByTestId('signed-in-as').waitFor();
        await page.waitForTimeout(300);
        await shot(`supervisor-${tab}`, lang);
      }

      // Certificates and verification.
      await page.keyboard.press('Alt+6');
      await page.waitForURL(/#\/certificates/);
      await page.getByTestId('released-list').waitFor();
      await shot('certificates', lang);
      await page.keyboard.press('Alt+7');
      await page.waitForURL(/#\/verify/);
      await page.getByTestId('verify-input').waitFor();
      await shot('verify', lang);

      // The shortcut table, opened with ? on a desk.
      await page.keyboard.press('Alt+1');
      await page.locator('[data-desk="checkin"]').waitFor();
      await page.getByTestId('scan-panel').waitFor();
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await page.keyboard.press('Shift+?');
      const help = page.getByTestId('shortcut-help').locator('tr[data-action="print"]');
      await help.waitFor();
      await expect(help.textContent()).resolves.toContain(L ? 'In' : 'Print');
      await shot('shortcuts', lang);
      await page.keyboard.press('Escape');

      // The locked observation desk: the board stays.
      await page.keyboard.press('Alt+4');
      await page.locator('[data-desk="observation"]').waitFor();
      await page.getByTestId('board-row').first().waitFor();
      await page.keyboard.press('Alt+L');
      await page.getByTestId('locked-board').waitFor();
      await shot('observation-locked', lang);
      await page.getByRole('button', { name: L ? 'Đăng xuất' : 'Sign out' }).click();
    });
  }

  it('found no text cut off on any screen', () => {
    expect(problems).toEqual([]);
  });
});
