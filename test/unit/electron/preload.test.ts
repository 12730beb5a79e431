import { describe, expect, it, vi } from 'vitest';
import { operationNames } from '../../../preload/api';

const bridge = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invoked: [] as [string, unknown][],
  listeners: new Map<string, ((event: unknown, message?: unknown) => void)[]>(),
}));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => bridge.exposed.set(key, api) },
  ipcRenderer: {
    invoke: async (channel: string, request: unknown) => {
      bridge.invoked.push([channel, request]);
      return { ok: true, value: { needsSetup: true, site: null, siteToday: '2026-03-10' } };
    },
    on: (channel: string, listener: (event: unknown, message?: unknown) => void) => {
      bridge.listeners.set(channel, [...(bridge.listeners.get(channel) ?? []), listener]);
    },
    removeListener: (channel: string, listener: (event: unknown, message?: unknown) => void) => {
      bridge.listeners.set(channel, (bridge.listeners.get(channel) ?? []).filter((l) => l !== listener));
    },
  },
}));

const dispatched: string[] = [];
vi.stubGlobal('window', { dispatchEvent: (e: Event) => dispatched.push(e.type) });

await import('../../../preload/electron-preload');
const station = bridge.exposed.get('station') as Record<string, Record<string, unknown> | ((...a: unknown[]) => unknown)>;

describe('Electron preload', () => {
  it('exposes only window.station', () => {
    expect([...bridge.exposed.keys()]).toEqual(['station']);
  });

  it('exposes one named function per contract operation and no generic invoke', () => {
    const ops = operationNames();
    const areas = [...new Set(ops.map((op) => op.split(':')[0]!))];
    expect(Object.keys(station).sort()).toEqual([...areas, 'on'].sort());
    for (const op of ops) {
      const [area, action] = op.split(':') as [string, string];
      expect(typeof (station[area] as Record<string, unknown>)[action], op).toBe('function');
    }
    const exposedActions = areas.flatMap((area) => Object.keys(station[area] as object).map((action) => `${area}:${action}`));
    expect(exposedActions.sort()).toEqual([...ops].sort());
    for (const generic of ['invoke', 'send', 'call', 'ipcRenderer', 'sendSync']) expect(station).not.toHaveProperty(generic);
  });

  it('carries a call over the IPC channel named after the operation and returns the validated Result', async () => {
    const setup = station.setup as Record<string, (r: unknown) => Promise<unknown>>;
    const result = await setup.status!({});
    expect(bridge.invoked.at(-1)).toEqual(['setup:status', {}]);
    expect(result).toEqual({ ok: true, value: { needsSetup: true, site: null, siteToday: '2026-03-10' } });
  });

  it('delivers core events from station:event to listeners and stops when asked', () => {
    const on = station.on as (event: string, l: (p: unknown) => void) => () => void;
    const got: unknown[] = [];
    const stop = on('plan:changed', (p) => got.push(p));
    const emit = (message: unknown) => bridge.listeners.get('station:event')!.forEach((l) => l({}, message));
    emit({ event: 'plan:changed', payload: { planId: 'p1', state: 'open' } });
    emit({ event: 'plan:changed', payload: { planId: 42 } }); // off-contract: dropped
    stop();
    emit({ event: 'plan:changed', payload: { planId: 'p2', state: 'open' } });
    expect(got).toEqual([{ planId: 'p1', state: 'open' }]);
  });

  it('tells the page its sign-in is gone when the core restarted', () => {
    bridge.listeners.get('station:disconnected')!.forEach((l) => l({}));
    expect(dispatched).toEqual(['station:disconnected']);
  });
});
