import type { Result, StationHealth, StorageProblem } from '../../preload/contract';
import type { StationEndpoint } from './station';

/**
 * What a host serves when the database could not be opened (damaged,
 * read-only, not a database, disk full at start): the same endpoint as a
 * station, so every desk, in Electron or a browser, loads and shows the
 * start-up screen for the problem's code instead of a blank window or a
 * crash. It answers `station:health` and refuses everything else.
 */
export function unavailableStation(problem: StorageProblem): StationEndpoint {
  const health: StationHealth = { state: 'unavailable', problem };
  const refused: Result<unknown> = {
    ok: false,
    error: { code: 'STATION_UNAVAILABLE', message: `the station database cannot be used (${problem.code})`, params: { problem: problem.code } },
  };
  return {
    dispatch: async (op) => (op === 'station:health' ? { ok: true, value: health } : refused),
    onEvent: () => () => {},
    connectionClosed: () => {},
    signedIn: () => false,
    health: () => health,
    provideSigningOsKey: () => {},
    stopBackgroundWork: async () => {},
    close: () => {},
  };
}
