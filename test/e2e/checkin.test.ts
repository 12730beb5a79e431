import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { PNG } from 'pngjs';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, SCREENSHOTS, startBrowserStation, type BrowserStation } from './support/browser-mode';
import { pressLikeWedge, signIn } from './support/desk';

/**
 * The check-in desk in Chromium against browser mode: every shared CCCD
 * variant typed as a keyboard-wedge scanner would type it, corrections from
 * the card, duplicates, a foreigner, photos of a QR code, and the screening
 * desk's queue following along without a reload.
 */

let s: BrowserStation;
let nurse: Page;
let supervisor: Page;

interface Variant {
  name: string;
  raw: string;
  expect: string;
}

const VARIANTS: Variant[] = readFileSync(join(__dirname, '../fixtures/cccd/cccd-qr-variants.tsv'), 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '' && !l.startsWith('#'))
  .map((l) => {
    const [name = '', raw = '', expectation = ''] = l.split('\t');
    const text = raw.replace(/\\(r|n|u([0-9a-fA-F]{4}))/g, (_m, c: string, hex?: string) => (hex ? String.fromCharCode(parseInt(hex, 16)) : c === 'r' ? '\r' : '\n'));
    return { name, raw: text, expect: expectation };
  });

/** The finding each warn/error case must show; the table states it in prose. */
const SHOWN_FINDING: Record<string, [string, 'warning' | 'error']> = {
  gender_mismatch: ['ID_SEX_MISMATCH', 'warning'],
  century_mismatch: ['ID_CENTURY_MISMATCH', 'warning'],
  year_mismatch: ['ID_BIRTH_YEAR_MISMATCH', 'warning'],
  bad_province: ['ID_PROVINCE_UNKNOWN', 'warning'],
  bad_date: ['INVALID_DATE', 'error'],
  too_few_fields: ['TOO_FEW_FIELDS', 'error'],
};

/** The list row that disagrees with Trần Thị Bích's card: no accents, the day of birth one off. */
const BICH_ROW = '079305654321,Tran Thi Bich,03/09/2005,Nữ';

beforeAll(async () => {
  s = await startBrowserStation();
  const first = await s.newDesk();
  supervisor = first.page;
  // Today's session, open, with the demo's synthetic list; then one more row, as a late list would arrive.
  await supervisor.getByRole('heading', { name: 'Thiết lập điểm tiêm' }).waitFor();
  const seeded = await supervisor.evaluate(async (row) => {
    const demo = await window.station.setup.seedDemo({ targets: 50 });
    if (!demo.ok) return demo.error.code;
    await window.station.auth.login({ username: 'giamsat', pin: '2468' });
    const bytes = new TextEncoder().encode(`so_cccd,ho_ten,ngay_sinh,gioi_tinh\r\n${row}\r\n`);
    const upload = await window.station.targets.startImport({ planId: demo.value.planId, fileName: 'bo-sung.csv', sizeBytes: bytes.length });
    if (!upload.ok) return upload.error.code;
    const sent = await window.station.targets.uploadChunk({ uploadId: upload.value.uploadId, offset: 0, dataBase64: btoa(String.fromCharCode(...bytes)) });
    if (!sent.ok) return sent.error.code;
    const preview = await window.station.targets.previewImport({ uploadId: upload.value.uploadId });
    if (!preview.ok) return preview.error.code;
    const done = await window.station.targets.confirmImport({ previewId: preview.value.previewId });
    return done.ok ? 'ok' : done.error.code;
  }, BICH_ROW);
  expect(seeded).toBe('ok');
  await supervisor.reload();
  await signIn(supervisor, 'giamsat', '2468');
  await supervisor.keyboard.press('Alt+2');
  await supervisor.getByRole('heading', { name: 'Bàn khám sàng lọc', exact: true }).waitFor();

  nurse = (await s.newDesk()).page;
  await signIn(nurse, 'dieuduong', '1357');
  await nurse.getByRole('heading', { name: 'Bàn đón tiếp', exact: true }).waitFor();
});
afterAll(async () => s?.stop());

/** Back to "ready": the last result cleared and no field holding the keyboard. */
async function ready(page: Page) {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('Escape');
  await page.getByTestId('scan-result').waitFor({ state: 'detached' });
  await page.getByTestId('checked-in').waitFor({ state: 'detached' });
}

async function scan(page: Page, text: string) {
  await ready(page);
  await pressLikeWedge(page, text);
  return page.getByTestId('scan-result');
}

describe('the check-in desk reads ID cards from a keyboard-wedge scanner', () => {
  it('shows the expected result or error for every shared CCCD variant', async () => {
    expect(VARIANTS).toHaveLength(12);
    for (const v of VARIANTS) {
      const result = await scan(nurse, v.raw);
      await result.waitFor();
      const kind = await result.getAttribute('data-kind');
      if (v.expect.startsWith('ok')) {
        expect(kind, v.name).toBe('cccd');
        const id = /id=(\d+)/.exec(v.expect)?.[1] ?? v.raw.slice(0, 12);
        await expect(result.getByTestId('card-idNumber').textContent(), v.name).resolves.toBe(id);
        const nfc = /NFC == "([^"]+)"/.exec(v.expect)?.[1];
        const name = nfc ?? v.raw.split('|')[2]!.normalize('NFC');
        await expect(result.getByTestId('card-fullName').textContent(), v.name).resolves.toBe(name);
        const dob = /dob=(\d{4})-(\d{2})-(\d{2})/.exec(v.expect);
        if (dob) await expect(result.getByTestId('card-dateOfBirth').textContent(), v.name).resolves.toBe(`${dob[3]}/${dob[2]}/${dob[1]}`);
        expect(await result.locator('[data-finding]').count(), v.name).toBe(0);
      } else if (v.name === 'not_cccd') {
        expect(kind).toBe('dcc');
        await expect(result.textContent()).resolves.toContain('chứng nhận tiêm chủng (EU DCC), không phải thẻ căn cước');
      } else {
        const [code, severity] = SHOWN_FINDING[v.name]!;
        const shown = result.locator(`[data-finding="${code}"][data-severity="${severity}"]`);
        await shown.waitFor();
        expect((await shown.textContent())?.length, v.name).toBeGreaterThan(10);
        if (severity === 'error') await result.getByTestId('scan-refused').waitFor();
      }
      if (v.name === 'nfd_name') await nurse.screenshot({ path: join(SCREENSHOTS, 'checkin-card-read.png') });
    }
  });

  it('does not take over a field the nurse is typing in', async () => {
    await ready(nurse);
    const field = nurse.getByTestId('target-search');
    await field.click();
    await nurse.getByTestId('scan-hint').filter({ hasText: 'bấm Esc trước khi quét' }).waitFor();
    // As fast as a scanner: still the nurse's field.
    await pressLikeWedge(nurse, 'Nguyễn Văn');
    await expect(field.inputValue()).resolves.toBe('Nguyễn Văn');
    expect(await nurse.getByTestId('scan-result').count()).toBe(0);
    await field.fill('');
  });
});

describe('identity at the desk', () => {
  it('shows where the list differs from the card, and records the correction when the card is applied', async () => {
    const bich = VARIANTS.find((v) => v.name === 'cmnd_empty_7f')!.raw;
    await (await scan(nurse, bich)).waitFor();
    const panel = nurse.getByTestId('match-panel');
    await expect(panel.getAttribute('data-by')).resolves.toBe('id_number');
    const differing = await panel.locator('tr[data-differs="true"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-field')));
    expect(differing).toEqual(['fullName', 'dateOfBirth']);
    const nameRow = panel.locator('tr[data-field="fullName"]');
    await expect(nameRow.getByTestId('registered-value').textContent()).resolves.toBe('Tran Thi Bich');
    await expect(nameRow.getByTestId('card-value').textContent()).resolves.toBe('Trần Thị Bích');
    expect(await nameRow.getByTestId('diff-mark').count()).toBeGreaterThan(0);
    await nurse.screenshot({ path: join(SCREENSHOTS, 'checkin-diff.png') });

    await nurse.keyboard.press('Alt+Enter');
    const banner = nurse.getByTestId('checked-in');
    await banner.waitFor();
    await expect(banner.getByTestId('checked-in-name').textContent()).resolves.toBe('Trần Thị Bích');
    await expect(banner.getByTestId('corrections-applied').textContent()).resolves.toBe('Đã sửa 2 mục theo thẻ');
    const queueNumber = Number(await banner.getByTestId('queue-number').textContent());
    expect(queueNumber).toBeGreaterThan(0);
    await nurse.getByTestId('dose-history').waitFor();
    await nurse.screenshot({ path: join(SCREENSHOTS, 'checkin-queue-number.png') });

    const recorded = await nurse.evaluate(async () => {
      const found = await window.station.checkin.searchCitizens({ query: '079305654321' });
      if (!found.ok || !found.value[0]) return null;
      const corrections = await window.station.checkin.corrections({ citizenId: found.value[0].citizen.id });
      return corrections.ok ? corrections.value.map((c) => [c.field, c.before, c.after, c.source, c.staffName]) : null;
    });
    expect(recorded).toEqual(
      expect.arrayContaining([
        ['fullName', 'Tran Thi Bich', 'Trần Thị Bích', 'card', 'Lê Văn Điều Dưỡng'],
        ['dateOfBirth', '2005-09-03', '2005-09-02', 'card', 'Lê Văn Điều Dưỡng'],
      ]),
    );
  });

  it('refuses a second check-in of the same person, on screen and in the core', async () => {
    const bich = VARIANTS.find((v) => v.name === 'cmnd_empty_7f')!.raw;
    await (await scan(nurse, bich)).waitFor();
    const warning = nurse.getByTestId('already-checked-in');
    await warning.waitFor();
    await expect(warning.textContent()).resolves.toMatch(/Đã đón tiếp hôm nay — số thứ tự \d+/);
    expect(await nurse.getByTestId('confirm-checkin').count()).toBe(0);
    const again = await nurse.evaluate(async (text) => {
      const read = await window.station.checkin.scan({ text, source: 'wedge' });
      if (!read.ok) return read.error.code;
      const confirmed = await window.station.checkin.confirm({ scanId: read.value.scanId, acceptCorrections: true });
      return confirmed.ok ? 'checked in twice' : confirmed.error.code;
    }, bich);
    expect(again).toBe('ALREADY_CHECKED_IN');
  });

  it('checks a foreigner in by passport', async () => {
    await ready(nurse);
    await nurse.keyboard.press('Alt+H');
    const form = nurse.getByRole('form', { name: 'Người nước ngoài (hộ chiếu)' });
    await form.getByLabel('Số hộ chiếu').fill('C 1234 5678');
    await form.getByTestId('nationality').fill('Anh');
    await nurse.getByRole('option', { name: /Vương quốc Anh \(GB\)/ }).click();
    await form.getByLabel('Họ và tên').fill('SMITH JOHN');
    await form.getByLabel('Ngày sinh').fill('17/05/1980');
    await form.getByText('Nam', { exact: true }).click();
    await form.getByTestId('register-person').click();
    const banner = nurse.getByTestId('checked-in');
    await banner.waitFor();
    await expect(banner.getByTestId('checked-in-name').textContent()).resolves.toBe('Smith John');
    await expect(banner.textContent()).resolves.toContain('GB C12345678');
    await expect(banner.textContent()).resolves.toContain('Đã kiểm tra giấy tờ');
  });
});

describe('the queue', () => {
  it("updates the screening desk's queue without a reload when a walk-in is checked in", async () => {
    const queue = supervisor.getByTestId('queue-panel');
    await queue.waitFor();
    const before = await queue.getByTestId('queue-entry').count();
    // A walk-in: a card nobody registered.
    const walkIn = '036190001234||Phạm Văn Dũng|01071990|Nam|Số 5 Lý Thường Kiệt, Hà Nội|01022022';
    await (await scan(nurse, walkIn)).waitFor();
    await nurse.getByTestId('walk-in').waitFor();
    await nurse.getByTestId('confirm-checkin').click();
    const number = await nurse.getByTestId('queue-number').textContent();
    await queue.locator(`[data-queue-number="${number}"]`).filter({ hasText: 'Phạm Văn Dũng' }).waitFor();
    expect(await queue.getByTestId('queue-entry').count()).toBe(before + 1);
    await supervisor.screenshot({ path: join(SCREENSHOTS, 'screening-queue-live.png') });
  });
});

describe('QR codes from images', () => {
  it('reads a photo of a card\'s QR code through the same parser, and says when an image has none', async () => {
    await ready(nurse);
    const payload = '001094123456|012345678|Nguyễn Văn An|15031994|Nam|Số 1 Phố Huế, Hàng Bài, Hoàn Kiếm, Hà Nội|20042021';
    const png = join(s.dir, 'the-can-cuoc.png');
    writeFileSync(png, await QRCode.toBuffer(payload, { errorCorrectionLevel: 'M', margin: 4, scale: 6 }));
    await nurse.getByTestId('qr-image-input').setInputFiles(png);
    const result = nurse.getByTestId('scan-result');
    await result.waitFor();
    await expect(result.getAttribute('data-source')).resolves.toBe('image');
    await expect(result.getByTestId('card-fullName').textContent()).resolves.toBe('Nguyễn Văn An');
    expect(await result.locator('[data-finding]').count()).toBe(0);

    await ready(nurse);
    const blank = join(s.dir, 'blank.png');
    // A QR-free picture: the 1x1 PNG every browser can decode.
    writeFileSync(blank, Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'));
    await nurse.getByTestId('qr-image-input').setInputFiles(blank);
    await nurse.getByTestId('image-problem').filter({ hasText: 'Không tìm thấy mã QR trong ảnh' }).waitFor();
  });
});

describe('the webcam', () => {
  it('reads the card from the camera through the same parser', async () => {
    // Chromium's fake camera plays a Y4M file: one still frame of a card's QR code.
    const payload = '048187000111|201234567|Lê Thị Hoa|30121987|Nữ|45 Bạch Đằng, Hải Châu, Đà Nẵng|23092024||||';
    const video = join(s.dir, 'camera.y4m');
    writeFileSync(video, await qrVideo(payload));
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [...CHROMIUM_ARGS, '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${video}`],
    });
    try {
      const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' });
      const page = await context.newPage();
      await page.goto(await s.newLaunchUrl());
      await signIn(page, 'dieuduong', '1357');
      await page.getByRole('heading', { name: 'Bàn đón tiếp', exact: true }).waitFor();
      await page.keyboard.press('Alt+C');
      const result = page.getByTestId('scan-result');
      await result.waitFor({ timeout: 20_000 });
      await expect(result.getAttribute('data-source')).resolves.toBe('camera');
      await expect(result.getByTestId('card-fullName').textContent()).resolves.toBe('Lê Thị Hoa');
      await expect(result.getByTestId('card-dateOfBirth').textContent()).resolves.toBe('30/12/1987');
    } finally {
      await browser.close();
    }
  });
});

/** A 640×480 Y4M video whose frames show the QR code of `text`, black on white. */
async function qrVideo(text: string): Promise<Buffer> {
  const png = PNG.sync.read(await QRCode.toBuffer(text, { errorCorrectionLevel: 'M', margin: 4, scale: 5 }));
  const width = 640;
  const height = 480;
  const y = Buffer.alloc(width * height, 235);
  const left = Math.floor((width - png.width) / 2);
  const top = Math.floor((height - png.height) / 2);
  for (let row = 0; row < png.height; row++) {
    for (let col = 0; col < png.width; col++) {
      const dark = png.data[(row * png.width + col) * 4]! < 128;
      y[(top + row) * width + left + col] = dark ? 16 : 235;
    }
  }
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), y, chroma]);
  return Buffer.concat([Buffer.from(`YUV4MPEG2 W${width} H${height} F5:1 Ip A1:1 C420jpeg\n`), frame, frame, frame]);
}
