import type { AuthState, StaffSummary } from '../../../preload/contract';
import type { StaffRow } from '../../../db/queries/staff';
import { attemptsLeft, claimAttempt } from '../auth/lockout';
import { hashPin, verifyPin } from '../auth/pin';
import { DeskSignInLimits, SerialByKey, UnknownAccounts } from '../auth/sign-in-limits';
import { StationError } from '../errors';
import { newId } from '../ids';
import type { Actor, Store } from '../store';

export type SignInPurpose = 'login' | 'unlock';

/** A hash no PIN matches, checked for unknown usernames so they take as long as real ones. */
const UNKNOWN_ACCOUNT_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

/** `now` (ISO): a lockout that has run out shows as none. */
export function toSummary(s: StaffRow, now?: string): StaffSummary {
  const lockedUntil = s.lockedUntil !== null && (now === undefined || s.lockedUntil > now) ? s.lockedUntil : null;
  return { id: s.id, username: s.username, fullName: s.fullName, role: s.role, active: s.active, lockedUntil };
}

function locked(until: string): StationError {
  return new StationError('AUTH_ACCOUNT_LOCKED', 'too many wrong PINs; try again later', { until });
}

/** Signing in names the account, so the answer cannot say which half was wrong; unlocking asks only the PIN. */
function wrongPin(purpose: SignInPurpose, left: number): StationError {
  return purpose === 'unlock'
    ? new StationError('AUTH_WRONG_PIN', 'wrong PIN', { attemptsLeft: left })
    : new StationError('AUTH_INVALID_CREDENTIALS', 'wrong username or PIN', { attemptsLeft: left });
}

export function toActor(s: StaffRow): Actor {
  return { staffId: s.id, username: s.username, role: s.role };
}

/** Staff accounts: creation, changes, and PIN checks with lockout. */
export class StaffService {
  private readonly accounts = new SerialByKey();
  private readonly desks: DeskSignInLimits;
  private readonly unknown = new UnknownAccounts();

  constructor(private readonly store: Store) {
    this.desks = new DeskSignInLimits(() => store.clock.now().getTime());
  }

  list(): StaffSummary[] {
    const now = this.store.clock.now().toISOString();
    return this.store.q.staff.all().map((s) => toSummary(s, now));
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
      return toSummary(after, w.at);
    });
  }

  /** Lifts a lockout (a supervisor, after checking who is at the desk); the PIN stays as it is. */
  unlock(actor: Actor, id: string): StaffSummary {
    return this.store.write(actor, (w) => {
      const before = w.q.staff.byId(id);
      if (!before) throw new StationError('NOT_FOUND', 'no such staff account', { id });
      w.q.staff.setAttempts(id, 0, null);
      w.audit('staff:unlock', 'staff', id, { failedAttempts: before.failedAttempts, lockedUntil: before.lockedUntil }, { failedAttempts: 0, lockedUntil: null });
      return toSummary({ ...before, failedAttempts: 0, lockedUntil: null });
    });
  }

  /**
   * Checks a PIN at a desk, for signing in (username + PIN) or unlocking (the
   * signed-in person's PIN). Returns the account as it stands after the check.
   *
   * The order is what makes the lockout hold: the try is counted and stored
   * before the slow hash, one check per account runs at a time, and the
   * outcome is written in a transaction that re-reads the account and touches
   * only the two lockout columns. A supervisor's change made while the hash
   * ran (deactivated, demoted, new PIN) is never written over: the check then
   * fails, or signs in with the role as it is now.
   */
  async signIn(username: string, pin: string, desk: { connectionId: string; purpose: SignInPurpose }): Promise<StaffRow> {
    this.desks.begin(desk.connectionId);
    let wrong = false;
    try {
      return await this.accounts.run(username, () => this.checkPin(username, pin, desk));
    } catch (err) {
      wrong = err instanceof StationError && (err.code === 'AUTH_INVALID_CREDENTIALS' || err.code === 'AUTH_WRONG_PIN');
      throw err;
    } finally {
      this.desks.end(desk.connectionId, wrong);
    }
  }

  private async checkPin(username: string, pin: string, desk: { connectionId: string; purpose: SignInPurpose }): Promise<StaffRow> {
    const claimed = this.store.write(null, (w) => {
      const row = w.q.staff.byUsername(username);
      if (!row || !row.active) return null;
      const claim = claimAttempt(row, Date.parse(w.at));
      if (claim.store) w.q.staff.setAttempts(row.id, claim.store.failedAttempts, claim.store.lockedUntil);
      return { row, claim };
    });
    if (!claimed) return this.refuseUnknown(username, pin, desk);
    const { row, claim } = claimed;
    if (!claim.evaluate) throw locked(claim.lockedUntil!);

    const right = await verifyPin(pin, row.pinHash);

    const outcome = this.store.write(right ? toActor(row) : null, (w) => {
      const now = w.q.staff.byId(row.id);
      // Deactivated, or given a new PIN, while the hash ran: the PIN checked is no longer this account's.
      const unchanged = now !== null && now.active && now.pinHash === row.pinHash;
      if (right && unchanged) {
        w.q.staff.setAttempts(row.id, 0, null);
        w.audit(desk.purpose === 'unlock' ? 'auth:unlock' : 'auth:login', 'staff', row.id, null, { desk: desk.connectionId });
        return { signedIn: { ...now, failedAttempts: 0, lockedUntil: null } as StaffRow };
      }
      const left = attemptsLeft(claim.attempt);
      w.audit('auth:failed', 'staff', row.id, null, {
        desk: desk.connectionId,
        purpose: desk.purpose,
        reason: right ? 'account-changed' : 'wrong-pin',
        attempt: claim.attempt,
        attemptsLeft: left,
      });
      const lockStands = claim.lockedUntil !== null && now?.lockedUntil === claim.lockedUntil;
      if (lockStands) w.audit('auth:lockout', 'staff', row.id, null, { until: claim.lockedUntil, desk: desk.connectionId });
      return { signedIn: null, left, lockedUntil: lockStands ? claim.lockedUntil : null };
    });
    if (outcome.signedIn) return outcome.signedIn;
    if (outcome.lockedUntil) throw locked(outcome.lockedUntil);
    throw wrongPin(desk.purpose, outcome.left!);
  }

  /** No such account (or a deactivated one): the same time spent and the same answers as a real one. */
  private async refuseUnknown(username: string, pin: string, desk: { connectionId: string; purpose: SignInPurpose }): Promise<never> {
    const claim = this.unknown.claim(username, this.store.clock.now().getTime());
    if (!claim.evaluate) throw locked(claim.lockedUntil!);
    await verifyPin(pin, UNKNOWN_ACCOUNT_HASH);
    this.store.write(null, (w) =>
      w.audit('auth:failed', 'staff', null, null, { desk: desk.connectionId, purpose: desk.purpose, reason: 'unknown-account', username }),
    );
    if (claim.lockedUntil) throw locked(claim.lockedUntil);
    throw wrongPin(desk.purpose, attemptsLeft(claim.attempt));
  }

  authState(staff: StaffRow | null, locked: boolean, idleLockMinutes: number): AuthState {
    return { staff: staff ? toSummary(staff, this.store.clock.now().toISOString()) : null, locked, idleLockMinutes };
  }

  /** Who a desk is signed in as (nobody: staffId null), for the desk's own header. */
  authStateOf(staffId: string | null, locked: boolean, idleLockMinutes: number): AuthState {
    return this.authState(staffId ? this.store.q.staff.byId(staffId) : null, locked, idleLockMinutes);
  }
}
