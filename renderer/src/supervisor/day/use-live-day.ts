import { useEffect, useState } from 'react';
import type { EventName } from '../../../../preload/contract';
import { useCoreQuery } from '../../components/use-core-query';
import { station } from '../../station';

/** Everything that moves a day's figures: the screen follows them live. */
const EVENTS: readonly EventName[] = ['day:changed', 'plan:changed', 'queue:changed', 'doses:changed', 'vials:changed', 'observation:released', 'aefi:recorded', 'certificates:printed'];

/** At most one recount every two seconds, however busy the desks are: the core counts the whole day each time. */
const EVERY_MS = 2000;

/**
 * A session's close-of-day view, kept fresh while the day runs: each change
 * at any desk asks for the figures again, throttled so a busy injection desk
 * does not keep the core counting.
 */
export function useLiveDay(planId: string | undefined) {
  const [tick, setTick] = useState(0);
  const query = useCoreQuery(() => station.closeOfDay.day(planId ? { planId } : {}), [planId, tick]);
  useEffect(() => {
    let timer: number | null = null;
    let last = 0;
    const poke = () => {
      if (timer !== null) return;
      timer = window.setTimeout(
        () => {
          timer = null;
          last = Date.now();
          setTick((n) => n + 1);
        },
        Math.max(0, last + EVERY_MS - Date.now()),
      );
    };
    const stops = EVENTS.map((e) => station.on(e, poke));
    return () => {
      stops.forEach((stop) => stop());
      if (timer !== null) window.clearTimeout(timer);
    };
  }, []);
  return query;
}
