/**
 * When to try again after a failure the platform may recover from (a network
 * error, a timeout, 5xx, 429): exponential backoff with full jitter, capped,
 * and never sooner than the server's Retry-After.
 */
export interface RetryPolicy {
  baseMs: number;
  capMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { baseMs: 1_000, capMs: 5 * 60_000 };

/** Retry-After in milliseconds (delay-seconds or an HTTP date), or null when absent or unreadable. */
export function retryAfterMs(header: string | null, now: number): number | null {
  if (!header) return null;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Math.min(Number(text), 24 * 3600) * 1000;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return null;
  return Math.max(0, Math.min(at - now, 24 * 3600 * 1000));
}

/** The wait before attempt n+1 after n consecutive failures (n ≥ 1). */
export function backoffMs(failures: number, policy: RetryPolicy, random: () => number, retryAfter: number | null = null): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.min(Math.max(failures - 1, 0), 30));
  const jittered = Math.round(ceiling / 2 + random() * (ceiling / 2));
  return Math.max(jittered, retryAfter ?? 0);
}
