import type { Role } from '../../../preload/contract';

/** The Ministry of Health's four steps at the site, plus the supervisor's desk. One route each. */
export interface DeskDef {
  key: 'checkin' | 'screening' | 'injection' | 'observation' | 'supervisor';
  path: string;
  /** Alt+<digit> opens the desk from anywhere. */
  digit: string;
  roles: readonly Role[];
}

export const DESKS: readonly DeskDef[] = [
  { key: 'checkin', path: '/checkin', digit: '1', roles: ['nurse', 'supervisor'] },
  { key: 'screening', path: '/screening', digit: '2', roles: ['nurse', 'supervisor'] },
  { key: 'injection', path: '/injection', digit: '3', roles: ['nurse', 'supervisor'] },
  { key: 'observation', path: '/observation', digit: '4', roles: ['nurse', 'supervisor'] },
  { key: 'supervisor', path: '/supervisor', digit: '5', roles: ['supervisor'] },
];
