import { useCallback, useEffect, useRef, useState, type Dispatch, type SetStateAction } from 'react';

/**
 * Work in progress that outlives the desk's screens: a screening half filled
 * in, an adverse-event form, the visit a desk was working on. Locking a desk
 * (Alt+L, or the idle timer) unmounts the desks; their drafts stay here, in
 * memory only (never on disk: they hold health answers), and come back when
 * the same person unlocks. Another person signing in, or signing out, clears
 * them.
 */
const drafts = new Map<string, unknown>();
let owner: string | null = null;

/** The person signed in at this desk now; a different one starts with no drafts. */
export function claimDrafts(staffId: string): void {
  if (owner !== staffId) drafts.clear();
  owner = staffId;
}

export function clearDrafts(): void {
  drafts.clear();
  owner = null;
}

export function forgetDraft(key: string): void {
  drafts.delete(key);
}

/** Whether a draft is kept under this key (for tests and for "restored" notices). */
export function hasDraft(key: string): boolean {
  return drafts.has(key);
}

/**
 * useState whose value is kept as the draft `key` while the component is away
 * (locked desk) and read back when it mounts again. `key` null keeps nothing.
 */
export function useDraft<T>(key: string | null, initial: T | (() => T)): [T, Dispatch<SetStateAction<T>>] {
  const [value, setValue] = useState<T>(() => {
    if (key !== null && drafts.has(key)) return drafts.get(key) as T;
    return typeof initial === 'function' ? (initial as () => T)() : initial;
  });
  const keyRef = useRef(key);
  useEffect(() => {
    keyRef.current = key;
  }, [key]);
  const set = useCallback<Dispatch<SetStateAction<T>>>((next) => {
    setValue((prev) => {
      const v = typeof next === 'function' ? (next as (p: T) => T)(prev) : next;
      if (keyRef.current !== null) drafts.set(keyRef.current, v);
      return v;
    });
  }, []);
  return [value, set];
}
