import { beforeEach, describe, expect, it, vi } from 'vitest';
import { operationNames } from '../../../preload/api';
import type { Result } from '../../../preload/contract';
import { FakeWebContents, type FakeFrame } from './fakes';

type Handler = (event: { sender: FakeWebContents; senderFrame: FakeFrame | null }, request: unknown) => Promise<unknown>;
const handlers = vi.hoisted(() => new Map<string, Handler>());

vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, handler: Handler) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, handler);
    },
    removeHandler: (channel: string) => handlers.delete(channel),
  },
}));

const { createIpcRelay } = await import('../../../main/electron/ipc-relay');

function fakeCore(answer: Result<unknown> = { ok: true, value: { needsSetup: true } }) {
  return {
    calls: [] as { op: string; request: unknown; connectionId: string }[],
    closed: [] as string[],
    fail: null as Error | null,
    async call(op: string, request: unknown, connectionId: string) {
      this.calls.push({ op, request, connectionId });
      if (this.fail) throw this.fail;
      return answer;
    },
    connectionClosed(id: string) {
      this.closed.push(id);
    },
  };
}

function setup() {
  const core = fakeCore();
  const relay = createIpcRelay(core);
  const desk = new FakeWebContents();
  relay.attachDesk(desk as never);
  const invoke = (op: string, request: unknown, from: { sender: FakeWebContents; senderFrame: FakeFrame | null } = { sender: desk, senderFrame: desk.mainFrame }) =>
    handlers.get(op)!(from, request);
  return { core, relay, desk, invoke };
}

beforeEach(() => handlers.clear());

describe('IPC relay', () => {
  it('opens one channel per contract operation and nothing else', () => {
    setup();
    expect([...handlers.keys()].sort()).toEqual(operationNames().sort());
  });

  it('forwards a call from the station page to the core with this desk’s connection and returns the core’s Result', async () => {
    const { core, desk, invoke } = setup();
    const result = await invoke('setup:status', {});
    expect(result).toEqual({ ok: true, value: { needsSetup: true } });
    expect(core.calls).toEqual([{ op: 'setup:status', request: {}, connectionId: `wc-${desk.id}` }]);
  });

  it('refuses a call from a sub-frame of the station window, even one showing app://station', async () => {
    const { core, desk, invoke } = setup();
    await expect(invoke('auth:login', { username: 'x', pin: '1234' }, { sender: desk, senderFrame: desk.subFrame('app://station/index.html') })).rejects.toThrow(/refused/);
    expect(core.calls).toEqual([]);
  });

  it('refuses a call from a page of another origin inside a station window', async () => {
    const { core, desk, invoke } = setup();
    // The desk window somehow shows a foreign page (a navigation that slipped past the guard).
    desk.mainFrame.url = 'https://evil.example/';
    await expect(invoke('setup:status', {})).rejects.toThrow(/refused/);
    desk.mainFrame.url = 'app://station.evil/index.html';
    await expect(invoke('setup:status', {})).rejects.toThrow(/refused/);
    expect(core.calls).toEqual([]);
  });

  it('refuses a call from a webContents that is not one of the station windows', async () => {
    const { core, invoke } = setup();
    const stranger = new FakeWebContents('app://station/index.html');
    await expect(invoke('setup:status', {}, { sender: stranger, senderFrame: stranger.mainFrame })).rejects.toThrow(/refused/);
    await expect(invoke('setup:status', {}, { sender: stranger, senderFrame: null })).rejects.toThrow(/refused/);
    expect(core.calls).toEqual([]);
  });

  it('answers INTERNAL (not an exception) when the core is down', async () => {
    const { core, invoke } = setup();
    core.fail = new Error('the station core stopped (exit code 1)');
    const result = (await invoke('setup:status', {})) as Result<unknown>;
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('INTERNAL');
  });

  it('ends the desk’s sign-in when its page reloads or navigates, but not on an in-page route change', () => {
    const { core, desk } = setup();
    desk.emit('did-start-navigation', { url: 'app://station/index.html#/injection', isMainFrame: true, isSameDocument: true });
    desk.emit('did-start-navigation', { url: 'app://station/other.html', isMainFrame: false, isSameDocument: false });
    expect(core.closed).toEqual([]);
    desk.emit('did-start-navigation', { url: 'app://station/index.html', isMainFrame: true, isSameDocument: false });
    expect(core.closed).toEqual([`wc-${desk.id}`]);
  });

  it('ends the desk’s sign-in when its window goes away, and stops answering it', async () => {
    const { core, desk, invoke } = setup();
    desk.destroy();
    expect(core.closed).toEqual([`wc-${desk.id}`]);
    await expect(invoke('setup:status', {})).rejects.toThrow(/refused/);
  });

  it('sends core events to every open desk window', () => {
    const { relay, desk } = setup();
    const second = new FakeWebContents();
    relay.attachDesk(second as never);
    const closed = new FakeWebContents();
    relay.attachDesk(closed as never);
    closed.destroy();
    relay.broadcast('plan:changed', { planId: 'p1', state: 'open' });
    const expected = [{ channel: 'station:event', message: { event: 'plan:changed', payload: { planId: 'p1', state: 'open' } } }];
    expect(desk.sent).toEqual(expected);
    expect(second.sent).toEqual(expected);
    expect(closed.sent).toEqual([]);
  });
});
