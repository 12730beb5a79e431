import { type EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';

const created = vi.hoisted(() => [] as { options: Record<string, unknown>; loaded: string[]; shown: boolean; emit(e: string): void }[]);

vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events');
  class BrowserWindow extends EventEmitter {
    loaded: string[] = [];
    shown = false;
    constructor(readonly options: Record<string, unknown>) {
      super();
      created.push(this);
    }
    loadURL(url: string) {
      this.loaded.push(url);
      return Promise.resolve();
    }
    show() {
      this.shown = true;
    }
  }
  return { BrowserWindow };
});

const { createDeskWindow } = await import('../../../main/electron/window');
const { secureWebPreferences } = await import('../../../main/electron/security/web-preferences');

describe('desk window', () => {
  it('isolates the page from Node and the preload: sandbox, context isolation, no node integration, web security, no webview, no spellcheck', () => {
    const prefs = secureWebPreferences('/app/dist/preload/preload.cjs');
    expect(prefs).toMatchObject({
      preload: '/app/dist/preload/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    });
  });

  it('opens 1366×768 (never below 1024×700) with the secure preferences and the station page, shown only once painted', () => {
    const win = createDeskWindow('/app/dist/preload/preload.cjs');
    const made = created.at(-1)!;
    expect(made.options).toMatchObject({ width: 1366, height: 768, minWidth: 1024, minHeight: 700, show: false });
    expect(made.options.webPreferences).toEqual(secureWebPreferences('/app/dist/preload/preload.cjs'));
    expect(made.loaded).toEqual(['app://station/index.html']);
    expect(made.shown).toBe(false);
    (win as unknown as EventEmitter).emit('ready-to-show');
    expect(made.shown).toBe(true);
  });

  it('has no developer tools in an installed station; a development build keeps them', () => {
    expect(secureWebPreferences('/p.cjs').devTools).toBe(false);
    expect(secureWebPreferences('/p.cjs', { packaged: true }).devTools).toBe(false);
    expect(secureWebPreferences('/p.cjs', { packaged: false }).devTools).toBe(true);
    createDeskWindow('/p.cjs', { packaged: true });
    expect((created.at(-1)!.options.webPreferences as { devTools: boolean }).devTools).toBe(false);
  });
});
