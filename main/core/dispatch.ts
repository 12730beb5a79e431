import { isOpName, operations, type OpName, type Result } from '../../preload/contract';
import type { DeskSessions } from './auth/desk-sessions';
import { StationError } from './errors';
import type { HandlerFor, Handlers } from './handler-types';

export interface Logger {
  info(message: string, data?: unknown): void;
  warn(message: string, data?: unknown): void;
  error(message: string, data?: unknown): void;
}

/**
 * The core's boundary. Every call from every transport comes through here:
 * the caller's sign-in, lock and role are checked, then the request is
 * validated against the contract, the handler runs, and its answer is
 * validated against the contract before it leaves. Errors become values with
 * stable codes.
 *
 * Sign-in comes before validation: a desk that has not signed in learns
 * nothing about the shape of requests it may not make, and costs the core no
 * parsing of them.
 */
export function createDispatcher(
  handlers: Handlers<OpName>,
  sessions: DeskSessions,
  log: Logger,
  /** Turns a failure of the database itself (disk full, damage) into the refusal every desk understands. */
  storageFailure: (err: unknown) => StationError | null = () => null,
) {
  return async function dispatch(name: string, rawRequest: unknown, connectionId: string): Promise<Result<unknown>> {
    if (!isOpName(name)) {
      return { ok: false, error: { code: 'UNKNOWN_OPERATION', message: `no operation named ${String(name).slice(0, 80)}` } };
    }
    const def = operations[name];
    const handler = handlers[name] as HandlerFor<OpName>;
    const session = sessions.current(connectionId);
    if (handler.access !== 'public') {
      if (!session) return { ok: false, error: { code: 'AUTH_REQUIRED', message: 'sign in first' } };
      if (session.locked && !handler.allowWhenLocked) {
        return { ok: false, error: { code: 'AUTH_SESSION_LOCKED', message: 'this desk is locked; unlock with your PIN' } };
      }
      const deskRoles = sessions.rolesAllowed(connectionId);
      if (deskRoles && !deskRoles.includes(session.actor.role) && !handler.allowWhenLocked) {
        // The desk was paired for other roles (or changed since sign-in): refused on every call, not only at sign-in.
        return {
          ok: false,
          error: { code: 'DESK_ROLE_NOT_ALLOWED', message: `this desk is for ${deskRoles.join(' or ')}`, params: { role: session.actor.role, allowed: deskRoles.join(',') } },
        };
      }
      if (Array.isArray(handler.access) && !handler.access.includes(session.actor.role)) {
        return {
          ok: false,
          error: {
            code: 'FORBIDDEN_ROLE',
            message: `${name} needs role ${handler.access.join(' or ')}`,
            params: { operation: name, role: session.actor.role, needed: handler.access.join(',') },
          },
        };
      }
    }
    const parsed = def.request.safeParse(rawRequest ?? {});
    if (!parsed.success) {
      return {
        ok: false,
        error: {
          code: 'VALIDATION_FAILED',
          message: `invalid request to ${name}`,
          issues: parsed.error.issues.slice(0, 50).map((i) => ({ path: i.path.join('.'), code: i.code, message: i.message })),
        },
      };
    }
    if (handler.access !== 'public') sessions.touch(connectionId);
    try {
      const value = await handler.run(parsed.data as never, { connectionId, actor: session?.actor ?? null } as never);
      const checked = def.response.safeParse(value);
      if (!checked.success) {
        log.error(`off-contract response from ${name}`, checked.error.issues.slice(0, 5));
        return { ok: false, error: { code: 'INTERNAL', message: `internal error in ${name}` } };
      }
      return { ok: true, value: checked.data };
    } catch (err) {
      if (err instanceof StationError) return { ok: false, error: err.toData() };
      const refusal = storageFailure(err);
      if (refusal) return { ok: false, error: refusal.toData() };
      log.error(`unexpected failure in ${name}`, err instanceof Error ? err.stack : err);
      return { ok: false, error: { code: 'INTERNAL', message: `internal error in ${name}` } };
    }
  };
}

export type Dispatch = ReturnType<typeof createDispatcher>;
