import { createContext, useContext } from 'react';
import type { AuthState, Site, StaffSummary } from '../../../preload/contract';

export interface SessionValue {
  site: Site;
  staff: StaffSummary;
  siteToday: string;
  idleLockMinutes: number;
  lock(): Promise<void>;
  logout(): Promise<void>;
  refresh(): Promise<void>;
}

export const SessionContext = createContext<SessionValue | null>(null);

/** The signed-in person and site; only rendered inside the signed-in shell. */
export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside the signed-in shell');
  return value;
}

export type SignedIn = AuthState & { staff: StaffSummary };
