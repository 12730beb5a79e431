import { beforeEach, describe, expect, it, vi } from 'vitest';
import { type FakeUtilityProcess } from './fakes';

const forked = vi.hoisted(() => [] as FakeUtilityProcess[]);

vi.mock('electron', async () => (await import('./fakes')).electronWithUtilityProcess(forked));

const { startCoreHost } = await import('../../../main/electron/core-host');

function start() {
  const events: [string, unknown][] = [];
  const crashes: unknown[] = [];
  const host = startCoreHost({
    modulePath: '/app/dist/main/core-process.cjs',
    databasePath: '/data/station.sqlite',
    onEvent: (event, payload) => events.push([event, payload]),
    onCrash: (crash) => crashes.push(crash),
  });
  return { host, events, crashes, child: () => forked.at(-1)! };
}

const flush = () => new Promise((r) => setImmediate(r));

beforeEach(() => {
  forked.length = 0;
});

describe('core host', () => {
  it('forks the core process with the database path', () => {
    start();
    expect(forked).toHaveLength(1);
    expect(forked[0]!.modulePath).toBe('/app/dist/main/core-process.cjs');
    expect(forked[0]!.args).toEqual(['--db', '/data/station.sqlite']);
  });

  it('holds calls until the core is ready, then matches each answer to its call', async () => {
    const { host, child } = start();
    const first = host.call('setup:status', {}, 'wc-1');
    const second = host.call('auth:whoami', {}, 'wc-2');
    await flush();
    expect(child().posted).toEqual([]);
    child().reply({ type: 'ready' });
    await host.ready;
    await flush();
    const [a, b] = child().posted as { id: number; op: string; connectionId: string }[];
    expect([a!.op, a!.connectionId, b!.op, b!.connectionId]).toEqual(['setup:status', 'wc-1', 'auth:whoami', 'wc-2']);
    // Answers arrive out of order.
    child().reply({ type: 'result', id: b!.id, result: { ok: true, value: { who: 'b' } } });
    child().reply({ type: 'result', id: a!.id, result: { ok: true, value: { who: 'a' } } });
    expect(await first).toEqual({ ok: true, value: { who: 'a' } });
    expect(await second).toEqual({ ok: true, value: { who: 'b' } });
  });

  it('forwards core events to the listener and connection closes to the core', async () => {
    const { host, events, child } = start();
    child().reply({ type: 'ready' });
    child().reply({ type: 'event', event: 'plan:changed', payload: { planId: 'p1', state: 'open' } });
    host.connectionClosed('wc-3');
    expect(events).toEqual([['plan:changed', { planId: 'p1', state: 'open' }]]);
    expect(child().posted).toContainEqual({ type: 'connection-closed', connectionId: 'wc-3' });
  });

  it('rejects calls in flight when the core dies, restarts it once and reports it', async () => {
    const { host, crashes, child } = start();
    const crashed = child();
    crashed.reply({ type: 'ready' });
    const inFlight = host.call('setup:status', {}, 'wc-1');
    await flush();
    crashed.emit('exit', 1);
    await expect(inFlight).rejects.toThrow(/stopped/);
    expect(forked).toHaveLength(2);
    expect(crashes).toEqual([{ exitCode: 1, restarted: true }]);

    // The new core serves calls once ready.
    const after = host.call('setup:status', {}, 'wc-1');
    await flush();
    child().reply({ type: 'ready' });
    await flush();
    child().reply({ type: 'result', id: child().lastCall().id, result: { ok: true, value: 'fine' } });
    expect(await after).toEqual({ ok: true, value: 'fine' });

    // A second crash is not retried: calls fail at once instead of hanging.
    child().reply({ type: 'fatal', message: 'core crashed: disk I/O error' });
    child().emit('exit', 1);
    expect(forked).toHaveLength(2);
    expect(crashes).toEqual([
      { exitCode: 1, restarted: true },
      { exitCode: 1, restarted: false, message: 'core crashed: disk I/O error' },
    ]);
    await expect(host.call('setup:status', {}, 'wc-1')).rejects.toThrow(/stopped/);
  });

  it('fails `ready` with the core’s own reason when it cannot start, without restarting', async () => {
    const { host, crashes, child } = start();
    child().reply({ type: 'fatal', message: 'cannot open the station database at /data/station.sqlite: SQLITE_CANTOPEN' });
    child().emit('exit', 1);
    await expect(host.ready).rejects.toThrow(/SQLITE_CANTOPEN/);
    expect(forked).toHaveLength(1);
    expect(crashes).toEqual([]);
    await expect(host.call('setup:status', {}, 'wc-1')).rejects.toThrow(/SQLITE_CANTOPEN/);
  });

  it('shuts down by asking the core to close the database and waiting for it to exit; no restart follows', async () => {
    const { host, crashes, child } = start();
    child().reply({ type: 'ready' });
    let done = false;
    const stopping = host.shutdown().then(() => (done = true));
    await flush();
    expect(child().posted).toContainEqual({ type: 'shutdown' });
    expect(done).toBe(false);
    child().emit('exit', 0);
    await stopping;
    expect(forked).toHaveLength(1);
    expect(crashes).toEqual([]);
  });
});
