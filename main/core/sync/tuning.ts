import type { SyncTuning } from './service';

/**
 * The upload's timing from the environment of the process hosting the core,
 * for sites on unusual links and for test rigs: STATION_SYNC_TIMEOUT_MS (one
 * request, default 60 s), STATION_SYNC_RETRY_BASE_MS / STATION_SYNC_RETRY_CAP_MS
 * (backoff, default 1 s doubling to 5 min), STATION_SYNC_DEBOUNCE_MS (pause
 * after a record is queued, default 2 s). Anything unreadable is ignored.
 */
export function syncTuningFromEnv(env: NodeJS.ProcessEnv): SyncTuning {
  const num = (name: string, min: number, max: number) => {
    const v = Number(env[name]);
    return Number.isFinite(v) && v >= min && v <= max ? v : undefined;
  };
  const timeoutMs = num('STATION_SYNC_TIMEOUT_MS', 100, 600_000);
  const baseMs = num('STATION_SYNC_RETRY_BASE_MS', 1, 600_000);
  const capMs = num('STATION_SYNC_RETRY_CAP_MS', 1, 3_600_000);
  const debounceMs = num('STATION_SYNC_DEBOUNCE_MS', 0, 600_000);
  return {
    ...(timeoutMs !== undefined ? { timeoutMs } : {}),
    ...(baseMs !== undefined || capMs !== undefined ? { retry: { baseMs: baseMs ?? 1_000, capMs: capMs ?? 300_000 } } : {}),
    ...(debounceMs !== undefined ? { debounceMs } : {}),
  };
}
