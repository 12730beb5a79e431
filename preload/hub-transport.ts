import type { Transport } from './api';
import type { LinkState, OpName, Result } from './contract';

/**
 * The LAN desk's transport: the same contract over a TLS WebSocket to the
 * site's hub, for a browser opened at the hub (hub-preload.ts) and for the
 * desktop app in desk mode (its main process, main/electron/desk-mode/). Only
 * the socket differs; everything else is here:
 *
 * - Each call carries a request id. A call in flight when the link drops is
 *   sent again, with the same id, once the link is back: the hub carries it
 *   out once and answers the retry with the first answer.
 * - While the link is down a new call is refused at once (HUB_UNREACHABLE),
 *   so the desk can say so and keep what the nurse typed; the link comes
 *   back by itself (backoff up to 5 s) and the desk's sign-in with it.
 * - Events carry numbers; reconnecting, the desk says the last one it saw and
 *   the hub replays what it missed, then the transport tells the page to
 *   reload what it shows (`link:resync`).
 * - The hub writes every 2 s; silence for 7 s is a
 *   lost link even when the socket has not noticed (a pulled cable).
 */

/** What this transport needs of a WebSocket: the browser's, or `ws` in Node. */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onclose: ((ev: { code: number; reason?: string }) => void) | null;
  onerror: ((ev: unknown) => void) | null;
}

export interface HubTransportOptions {
  /** Opens the desk socket (`/desk?<query>` at the hub). */
  open(query: string): SocketLike;
  /** This window's id: its sign-in at the hub survives reconnects, not a new window. */
  windowId?: string;
  newRequestId?: () => string;
  /** Silence after which the link counts as lost (the hub writes every 2 s). */
  silenceMs?: number;
  /** How long a call in flight waits for the link to come back before answering HUB_NO_ANSWER. */
  retryWindowMs?: number;
  /** How long calls made before the first connection wait for it. */
  firstConnectMs?: number;
  /** Waits between reconnection attempts. */
  backoffMs?: readonly number[];
}

export interface LinkStatus {
  state: Exclude<LinkState, 'local'>;
  since: string;
  refusal: 'not-paired' | 'revoked' | null;
  desk: { id: string; name: string; roles: string[] } | null;
  /** The first connection's outcome is known (online, refused, or it failed once). */
  settled: boolean;
}

export interface HubTransport extends Transport {
  status(): LinkStatus;
  /** Resolves once the first connection's outcome is known. */
  settled(): Promise<LinkStatus>;
  /** Try now instead of waiting for the next attempt (after pairing). */
  reconnect(): void;
  /** This window is done: the hub ends its sign-in at once. */
  close(): void;
}

export const CLOSE_CODES = { notPaired: 4401, revoked: 4403 } as const;

interface Pending {
  op: OpName;
  request: unknown;
  rid: string;
  resolve: (r: unknown) => void;
  /** Sent on the socket that dropped: to be sent again when the link is back. */
  resend: boolean;
  deadline: ReturnType<typeof setTimeout> | null;
}

const fail = (code: string, message: string): Result<unknown> => ({ ok: false, error: { code: code as never, message } });

export function createHubTransport(options: HubTransportOptions): HubTransport {
  const rid = options.newRequestId ?? (() => crypto.randomUUID());
  const windowId = options.windowId ?? rid();
  const silenceMs = options.silenceMs ?? 7_000;
  const retryWindowMs = options.retryWindowMs ?? 30_000;
  const firstConnectMs = options.firstConnectMs ?? 10_000;
  const backoff = options.backoffMs ?? [250, 500, 1000, 2000, 4000, 5000];

  const listeners = new Set<(event: string, payload: unknown) => void>();
  const settledWaiters: ((s: LinkStatus) => void)[] = [];
  let status: LinkStatus = { state: 'connecting', since: new Date().toISOString(), refusal: null, desk: null, settled: false };
  let socket: SocketLike | null = null;
  let ready = false;
  let wasOnline = false;
  let closedForGood = false;
  let attempt = 0;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let silenceTimer: ReturnType<typeof setTimeout> | null = null;
  let epoch: string | null = null;
  let lastSeq = 0;
  let replayed = 0;
  let nextFrameId = 1;
  const byFrame = new Map<number, Pending>();
  /** Calls waiting for the first connection or for the link to come back. */
  const waiting = new Set<Pending>();

  const emit = (event: string, payload: unknown) => {
    for (const l of listeners) l(event, payload);
  };

  const setState = (state: LinkStatus['state'], refusal: LinkStatus['refusal'] = null) => {
    const settled = status.settled || state !== 'connecting';
    const changed = state !== status.state;
    status = { ...status, state, refusal, settled, since: changed ? new Date().toISOString() : status.since };
    if (settled) for (const w of settledWaiters.splice(0)) w(status);
    if (changed) emit('link:state', { state, since: status.since });
  };

  const settle = (p: Pending, result: unknown) => {
    if (p.deadline) clearTimeout(p.deadline);
    waiting.delete(p);
    p.resolve(result);
  };

  const send = (p: Pending) => {
    const id = nextFrameId++;
    byFrame.set(id, p);
    p.resend = false;
    socket!.send(JSON.stringify({ type: 'call', id, op: p.op, request: p.request, rid: p.rid }));
  };

  const refusalResult = () =>
    status.refusal === 'revoked' ? fail('DESK_REVOKED', 'this desk was revoked at the hub') : fail('DESK_NOT_PAIRED', 'this desk is not paired with the hub');

  const armSilence = () => {
    if (silenceTimer) clearTimeout(silenceTimer);
    silenceTimer = setTimeout(() => lost(), silenceMs);
  };

  const connect = () => {
    retryTimer = null;
    if (closedForGood) return;
    const query = new URLSearchParams({ window: windowId });
    if (epoch) {
      query.set('epoch', epoch);
      query.set('after', String(lastSeq));
    }
    let ws: SocketLike;
    try {
      ws = options.open(query.toString());
    } catch {
      return lost();
    }
    socket = ws;
    ready = false;
    ws.onopen = () => armSilence();
    ws.onerror = () => {};
    ws.onmessage = (e) => {
      if (socket !== ws) return;
      armSilence();
      let msg: { type?: string; id?: number; result?: unknown; event?: string; payload?: unknown; seq?: number; epoch?: string; replayed?: number; desk?: LinkStatus['desk'] };
      try {
        msg = JSON.parse(String(e.data));
      } catch {
        return;
      }
      switch (msg.type) {
        case 'welcome': {
          const sameHub = msg.epoch === epoch;
          replayed = sameHub ? (msg.replayed ?? -1) : -1;
          if (!sameHub || replayed < 0) lastSeq = msg.seq ?? 0;
          epoch = msg.epoch ?? null;
          status = { ...status, desk: msg.desk ?? null };
          return;
        }
        case 'caught-up': {
          ready = true;
          attempt = 0;
          const reconnected = wasOnline;
          wasOnline = true;
          setState('online');
          for (const p of [...waiting]) {
            if (p.deadline) clearTimeout(p.deadline);
            p.deadline = null;
            waiting.delete(p);
            send(p);
          }
          if (reconnected) emit('link:resync', { missed: replayed });
          return;
        }
        case 'result': {
          const p = typeof msg.id === 'number' ? byFrame.get(msg.id) : undefined;
          if (!p) return;
          byFrame.delete(msg.id!);
          settle(p, msg.result);
          return;
        }
        case 'event': {
          if (typeof msg.seq === 'number') {
            if (msg.seq <= lastSeq) return;
            lastSeq = msg.seq;
          }
          if (typeof msg.event === 'string') emit(msg.event, msg.payload);
          return;
        }
      }
    };
    ws.onclose = (e) => {
      if (socket !== ws) return;
      if (e.code === CLOSE_CODES.notPaired || e.code === CLOSE_CODES.revoked) return refused(e.code === CLOSE_CODES.revoked ? 'revoked' : 'not-paired');
      lost();
    };
  };

  /** The link is gone (closed, failed, silent): calls sent on it wait for the next one; new calls are refused meanwhile. */
  const lost = () => {
    const ws = socket;
    socket = null;
    ready = false;
    if (silenceTimer) clearTimeout(silenceTimer);
    if (ws) {
      ws.onclose = ws.onmessage = ws.onopen = null;
      try {
        ws.close(4000, 'link lost');
      } catch {
        // already closed
      }
    }
    for (const p of byFrame.values()) {
      p.resend = true;
      waiting.add(p);
      p.deadline = setTimeout(() => settle(p, fail('HUB_NO_ANSWER', 'the link to the hub dropped before it answered')), retryWindowMs);
    }
    byFrame.clear();
    if (closedForGood) return;
    if (wasOnline || status.settled) setState('offline');
    else if (attempt >= 1) setState('offline');
    retryTimer = setTimeout(connect, backoff[Math.min(attempt++, backoff.length - 1)]);
  };

  const refused = (refusal: 'not-paired' | 'revoked') => {
    socket = null;
    ready = false;
    if (silenceTimer) clearTimeout(silenceTimer);
    setState('refused', refusal);
    for (const p of [...waiting, ...byFrame.values()]) settle(p, refusalResult());
    byFrame.clear();
  };

  connect();

  return {
    call(op, request) {
      return new Promise((resolve) => {
        const p: Pending = { op, request, rid: rid(), resolve, resend: false, deadline: null };
        if (status.state === 'refused') return resolve(refusalResult());
        if (ready && socket) return send(p);
        if (wasOnline || status.settled) return resolve(fail('HUB_UNREACHABLE', 'the hub cannot be reached'));
        // Before the first connection: the page's first calls wait for it.
        waiting.add(p);
        p.deadline = setTimeout(() => settle(p, fail('HUB_UNREACHABLE', 'the hub cannot be reached')), firstConnectMs);
      });
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    status: () => status,
    settled: () => (status.settled ? Promise.resolve(status) : new Promise((resolve) => settledWaiters.push(resolve))),
    reconnect() {
      if (closedForGood || (socket && ready)) return;
      if (retryTimer) clearTimeout(retryTimer);
      if (socket) {
        const ws = socket;
        socket = null;
        ws.onclose = ws.onmessage = ws.onopen = null;
        ws.close(1000);
      }
      attempt = 0;
      status = { ...status, refusal: null };
      setState('connecting');
      connect();
    },
    close() {
      closedForGood = true;
      if (retryTimer) clearTimeout(retryTimer);
      if (silenceTimer) clearTimeout(silenceTimer);
      const ws = socket;
      socket = null;
      if (ws) {
        ws.onclose = ws.onmessage = ws.onopen = null;
        ws.close(1000, 'window closed');
      }
      for (const p of [...waiting, ...byFrame.values()]) settle(p, fail('HUB_UNREACHABLE', 'this window closed its link'));
      byFrame.clear();
    },
  };
}
