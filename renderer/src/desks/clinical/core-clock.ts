import { useEffect, useRef, useState } from 'react';

/**
 * The core's "now" on this desk, in milliseconds, updated every `everyMs`.
 * Countdowns must agree on every screen and with the core's own checks, so a
 * desk never trusts its own clock: it keeps the offset between the core's
 * instant in the last answer (`coreNow`) and its own, and counts from there.
 * 0 until the core has answered once.
 */
export function useCoreTime(coreNow: string | undefined, everyMs = 1000): number {
  const [now, setNow] = useState(0);
  const offset = useRef<number | null>(null);
  useEffect(() => {
    if (!coreNow) return;
    offset.current = Date.parse(coreNow) - Date.now();
    const timer = window.setTimeout(() => setNow(Date.now() + (offset.current ?? 0)), 0);
    return () => window.clearTimeout(timer);
  }, [coreNow]);
  useEffect(() => {
    const timer = window.setInterval(() => {
      if (offset.current !== null) setNow(Date.now() + offset.current);
    }, everyMs);
    return () => window.clearInterval(timer);
  }, [everyMs]);
  return now;
}
