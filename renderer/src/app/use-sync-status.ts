import { useEffect, useState } from 'react';
import type { SyncStatus } from '../../../preload/contract';
import { station } from '../station';

/** The upload state from the core, kept fresh by its `sync:status` events (queued rows, progress, online/offline). */
export function useSyncStatus(): SyncStatus | null {
  const [status, setStatus] = useState<SyncStatus | null>(null);
  useEffect(() => {
    let live = true;
    void station.sync.status({}).then((r) => live && r.ok && setStatus(r.value));
    const stop = station.on('sync:status', (s) => setStatus(s));
    // Doses recorded at this desk are queued in the same transaction; the event follows within a second.
    const stopDoses = station.on('doses:changed', () => void station.sync.status({}).then((r) => live && r.ok && setStatus(r.value)));
    return () => {
      live = false;
      stop();
      stopDoses();
    };
  }, []);
  return status;
}

/** An instant as a time of day at the site (Asia/Ho_Chi_Minh), with the date when it is not today. */
export function siteTime(iso: string | null, language: string): string {
  if (!iso) return '—';
  const d = new Date(iso);
  const day = (x: Date) => x.toLocaleDateString('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' });
  const time = d.toLocaleTimeString(language === 'vi' ? 'vi-VN' : 'en-GB', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit' });
  if (day(d) === day(new Date())) return time;
  const [y, m, dd] = day(d).split('-');
  return `${language === 'vi' ? `${dd}/${m}/${y}` : `${y}-${m}-${dd}`} ${time}`;
}
