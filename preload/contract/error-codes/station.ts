/**
 * Codes of the station's own limits and failures: sign-in limits, a desk
 * sending more than it reads, and the database's disk or file going bad.
 */
export const STATION_ERROR_CODES = [
  /** Unlocking a desk: the PIN of the person signed in was wrong (the username is not asked). */
  'AUTH_WRONG_PIN',
  /** A sign-in from this desk is still being checked. */
  'AUTH_SIGN_IN_BUSY',
  /** This desk made too many wrong sign-ins in a short time. */
  'AUTH_TOO_MANY_ATTEMPTS',
  /** This desk has too many calls waiting; the call was not run. */
  'TOO_MANY_CALLS',
  /** The disk holding the database is full: nothing was saved. */
  'DISK_FULL',
  /** The database file cannot be written (permissions, a read-only disk). */
  'DATABASE_READ_ONLY',
  /** The database file is damaged: the station refuses to write to it. */
  'DATABASE_DAMAGED',
  /** The station could not open its database at start; `station:health` says why. */
  'STATION_UNAVAILABLE',
] as const;
