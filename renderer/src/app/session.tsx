import { createContext, useContext } from 'react';
import type { AuthState, Site, StaffSummary } from '../../../preload/contract';

export interface SessionValue {
  site: Site;
  staff: StaffSummary;
  siteToday: string;
  idleLockMinutes: number;
  /** `idle`: the desk's idle timer; `manual`: the person pressed Lock (Alt+L). The lock screen says which. */
  lock(reason?: LockReason): Promise<void>;
  logout(): Promise<void>;
  refresh(): Promise<void>;
}

export type LockReason = 'idle' | 'manual';

export const SessionContext = createContext<SessionValue | null>(null);

/** The signed-in person and site; only rendered inside the signed-in shell. */
export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside the signed-in shell');
  return value;
}

export type SignedIn = AuthState & { staff: StaffSummary };
