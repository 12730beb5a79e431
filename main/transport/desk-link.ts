import type { RawData, WebSocket } from 'ws';
import { MAX_CALL_FRAME_BYTES, MAX_SIGNED_OUT_FRAME_BYTES, type Result } from '../../preload/contract';
import { readCallFrame, type CallFrame } from './call-frame';
import type { CallRate } from './call-rate';

/**
 * What one desk connection may cost the station. A desk's UI sends a call
 * or two at a time and reads every answer; a broken or hostile client can
 * send thousands without reading any. These numbers bound what such a client
 * holds in the core's memory and how long the other desks wait behind it.
 */
export interface LinkLimits {
  /** Calls of one desk running at once (a PIN check or a file check waits; others need not). */
  maxCallsInFlight: number;
  /** Calls waiting behind those. Past this the socket is no longer read: the client's own sends back up. */
  maxCallsQueued: number;
  /** Calls that arrived anyway (already in the socket's buffer) past this are answered TOO_MANY_CALLS, not run. */
  maxCallsRefusedBeyond: number;
  /** Largest frame from a signed-in desk (the WebSocket server's maxPayload). */
  maxFrameBytes: number;
  /** Largest frame before sign-in: setup, sign-in, the station's state. */
  maxSignedOutFrameBytes: number;
  /** Answers and events written but not yet taken by the client; past this no new call starts and reading stops. */
  maxUnsentBytes: number;
  /** A desk that leaves this much unread (events pile up too) is disconnected: it is not reading at all. */
  maxUnsentBytesHard: number;
}

export const DEFAULT_LINK_LIMITS: LinkLimits = {
  maxCallsInFlight: 4,
  maxCallsQueued: 32,
  maxCallsRefusedBeyond: 256,
  maxFrameBytes: MAX_CALL_FRAME_BYTES,
  maxSignedOutFrameBytes: MAX_SIGNED_OUT_FRAME_BYTES,
  maxUnsentBytes: 1024 * 1024,
  maxUnsentBytesHard: 32 * 1024 * 1024,
};

/** Desks one station serves at once; a site has a handful, a script opening sockets in a loop has no business here. */
export const MAX_DESK_CONNECTIONS = 64;

/** What the link needs of the core: the station endpoint, or anything that answers calls the same way. */
export interface LinkCore {
  /** `requestId`: the call's own id from a desk that resends calls after a dropped connection (the LAN hub remembers them). */
  dispatch(op: string, request: unknown, connectionId: string, requestId?: string): Promise<Result<unknown>>;
  /** `seq`: the event's place in the hub's journal, so a desk that reconnects can say what it has seen. */
  onEvent(listener: (event: string, payload: unknown, seq?: number) => void): () => void;
  connectionClosed(connectionId: string): void;
  signedIn(connectionId: string): boolean;
}

/** What one link may share with others or report (the LAN hub: one rate for all windows of a desk, refusals audited). */
export interface LinkExtras {
  rate?: CallRate;
  onRefused?: (call: CallFrame, code: 'TOO_MANY_CALLS') => void;
  /** Each answered call's time from its frame's arrival to its answer's leaving (the bench's view of the hub alone). */
  onAnswered?: (op: string, ms: number) => void;
}

export interface DeskLink {
  /** Calls queued and running, bytes not yet sent: for tests and the bench. */
  stats(): { queued: number; inFlight: number; started: number; unsentBytes: number; paused: boolean };
  /** The server is stopping: queued calls are dropped, none starts, the socket is cut. */
  stop(): void;
}

/**
 * Serves one desk over one WebSocket: frames in, calls to the core, answers
 * and events out, within LinkLimits. Calls start one per turn of the event
 * loop per desk, so a desk with a hundred calls queued and a desk with one
 * take turns. Nothing a client sends — a malformed frame, invalid UTF-8, a
 * frame over the limit, a disconnect in the middle of a call — costs more
 * than its own connection. Transports that carry desks over sockets (browser
 * mode, the LAN hub) all serve them through this.
 */
export function serveDeskLink(
  ws: WebSocket,
  core: LinkCore,
  connectionId: string,
  limits: LinkLimits = DEFAULT_LINK_LIMITS,
  log: (m: string) => void = () => {},
  extras: LinkExtras = {},
): DeskLink {
  const queue: (CallFrame & { arrived: number })[] = [];
  let inFlight = 0;
  let started = 0;
  let unsentBytes = 0;
  let paused = false;
  let pumpScheduled = false;
  let rateTimer: NodeJS.Timeout | null = null;
  let closed = false;

  const send = (message: unknown) => sendText(JSON.stringify(message));
  const sendText = (text: string) => {
    if (closed || ws.readyState !== ws.OPEN) return;
    const size = Buffer.byteLength(text);
    unsentBytes += size;
    if (unsentBytes > limits.maxUnsentBytesHard) {
      log(`${connectionId}: ${unsentBytes} bytes unread, disconnecting`);
      ws.close(1008, 'not reading');
      ws.terminate();
      return;
    }
    ws.send(text, () => {
      unsentBytes -= size;
      schedulePump();
    });
  };

  const setPaused = (on: boolean) => {
    if (on === paused || closed) return;
    paused = on;
    if (on) ws.pause();
    else ws.resume();
  };

  const refuse = (call: CallFrame, max: number) => {
    extras.onRefused?.(call, 'TOO_MANY_CALLS');
    send({
      type: 'result',
      id: call.id,
      result: { ok: false, error: { code: 'TOO_MANY_CALLS', message: 'too many calls waiting on this desk', params: { max } } },
    });
  };

  const start = (call: CallFrame & { arrived: number }) => {
    inFlight++;
    started++;
    core
      .dispatch(call.op, call.request, connectionId, call.requestId)
      .catch((err: unknown): Result<unknown> => ({ ok: false, error: { code: 'INTERNAL', message: `core failed: ${String(err)}` } }))
      .then((result) => {
        inFlight--;
        send({ type: 'result', id: call.id, result });
        extras.onAnswered?.(call.op, performance.now() - call.arrived);
        schedulePump();
      });
  };

  function pump() {
    pumpScheduled = false;
    if (closed) return;
    const canStart = inFlight < limits.maxCallsInFlight && unsentBytes < limits.maxUnsentBytes && rateTimer === null;
    if (canStart && queue.length > 0) {
      const wait = extras.rate?.take() ?? 0;
      if (wait > 0) {
        rateTimer = setTimeout(() => {
          rateTimer = null;
          schedulePump();
        }, wait);
      } else {
        start(queue.shift()!);
      }
    }
    // Reading resumes once this desk's backlog is half gone and its answers are being taken.
    const backedUp = queue.length > limits.maxCallsQueued || unsentBytes >= limits.maxUnsentBytes;
    if (backedUp) setPaused(true);
    else if (paused && queue.length <= limits.maxCallsQueued / 2) setPaused(false);
    if (queue.length > 0 && inFlight < limits.maxCallsInFlight && unsentBytes < limits.maxUnsentBytes && rateTimer === null) schedulePump();
  }

  function schedulePump() {
    if (pumpScheduled || closed) return;
    pumpScheduled = true;
    // One call per desk per turn: other desks' frames and answers get their turn in between.
    setImmediate(pump);
  }

  const stopEvents = core.onEvent((event, payload, seq) => sendText(eventFrame(event, payload, seq)));

  ws.on('message', (data: RawData, isBinary: boolean) => {
    if (closed) return;
    if (isBinary) return ws.close(1003, 'text frames only');
    const bytes = rawLength(data);
    if (bytes > limits.maxSignedOutFrameBytes && !core.signedIn(connectionId)) return ws.close(1009, 'sign in first');
    const frame = readCallFrame(rawText(data));
    if (!frame.ok) return ws.close(1003, frame.reason);
    if (queue.length >= limits.maxCallsRefusedBeyond) return refuse(frame.call, limits.maxCallsRefusedBeyond);
    queue.push({ ...frame.call, arrived: performance.now() });
    if (queue.length > limits.maxCallsQueued) setPaused(true);
    schedulePump();
  });
  // Invalid UTF-8, a frame over maxPayload, a reset connection: ws reports it here and closes the socket.
  // Without a listener the 'error' event would be thrown and end the whole process.
  ws.on('error', (err: Error & { code?: string }) => log(`${connectionId}: ${err.code ?? ''} ${err.message}`));
  const end = () => {
    if (closed) return;
    closed = true;
    queue.length = 0;
    if (rateTimer) clearTimeout(rateTimer);
    stopEvents();
    core.connectionClosed(connectionId);
  };
  ws.on('close', end);

  return {
    stats: () => ({ queued: queue.length, inFlight, started, unsentBytes, paused }),
    stop: () => {
      end();
      ws.terminate();
    },
  };
}

/**
 * An event goes to every desk as the same text: written once, not once per
 * desk (a dose's events to twelve desks would otherwise be serialized
 * twelve times each). Keyed on the payload object the core emitted.
 */
const eventFrames = new WeakMap<object, { event: string; seq: number | undefined; text: string }>();

function eventFrame(event: string, payload: unknown, seq: number | undefined): string {
  const key = typeof payload === 'object' && payload !== null ? payload : null;
  const cached = key ? eventFrames.get(key) : undefined;
  if (cached && cached.event === event && cached.seq === seq) return cached.text;
  const text = JSON.stringify(seq === undefined ? { type: 'event', event, payload } : { type: 'event', event, payload, seq });
  if (key) eventFrames.set(key, { event, seq, text });
  return text;
}

function rawLength(data: RawData): number {
  if (Buffer.isBuffer(data)) return data.length;
  if (Array.isArray(data)) return data.reduce((n, b) => n + b.length, 0);
  return data.byteLength;
}

function rawText(data: RawData): string {
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data).toString('utf8');
}
