import { useCallback, useRef, useState } from 'react';
import type { CheckInResult, RegistrationMatch, Result, ScanResult, ScanSource, StationErrorData } from '../../../../preload/contract';
import { station } from '../../station';

/** undefined: the core's match; null: none; an id: the nurse's pick. */
export interface Choice {
  citizenId?: string | null;
  targetId?: string | null;
}

export type DeskView =
  | { kind: 'ready' }
  | { kind: 'reading' }
  | { kind: 'failed'; error: StationErrorData }
  | { kind: 'scan'; scan: ScanResult; match: RegistrationMatch | null; choice: Choice; error: StationErrorData | null; busy: boolean }
  | { kind: 'done'; result: CheckInResult };

/**
 * The check-in desk's one flow: a scan (any source) is read by the core,
 * shown with its match, optionally compared with a registration the nurse
 * picks, then confirmed. A later answer never overwrites a newer scan.
 */
export function useCheckinDesk() {
  const [view, setView] = useState<DeskView>({ kind: 'ready' });
  const generation = useRef(0);

  const showScanAnswer = useCallback((answer: Result<ScanResult>, mine: number) => {
    if (mine !== generation.current) return;
    setView(answer.ok ? { kind: 'scan', scan: answer.value, match: answer.value.match, choice: {}, error: null, busy: false } : { kind: 'failed', error: answer.error });
  }, []);

  const scanText = useCallback(
    async (text: string, source: ScanSource) => {
      const mine = ++generation.current;
      setView({ kind: 'reading' });
      showScanAnswer(await station.checkin.scan({ text, source }), mine);
    },
    [showScanAnswer],
  );

  /** A scan the core already holds (a USB scanner's). */
  const showScan = useCallback(
    async (scanId: string) => {
      const mine = ++generation.current;
      setView({ kind: 'reading' });
      showScanAnswer(await station.checkin.getScan({ scanId }), mine);
    },
    [showScanAnswer],
  );

  const compare = useCallback(
    async (choice: Choice) => {
      if (view.kind !== 'scan') return;
      const mine = generation.current;
      const answer = await station.checkin.compare({ scanId: view.scan.scanId, ...choice });
      if (mine !== generation.current) return;
      setView(answer.ok ? { ...view, match: answer.value, choice, error: null } : { ...view, error: answer.error });
    },
    [view],
  );

  const confirm = useCallback(
    async (override?: Choice) => {
      if (view.kind !== 'scan' || view.busy) return;
      const mine = generation.current;
      const choice = override ?? view.choice;
      setView({ ...view, busy: true, error: null });
      const answer = await station.checkin.confirm({ scanId: view.scan.scanId, ...choice, acceptCorrections: (view.match?.diff.length ?? 0) > 0 });
      if (mine !== generation.current) return;
      setView(answer.ok ? { kind: 'done', result: answer.value } : { ...view, busy: false, error: answer.error });
    },
    [view],
  );

  /** A check-in made another way (passport, typed in, known person). */
  const finished = useCallback((result: CheckInResult) => {
    generation.current++;
    setView({ kind: 'done', result });
  }, []);

  const clear = useCallback(() => {
    generation.current++;
    setView({ kind: 'ready' });
  }, []);

  return { view, scanText, showScan, compare, confirm, finished, clear };
}
