import { useCallback, useEffect, useRef, useState } from 'react';
import type { EventName, Result, StationErrorData } from '../../../preload/contract';
import { station } from '../station';

export interface CoreQuery<T> {
  data: T | null;
  error: StationErrorData | null;
  loaded: boolean;
  /** Asks the core again (after a change made on this desk). */
  reload: () => void;
}

/**
 * Reads something from the core and keeps it fresh: loads when `deps` change
 * and again whenever one of `refreshOn` events arrives from the core (a change
 * committed at any desk). Answers that arrive after the component moved on are
 * dropped, so a slow answer never overwrites a newer one.
 */
export function useCoreQuery<T>(load: () => Promise<Result<T>>, deps: readonly unknown[], refreshOn: readonly EventName[] = []): CoreQuery<T> {
  const [state, setState] = useState<{ data: T | null; error: StationErrorData | null; loaded: boolean }>({ data: null, error: null, loaded: false });
  const [tick, setTick] = useState(0);
  const loadRef = useRef(load);
  useEffect(() => {
    loadRef.current = load;
  });
  const reload = useCallback(() => setTick((n) => n + 1), []);

  useEffect(() => {
    let live = true;
    loadRef.current().then((result) => {
      if (!live) return;
      setState((prev) => (result.ok ? { data: result.value, error: null, loaded: true } : { data: prev.data, error: result.error, loaded: true }));
    });
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- callers list what the query depends on
  }, [...deps, tick]);

  // A desk of a hub that reconnected may have missed changes: every query asks again.
  useEffect(() => station.on('link:resync', () => setTick((n) => n + 1)), []);

  const events = refreshOn.join(',');
  useEffect(() => {
    if (!events) return;
    const stops = events.split(',').map((e) => station.on(e as EventName, () => setTick((n) => n + 1)));
    return () => stops.forEach((stop) => stop());
  }, [events]);

  return { ...state, reload };
}
