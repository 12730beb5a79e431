import { describe, expect, it } from 'vitest';
import { createHubTransport, type SocketLike } from '../../../preload/hub-transport';

/** A desk socket the test plays the hub's side of. */
class FakeSocket implements SocketLike {
  readyState = 0;
  sent: { type: string; id: number; op: string; rid: string }[] = [];
  onopen: ((ev: unknown) => void) | null = null;
  onmessage: ((ev: { data: unknown }) => void) | null = null;
  onclose: ((ev: { code: number }) => void) | null = null;
  onerror: ((ev: unknown) => void) | null = null;
  closedWith: number | null = null;
  constructor(readonly query: URLSearchParams) {}
  send(data: string) {
    this.sent.push(JSON.parse(data));
  }
  close(code?: number) {
    this.closedWith = code ?? 1000;
  }
  /** The hub accepts: welcome, replay, caught up. */
  accept(epoch = 'E1', seq = 0, replay: { seq: number; event: string; payload: unknown }[] = [], replayed = replay.length) {
    this.readyState = 1;
    this.onopen?.({});
    this.push({ type: 'welcome', epoch, seq, desk: { id: 'd1', name: 'Tiêm 1', roles: ['nurse'] }, replayed });
    for (const e of replay) this.push({ type: 'event', ...e });
    this.push({ type: 'caught-up' });
  }
  push(message: unknown) {
    this.onmessage?.({ data: JSON.stringify(message) });
  }
  drop(code = 1006) {
    this.readyState = 3;
    this.onclose?.({ code });
  }
}

function setup() {
  const sockets: FakeSocket[] = [];
  let n = 0;
  const transport = createHubTransport({
    open: (q) => {
      const s = new FakeSocket(new URLSearchParams(q));
      sockets.push(s);
      return s;
    },
    windowId: 'window-0001',
    newRequestId: () => `request-${++n}`,
    backoffMs: [5],
    retryWindowMs: 2000,
  });
  const events: [string, unknown][] = [];
  transport.subscribe((e, p) => events.push([e, p]));
  const next = async () => {
    while (sockets.length < 2) await new Promise((r) => setTimeout(r, 5));
    return sockets.at(-1)!;
  };
  return { transport, sockets, events, next };
}

describe('the LAN desk transport', () => {
  it('sends a call in flight again with the same request id once the link is back, and answers it once', async () => {
    const { transport, sockets, next, events } = setup();
    sockets[0]!.accept();
    const answer = transport.call('doses:record', { visitId: 'v1' });
    const first = sockets[0]!.sent[0]!;
    expect(first.rid).toBe('request-1');
    sockets[0]!.drop();
    expect(transport.status().state).toBe('offline');
    const again = await next();
    // The new socket names the window (same sign-in at the hub) and the last event seen.
    expect(again.query.get('window')).toBe('window-0001');
    expect(again.query.get('epoch')).toBe('E1');
    again.accept('E1', 0);
    expect(again.sent.map((c) => [c.op, c.rid])).toEqual([['doses:record', 'request-1']]);
    again.push({ type: 'result', id: again.sent[0]!.id, result: { ok: true, value: { dose: 'D1' } } });
    await expect(answer).resolves.toEqual({ ok: true, value: { dose: 'D1' } });
    expect(events.map(([e]) => e)).toEqual(['link:state', 'link:state', 'link:state', 'link:resync']);
  });

  it('refuses a new call at once while the hub cannot be reached, sending nothing', async () => {
    const { transport, sockets, next } = setup();
    sockets[0]!.accept();
    sockets[0]!.drop();
    await expect(transport.call('queue:list', {})).resolves.toMatchObject({ ok: false, error: { code: 'HUB_UNREACHABLE' } });
    const again = await next();
    expect(again.sent).toEqual([]);
  });

  it('says the answer never came when the link stays down past the retry window', async () => {
    const { transport, sockets } = setup();
    sockets[0]!.accept();
    const answer = transport.call('doses:record', { visitId: 'v1' });
    sockets[0]!.drop();
    await expect(answer).resolves.toMatchObject({ ok: false, error: { code: 'HUB_NO_ANSWER' } });
    transport.close();
  });

  it('passes on replayed events once, in order, and skips what it had seen', async () => {
    const { transport, sockets, next, events } = setup();
    sockets[0]!.accept('E1', 3);
    sockets[0]!.push({ type: 'event', event: 'queue:changed', payload: { n: 4 }, seq: 4 });
    sockets[0]!.drop();
    const again = await next();
    expect(again.query.get('after')).toBe('4');
    again.accept('E1', 6, [
      { seq: 4, event: 'queue:changed', payload: { n: 4 } },
      { seq: 5, event: 'doses:changed', payload: { n: 5 } },
      { seq: 6, event: 'queue:changed', payload: { n: 6 } },
    ]);
    const passed = events.filter(([e]) => !e.startsWith('link:')).map(([, p]) => (p as { n: number }).n);
    expect(passed).toEqual([4, 5, 6]);
    expect(events.at(-1)).toEqual(['link:resync', { missed: 3 }]);
    transport.close();
  });

  it('stops and says why when the hub refuses the desk (revoked)', async () => {
    const { transport, sockets } = setup();
    sockets[0]!.accept();
    const answer = transport.call('queue:list', {});
    sockets[0]!.drop(4403);
    await expect(answer).resolves.toMatchObject({ ok: false, error: { code: 'DESK_REVOKED' } });
    expect(transport.status()).toMatchObject({ state: 'refused', refusal: 'revoked' });
    await new Promise((r) => setTimeout(r, 30));
    expect(sockets).toHaveLength(1);
  });

  it('closing the window closes its socket with 1000, so the hub ends its sign-in at once', () => {
    const { transport, sockets } = setup();
    sockets[0]!.accept();
    transport.close();
    expect(sockets[0]!.closedWith).toBe(1000);
  });
});
