/**
 * Main → renderer IPC channels (renderer → main uses one channel per contract
 * operation, named after the operation). Shared by the Electron preload and
 * the shell so the names cannot drift apart.
 */
export const EVENT_CHANNEL = 'station:event';
/** The core restarted after a crash: every desk's sign-in is gone, as when browser mode's socket drops. */
export const DISCONNECTED_CHANNEL = 'station:disconnected';

export interface EventMessage {
  event: string;
  payload: unknown;
}
