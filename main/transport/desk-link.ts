import type { RawData, WebSocket } from 'ws';
import { MAX_CALL_FRAME_BYTES, MAX_SIGNED_OUT_FRAME_BYTES, type Result } from '../../preload/contract';
import { readCallFrame, type CallFrame } from './call-frame';

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
  dispatch(op: string, request: unknown, connectionId: string): Promise<Result<unknown>>;
  onEvent(listener: (event: string, payload: unknown) => void): () => void;
  connectionClosed(connectionId: string): void;
  signedIn(connectionId: string): boolean;
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
export function serveDeskLink(ws: WebSocket, core: LinkCore, connectionId: string, limits: LinkLimits = DEFAULT_LINK_LIMITS, log: (m: string) => void = () => {}): DeskLink {
  const queue: CallFrame[] = [];
  let inFlight = 0;
  let started = 0;
  let unsentBytes = 0;
  let paused = false;
  let pumpScheduled = false;
  let closed = false;

  const send = (message: unknown) => {
    if (closed || ws.readyState !== ws.OPEN) return;
    const text = JSON.stringify(message);
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

  const refuse = (call: CallFrame, max: number) =>
    send({
      type: 'result',
      id: call.id,
      result: { ok: false, error: { code: 'TOO_MANY_CALLS', message: 'too many calls waiting on this desk', params: { max } } },
    });

  const start = (call: CallFrame) => {
    inFlight++;
    started++;
    core
      .dispatch(call.op, call.request, connectionId)
      .catch((err: unknown): Result<unknown> => ({ ok: false, error: { code: 'INTERNAL', message: `core failed: ${String(err)}` } }))
      .then((result) => {
        inFlight--;
        send({ type: 'result', id: call.id, result });
        schedulePump();
      });
  };

  function pump() {
    pumpScheduled = false;
    if (closed) return;
    const canStart = inFlight < limits.maxCallsInFlight && unsentBytes < limits.maxUnsentBytes;
    if (canStart && queue.length > 0) start(queue.shift()!);
    // Reading resumes once this desk's backlog is half gone and its answers are being taken.
    const backedUp = queue.length > limits.maxCallsQueued || unsentBytes >= limits.maxUnsentBytes;
    if (backedUp) setPaused(true);
    else if (paused && queue.length <= limits.maxCallsQueued / 2) setPaused(false);
    if (queue.length > 0 && inFlight < limits.maxCallsInFlight && unsentBytes < limits.maxUnsentBytes) schedulePump();
  }

  function schedulePump() {
    if (pumpScheduled || closed) return;
    pumpScheduled = true;
    // One call per desk per turn: other desks' frames and answers get their turn in between.
    setImmediate(pump);
  }

  const stopEvents = core.onEvent((event, payload) => send({ type: 'event', event, payload }));

  ws.on('message', (data: RawData, isBinary: boolean) => {
    if (closed) return;
    if (isBinary) return ws.close(1003, 'text frames only');
    const bytes = rawLength(data);
    if (bytes > limits.maxSignedOutFrameBytes && !core.signedIn(connectionId)) return ws.close(1009, 'sign in first');
    const frame = readCallFrame(rawText(data));
    if (!frame.ok) return ws.close(1003, frame.reason);
    if (queue.length >= limits.maxCallsRefusedBeyond) return refuse(frame.call, limits.maxCallsRefusedBeyond);
    queue.push(frame.call);
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
