/**
 * One call as a desk sends it over a socket: `{type:'call', id, op, request}`.
 * Anything else — not JSON, `null`, an array, a number for an op, an id that
 * is no integer — is refused here, before the core sees it.
 */
export interface CallFrame {
  id: number;
  op: string;
  request: unknown;
}

export type FrameReading = { ok: true; call: CallFrame } | { ok: false; reason: string };

export function readCallFrame(text: string): FrameReading {
  let message: unknown;
  try {
    message = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'not JSON' };
  }
  if (typeof message !== 'object' || message === null || Array.isArray(message)) return { ok: false, reason: 'not a call' };
  const { type, id, op, request } = message as Record<string, unknown>;
  if (type !== 'call' || typeof id !== 'number' || !Number.isSafeInteger(id) || id < 0) return { ok: false, reason: 'not a call' };
  if (typeof op !== 'string' || op.length === 0 || op.length > 100) return { ok: false, reason: 'not a call' };
  return { ok: true, call: { id, op, request } };
}
