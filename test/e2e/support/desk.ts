import type { CDPSession, Locator, Page } from 'playwright-core';

/** The PIN box itself (its label also names the show/hide toggle). */
export const pinBox = (scope: Page | Locator, label: RegExp) => scope.locator('input[type=password]').and(scope.getByLabel(label));

export async function signIn(page: Page, username: string, pin: string): Promise<void> {
  await page.getByLabel('Tên đăng nhập').fill(username);
  await pinBox(page, /^Mã PIN/).fill(pin);
  await page.keyboard.press('Enter');
  await page.getByTestId('signed-in-as').waitFor();
}

const sessions = new WeakMap<Page, CDPSession>();

/** Milliseconds between a scanner's keystrokes: USB keyboard polling at 250–1000 Hz gives 1–4 ms. */
const SCANNER_KEY_MS = 4;

/**
 * Types text the way a keyboard-wedge scanner does: one key press per
 * character, CR/LF as Enter, and the scanner's Enter suffix at the end.
 *
 * Each key goes through the browser's own input pipeline (CDP
 * Input.dispatchKeyEvent, as Playwright's keyboard does), carrying its
 * character as the key, Vietnamese letters and lone combining marks
 * included: that is what a scanner's Unicode keystroke is (Windows
 * VK_PACKET, X11 keysyms). Playwright's keyboard.type would insert those as
 * text with no keydown at all, which outside a text field delivers nothing.
 * The keys carry the time stamps a scanner would give them, a few
 * milliseconds apart, so a loaded test machine delivering them late still
 * presents the desk with a scanner's rhythm (browsers stamp hardware events
 * when they happen, not when the page gets to them).
 */
export async function pressLikeWedge(page: Page, text: string, suffix = true): Promise<void> {
  let cdp = sessions.get(page);
  if (!cdp) sessions.set(page, (cdp = await page.context().newCDPSession(page)));
  const keys = Array.from(text).map((ch) => (ch === '\r' || ch === '\n' ? '\r' : ch));
  if (suffix) keys.push('\r');
  let at = Date.now() / 1000;
  const sent: Promise<unknown>[] = [];
  // Sent in one go, like a scanner's USB reports: the browser queues them in order.
  for (const ch of keys) {
    const key = ch === '\r' ? { key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13, text: '\r' } : { key: ch, text: ch, unmodifiedText: ch };
    sent.push(cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', timestamp: at, ...key }));
    sent.push(cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', timestamp: at + 0.001, key: key.key, code: 'code' in key ? key.code : undefined }));
    at += SCANNER_KEY_MS / 1000;
  }
  await Promise.all(sent);
}
