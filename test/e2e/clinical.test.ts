import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, siteDay } from '../../main/domain/site-time';
import { SCREENSHOTS, startBrowserStation, type BrowserStation } from './support/browser-mode';
import { pressLikeWedge, signIn } from './support/desk';

/**
 * The clinical steps in Chromium against browser mode: three citizens checked
 * in from their cards; one screened eligible, vaccinated, observed and
 * released; one postponed for fever with a return date; one with an adverse
 * event during observation. A nurse's void of a dose is refused by the core.
 *
 * Browser mode runs on the real clock, so nobody's 30 minutes are over during
 * the test: the nurse's release is refused, and the supervisor releases early
 * with a reason, as the desk allows.
 */

let s: BrowserStation;
let nurse: Page;
let supervisor: Page;

const today = siteDay(new Date());
const CARDS = {
  an: '001094123456|012345678|Nguyễn Văn An|15031994|Nam|Số 1 Phố Huế, Hàng Bài, Hoàn Kiếm, Hà Nội|20042021',
  bich: '079305654321||Trần Thị Bích|02092005|Nữ|12 Lê Lợi, Bến Nghé, Quận 1, Hồ Chí Minh|05082021',
  dung: '036090001234||Phạm Văn Dũng|01071990|Nam|5 Trần Hưng Đạo, Nam Định|10092021',
};

/** dd/MM/yyyy, as the Vietnamese desk writes dates. */
const vnDate = (iso: string) => iso.split('-').reverse().join('/');

async function visitStep(page: Page, idNumber: string): Promise<string> {
  return page.evaluate(async (id) => {
    const queue = await window.station.queue.list({});
    if (!queue.ok) throw new Error(queue.error.code);
    return queue.value.find((e) => e.citizen.idNumber === id)?.step ?? 'none';
  }, idNumber);
}

beforeAll(async () => {
  s = await startBrowserStation();
  supervisor = (await s.newDesk()).page;
  await supervisor.getByRole('heading', { name: 'Thiết lập điểm tiêm' }).waitFor();
  // The demo: today's session open with Comirnaty FK5127 and Vaxzevria ABV5811; then three people checked in from their cards.
  const checkedIn = await supervisor.evaluate(async (cards) => {
    const demo = await window.station.setup.seedDemo({ targets: 20 });
    if (!demo.ok) throw new Error(demo.error.code);
    await window.station.auth.login({ username: 'giamsat', pin: '2468' });
    const numbers: number[] = [];
    for (const text of cards) {
      const read = await window.station.checkin.scan({ text, source: 'wedge' });
      if (!read.ok) throw new Error(read.error.code);
      const done = await window.station.checkin.confirm({ scanId: read.value.scanId, acceptCorrections: true });
      if (!done.ok) throw new Error(done.error.code);
      numbers.push(done.value.visit.queueNumber);
    }
    return numbers;
  }, [CARDS.an, CARDS.bich, CARDS.dung]);
  expect(checkedIn).toEqual([1, 2, 3]);
  await supervisor.reload();
  await signIn(supervisor, 'giamsat', '2468');
  nurse = (await s.newDesk()).page;
  await signIn(nurse, 'dieuduong', '1357');
});
afterAll(async () => s?.stop());

describe('screening, injection and observation, in Chromium against browser mode', () => {
  it('screens the first citizen eligible and postpones the second for fever, from the keyboard', async () => {
    await nurse.keyboard.press('Alt+2');
    await nurse.getByRole('heading', { name: 'Bàn khám sàng lọc', exact: true }).waitFor();
    await nurse.getByTestId('queue-entry').nth(2).waitFor();

    // Nguyễn Văn An: every question "no" (Alt+K), a normal temperature, record (Alt+Enter).
    await nurse.keyboard.press('Alt+N');
    await nurse.getByTestId('visit-name').filter({ hasText: 'Nguyễn Văn An' }).waitFor();
    await nurse.keyboard.press('Alt+K');
    await nurse.getByLabel(/^9\. Nhiệt độ/).fill('36,6');
    await nurse.getByTestId('screening-outcome').and(nurse.locator('[data-outcome="eligible"]')).waitFor();
    await nurse.screenshot({ path: join(SCREENSHOTS, 'clinical-screening-eligible.png') });
    await nurse.keyboard.press('Alt+Enter');
    await nurse.getByTestId('screening-recorded').and(nurse.locator('[data-outcome="eligible"]')).waitFor();
    expect(await visitStep(nurse, '001094123456')).toBe('injection');

    // Trần Thị Bích: 38,5 °C postpones her a week; the desk says when to come back.
    await nurse.keyboard.press('Alt+N');
    await nurse.getByTestId('visit-name').filter({ hasText: 'Trần Thị Bích' }).waitFor();
    await nurse.keyboard.press('Alt+K');
    await nurse.getByLabel(/^9\. Nhiệt độ/).fill('38,5');
    const outcome = nurse.getByTestId('screening-outcome').and(nurse.locator('[data-outcome="postpone"]'));
    await outcome.waitFor();
    const returnDate = vnDate(addDays(today, 7));
    await expect(outcome.textContent()).resolves.toContain(`Hẹn quay lại từ ngày ${returnDate}`);
    await expect(outcome.textContent()).resolves.toContain('Sốt 38.5 °C');
    await nurse.keyboard.press('Alt+Enter');
    const recorded = nurse.getByTestId('screening-recorded').and(nurse.locator('[data-outcome="postpone"]'));
    await recorded.waitFor();
    await expect(recorded.textContent()).resolves.toContain(returnDate);
    expect(await visitStep(nurse, '079305654321')).toBe('postponed');

    // Phạm Văn Dũng: eligible too.
    await nurse.keyboard.press('Alt+N');
    await nurse.getByTestId('visit-name').filter({ hasText: 'Phạm Văn Dũng' }).waitFor();
    await nurse.keyboard.press('Alt+K');
    await nurse.getByLabel(/^9\. Nhiệt độ/).fill('36,8');
    await nurse.getByTestId('screening-outcome').and(nurse.locator('[data-outcome="eligible"]')).waitFor();
    await nurse.keyboard.press('Alt+Enter');
    await nurse.getByTestId('screening-idle').waitFor();
    expect(await visitStep(nurse, '036090001234')).toBe('injection');
  });

  it('vaccinates from a scan: the first dose opens a vial, the next is one scan and Enter', async () => {
    await nurse.keyboard.press('Alt+3');
    await nurse.getByRole('heading', { name: 'Bàn tiêm', exact: true }).waitFor();
    await nurse.getByTestId('injection-idle').waitFor();
    await nurse.locator('body').click({ position: { x: 5, y: 5 } });

    // The card scanned anywhere on the desk; no vial is open yet, so Enter asks to open one (product, lot,
    // doses per vial), Enter opens it, and Enter again records.
    await pressLikeWedge(nurse, CARDS.an);
    const panel = nurse.getByTestId('dose-panel');
    await panel.getByTestId('visit-name').filter({ hasText: 'Nguyễn Văn An' }).waitFor();
    await expect(panel.getByTestId('dose-option').first().textContent()).resolves.toContain('Mũi 1/2');
    await nurse.getByTestId('open-vial-for-dose').and(nurse.locator(':focus')).waitFor();
    await nurse.keyboard.press('Enter');
    await expect(nurse.getByTestId('open-vial-what').textContent()).resolves.toBe('Vaxzevria, lô ABV5811: 10 liều/lọ');
    await nurse.getByTestId('open-vial-confirm-button').and(nurse.locator(':focus')).waitFor();
    await nurse.keyboard.press('Enter');
    await nurse.getByTestId('record-dose').and(nurse.locator(':focus')).waitFor();
    await nurse.screenshot({ path: join(SCREENSHOTS, 'clinical-injection-confirm.png') });
    await nurse.keyboard.press('Enter');
    const done = nurse.getByTestId('dose-recorded');
    await done.waitFor();
    // The demo's Vaxzevria lot expires first, so it comes first: stock is used before it is lost.
    await expect(done.textContent()).resolves.toContain('Mũi 1 Vaxzevria, lô ABV5811');
    expect(await visitStep(nurse, '001094123456')).toBe('observation');

    // Dũng by queue number typed in the scan box: the vial is open, so one Enter records.
    await nurse.getByTestId('injection-scan').fill('3');
    await nurse.keyboard.press('Enter');
    await panel.getByTestId('visit-name').filter({ hasText: 'Phạm Văn Dũng' }).waitFor();
    await nurse.getByTestId('record-dose').and(nurse.locator(':focus')).waitFor();
    await nurse.keyboard.press('Enter');
    await done.filter({ hasText: 'Phạm Văn Dũng' }).waitFor();
    await nurse.getByTestId('vial-row').filter({ hasText: 'ABV5811' }).getByTestId('vial-left').filter({ hasText: 'Còn 8/10 liều' }).waitFor();

    // The postponed citizen scanned by mistake: the desk shows where she is and offers no dose.
    await pressLikeWedge(nurse, CARDS.bich);
    await nurse.getByTestId('not-at-desk').waitFor();
    expect(await nurse.getByTestId('record-dose').count()).toBe(0);
  });

  it('observes, records an adverse event, refuses an early release by the nurse and lets the supervisor release', async () => {
    await nurse.keyboard.press('Alt+4');
    await nurse.getByRole('heading', { name: 'Theo dõi sau tiêm', exact: true }).waitFor();
    const an = nurse.getByTestId('board-row').filter({ hasText: 'Nguyễn Văn An' });
    const dung = nurse.getByTestId('board-row').filter({ hasText: 'Phạm Văn Dũng' });
    await an.and(nurse.locator('[data-state="waiting"]')).waitFor();
    await expect(an.getByTestId('countdown').textContent()).resolves.toMatch(/^(29|30):\d\d$/);

    // Dũng feels dizzy ten minutes in: the adverse event form, from the keyboard.
    await dung.focus();
    await nurse.keyboard.press('Alt+E');
    const form = nurse.getByRole('form', { name: 'Phiếu ghi nhận phản ứng sau tiêm' });
    await form.getByLabel('Chóng mặt').check();
    await form.getByLabel('Xử trí').fill('Cho nằm nghỉ, uống nước, theo dõi mạch và huyết áp');
    await nurse.keyboard.press('Alt+Enter');
    await form.waitFor({ state: 'detached' });
    await dung.getByTestId('aefi-badge').filter({ hasText: '1 phản ứng' }).waitFor();
    await nurse.screenshot({ path: join(SCREENSHOTS, 'clinical-observation-board.png') });

    // The nurse cannot release before 30 minutes.
    await an.getByTestId('release').click();
    await nurse.locator('[data-error-code="OBSERVATION_NOT_DUE"]').waitFor();
    expect(await visitStep(nurse, '001094123456')).toBe('observation');

    // The supervisor can, with a reason.
    await supervisor.keyboard.press('Alt+4');
    const row = supervisor.getByTestId('board-row').filter({ hasText: 'Nguyễn Văn An' });
    await row.getByTestId('release-early').click();
    await supervisor.getByLabel('Lý do cho về sớm').fill('Người nhà đón về, đã dặn theo dõi tại nhà và gọi 115 khi cần');
    await supervisor.getByTestId('release-early-confirm').click();
    await nurse.getByTestId('board-row').filter({ hasText: 'Nguyễn Văn An' }).waitFor({ state: 'detached' });
    expect(await visitStep(nurse, '001094123456')).toBe('released');
    const aefi = await supervisor.evaluate(async () => {
      const list = await window.station.aefi.list({});
      return list.ok ? list.value.map((a) => [a.citizen.fullName, a.symptoms.join(','), a.serious]) : list.error.code;
    });
    expect(aefi).toEqual([['Phạm Văn Dũng', 'dizziness', false]]);

    // A serious event (here recorded through the contract) reaches the supervisor on whatever screen they are.
    await supervisor.keyboard.press('Alt+5');
    const recorded = await nurse.evaluate(async () => {
      const board = await window.station.observation.board({});
      const visit = board.ok ? board.value.entries.find((e) => e.citizen.fullName === 'Phạm Văn Dũng') : undefined;
      if (!visit) return 'no visit';
      const r = await window.station.aefi.record({
        visitId: visit.visitId,
        symptoms: ['dizziness'],
        onsetAt: new Date().toISOString(),
        severity: 'severe',
        seriousness: ['hospitalisation'],
        actionTaken: 'Chuyển Bệnh viện Quận 1',
        referredTo: 'Bệnh viện Quận 1',
      });
      return r.ok ? 'ok' : r.error.code;
    });
    expect(recorded).toBe('ok');
    await supervisor.getByText('Phản ứng nghiêm trọng sau tiêm').waitFor();
    await supervisor.getByText(/Đã ghi nhận phản ứng nghiêm trọng: \d+\. Phạm Văn Dũng/).waitFor();
  });

  it("refuses a nurse's void of a dose in the core, and shows the supervisor every dose with its corrections", async () => {
    const attempt = await nurse.evaluate(async () => {
      const doses = await window.station.doses.list({});
      if (!doses.ok) throw new Error(doses.error.code);
      const first = doses.value[0]!.dose;
      const voided = await window.station.doses.void({ doseId: first.id, reason: 'Ghi nhầm người' });
      const history = await window.station.doses.history({ citizenId: first.citizenId });
      return { voided, status: history.ok ? history.value.doses.map((d) => d.status) : null };
    });
    expect(attempt.voided).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_ROLE' } });
    expect(attempt.status).toEqual(['valid']);

    await supervisor.keyboard.press('Alt+5');
    await supervisor.getByRole('tab', { name: 'Mũi tiêm và phản ứng' }).click();
    await supervisor.getByTestId('dose-row').nth(1).waitFor();
    expect(await supervisor.getByTestId('dose-row').count()).toBe(2);
    await supervisor.screenshot({ path: join(SCREENSHOTS, 'clinical-supervisor-doses.png') });
  });
});
