/**
 * The lockout rule for PINs, pure. A PIN has 10,000 to 100 million values, so
 * what keeps it secret is how few guesses anyone gets: MAX_FAILED_ATTEMPTS in a
 * row, then the account waits LOCKOUT_MINUTES. The attempt is counted before
 * the PIN is checked (see StaffService.signIn), so a check that never finishes
 * (a crash, a flood of parallel guesses) still used up its try.
 */
export const MAX_FAILED_ATTEMPTS = 5;
export const LOCKOUT_MINUTES = 5;

export interface AttemptCounters {
  failedAttempts: number;
  lockedUntil: string | null;
}

export interface AttemptClaim {
  /** False: the account is locked and the PIN must not even be checked. */
  evaluate: boolean;
  /** Which try this is in the current run (1 … MAX_FAILED_ATTEMPTS). */
  attempt: number;
  /** Counters to store before checking the PIN (null: nothing changes). */
  store: AttemptCounters | null;
  /** The lock that stands (refused) or that starts if this try is wrong (the last try). */
  lockedUntil: string | null;
}

export function isLocked(c: AttemptCounters, nowMs: number): boolean {
  return c.lockedUntil !== null && Date.parse(c.lockedUntil) > nowMs;
}

/**
 * Claims one try. The last allowed try locks the account at once: if its PIN
 * is right the sign-in lifts the lock again, and while it is being checked no
 * other guess gets through.
 */
export function claimAttempt(c: AttemptCounters, nowMs: number): AttemptClaim {
  if (isLocked(c, nowMs)) return { evaluate: false, attempt: c.failedAttempts, store: null, lockedUntil: c.lockedUntil };
  const lockUntil = new Date(nowMs + LOCKOUT_MINUTES * 60_000).toISOString();
  // A lock that has run out starts a fresh run of tries.
  const previous = c.lockedUntil !== null ? 0 : c.failedAttempts;
  if (previous >= MAX_FAILED_ATTEMPTS) {
    // Tries used up without a lock recorded (a crash between the two): lock now, check nothing.
    return { evaluate: false, attempt: previous, store: { failedAttempts: previous, lockedUntil: lockUntil }, lockedUntil: lockUntil };
  }
  const attempt = previous + 1;
  const lockedUntil = attempt >= MAX_FAILED_ATTEMPTS ? lockUntil : null;
  return { evaluate: true, attempt, store: { failedAttempts: attempt, lockedUntil }, lockedUntil };
}

/** Tries left before the account locks, after `attempt` wrong ones. */
export function attemptsLeft(attempt: number): number {
  return Math.max(0, MAX_FAILED_ATTEMPTS - attempt);
}
