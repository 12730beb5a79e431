import type { Database } from 'better-sqlite3';
import type { EventName, EventPayload } from '../../preload/contract';
import { createQueries, type Queries } from '../../db/queries';
import { idempotencyKey, payloadVersionOf, type OutboxEntry } from '../domain/outbox';
import type { Clock } from './clock';
import { StationError } from './errors';
import { newId } from './ids';
import type { StorageHealth } from './storage/health';
import { storageProblemOf } from './storage/sqlite-errors';

export interface Actor {
  staffId: string;
  username: string;
  role: 'nurse' | 'supervisor';
}

export interface WriteScope {
  q: Queries;
  at: string;
  actor: Actor | null;
  /** Records who changed what, with before/after, in the same transaction as the change. */
  audit(operation: string, entity: string, entityId: string | null, before: unknown, after: unknown): void;
  /**
   * Queues a record for the national platform, in this transaction: the one
   * way anything enters the outbox. Returns the row's place in the queue.
   */
  enqueue(entry: OutboxEntry): number;
  /** Queues an event for desks; sent only after the transaction commits. */
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
}

export type EventSink = (event: EventName, payload: unknown) => void;

/**
 * The single path for writes that matter. The callback's writes, their audit
 * rows and outbox rows commit together in one IMMEDIATE transaction;
 * events leave only after the commit, so no desk ever sees a change that a
 * crash could still undo.
 */
export class Store {
  readonly q: Queries;
  /** Built once: better-sqlite3's transaction wrapper is costly to create, and a dose is written many times a minute. */
  private readonly transaction: (run: () => unknown) => unknown;
  private readonly queuedListeners: (() => void)[] = [];

  constructor(
    readonly db: Database,
    readonly clock: Clock,
    private readonly sink: EventSink,
    /** Refuses writes while the disk is full or the file is damaged; absent in tools that open a copy. */
    private readonly health: StorageHealth | null = null,
  ) {
    this.q = createQueries(db);
    this.transaction = db.transaction((run: () => unknown) => run()).immediate;
  }

  write<T>(actor: Actor | null, fn: (scope: WriteScope) => T): T {
    // Read-only (disk full, damage found): refused before any work, so the answer is quick and nothing half-happens.
    this.health?.guardWrite();
    const pending: [EventName, unknown][] = [];
    let queued = false;
    const q = this.q;
    // The write's time is read once the write lock is held: another process's write that waited for ours is later in time as in commit order.
    const scopeAt = (at: string): WriteScope => ({
      q,
      at,
      actor,
      audit: (operation, entity, entityId, before, after) =>
        q.audit.insert({ id: newId(), at, staffId: actor?.staffId ?? null, operation, entity, entityId, before, after }),
      enqueue: (entry) => {
        const entityVersion = entry.entityVersion ?? 1;
        // The site that gave the dose travels with it: a station's site code can change later, its records' cannot.
        const siteCode = q.site.get()?.code ?? null;
        queued = true;
        return q.outbox.insert({
          id: newId(),
          kind: entry.kind,
          entityId: entry.entityId,
          entityVersion,
          subjectId: entry.subjectId,
          idempotencyKey: idempotencyKey(entry.kind, entry.entityId, entityVersion),
          payloadVersion: entry.payloadVersion ?? payloadVersionOf(entry.kind),
          payload: { ...entry.payload, siteCode },
          createdAt: at,
          sessionId: entry.sessionId ?? null,
        });
      },
      emit: (event, payload) => void pending.push([event, payload]),
    });
    let result: T;
    try {
      result = this.transaction(() => fn(scopeAt(this.clock.now().toISOString()))) as T;
    } catch (err) {
      // The database itself refuses changes to a closed session's records (migration 0010's triggers).
      if (err instanceof Error && err.message.startsWith('DAY_LOCKED')) throw new StationError('DAY_LOCKED', err.message);
      // SQLite rolled the transaction back: nothing was saved. Say why, on every desk, not just "internal error".
      const problem = this.health ? storageProblemOf(err) : null;
      if (problem) throw this.health!.report(problem, err instanceof Error ? err.message : String(err));
      throw err;
    }
    for (const [event, payload] of pending) this.sink(event, payload);
    if (queued) for (const listener of this.queuedListeners) listener();
    return result;
  }

  /** The uploader wakes when a committed transaction queued something for the platform. */
  onQueued(listener: () => void): () => void {
    this.queuedListeners.push(listener);
    return () => {
      const i = this.queuedListeners.indexOf(listener);
      if (i >= 0) this.queuedListeners.splice(i, 1);
    };
  }

  /**
   * Sends an event that reports progress rather than a change (a batch's
   * count so far): nothing to commit, so it leaves at once.
   */
  notify<E extends EventName>(event: E, payload: EventPayload<E>): void {
    this.sink(event, payload);
  }
}
