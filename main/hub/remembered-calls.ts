import type { Result } from '../../preload/contract';

/**
 * How much of its answers the hub keeps per desk window. A desk resends only
 * the calls that were in flight when its connection dropped, its newest ones,
 * so a short memory covers every retry; ids outlive answers so a retry that
 * comes too late is told so instead of being carried out again.
 */
export const CALL_MEMORY = {
  /** Answers kept per window. */
  answers: 64,
  /** Bytes of answers kept per window (the newest answer is always kept, whatever its size). */
  answerBytes: 2 * 1024 * 1024,
  /** Request ids remembered per window after their answers are dropped. */
  ids: 1024,
};

interface Entry {
  running: Promise<Result<unknown>> | null;
  result: Result<unknown> | null;
  bytes: number;
}

interface WindowMemory {
  entries: Map<string, Entry>;
  /** Ids whose answers were dropped, oldest first. */
  spent: Set<string>;
  bytes: number;
}

const ANSWER_LOST: Result<unknown> = {
  ok: false,
  error: { code: 'CALL_ANSWER_LOST', message: 'this call was carried out before; its answer is no longer held' },
};

/**
 * The hub carries a call out once per request id. A desk whose connection
 * dropped mid-call sends the call again with the same id over its new
 * connection: if the first is still running the retry waits for it, if it
 * finished the retry gets the same answer. A dose is recorded once however
 * often the desk retries.
 */
export class RememberedCalls {
  private readonly windows = new Map<string, WindowMemory>();

  run(windowKey: string, requestId: string, call: () => Promise<Result<unknown>>): Promise<Result<unknown>> {
    let memory = this.windows.get(windowKey);
    if (!memory) this.windows.set(windowKey, (memory = { entries: new Map(), spent: new Set(), bytes: 0 }));
    const known = memory.entries.get(requestId);
    if (known) return known.running ?? Promise.resolve(known.result!);
    if (memory.spent.has(requestId)) return Promise.resolve(ANSWER_LOST);
    const entry: Entry = { running: null, result: null, bytes: 0 };
    const mem = memory;
    entry.running = call().then((result) => {
      entry.running = null;
      entry.result = result;
      entry.bytes = JSON.stringify(result).length;
      mem.bytes += entry.bytes;
      this.trim(mem, requestId);
      return result;
    });
    memory.entries.set(requestId, entry);
    return entry.running;
  }

  /** The window is gone for good (closed, revoked, not back in time): its memory goes with it. */
  forget(windowKey: string): void {
    this.windows.delete(windowKey);
  }

  stats(): { windows: number; answers: number; bytes: number } {
    let answers = 0;
    let bytes = 0;
    for (const m of this.windows.values()) {
      answers += m.entries.size;
      bytes += m.bytes;
    }
    return { windows: this.windows.size, answers, bytes };
  }

  private trim(memory: WindowMemory, newest: string): void {
    for (const [id, entry] of memory.entries) {
      if (memory.entries.size <= CALL_MEMORY.answers && memory.bytes <= CALL_MEMORY.answerBytes) break;
      if (id === newest || entry.running) continue;
      memory.entries.delete(id);
      memory.bytes -= entry.bytes;
      memory.spent.add(id);
    }
    for (const id of memory.spent) {
      if (memory.spent.size <= CALL_MEMORY.ids) break;
      memory.spent.delete(id);
    }
  }
}
