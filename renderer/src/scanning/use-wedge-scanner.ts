import { useEffect, useRef } from 'react';
import { BurstDetector, type ScanBurst } from './burst-detector';

/** Whether a key aimed at this element types into it: such keys are a person's and never taken. */
export function isEditableTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT';
}

/**
 * Listens for keyboard-wedge scanner bursts anywhere on the page while
 * `enabled` (the check-in desk, no dialog open). Keys typed into a field go
 * to the field untouched; keys of a recognised burst are stopped before they
 * press a focused button. A burst without a terminating Enter ends after a
 * short pause, checked with a timer at the detector's deadline.
 */
export function useWedgeScanner(onScan: (burst: ScanBurst) => void, enabled: boolean): void {
  const onScanRef = useRef(onScan);
  useEffect(() => {
    onScanRef.current = onScan;
  });

  useEffect(() => {
    if (!enabled) return;
    const detector = new BurstDetector();
    let timer: number | null = null;
    // The detector measures gaps between keys by their event time stamps (when the keyboard or
    // scanner produced them). A pause, though, is judged by how long it has been since the last key
    // was HANDLED: when the page is busy, a scanner's keys queue up and arrive late but together,
    // and a timer measuring from their time stamps would cut the scan in two.
    let lastStamp = 0;
    let handledAt = 0;
    const deliver = (scan: ScanBurst | null) => {
      if (scan) onScanRef.current(scan);
    };
    const schedule = () => {
      if (timer !== null) window.clearTimeout(timer);
      timer = null;
      const deadline = detector.deadline();
      // Only a recognised scan waits for its end here. Keys not yet recognised as a scan are judged by
      // the next key's time stamp; a timer would throw them away on a busy page that is merely slow to
      // hand over keys a scanner sent in a few milliseconds.
      if (deadline === null || !detector.recognised) return;
      timer = window.setTimeout(() => {
        timer = null;
        deliver(detector.flush(lastStamp + (performance.now() - handledAt)));
        schedule();
      }, Math.max(0, deadline - lastStamp) + 5);
    };
    const onKeyDown = (e: KeyboardEvent) => {
      const decision = detector.handleKey({
        key: e.key,
        timeStamp: e.timeStamp,
        targetIsEditable: isEditableTarget(e.target),
        ctrlKey: e.ctrlKey,
        metaKey: e.metaKey,
        altKey: e.altKey,
        isComposing: e.isComposing,
      });
      if (decision.preventDefault) {
        e.preventDefault();
        e.stopPropagation();
      }
      lastStamp = e.timeStamp;
      handledAt = performance.now();
      deliver(decision.scan);
      schedule();
    };
    // Capture phase: the scan's keys are claimed before any shortcut or focused button sees them.
    window.addEventListener('keydown', onKeyDown, true);
    return () => {
      window.removeEventListener('keydown', onKeyDown, true);
      if (timer !== null) window.clearTimeout(timer);
    };
  }, [enabled]);
}
