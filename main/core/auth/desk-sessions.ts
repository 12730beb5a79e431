import type { Role } from '../../../preload/contract';
import type { Actor } from '../store';

interface DeskSession {
  actor: Actor;
  lastActivity: number;
  locked: boolean;
}

/**
 * Who is signed in at each desk (one connection = one desk window or browser
 * tab). Kept in memory on purpose: a restart of the core signs everyone out.
 * Idle time is enforced here, not only by the UI, so a desk left open cannot
 * be used by whoever walks up after the lock time.
 */
export class DeskSessions {
  private readonly sessions = new Map<string, DeskSession>();
  /** Desks paired with a hub for some roles only; a connection absent here takes any role. */
  private readonly deskRoles = new Map<string, readonly Role[]>();

  constructor(
    private readonly now: () => number,
    private readonly idleMinutes: () => number,
  ) {}

  signIn(connectionId: string, actor: Actor): void {
    this.sessions.set(connectionId, { actor, lastActivity: this.now(), locked: false });
  }

  signOut(connectionId: string): void {
    this.sessions.delete(connectionId);
  }

  /** The connection is gone for good: its sign-in and its desk's role limits. */
  forget(connectionId: string): void {
    this.sessions.delete(connectionId);
    this.deskRoles.delete(connectionId);
  }

  /** Who may sign in and work at this connection's desk (a hub's paired desk); null: anyone. */
  limitRoles(connectionId: string, roles: readonly Role[] | null): void {
    if (roles) this.deskRoles.set(connectionId, [...roles]);
    else this.deskRoles.delete(connectionId);
  }

  rolesAllowed(connectionId: string): readonly Role[] | null {
    return this.deskRoles.get(connectionId) ?? null;
  }

  /** Ends sessions of an account everywhere (deactivated, role changed). */
  signOutStaff(staffId: string): void {
    for (const [id, s] of this.sessions) if (s.actor.staffId === staffId) this.sessions.delete(id);
  }

  /** The session as it stands now, locking it first if it has been idle too long. */
  current(connectionId: string): { actor: Actor; locked: boolean } | null {
    const s = this.sessions.get(connectionId);
    if (!s) return null;
    if (!s.locked && this.now() - s.lastActivity > this.idleMinutes() * 60_000) s.locked = true;
    return { actor: s.actor, locked: s.locked };
  }

  touch(connectionId: string): void {
    const s = this.sessions.get(connectionId);
    if (s && !s.locked) s.lastActivity = this.now();
  }

  lock(connectionId: string): void {
    const s = this.sessions.get(connectionId);
    if (s) s.locked = true;
  }

  unlock(connectionId: string): void {
    const s = this.sessions.get(connectionId);
    if (s) {
      s.locked = false;
      s.lastActivity = this.now();
    }
  }
}
