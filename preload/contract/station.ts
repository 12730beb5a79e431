import { z } from 'zod';
import { Empty, Instant, op } from './common';

/**
 * The station's own state, outside any desk's work: whether its database can
 * be read and written. Every desk shows it (the start-up screen, a banner),
 * signed in or not, so it needs no sign-in.
 */

/**
 * Why the database cannot be used, one code per case. A start-up screen and
 * a desk banner are chosen by code; new cases (a restore in progress, a key
 * that does not open an encrypted file) add a code here and a screen text.
 */
export const StorageProblemCode = z.enum([
  /** The disk is full: nothing can be saved until space is freed. */
  'disk-full',
  /** The file or its folder cannot be written (permissions, a read-only disk or card). */
  'read-only',
  /** The file's pages are damaged (quick_check or integrity_check failed, or SQLite said so). */
  'corrupt',
  /** The file is not a SQLite database at all (overwritten, truncated, the wrong file). */
  'not-a-database',
  /** The schema is from another version of the station (an edited or unknown migration). */
  'schema-mismatch',
  /** The file could not be read or written for another reason (a disk error, a drive removed). */
  'io-error',
]);
export type StorageProblemCode = z.infer<typeof StorageProblemCode>;

export const StorageProblem = z.object({
  code: StorageProblemCode,
  /** The database file's full path, for the person who has to fix it. */
  databaseFile: z.string(),
  /** SQLite's or the OS's own words, for a technician; the screen text comes from the code. */
  detail: z.string(),
  since: Instant,
  /** True when the station clears the problem by itself (space freed); false when someone must act. */
  clearsItself: z.boolean(),
});
export type StorageProblem = z.infer<typeof StorageProblem>;

export const StationHealth = z.object({
  /**
   * ok: reads and writes work. read-only: reads work, every write is refused
   * with the problem's code (disk full, damage found while running).
   * unavailable: the database could not be opened at start; nothing works and
   * every desk shows the start-up screen.
   */
  state: z.enum(['ok', 'read-only', 'unavailable']),
  problem: StorageProblem.nullable(),
});
export type StationHealth = z.infer<typeof StationHealth>;

export const stationOps = {
  'station:health': op({ summary: "Whether the station's database can be read and written", request: Empty, response: StationHealth }),
};

export const stationEvents = {
  /** The database's state changed (disk full, space back, damage found); every desk shows it. */
  'station:health': StationHealth,
};

/**
 * The largest call a desk may send, in bytes of its JSON frame. The biggest
 * request in the contract is one chunk of a target-list upload
 * (IMPORT_CHUNK_BYTES as base64, 4/3 larger); everything else is a few
 * kilobytes, scan text and certificate text at most a few hundred even with
 * every character escaped.
 */
export const MAX_CALL_FRAME_BYTES = 1024 * 1024;

/** Before sign-in a desk can only set up, sign in or ask the station's state: small calls only. */
export const MAX_SIGNED_OUT_FRAME_BYTES = 16 * 1024;
