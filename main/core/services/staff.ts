import type { AuthState, StaffSummary } from '../../../preload/contract';
import type { StaffRow } from '../../../db/queries/staff';
import { hashPin, verifyPin } from '../auth/pin';
import { StationError } from '../errors';
import { newId } from '../ids';
import type { Actor, Store } from '../store';

/** After this many wrong PINs in a row an account is locked for LOCKOUT_MINUTES. */
const MAX_FAILED_ATTEMPTS = 5;
const LOCKOUT_MINUTES = 5;

export function toSummary(s: StaffRow): StaffSummary {
  return { id: s.id, username: s.username, fullName: s.fullName, role: s.role, active: s.active };
}

export function toActor(s: StaffRow): Actor {
  return { staffId: s.id, username: s.username, role: s.role };
}

/** Staff accounts: creation, changes, and PIN checks with lockout. */
export class StaffService {
  constructor(private readonly store: Store) {}

  list(): StaffSummary[] {
    return this.store.q.staff.all().map(toSummary);
  }

  async create(actor: Actor | null, input: { fullName: string; username: string; role: 'nurse' | 'supervisor'; pin: string }): Promise<StaffSummary> {
    if (this.store.q.staff.byUsername(input.username)) {
      throw new StationError('USERNAME_TAKEN', 'that username is taken', { username: input.username });
    }
    const pinHash = await hashPin(input.pin);
    return this.store.write(actor, (w) => {
      if (w.q.staff.byUsername(input.username)) {
        throw new StationError('USERNAME_TAKEN', 'that username is taken', { username: input.username });
      }
      const row = { id: newId(), username: input.username, fullName: input.fullName, role: input.role, pinHash, active: true, createdAt: w.at, updatedAt: w.at };
      w.q.staff.insert(row);
      const summary = toSummary({ ...row, failedAttempts: 0, lockedUntil: null });
      w.audit('staff:create', 'staff', row.id, null, summary);
      return summary;
    });
  }

  async update(
    actor: Actor,
    patch: { id: string; fullName?: string | undefined; role?: 'nurse' | 'supervisor' | undefined; active?: boolean | undefined; pin?: string | undefined },
  ): Promise<StaffSummary> {
    const pinHash = patch.pin ? await hashPin(patch.pin) : null;
    return this.store.write(actor, (w) => {
      const before = w.q.staff.byId(patch.id);
      if (!before) throw new StationError('NOT_FOUND', 'no such staff account', { id: patch.id });
      const after: StaffRow = {
        ...before,
        fullName: patch.fullName ?? before.fullName,
        role: patch.role ?? before.role,
        active: patch.active ?? before.active,
        pinHash: pinHash ?? before.pinHash,
        failedAttempts: pinHash ? 0 : before.failedAttempts,
        lockedUntil: pinHash ? null : before.lockedUntil,
        updatedAt: w.at,
      };
      const losesSupervisor = before.role === 'supervisor' && before.active && (after.role !== 'supervisor' || !after.active);
      if (losesSupervisor && w.q.staff.activeSupervisorCount() <= 1) {
        throw new StationError('LAST_SUPERVISOR', 'the site must keep one active supervisor');
      }
      w.q.staff.update(after);
      w.audit('staff:update', 'staff', after.id, { ...toSummary(before), pinChanged: false }, { ...toSummary(after), pinChanged: pinHash !== null });
      return toSummary(after);
    });
  }

  /**
   * Checks a PIN. Wrong PINs count towards a temporary lockout, stored in the
   * database so restarting the station does not reset it.
   */
  async authenticate(username: string, pin: string): Promise<StaffRow> {
    const staff = this.store.q.staff.byUsername(username);
    const now = this.store.clock.now();
    if (!staff || !staff.active) {
      // Spend the same time as a real check so usernames cannot be probed by timing.
      await verifyPin(pin, 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=');
      throw new StationError('AUTH_INVALID_CREDENTIALS', 'wrong username or PIN');
    }
    if (staff.lockedUntil && staff.lockedUntil > now.toISOString()) {
      throw new StationError('AUTH_ACCOUNT_LOCKED', 'too many wrong PINs; try again later', { until: staff.lockedUntil });
    }
    const ok = await verifyPin(pin, staff.pinHash);
    const failedAttempts = ok ? 0 : staff.failedAttempts + 1;
    const lockedUntil = !ok && failedAttempts >= MAX_FAILED_ATTEMPTS ? new Date(now.getTime() + LOCKOUT_MINUTES * 60_000).toISOString() : null;
    if (failedAttempts !== staff.failedAttempts || lockedUntil !== staff.lockedUntil) {
      this.store.q.staff.update({ ...staff, failedAttempts: lockedUntil ? 0 : failedAttempts, lockedUntil, updatedAt: staff.updatedAt });
    }
    if (!ok) {
      if (lockedUntil) throw new StationError('AUTH_ACCOUNT_LOCKED', 'too many wrong PINs; try again later', { until: lockedUntil });
      throw new StationError('AUTH_INVALID_CREDENTIALS', 'wrong username or PIN');
    }
    return staff;
  }

  authState(staff: StaffRow | null, locked: boolean, idleLockMinutes: number): AuthState {
    return { staff: staff ? toSummary(staff) : null, locked, idleLockMinutes };
  }

  /** Who a desk is signed in as (nobody: staffId null), for the desk's own header. */
  authStateOf(staffId: string | null, locked: boolean, idleLockMinutes: number): AuthState {
    return this.authState(staffId ? this.store.q.staff.byId(staffId) : null, locked, idleLockMinutes);
  }
}
