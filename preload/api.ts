import {
  events,
  isOpName,
  operations,
  resultSchema,
  type EventName,
  type EventPayload,
  type OpName,
  type Result,
  type StationApi,
} from './contract';

/** How a transport carries one call and the event stream. Electron IPC and the loopback WebSocket implement it. */
export interface Transport {
  call(op: OpName, request: unknown): Promise<unknown>;
  subscribe(listener: (event: string, payload: unknown) => void): () => void;
}

const responseSchemas = new Map(
  Object.entries(operations).map(([name, def]) => [name, resultSchema(def.response)] as const),
);

/**
 * Builds `window.station`: one named function per contract operation. Responses
 * are validated here too, so a core answering off-contract surfaces as an error
 * the UI can show instead of a crash deep in a component.
 */
export function createStationApi(transport: Transport): StationApi {
  const api: Record<string, Record<string, unknown>> = {};
  for (const name of Object.keys(operations)) {
    if (!isOpName(name)) continue;
    const [area, action] = name.split(':') as [string, string];
    api[area] ??= {};
    api[area][action] = async (request: unknown = {}): Promise<Result<unknown>> => {
      let raw: unknown;
      try {
        raw = await transport.call(name, request ?? {});
      } catch (err) {
        return { ok: false, error: { code: 'INTERNAL', message: `transport failed: ${String(err)}` } };
      }
      const parsed = responseSchemas.get(name)!.safeParse(raw);
      if (!parsed.success) {
        return { ok: false, error: { code: 'INTERNAL', message: `off-contract response to ${name}` } };
      }
      return parsed.data as Result<unknown>;
    };
  }
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let unsubscribe: (() => void) | null = null;
  const on = <E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void) => {
    if (!(event in events)) throw new Error(`unknown event ${event}`);
    let set = listeners.get(event);
    if (!set) listeners.set(event, (set = new Set()));
    set.add(listener as (payload: unknown) => void);
    unsubscribe ??= transport.subscribe((name, payload) => {
      const schema = events[name as EventName];
      if (!schema) return;
      const parsed = schema.safeParse(payload);
      if (!parsed.success) return;
      for (const l of listeners.get(name) ?? []) l(parsed.data);
    });
    return () => {
      set.delete(listener as (payload: unknown) => void);
    };
  };
  return { ...api, on } as unknown as StationApi;
}

export function operationNames(): OpName[] {
  return Object.keys(operations).filter(isOpName);
}
