import { z } from 'zod';
import type { EventName, Result } from '../../preload/contract';

/**
 * Messages between the Electron main process (the host) and the station core
 * running in its own process. The same shapes travel over Electron's
 * utilityProcess port and over Node's child_process IPC, so the core can be
 * tested under plain Node exactly as Electron runs it.
 */
export type HostToCore =
  | { type: 'call'; id: number; op: string; request: unknown; connectionId: string }
  | { type: 'connection-closed'; connectionId: string }
  /** The OS-protected key that opens the signing key (Electron only; see main/electron/signing-data-key.ts). */
  | { type: 'signing-data-key'; key: string }
  | { type: 'shutdown' };

export type CoreToHost =
  | { type: 'ready' }
  | { type: 'result'; id: number; result: Result<unknown> }
  | { type: 'event'; event: EventName; payload: unknown }
  | { type: 'fatal'; message: string };

const hostToCore = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('call'),
    id: z.number().int().nonnegative(),
    op: z.string().max(100),
    request: z.unknown(),
    connectionId: z.string().min(1).max(100),
  }),
  z.object({ type: z.literal('connection-closed'), connectionId: z.string().min(1).max(100) }),
  z.object({ type: z.literal('signing-data-key'), key: z.string().regex(/^[A-Za-z0-9+/]{43}=$/) }),
  z.object({ type: z.literal('shutdown') }),
]);

/** A message the core cannot read is dropped, not thrown: one bad frame must not take the station down. */
export function parseHostMessage(raw: unknown): HostToCore | null {
  const parsed = hostToCore.safeParse(raw);
  return parsed.success ? (parsed.data as HostToCore) : null;
}

/** The host trusts its own child, but a result it cannot correlate is still better ignored than crashing on. */
export function isCoreMessage(raw: unknown): raw is CoreToHost {
  if (typeof raw !== 'object' || raw === null) return false;
  const type = (raw as { type?: unknown }).type;
  return type === 'ready' || type === 'result' || type === 'event' || type === 'fatal';
}
