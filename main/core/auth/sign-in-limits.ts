import { StationError } from '../errors';
import { claimAttempt, type AttemptClaim, type AttemptCounters } from './lockout';

/**
 * Runs one task per key at a time, in arrival order. Sign-ins of one account
 * queue here, so parallel guesses are counted one after the other and those
 * arriving after the lock are refused without checking the PIN.
 */
export class SerialByKey {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(task, task);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }
}

/** Wrong sign-ins one desk may make in DESK_WINDOW_MINUTES, whatever the accounts. */
export const MAX_DESK_FAILURES = 10;
export const DESK_WINDOW_MINUTES = 10;
/** Desks remembered; the oldest are forgotten first (a flood of new connections cannot grow this). */
const MAX_DESKS_TRACKED = 2_000;

/**
 * Limits per desk connection: one sign-in being checked at a time (a desk
 * sends one; a script sends thousands), and a budget of wrong ones that
 * spreads over accounts, so guessing one PIN on each of many accounts from
 * one desk is slowed too.
 */
export class DeskSignInLimits {
  private readonly checking = new Set<string>();
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly now: () => number) {}

  begin(connectionId: string): void {
    if (this.checking.has(connectionId)) {
      throw new StationError('AUTH_SIGN_IN_BUSY', 'a sign-in from this desk is still being checked');
    }
    const recent = this.recentFailures(connectionId);
    if (recent.length >= MAX_DESK_FAILURES) {
      const until = new Date(recent[0]! + DESK_WINDOW_MINUTES * 60_000).toISOString();
      throw new StationError('AUTH_TOO_MANY_ATTEMPTS', 'too many wrong sign-ins from this desk; wait', { until });
    }
    this.checking.add(connectionId);
  }

  end(connectionId: string, wrong: boolean): void {
    this.checking.delete(connectionId);
    if (!wrong) return;
    const recent = this.recentFailures(connectionId);
    recent.push(this.now());
    this.failures.delete(connectionId);
    this.failures.set(connectionId, recent);
    while (this.failures.size > MAX_DESKS_TRACKED) this.failures.delete(this.failures.keys().next().value!);
  }

  private recentFailures(connectionId: string): number[] {
    const since = this.now() - DESK_WINDOW_MINUTES * 60_000;
    return (this.failures.get(connectionId) ?? []).filter((t) => t > since);
  }
}

/** Unknown usernames remembered; enough for any honest typo, bounded against a flood of made-up ones. */
const MAX_UNKNOWN_TRACKED = 1_000;

/**
 * Usernames that are no account (or a deactivated one) get the same answers
 * as a real account: tries left counting down, then a lockout. Otherwise the
 * answer itself would tell which usernames exist. Kept in memory only: the
 * counters protect no PIN.
 */
export class UnknownAccounts {
  private readonly counters = new Map<string, AttemptCounters>();

  claim(username: string, nowMs: number): AttemptClaim {
    const counters = this.counters.get(username) ?? { failedAttempts: 0, lockedUntil: null };
    const claim = claimAttempt(counters, nowMs);
    if (claim.store) {
      this.counters.delete(username);
      this.counters.set(username, claim.store);
      while (this.counters.size > MAX_UNKNOWN_TRACKED) this.counters.delete(this.counters.keys().next().value!);
    }
    return claim;
  }
}
