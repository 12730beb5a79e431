import { existsSync, statSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { databasePathFrom } from '../../../main/core-process/database-path';
import type { ParentChannel } from '../../../main/core-process/parent-channel';
import type { CoreToHost } from '../../../main/core-process/protocol';
import { serveCore } from '../../../main/core-process/serve-core';
import { SITE, ok, setUpSite, startTestStation, type TestStation } from '../../support/station';

/** The host's end of the line, played by the test. */
function fakeHost() {
  const received: CoreToHost[] = [];
  let deliver: (message: unknown) => void = () => {};
  const channel: ParentChannel = {
    send: async (message) => void received.push(message as CoreToHost),
    onMessage: (listener) => (deliver = listener),
    onDisconnect: () => {},
  };
  let nextId = 1;
  const answerTo = async (id: number) => {
    for (let i = 0; i < 500; i++) {
      const found = received.find((m) => m.type === 'result' && m.id === id);
      if (found && found.type === 'result') return found.result;
      await new Promise((r) => setTimeout(r, 5));
    }
    throw new Error(`no answer to call ${id}`);
  };
  const call = (op: string, request: unknown, connectionId = 'wc-1') => {
    const id = nextId++;
    deliver({ type: 'call', id, op, request, connectionId });
    return answerTo(id);
  };
  return { channel, received, deliver: (m: unknown) => deliver(m), call };
}

let t: TestStation | undefined;
afterEach(() => {
  t?.close();
  t = undefined;
});

describe('core process: serving the host', () => {
  it('says ready, then answers each call under its id', async () => {
    t = startTestStation();
    const host = fakeHost();
    serveCore(t.station, host.channel, () => {});
    expect(host.received[0]).toEqual({ type: 'ready' });
    const status = await host.call('setup:status', {});
    expect(status).toMatchObject({ ok: true, value: { needsSetup: true, site: null } });
    expect(await host.call('nope:nothing', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_OPERATION' } });
  });

  it('ignores a malformed message instead of crashing', async () => {
    t = startTestStation();
    const host = fakeHost();
    serveCore(t.station, host.channel, () => {});
    for (const junk of [null, 'call', { type: 'call' }, { type: 'call', id: -1, op: 'setup:status', connectionId: 'x' }, { type: 'reboot' }]) host.deliver(junk);
    expect(host.received).toEqual([{ type: 'ready' }]);
    expect(await host.call('setup:status', {})).toMatchObject({ ok: true });
  });

  it('forwards events after commit and ends a desk’s sign-in when its connection closes', async () => {
    t = startTestStation();
    await setUpSite(t);
    const host = fakeHost();
    serveCore(t.station, host.channel, () => {});
    ok((await host.call('auth:login', { username: 'giamsat', pin: '2468' }, 'wc-9')) as never);
    expect(await host.call('auth:whoami', {}, 'wc-9')).toMatchObject({ ok: true, value: { staff: { username: 'giamsat' } } });
    const plan = await host.call(
      'plan:create',
      { sessionDate: '2026-03-10', period: 'morning', location: 'Hội trường', plannedCapacity: 50, targetGroups: ['adults_18_plus'] },
      'wc-9',
    );
    expect(plan).toMatchObject({ ok: true });
    expect(host.received).toContainEqual(expect.objectContaining({ type: 'event', event: 'plan:changed' }));

    host.deliver({ type: 'connection-closed', connectionId: 'wc-9' });
    expect(await host.call('auth:whoami', {}, 'wc-9')).toMatchObject({ ok: true, value: { staff: null } });
  });

  it('on shutdown finishes the sign-in already running, refuses new calls, and leaves a checkpointed database', async () => {
    t = startTestStation();
    const host = fakeHost();
    let stopped = false;
    serveCore(t.station, host.channel, () => (stopped = true));
    ok((await host.call('setup:initialize', { site: SITE, supervisor: { fullName: 'Trần Thị Giám Sát', username: 'giamsat', pin: '2468' } })) as never);
    const wal = `${t.file}-wal`;
    expect(statSync(wal).size).toBeGreaterThan(0);

    const login = host.call('auth:login', { username: 'giamsat', pin: '2468' }); // scrypt: still running when shutdown arrives
    host.deliver({ type: 'shutdown' });
    const late = await host.call('setup:status', {});
    expect(late).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(await login).toMatchObject({ ok: true });
    await expect.poll(() => stopped).toBe(true);
    expect(!existsSync(wal) || statSync(wal).size === 0).toBe(true);
  });
});

describe('core process: database path', () => {
  it('takes --db first, then STATION_DB, and nothing else', () => {
    expect(databasePathFrom(['--db', '/data/a.sqlite'], { STATION_DB: '/data/b.sqlite' })).toBe('/data/a.sqlite');
    expect(databasePathFrom(['--db=/data/a.sqlite'], {})).toBe('/data/a.sqlite');
    expect(databasePathFrom([], { STATION_DB: '/data/b.sqlite' })).toBe('/data/b.sqlite');
    expect(databasePathFrom([], {})).toBeNull();
    expect(databasePathFrom(['--db'], {})).toBeNull();
    expect(databasePathFrom(['--db', '--other'], {})).toBeNull();
    expect(databasePathFrom([], { STATION_DB: '  ' })).toBeNull();
  });
});
