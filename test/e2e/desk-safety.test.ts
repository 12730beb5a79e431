import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, siteDay } from '../../main/domain/site-time';
import { adultAnswers } from '../support/clinical-fixtures';
import { SCREENSHOTS, startBrowserStation, type BrowserStation } from './support/browser-mode';
import { pinBox, pressLikeWedge, signIn } from './support/desk';

/**
 * A site day's safety and speed at the desks, in Chromium against browser
 * mode: the injection suggestion follows today's list (the demo's Vaxzevria
 * lot expires first, as on the day the wrong vaccine was given), departures
 * and new vials are confirmed, a postponed person is refused, a referral
 * holds the certificate, a lock keeps the screening in progress, a scan into
 * a box that holds text still stands alone, the check-in list says who is
 * in, and a locked observation desk keeps its board. Keys are counted per
 * citizen at check-in (≤ 2) and at injection (≤ 3 with the scan).
 */

let s: BrowserStation;
let nurse: Page;
let supervisor: Page;

const today = siteDay(new Date());
const vn = (iso: string) => iso.split('-').reverse().join('/');

interface Person {
  id: string;
  name: string;
  /** ddMMyyyy as on the card */
  dob: string;
  sex: 'Nam' | 'Nữ';
}

const A: Person = { id: '001094000101', name: 'Nguyễn Văn An', dob: '15031994', sex: 'Nam' };
const B: Person = { id: '079305654321', name: 'Trần Thị Bích', dob: '02092005', sex: 'Nữ' };
const C: Person = { id: '036090001234', name: 'Phạm Văn Dũng', dob: '01071990', sex: 'Nam' };
const D: Person = { id: '036085004321', name: 'Hoàng Văn Nam', dob: '10101985', sex: 'Nam' };
const E: Person = { id: '048187000111', name: 'Lê Thị Hoa', dob: '12041987', sex: 'Nữ' };
const F: Person = { id: '079190654321', name: 'Trần Thị Lan', dob: '02091990', sex: 'Nữ' };
const H: Person = { id: '001195000222', name: 'Ngô Thị Mai', dob: '05061995', sex: 'Nữ' };
/** On the list under this number; the card carrying it is someone else's. */
const LISTED_OTHER: Person = { id: '001089000333', name: 'Đỗ Văn Khánh', dob: '03031989', sex: 'Nam' };
const CARD_OTHER: Person = { id: '001089000333', name: 'Bùi Văn Yên', dob: '20101989', sex: 'Nam' };

const card = (p: Person) => `${p.id}||${p.name}|${p.dob}|${p.sex}|Số 1 Lê Lợi, Bến Nghé, Quận 1, Hồ Chí Minh|20042021`;
const listRow = (p: Person) => [p.id, p.name, `${p.dob.slice(0, 2)}/${p.dob.slice(2, 4)}/${p.dob.slice(4)}`, p.sex, 'Comirnaty', '1'].join(',');

/** Keys a nurse presses, and scans, for one citizen. */
const count = { keys: 0 };
async function press(page: Page, key: string) {
  count.keys++;
  await page.keyboard.press(key);
}
async function scan(page: Page, text: string) {
  count.keys++;
  await pressLikeWedge(page, text);
}

async function visitOf(page: Page, idNumber: string) {
  return page.evaluate(async (id) => {
    const queue = await window.station.queue.list({});
    if (!queue.ok) throw new Error(queue.error.code);
    const v = queue.value.find((e) => e.citizen.idNumber === id);
    return v ? { visitId: v.visitId, step: v.step, citizenId: v.citizen.id } : null;
  }, idNumber);
}

/**
 * Gives the dose through the contract when an earlier test has not (each test
 * below can then stand on its own): a Comirnaty vial opened if none is, the
 * dose recorded as the list says.
 */
async function vaccinatedByContract(page: Page, idNumber: string): Promise<void> {
  const result = await page.evaluate(async (id) => {
    const queue = await window.station.queue.list({});
    const visit = queue.ok ? queue.value.find((e) => e.citizen.idNumber === id) : undefined;
    if (!visit) return 'no visit';
    if (visit.step !== 'injection') return 'ok';
    const stock = await window.station.vials.list({});
    if (!stock.ok) return stock.error.code;
    const lot = stock.value.lots.find((l) => l.productCode === 'comirnaty')!;
    if (!stock.value.vials.some((v) => v.lotId === lot.lotId && v.state === 'open')) await window.station.vials.open({ lotId: lot.lotId });
    const r = await window.station.doses.record({ visitId: visit.visitId, lotId: lot.lotId });
    return r.ok ? 'ok' : r.error.code;
  }, idNumber);
  expect(result).toBe('ok');
}

/** Nothing focused, nothing shown: where a nurse starts each citizen. */
async function rest(page: Page) {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('Escape');
}

beforeAll(async () => {
  s = await startBrowserStation();
  supervisor = (await s.newDesk()).page;
  await supervisor.getByRole('heading', { name: 'Thiết lập điểm tiêm' }).waitFor();
  const rows = [A, B, C, E, F, H, LISTED_OTHER].map(listRow);
  const answers = { male: adultAnswers({}, 'male'), female: adultAnswers({}, 'female'), fever: adultAnswers({ temperature: 38.5 }, 'female') };
  const seeded = await supervisor.evaluate(
    async ({ rows, cards }) => {
      const demo = await window.station.setup.seedDemo({ targets: 30 });
      if (!demo.ok) return demo.error.code;
      await window.station.auth.login({ username: 'giamsat', pin: '2468' });
      const csv = `so_cccd,ho_ten,ngay_sinh,gioi_tinh,vac_xin,mui_thu\r\n${rows.join('\r\n')}\r\n`;
      const bytes = new TextEncoder().encode(csv);
      const upload = await window.station.targets.startImport({ planId: demo.value.planId, fileName: 'bo-sung.csv', sizeBytes: bytes.length });
      if (!upload.ok) return upload.error.code;
      const sent = await window.station.targets.uploadChunk({ uploadId: upload.value.uploadId, offset: 0, dataBase64: btoa(String.fromCharCode(...bytes)) });
      if (!sent.ok) return sent.error.code;
      const preview = await window.station.targets.previewImport({ uploadId: upload.value.uploadId });
      if (!preview.ok) return preview.error.code;
      const done = await window.station.targets.confirmImport({ previewId: preview.value.previewId });
      if (!done.ok) return done.error.code;
      // Checked in from their cards and screened, except A (checked in at the desk below) and C (screened below).
      for (const [text, screening] of cards) {
        const read = await window.station.checkin.scan({ text, source: 'wedge' });
        if (!read.ok) return read.error.code;
        const visit = await window.station.checkin.confirm({ scanId: read.value.scanId, acceptCorrections: true });
        if (!visit.ok) return visit.error.code;
        if (screening) {
          const r = await window.station.screening.record({ visitId: visit.value.visit.visitId, formId: 'covid19-adult', formVersion: 1, answers: screening });
          if (!r.ok) return r.error.code;
        }
      }
      return 'ok';
    },
    {
      rows,
      cards: [
        [card(B), answers.fever],
        [card(D), answers.male],
        [card(E), answers.female],
        [card(F), answers.female],
        [card(H), answers.female],
        [card(C), null],
      ] as [string, Record<string, string | number | boolean | null> | null][],
    },
  );
  expect(seeded).toBe('ok');
  await supervisor.reload();
  await signIn(supervisor, 'giamsat', '2468');
  nurse = (await s.newDesk()).page;
  await signIn(nurse, 'dieuduong', '1357');
  await nurse.getByRole('heading', { name: 'Bàn đón tiếp', exact: true }).waitFor();
});
afterAll(async () => s?.stop());

describe('check-in', () => {
  it('checks a listed citizen in with a scan and one key, and marks the list row', async () => {
    await rest(nurse);
    await nurse.getByTestId('scan-ready').filter({ hasText: 'Sẵn sàng' }).waitFor();
    count.keys = 0;
    await scan(nurse, card(A));
    await nurse.getByTestId('match-panel').waitFor();
    await press(nurse, 'Alt+Enter');
    await nurse.getByTestId('checked-in').filter({ hasText: A.name }).waitFor();
    expect(count.keys).toBeLessThanOrEqual(2);
    // Screened straight away through the contract: the injection tests need A waiting for the dose.
    const visit = (await visitOf(nurse, A.id))!;
    const screened = await nurse.evaluate(
      async ({ visitId, answers }) => (await window.station.screening.record({ visitId, formId: 'covid19-adult', formVersion: 1, answers })).ok,
      { visitId: visit.visitId, answers: adultAnswers({}, 'male') },
    );
    expect(screened).toBe(true);

    // The list says who is already in (with the queue number) and names the vaccine, not its code.
    await nurse.getByTestId('target-search').fill('nguyen van an');
    const row = nurse.getByTestId('target-row').filter({ hasText: A.name });
    await row.getByTestId('target-checked-in').waitFor();
    await expect(row.textContent()).resolves.toContain('Comirnaty · mũi 1');
    expect(await row.textContent()).not.toContain('comirnaty');
    await nurse.getByTestId('target-search').fill('');
  });

  it('names a short scanned code as not an ID card instead of ignoring it', async () => {
    await rest(nurse);
    await pressLikeWedge(nurse, 'A12345');
    const other = nurse.getByTestId('scan-other');
    await other.waitFor();
    await expect(other.textContent()).resolves.toContain('không phải thẻ căn cước');
  });

  it("says one consistent thing when the card's number is on another person's list row", async () => {
    await rest(nurse);
    await pressLikeWedge(nurse, card(CARD_OTHER));
    const panel = nurse.getByTestId('match-panel');
    await panel.getByTestId('other-person').waitFor();
    // Nothing promises to correct another person's row: the row stays, the card holder may come in as a walk-in.
    expect(await nurse.getByTestId('corrections-note').count()).toBe(0);
    await expect(panel.getByTestId('other-person').textContent()).resolves.toContain('Dòng danh sách giữ nguyên');
    await panel.getByTestId('without-row-note').waitFor();
    expect(await panel.getByTestId('confirm-checkin').count()).toBe(0);
  });
});

describe('injection', () => {
  it('asks before opening a vial, naming product, lot and doses per vial', async () => {
    await nurse.keyboard.press('Alt+3');
    await nurse.getByRole('heading', { name: 'Bàn tiêm', exact: true }).waitFor();
    await nurse.getByTestId('open-vial').and(nurse.locator('[data-lot="FK5127"]')).click();
    const dialog = nurse.getByTestId('open-vial-confirm');
    await expect(dialog.getByTestId('open-vial-what').textContent()).resolves.toBe('Comirnaty, lô FK5127: 6 liều/lọ');
    await nurse.keyboard.press('Enter');
    await nurse.getByTestId('vial-row').and(nurse.locator('[data-lot="FK5127"]')).waitFor();
  });

  it('takes the open vial before a lot that expires sooner, for someone not on the list: a scan and Enter', async () => {
    await rest(nurse);
    count.keys = 0;
    await scan(nurse, card(D));
    const panel = nurse.getByTestId('dose-panel');
    await panel.getByTestId('visit-name').filter({ hasText: D.name }).waitFor();
    await expect(panel.getByTestId('dose-option').first().getAttribute('data-lot')).resolves.toBe('FK5127');
    await nurse.getByTestId('record-dose').and(nurse.locator(':focus')).waitFor();
    await press(nurse, 'Enter');
    await nurse.getByTestId('dose-recorded').filter({ hasText: D.name }).waitFor();
    await expect(nurse.getByTestId('dose-recorded').textContent()).resolves.toContain('Comirnaty, lô FK5127');
    expect(count.keys).toBeLessThanOrEqual(3);
  });

  it("offers the list's vaccine first, and a vial of another product is opened only when confirmed", async () => {
    await rest(nurse);
    await pressLikeWedge(nurse, card(A));
    const panel = nurse.getByTestId('dose-panel');
    await panel.getByTestId('visit-name').filter({ hasText: A.name }).waitFor();
    await expect(panel.getByTestId('dose-option').first().getAttribute('data-lot')).resolves.toBe('FK5127');
    await panel.getByTestId('listed-for').filter({ hasText: 'Comirnaty, mũi 1' }).waitFor();
    // 2 picks Vaxzevria (against the list, and with no vial open): Enter asks before any vial is opened.
    await nurse.keyboard.press('2');
    await nurse.getByTestId('open-vial-for-dose').filter({ hasText: 'ABV5811' }).and(nurse.locator(':focus')).waitFor();
    await nurse.keyboard.press('Enter');
    const dialog = nurse.getByTestId('open-vial-confirm');
    await expect(dialog.getByTestId('open-vial-what').textContent()).resolves.toBe('Vaxzevria, lô ABV5811: 10 liều/lọ');
    await expect(dialog.getByTestId('open-vial-others').textContent()).resolves.toContain('Comirnaty lô FK5127 còn 5 liều');
    await nurse.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    const vials = await nurse.evaluate(async () => {
      const r = await window.station.vials.list({});
      return r.ok ? r.value.vials.map((v) => v.lotNumber) : [];
    });
    expect(vials).toEqual(['FK5127']);
    // Back on the list's vaccine, Enter records it.
    await nurse.keyboard.press('1');
    await nurse.getByTestId('record-dose').filter({ hasText: 'Comirnaty' }).and(nurse.locator(':focus')).waitFor();
    await nurse.keyboard.press('Enter');
    await nurse.getByTestId('dose-recorded').filter({ hasText: A.name }).waitFor();
    await expect(nurse.getByTestId('dose-recorded').textContent()).resolves.toContain('Mũi 1 Comirnaty');
    await expect(nurse.getByTestId('recorded-next-dose').textContent()).resolves.toContain(vn(addDays(today, 21)));
  });

  it('records a vaccine against the list only after the reason is shown and confirmed', async () => {
    // A Vaxzevria vial opened on purpose; F is listed for Comirnaty.
    await nurse.getByTestId('open-vial').and(nurse.locator('[data-lot="ABV5811"]')).click();
    await nurse.getByTestId('open-vial-confirm-button').click();
    await nurse.getByTestId('vial-row').and(nurse.locator('[data-lot="ABV5811"]')).waitFor();
    await rest(nurse);
    await pressLikeWedge(nurse, card(F));
    const panel = nurse.getByTestId('dose-panel');
    await panel.getByTestId('visit-name').filter({ hasText: F.name }).waitFor();
    await expect(panel.getByTestId('dose-option').first().getAttribute('data-lot')).resolves.toBe('FK5127');
    await nurse.keyboard.press('2');
    await nurse.getByTestId('record-dose').and(nurse.locator('[data-deviations="1"]')).and(nurse.locator(':focus')).waitFor();
    await nurse.keyboard.press('Enter');
    const confirm = nurse.getByTestId('deviation-confirm');
    await expect(confirm.getByTestId('deviation-reasons').textContent()).resolves.toContain('Danh sách hôm nay ghi Comirnaty, không phải Vaxzevria');
    await nurse.screenshot({ path: join(SCREENSHOTS, 'injection-deviation-confirm.png') });
    await nurse.keyboard.press('Escape');
    await confirm.waitFor({ state: 'detached' });
    expect((await visitOf(nurse, F.id))!.step).toBe('injection');
    await nurse.keyboard.press('1');
    await nurse.getByTestId('record-dose').filter({ hasText: 'Comirnaty' }).and(nurse.locator(':focus')).waitFor();
    await nurse.keyboard.press('Enter');
    await nurse.getByTestId('dose-recorded').filter({ hasText: F.name }).waitFor();
    await expect(nurse.getByTestId('dose-recorded').textContent()).resolves.toContain('Comirnaty');
  });

  it('vaccinates a listed citizen with a scan and Enter when the vial is open', async () => {
    await rest(nurse);
    count.keys = 0;
    await scan(nurse, card(H));
    await nurse.getByTestId('dose-panel').getByTestId('visit-name').filter({ hasText: H.name }).waitFor();
    await nurse.getByTestId('record-dose').filter({ hasText: 'Comirnaty' }).and(nurse.locator(':focus')).waitFor();
    await press(nurse, 'Enter');
    await nurse.getByTestId('dose-recorded').filter({ hasText: H.name }).waitFor();
    expect(count.keys).toBeLessThanOrEqual(3);
  });

  it('shows that screening postponed a person and offers no vaccine', async () => {
    await rest(nurse);
    await pressLikeWedge(nurse, card(B));
    const blocked = nurse.getByTestId('not-at-desk');
    await blocked.waitFor();
    expect(await nurse.getByTestId('dose-option').count()).toBe(0);
    await blocked.and(nurse.locator('[data-step="postponed"]')).waitFor();
    await expect(blocked.textContent()).resolves.toContain('Khám sàng lọc đã hoãn tiêm');
    await expect(blocked.getByTestId('return-date').textContent()).resolves.toContain(vn(addDays(today, 7)));
    expect(await nurse.getByTestId('record-dose').count()).toBe(0);
    expect(await nurse.getByTestId('open-vial-for-dose').count()).toBe(0);
  });

  it('takes a scan into the box as a new scan, whatever the box held', async () => {
    await rest(nurse);
    const box = nurse.getByTestId('injection-scan');
    await box.click();
    await nurse.keyboard.type('12', { delay: 150 });
    await pressLikeWedge(nurse, card(E));
    await nurse.getByTestId('dose-panel').getByTestId('visit-name').filter({ hasText: E.name }).waitFor();
    expect(await nurse.getByTestId('scan-not-found').count()).toBe(0);
    await expect(box.inputValue()).resolves.toBe('');
    await nurse.getByTestId('record-dose').filter({ hasText: 'Comirnaty' }).and(nurse.locator(':focus')).waitFor();
    await nurse.keyboard.press('Enter');
    await nurse.getByTestId('dose-recorded').filter({ hasText: E.name }).waitFor();
  });
});

describe('observation', () => {
  it('ends a visit with a serious event and a referral as referred, holds the certificate, and tells the supervisor', async () => {
    await vaccinatedByContract(nurse, E.id);
    await nurse.keyboard.press('Alt+4');
    await nurse.getByRole('heading', { name: 'Theo dõi sau tiêm', exact: true }).waitFor();
    const row = nurse.getByTestId('board-row').filter({ hasText: E.name });
    await row.focus();
    await nurse.keyboard.press('Alt+E');
    const form = nurse.getByRole('form', { name: 'Phiếu ghi nhận phản ứng sau tiêm' });
    await form.getByLabel('Phản vệ').check();
    await form.getByLabel('Đe doạ tính mạng').check();
    await form.getByLabel('Xử trí').fill('Adrenalin 0,5 mg tiêm bắp, thở oxy, gọi cấp cứu 115');
    await form.getByLabel('Chuyển đến cơ sở y tế').fill('Bệnh viện Nhân dân 115');
    await nurse.keyboard.press('Alt+Enter');
    await form.waitFor({ state: 'detached' });
    // Gone from those present; among all of today's, shown as referred, with where, and no release.
    await row.waitFor({ state: 'detached' });
    await nurse.keyboard.press('Alt+A');
    const referred = nurse.getByTestId('board-row').filter({ hasText: E.name });
    await referred.and(nurse.locator('[data-state="referred"]')).waitFor();
    await expect(referred.getByTestId('referred-to').textContent()).resolves.toContain('Bệnh viện Nhân dân 115');
    expect(await referred.getByTestId('release').count()).toBe(0);
    await nurse.keyboard.press('Alt+A');
    const visit = (await visitOf(nurse, E.id))!;
    expect(visit.step).toBe('referred');
    const certificates = await nurse.evaluate(async (citizenId) => {
      const r = await window.station.certificates.forCitizen({ citizenId });
      return r.ok ? r.value.certificates.length : r.error.code;
    }, visit.citizenId);
    expect(certificates).toBe(0);

    await supervisor.keyboard.press('Alt+5');
    await supervisor.getByRole('tab', { name: 'Mũi tiêm và phản ứng' }).click();
    const item = supervisor.getByTestId('referral-item').filter({ hasText: E.name });
    await item.waitFor();
    await expect(item.textContent()).resolves.toContain('Bệnh viện Nhân dân 115');
    await item.getByTestId('certificate-held').waitFor();
    await supervisor.screenshot({ path: join(SCREENSHOTS, 'supervisor-referrals.png') });
  });
});

describe('release', () => {
  it('hands over the next-dose appointment (from the series rules) at release', async () => {
    await vaccinatedByContract(supervisor, H.id);
    await supervisor.keyboard.press('Alt+4');
    const row = supervisor.getByTestId('board-row').filter({ hasText: H.name });
    await row.getByTestId('release-early').click();
    await supervisor.getByLabel('Lý do cho về sớm').fill('Người nhà đón về, đã dặn theo dõi tại nhà và gọi 115 khi cần');
    await supervisor.getByTestId('release-early-confirm').click();
    const slip = supervisor.getByTestId('next-dose-slip');
    await slip.filter({ hasText: H.name }).waitFor();
    await expect(slip.getByTestId('next-dose').textContent()).resolves.toBe(`Hẹn mũi tiếp theo: Comirnaty mũi 2/2, từ ngày ${vn(addDays(today, 21))}`);
    await slip.getByTestId('print-slip').waitFor();
  });
});

describe('locking', () => {
  it('keeps a screening in progress across a lock and gives it back to the same nurse', async () => {
    await nurse.keyboard.press('Alt+2');
    await nurse.getByRole('heading', { name: 'Bàn khám sàng lọc', exact: true }).waitFor();
    await nurse.getByTestId('queue-entry').filter({ hasText: C.name }).waitFor();
    await nurse.keyboard.press('Alt+N');
    await nurse.getByTestId('visit-name').filter({ hasText: C.name }).waitFor();
    // Keyboard first: the first question has the keyboard; K answers "no" and moves on.
    const first = nurse.locator('[data-question-focus]').first();
    await first.and(nurse.locator(':focus')).waitFor();
    await nurse.keyboard.press('k');
    await first.and(nurse.locator('[data-answered="yes"]')).waitFor();
    const second = nurse.locator('[data-question-focus]').nth(1);
    await second.and(nurse.locator(':focus')).waitFor();
    await nurse.keyboard.press('k');
    await second.and(nurse.locator('[data-answered="yes"]')).waitFor();
    const pendingBefore = await nurse.getByTestId('pending-questions').textContent();

    await nurse.keyboard.press('Alt+L');
    const lock = nurse.getByTestId('lock-screen');
    await lock.and(nurse.locator('[data-reason="manual"]')).waitFor();
    await pinBox(nurse, /^Mã PIN/).fill('1357');
    await nurse.keyboard.press('Enter');
    await nurse.getByTestId('visit-name').filter({ hasText: C.name }).waitFor();
    await nurse.locator('[data-question-focus]').first().and(nurse.locator('[data-answered="yes"]')).waitFor();
    await nurse.locator('[data-question-focus]').nth(1).and(nurse.locator('[data-answered="yes"]')).waitFor();
    await expect(nurse.getByTestId('pending-questions').textContent()).resolves.toBe(pendingBefore);
  });

  it('keeps the observation board on the screen, counting down, when the idle timer locks the desk', async () => {
    await vaccinatedByContract(nurse, D.id);
    const ok = await supervisor.evaluate(async () => (await window.station.settings.update({ idleLockMinutes: 1 })).ok);
    expect(ok).toBe(true);
    const { page } = await s.newDesk();
    await page.clock.install();
    await signIn(page, 'dieuduong', '1357');
    await page.keyboard.press('Alt+4');
    await page.getByTestId('board-row').filter({ hasText: D.name }).waitFor();
    await page.clock.fastForward('01:05');
    await page.getByRole('heading', { name: 'Bàn đang khoá' }).waitFor();
    // The board stays, read-only, beside the unlock form.
    const board = page.getByTestId('locked-board');
    const row = board.getByTestId('board-row').filter({ hasText: D.name });
    await row.waitFor();
    // The text says the idle timer locked it: nobody is blamed.
    const lock = page.getByTestId('lock-screen');
    await lock.and(page.locator('[data-reason="idle"]')).waitFor();
    await expect(lock.textContent()).resolves.toContain('Bàn tự khoá sau 1 phút không có thao tác');
    expect(await board.getByTestId('release').count()).toBe(0);
    const before = await row.getByTestId('countdown').textContent();
    await page.clock.fastForward('00:05');
    await expect.poll(() => row.getByTestId('countdown').textContent()).not.toBe(before);
    await page.screenshot({ path: join(SCREENSHOTS, 'observation-locked-board.png') });
    await supervisor.evaluate(async () => window.station.settings.update({ idleLockMinutes: 15 }));
  });
});
