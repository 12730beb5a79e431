import type { OpName, OpRequest, OpResponse, Role } from '../../preload/contract';
import type { Actor } from './store';

/**
 * Who may call an operation: anyone (before sign-in: setup, login), any
 * signed-in staff, or only the listed roles. Enforced by the dispatcher for
 * every call, whatever the UI shows or hides.
 */
export type Access = 'public' | 'signed-in' | readonly Role[];

export interface CallScope {
  connectionId: string;
  actor: Actor | null;
}

export interface SignedInScope extends CallScope {
  actor: Actor;
}

export interface Handler<O extends OpName> {
  access: Exclude<Access, 'public'>;
  /** Calls still allowed on a locked desk (unlock, sign out, who am I). */
  allowWhenLocked?: boolean;
  run(request: OpRequest<O>, scope: SignedInScope): OpResponse<O> | Promise<OpResponse<O>>;
}

export interface PublicHandler<O extends OpName> {
  access: 'public';
  allowWhenLocked?: boolean;
  run(request: OpRequest<O>, scope: CallScope): OpResponse<O> | Promise<OpResponse<O>>;
}

export type HandlerFor<O extends OpName> = Handler<O> | PublicHandler<O>;

export type Handlers<Names extends OpName> = { [O in Names]: HandlerFor<O> };

export const SUPERVISOR: readonly Role[] = ['supervisor'];
