import { afterEach, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import { MAX_CALL_FRAME_BYTES, MAX_SIGNED_OUT_FRAME_BYTES } from '../../../preload/contract';
import type { RunningWebServer } from '../../../main/web/server';
import { SITE, startTestStation, type TestStation } from '../../support/station';
import { call, closed, connectDesk, startTestWebServer } from '../../support/web-server';

let t: TestStation;
let server: RunningWebServer;
afterEach(async () => {
  await server?.close();
  t?.close();
});

async function start(options: Parameters<typeof startTestWebServer>[1] = {}) {
  t = startTestStation();
  server = await startTestWebServer(t, options);
}

/** The station still answers a new desk: nothing a client did cost more than its own connection. */
async function stillServes(): Promise<void> {
  const ws = await connectDesk(server);
  expect(await call(ws, 1, 'setup:status', {})).toMatchObject({ ok: true });
  ws.close();
}

async function signedInSupervisor(): Promise<WebSocket> {
  const ws = await connectDesk(server);
  await call(ws, 1, 'setup:initialize', { site: SITE, supervisor: { fullName: 'Giám Sát', username: 'gs', pin: '2468' } });
  expect(await call(ws, 2, 'auth:login', { username: 'gs', pin: '2468' })).toMatchObject({ ok: true });
  return ws;
}

/** A small seeded generator, so a failing fuzz run can be replayed. */
function prng(seed: number) {
  let x = seed >>> 0;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 0x1_0000_0000;
  };
}

describe('one desk cannot take browser mode down', () => {
  it('closes only the socket that sent `null`, before anyone signed in', async () => {
    await start();
    const ws = await connectDesk(server);
    ws.send('null');
    expect(await closed(ws)).toBe(1003);
    await stillServes();
  });

  it('survives invalid UTF-8, binary frames and a frame over the limit, each closing only its own socket', async () => {
    await start();
    const utf8 = await connectDesk(server);
    utf8.send(Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]), { binary: false });
    expect(await closed(utf8)).toBe(1007);
    const binary = await connectDesk(server);
    binary.send(Buffer.from([1, 2, 3]), { binary: true });
    expect(await closed(binary)).toBe(1003);
    const huge = await signedInSupervisor();
    huge.send(JSON.stringify({ type: 'call', id: 9, op: 'plan:list', request: { x: 'x'.repeat(MAX_CALL_FRAME_BYTES) } }));
    expect(await closed(huge)).toBe(1009);
    await stillServes();
  });

  it('fuzz: 300 hostile frames and disconnects over 30 sockets leave the station serving and its data whole', async () => {
    await start();
    const sup = await signedInSupervisor();
    expect(await call(sup, 3, 'plan:create', { sessionDate: '2026-03-10', period: 'morning', location: 'Trạm', plannedCapacity: 10 })).toMatchObject({ ok: true });
    const random = prng(2026);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
    const bytes = (n: number) => Buffer.from(Array.from({ length: n }, () => Math.floor(random() * 256)));
    const hostile = [
      () => 'null',
      () => '[]',
      () => '42',
      () => '"call"',
      () => '{',
      () => JSON.stringify({ type: 'call' }),
      () => JSON.stringify({ type: 'call', id: -1, op: 'setup:status' }),
      () => JSON.stringify({ type: 'call', id: 1.5, op: 'setup:status' }),
      () => JSON.stringify({ type: 'call', id: 1, op: { toString: 1 } }),
      () => JSON.stringify({ type: 'call', id: 1, op: 'x'.repeat(500) }),
      () => JSON.stringify({ type: 'call', id: 1, op: '__proto__', request: {} }),
      () => JSON.stringify({ type: 'call', id: 1, op: 'constructor', request: {} }),
      () => JSON.stringify({ type: 'call', id: 1, op: 'plan:create', request: null }),
      () => JSON.stringify({ type: 'call', id: 1, op: 'auth:login', request: { username: ['a'], pin: { $gt: '' } } }),
      () => '{"type":"call","id":1,"op":"setup:status","request":' + '['.repeat(5000) + ']'.repeat(5000) + '}',
      () => bytes(64),
    ];
    for (let round = 0; round < 30; round++) {
      const ws = await connectDesk(server);
      ws.on('error', () => {});
      for (let i = 0; i < 10 && ws.readyState === ws.OPEN; i++) {
        const frame = pick(hostile)();
        if (Buffer.isBuffer(frame)) ws.send(frame, { binary: random() < 0.5 });
        else ws.send(frame);
      }
      // Some go away mid-call, without a close handshake.
      if (random() < 0.3) {
        ws.send(JSON.stringify({ type: 'call', id: 7, op: 'auth:login', request: { username: 'gs', pin: '0000' } }));
        ws.terminate();
      } else if (ws.readyState === ws.OPEN) ws.close();
    }
    await stillServes();
    // The signed-in desk was never disturbed, and what it recorded is intact.
    expect(await call(sup, 4, 'plan:list', {})).toMatchObject({ ok: true, value: [expect.objectContaining({ location: 'Trạm' })] });
    sup.close();
  });
});

describe('a desk that has not signed in', () => {
  it('learns nothing about request shapes and cannot make the server read large frames', async () => {
    await start();
    const ws = await connectDesk(server);
    // Refused for the sign-in, not validated: no field list comes back.
    const r = await call(ws, 1, 'plan:create', { sessionDate: 12 });
    expect(r).toEqual({ ok: false, error: { code: 'AUTH_REQUIRED', message: 'sign in first' } });
    ws.send(JSON.stringify({ type: 'call', id: 2, op: 'setup:status', request: { pad: 'x'.repeat(MAX_SIGNED_OUT_FRAME_BYTES) } }));
    expect(await closed(ws)).toBe(1009);
    await stillServes();
  });
});

describe('backpressure: a desk sending calls without reading the answers', () => {
  it('stops being read once its answers pile up, holds a bounded backlog, and other desks are served meanwhile', async () => {
    await start();
    const flooder = await signedInSupervisor();
    // This client never reads again: its own socket stops taking the server's answers.
    (flooder as unknown as { _socket: { pause(): void } })._socket.pause();
    const frame = JSON.stringify({ type: 'call', id: 100, op: 'catalogue:products', request: {} });
    for (let i = 0; i < 20_000; i++) flooder.send(frame);
    const other = await connectDesk(server);
    // Another desk is answered all along, until the flooding desk's answers have filled its socket and it is no longer read.
    let flood: ReturnType<RunningWebServer['desks']>[number] | undefined;
    for (let i = 0; i < 5000 && !flood; i++) {
      expect(await call(other, i, 'setup:status', {})).toMatchObject({ ok: true });
      flood = server.desks().find((d) => d.paused && d.unsentBytes > 0);
    }
    expect(flood, 'the flooding desk is no longer read').toBeDefined();
    const limits = { queued: 256, unsent: 32 * 1024 * 1024 };
    expect(flood!.queued).toBeLessThanOrEqual(limits.queued);
    expect(flood!.unsentBytes).toBeLessThanOrEqual(limits.unsent);
    // Most of its calls were never read: they wait in the sockets' buffers, not in the station's memory.
    expect(flood!.started + flood!.queued).toBeLessThan(20_000);
    other.close();
    flooder.terminate();
  });

  it('answers calls beyond the queue with TOO_MANY_CALLS instead of holding them', async () => {
    await start({ linkLimits: { maxCallsInFlight: 1, maxCallsQueued: 2, maxCallsRefusedBeyond: 3 } });
    const ws = await signedInSupervisor();
    const answers: { id: number; code: string }[] = [];
    const all = new Promise<void>((resolve) =>
      ws.on('message', (d) => {
        const m = JSON.parse(d.toString());
        if (m.type !== 'result') return;
        answers.push({ id: m.id, code: m.result.ok ? 'ok' : m.result.error.code });
        if (answers.length === 40) resolve();
      }),
    );
    // Forty slow calls (each a PIN check) sent at once: they reach the server faster than it stops reading.
    const frames = Array.from({ length: 40 }, (_, i) => JSON.stringify({ type: 'call', id: 1000 + i, op: 'auth:login', request: { username: 'khongco', pin: '0000' } }));
    for (const f of frames) ws.send(f);
    await all;
    expect(answers.filter((a) => a.code === 'TOO_MANY_CALLS').length).toBeGreaterThan(0);
    // The rest ran, one at a time: the first was checked, the next ones refused as this desk's sign-in was busy or locked.
    expect(answers.filter((a) => a.code !== 'TOO_MANY_CALLS').length).toBeGreaterThan(0);
    ws.close();
  });
});
