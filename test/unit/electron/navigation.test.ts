import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { FakeWebContents, refusedWhen } from './fakes';

vi.mock('electron', () => ({}));

const { hardenWebContents, hardenEveryWebContents } = await import('../../../main/electron/security/harden-web-contents');

function hardened(): FakeWebContents {
  const contents = new FakeWebContents();
  hardenWebContents(contents as never);
  return contents;
}

describe('navigation guard', () => {
  it.each(['will-navigate', 'will-redirect', 'will-frame-navigate'])('%s to another site is refused', (name) => {
    const contents = hardened();
    expect(refusedWhen(contents, name, 'https://evil.example/phish')).toBe(true);
    expect(refusedWhen(contents, name, 'file:///etc/passwd')).toBe(true);
    expect(refusedWhen(contents, name, 'http://127.0.0.1:8080/')).toBe(true);
    // Look-alikes of the station's own origin.
    expect(refusedWhen(contents, name, 'app://station.evil/index.html')).toBe(true);
    expect(refusedWhen(contents, name, 'app://evil@station/index.html')).toBe(true);
    expect(refusedWhen(contents, name, 'javascript:alert(1)')).toBe(true);
  });

  it.each(['will-navigate', 'will-redirect', 'will-frame-navigate'])('%s within app://station is allowed', (name) => {
    const contents = hardened();
    expect(refusedWhen(contents, name, 'app://station/index.html')).toBe(false);
    expect(refusedWhen(contents, name, 'app://station/index.html#/checkin')).toBe(false);
  });

  it('denies every window.open, including to the station itself', () => {
    const contents = hardened();
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'app://station/index.html' })).toEqual({ action: 'deny' });
  });

  it('refuses to attach a <webview>', () => {
    const contents = hardened();
    expect(refusedWhen(contents, 'will-attach-webview', 'app://station/index.html')).toBe(true);
  });

  it('applies the rules to every webContents the app creates, not only the windows the shell builds', () => {
    const app = new EventEmitter();
    hardenEveryWebContents(app as never);
    const stray = new FakeWebContents('about:blank');
    app.emit('web-contents-created', {}, stray);
    expect(refusedWhen(stray, 'will-navigate', 'https://evil.example/')).toBe(true);
    expect(stray.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(refusedWhen(stray, 'will-attach-webview', 'app://station/')).toBe(true);
  });
});
