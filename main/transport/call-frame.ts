/**
 * One call as a desk sends it over a socket: `{type:'call', id, op, request}`,
 * and from a LAN desk also `rid`, the call's own id that stays the same when
 * the desk sends it again after a dropped connection (`id` is per socket).
 * Anything else — not JSON, `null`, an array, a number for an op, an id that
 * is no integer, a malformed rid — is refused here, before the core sees it.
 */
export interface CallFrame {
  id: number;
  op: string;
  request: unknown;
  requestId?: string;
}

const REQUEST_ID = /^[A-Za-z0-9_-]{8,64}$/;

export type FrameReading = { ok: true; call: CallFrame } | { ok: false; reason: string };

export function readCallFrame(text: string): FrameReading {
  let message: unknown;
  try {
    message = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'not JSON' };
  }
  if (typeof message !== 'object' || message === null || Array.isArray(message)) return { ok: false, reason: 'not a call' };
  const { type, id, op, request, rid } = message as Record<string, unknown>;
  if (type !== 'call' || typeof id !== 'number' || !Number.isSafeInteger(id) || id < 0) return { ok: false, reason: 'not a call' };
  if (typeof op !== 'string' || op.length === 0 || op.length > 100) return { ok: false, reason: 'not a call' };
  if (rid !== undefined && (typeof rid !== 'string' || !REQUEST_ID.test(rid))) return { ok: false, reason: 'not a call' };
  return { ok: true, call: rid === undefined ? { id, op, request } : { id, op, request, requestId: rid } };
}
