import { randomBytes } from 'node:crypto';

/** Events kept for desks coming back; a desk away for longer reloads instead of replaying. */
export const JOURNAL_EVENTS = 1000;

export interface JournalEntry {
  seq: number;
  event: string;
  payload: unknown;
}

/**
 * Every core event, numbered as the hub passes it on. A desk that
 * reconnects says the last number it saw (and the hub's epoch, which changes
 * when the hub restarts); the hub replays what came after, or tells the desk
 * to reload when that is no longer held. Events are never listed here by
 * name: whatever the core emits reaches the desks.
 */
export class EventJournal {
  /** Differs on every start of the hub, so numbers from before a restart are not mistaken for today's. */
  readonly epoch = randomBytes(6).toString('base64url');
  private seq = 0;
  private readonly ring: JournalEntry[] = [];
  private readonly listeners = new Set<(entry: JournalEntry) => void>();
  private readonly stop: () => void;

  constructor(source: (listener: (event: string, payload: unknown) => void) => () => void) {
    this.stop = source((event, payload) => {
      const entry = { seq: ++this.seq, event, payload };
      this.ring.push(entry);
      if (this.ring.length > JOURNAL_EVENTS) this.ring.shift();
      for (const l of this.listeners) l(entry);
    });
  }

  get last(): number {
    return this.seq;
  }

  /** Events after `seq`, or null when some of them are no longer held (or the number is not this hub's). */
  since(epoch: string | null, seq: number): JournalEntry[] | null {
    if (epoch !== this.epoch || !Number.isSafeInteger(seq) || seq < 0 || seq > this.seq) return null;
    if (seq === this.seq) return [];
    const first = this.ring[0];
    if (!first || first.seq > seq + 1) return null;
    return this.ring.slice(seq + 1 - first.seq);
  }

  subscribe(listener: (entry: JournalEntry) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    this.stop();
    this.listeners.clear();
  }
}
