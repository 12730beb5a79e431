import { StationError } from '../errors';
import type { Services } from '../services';
import { SUPERVISOR, type Handlers } from '../handler-types';
import { toActor } from '../services/staff';

type AuthOps = 'auth:login' | 'auth:logout' | 'auth:whoami' | 'auth:lock' | 'auth:unlock';
type StaffOps = 'staff:list' | 'staff:create' | 'staff:update' | 'staff:unlock';
type SettingsOps = 'settings:get' | 'settings:update';

export function authHandlers(s: Services): Handlers<AuthOps> {
  const idle = () => s.settings.get().idleLockMinutes;
  return {
    'auth:login': {
      access: 'public',
      allowWhenLocked: true,
      run: async (req, scope) => {
        const staff = await s.staff.signIn(req.username, req.pin, { connectionId: scope.connectionId, purpose: 'login' });
        const deskRoles = s.sessions.rolesAllowed(scope.connectionId);
        if (deskRoles && !deskRoles.includes(staff.role)) {
          throw new StationError('DESK_ROLE_NOT_ALLOWED', `this desk is for ${deskRoles.join(' or ')}`, { role: staff.role, allowed: deskRoles.join(',') });
        }
        s.sessions.signIn(scope.connectionId, toActor(staff));
        return s.staff.authState(staff, false, idle());
      },
    },
    'auth:logout': {
      access: 'public',
      allowWhenLocked: true,
      run: (_req, scope) => {
        s.sessions.signOut(scope.connectionId);
        return { done: true as const };
      },
    },
    'auth:whoami': {
      access: 'public',
      allowWhenLocked: true,
      run: (_req, scope) => {
        const current = s.sessions.current(scope.connectionId);
        return s.staff.authStateOf(current?.actor.staffId ?? null, current?.locked ?? false, idle());
      },
    },
    'auth:lock': {
      access: 'signed-in',
      allowWhenLocked: true,
      run: (_req, scope) => {
        s.sessions.lock(scope.connectionId);
        return { done: true as const };
      },
    },
    'auth:unlock': {
      access: 'signed-in',
      allowWhenLocked: true,
      run: async (req, scope) => {
        const staff = await s.staff.signIn(scope.actor.username, req.pin, { connectionId: scope.connectionId, purpose: 'unlock' });
        if (staff.id !== scope.actor.staffId) throw new StationError('AUTH_WRONG_PIN', 'wrong PIN', { attemptsLeft: 0 });
        s.sessions.unlock(scope.connectionId);
        return s.staff.authState(staff, false, idle());
      },
    },
  };
}

export function staffHandlers(s: Services): Handlers<StaffOps> {
  return {
    'staff:list': { access: SUPERVISOR, run: () => s.staff.list() },
    'staff:create': { access: SUPERVISOR, run: (req, scope) => s.staff.create(scope.actor, req) },
    'staff:update': {
      access: SUPERVISOR,
      run: async (req, scope) => {
        const updated = await s.staff.update(scope.actor, req);
        // A changed role or a deactivated account takes effect at once on every desk.
        if (req.role !== undefined || req.active === false || req.pin !== undefined) {
          if (updated.id !== scope.actor.staffId) s.sessions.signOutStaff(updated.id);
        }
        return updated;
      },
    },
    'staff:unlock': { access: SUPERVISOR, run: (req, scope) => s.staff.unlock(scope.actor, req.id) },
  };
}

export function settingsHandlers(s: Services): Handlers<SettingsOps> {
  return {
    'settings:get': { access: 'signed-in', run: () => s.settings.get() },
    'settings:update': { access: SUPERVISOR, run: (req, scope) => s.settings.update(scope.actor, req) },
  };
}
