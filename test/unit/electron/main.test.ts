import { type EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';

/** Everything the shell did, in order, as seen through the mocked electron module. */
const shell = vi.hoisted(() => ({
  log: [] as string[],
  hasLock: true,
  app: null as unknown as EventEmitter & Record<string, unknown>,
  resolveReady: () => {},
  windows: [] as { options: Record<string, unknown>; webContents: unknown }[],
  core: null as null | {
    options: { modulePath: string; databasePath: string };
    failReady(e: Error): void;
    markReady(): void;
    finishShutdown(): void;
  },
  ipcChannels: [] as string[],
  packaged: true,
  menu: undefined as unknown,
}));

vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events');
  const { FakeWebContents } = await import('./fakes');
  const app = Object.assign(new EventEmitter(), {
    requestSingleInstanceLock: () => shell.hasLock,
    enableSandbox: () => shell.log.push('enableSandbox'),
    quit: () => {
      shell.log.push('quit');
      const event = { prevented: false, preventDefault() { this.prevented = true; } };
      app.emit('before-quit', event);
      if (!event.prevented) shell.log.push('quit:done');
    },
    exit: (code: number) => shell.log.push(`exit:${code}`),
    getPath: (name: string) => `/home/nurse/.config/station-${name}`,
    whenReady: () => new Promise<void>((resolve) => (shell.resolveReady = resolve)),
  });
  Object.defineProperty(app, 'isPackaged', { get: () => shell.packaged });
  shell.app = app as never;
  class BrowserWindow extends EventEmitter {
    webContents = new FakeWebContents();
    constructor(readonly options: Record<string, unknown>) {
      super();
      shell.windows.push(this);
      shell.log.push('window');
    }
    loadURL = async () => {};
    static getAllWindows = () => shell.windows;
  }
  return {
    app,
    BrowserWindow,
    protocol: {
      registerSchemesAsPrivileged: () => shell.log.push('registerSchemesAsPrivileged'),
      handle: (scheme: string) => shell.log.push(`protocol.handle:${scheme}`),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: () => shell.log.push('permissions'),
        setPermissionCheckHandler: () => {},
        setDevicePermissionHandler: () => {},
      },
    },
    // No OS key store in these tests: the shell starts the core without a signing data key.
    safeStorage: { isEncryptionAvailable: () => false },
    dialog: { showErrorBox: (_t: string, body: string) => shell.log.push(`errorBox:${body.split('\n')[0]}`) },
    ipcMain: { handle: (channel: string) => shell.ipcChannels.push(channel), removeHandler: () => {} },
    Menu: {
      setApplicationMenu: (menu: unknown) => {
        shell.menu = menu;
        shell.log.push('menu');
      },
      buildFromTemplate: (template: unknown) => ({ template }),
    },
  };
});

vi.mock('../../../main/electron/core-host', () => ({
  startCoreHost: (options: { modulePath: string; databasePath: string }) => {
    shell.log.push('core:start');
    let markReady!: () => void;
    let failReady!: (e: Error) => void;
    let finishShutdown!: () => void;
    const ready = new Promise<void>((res, rej) => ((markReady = res), (failReady = rej)));
    shell.core = { options, markReady, failReady, finishShutdown: () => finishShutdown() };
    return {
      ready,
      call: async () => ({ ok: true, value: null }),
      connectionClosed: () => {},
      shutdown: () => {
        shell.log.push('core:shutdown');
        return new Promise<void>((res) => (finishShutdown = res));
      },
    };
  },
}));

const settle = () => new Promise((r) => setImmediate(r));

async function launch() {
  await import('../../../main/electron/main');
  shell.resolveReady();
  await settle();
}

beforeEach(() => {
  vi.resetModules();
  // Each test imports main.ts afresh; listeners from the previous import must not answer this test's events.
  shell.app?.removeAllListeners();
  shell.log.length = 0;
  shell.windows.length = 0;
  shell.ipcChannels.length = 0;
  shell.core = null;
  shell.hasLock = true;
  shell.packaged = true;
  shell.menu = undefined;
  delete process.env.STATION_DB;
});

describe('Electron main process', () => {
  it('a second launch only hands over to the first: it quits without starting a core or a window', async () => {
    shell.hasLock = false;
    await launch();
    expect(shell.log).toContain('quit');
    expect(shell.log).not.toContain('core:start');
    expect(shell.log).not.toContain('window');
  });

  it('declares the app scheme before ready, then locks permissions, serves the UI, starts the core and opens a desk once the core is ready', async () => {
    await launch();
    expect(shell.log.slice(0, 2)).toEqual(['registerSchemesAsPrivileged', 'enableSandbox']);
    expect(shell.log).toEqual(['registerSchemesAsPrivileged', 'enableSandbox', 'menu', 'permissions', 'protocol.handle:app', 'core:start']);
    expect(shell.core!.options.databasePath).toBe('/home/nurse/.config/station-userData/station.sqlite');
    expect(shell.core!.options.modulePath).toMatch(/core-process\.cjs$/);
    expect(shell.ipcChannels).toContain('auth:login');
    shell.core!.markReady();
    await settle();
    expect(shell.log.at(-1)).toBe('window');
  });

  it('uses STATION_DB for the database when set', async () => {
    process.env.STATION_DB = '/srv/training/station.sqlite';
    await launch();
    expect(shell.core!.options.databasePath).toBe('/srv/training/station.sqlite');
  });

  it('on quit, waits for the core to close the database before quitting', async () => {
    await launch();
    shell.core!.markReady();
    await settle();
    (shell.app.quit as () => void)();
    expect(shell.log.slice(-2)).toEqual(['quit', 'core:shutdown']);
    expect(shell.log).not.toContain('quit:done');
    shell.core!.finishShutdown();
    await settle();
    expect(shell.log.slice(-2)).toEqual(['quit', 'quit:done']);
  });

  it('tells the user and exits when the core cannot open the database, without opening a window', async () => {
    await launch();
    shell.core!.failReady(new Error('SQLITE_NOTADB'));
    await settle();
    expect(shell.log.some((l) => l.startsWith('errorBox:Không mở được cơ sở dữ liệu'))).toBe(true);
    expect(shell.log).toContain('exit:1');
    expect(shell.log).not.toContain('window');
  });

  it('removes the default menu (no Toggle Developer Tools, no Reload) and opens installed desks without developer tools', async () => {
    await launch();
    shell.core!.markReady();
    await settle();
    if (process.platform !== 'darwin') expect(shell.menu).toBeNull();
    const prefs = shell.windows[0]!.options.webPreferences as { devTools: boolean };
    expect(prefs.devTools).toBe(false);
  });

  it('keeps developer tools in a development run (not packaged)', async () => {
    shell.packaged = false;
    await launch();
    shell.core!.markReady();
    await settle();
    expect((shell.windows[0]!.options.webPreferences as { devTools: boolean }).devTools).toBe(true);
  });
});
