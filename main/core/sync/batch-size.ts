/**
 * How big the next Bundle is. It starts at 100 entries, doubles after a
 * quick success up to MAX_ENTRIES (and never beyond MAX_BYTES of JSON), eases
 * off when an answer takes longer than the target, and halves on 413, a
 * timeout or a 5xx, down to a single entry. A site on a slow link ends up
 * sending what the link carries in a couple of seconds; a fast one sends the
 * maximum (Tamanu adapts its page size the same way).
 */
export const START_ENTRIES = 100;
export const MAX_ENTRIES = 1000;
export const MAX_BYTES = 4 * 1024 * 1024;
/** An answer within this time lets the batch grow. */
export const TARGET_MS = 2_000;

export class BatchSize {
  private current: number;

  constructor(
    start = START_ENTRIES,
    readonly maxEntries = MAX_ENTRIES,
    readonly maxBytes = MAX_BYTES,
  ) {
    this.current = Math.max(1, Math.min(start, maxEntries));
  }

  get entries(): number {
    return this.current;
  }

  succeeded(durationMs: number, entriesSent: number): void {
    // A bundle cut short by the end of the queue says little about the link.
    if (entriesSent < this.current / 2) return;
    if (durationMs <= TARGET_MS / 2) this.current = Math.min(this.maxEntries, this.current * 2);
    else if (durationMs > TARGET_MS) this.current = Math.max(1, Math.floor(this.current * 0.75));
  }

  /** 413, a timeout, a 5xx: the server or the link could not take this much. */
  shrink(): void {
    this.current = Math.max(1, Math.floor(this.current / 2));
  }
}
