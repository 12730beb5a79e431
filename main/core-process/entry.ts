import { join } from 'node:path';
import { openStation, type Station, type StationEndpoint } from '../core/station';
import { hostHub, type HubHost } from '../hub/start-hub';
import { syncTuningFromEnv } from '../core/sync/tuning';
import { databasePathFrom } from './database-path';
import { connectToHost } from './parent-channel';
import { serveCore } from './serve-core';

/**
 * The station core as a process of its own. better-sqlite3 is synchronous:
 * run on Electron's main thread, every query would freeze every window, so
 * the shell forks this file into a utilityProcess instead. It also runs under
 * plain `child_process.fork` with the same messages (see protocol.ts).
 */
async function main(): Promise<void> {
  const channel = connectToHost();
  if (!channel) {
    console.error('core-process: start me with utilityProcess.fork or child_process.fork; I talk only to a parent');
    process.exit(2);
  }
  const fatal = async (message: string) => {
    console.error(`[core] ${message}`);
    await channel.send({ type: 'fatal', message });
    process.exit(1);
  };

  const databasePath = databasePathFrom(process.argv.slice(2), process.env);
  if (!databasePath) return fatal('no database path: pass --db <path> or set STATION_DB');

  let station: StationEndpoint;
  try {
    // A database that cannot be used (damaged, read-only, full disk) still gives a serving core:
    // the window then shows the start-up screen for the problem instead of an error box.
    station = openStation({ databasePath, usbScanners: {}, syncWorker: true, sync: syncTuningFromEnv(process.env) });
  } catch (err) {
    return fatal(`cannot open the station database at ${databasePath}: ${err instanceof Error ? err.message : String(err)}`);
  }

  // The desktop station can be its site's hub: the LAN server runs here, beside the core, never in the window's process.
  const hub: HubHost | null =
    'services' in station
      ? hostHub(station as Station, { rendererDir: join(__dirname, '..', 'renderer'), hubPreloadFile: join(__dirname, '..', 'hub-preload', 'hub-preload.js') })
      : null;
  const served = serveCore(station, channel, () => void (hub?.stop() ?? Promise.resolve()).finally(() => process.exit(0)));
  // The operating system or the host ending us must still leave a checkpointed, optimized database.
  const stopAndExit = () =>
    void (hub?.stop() ?? Promise.resolve())
      .catch(() => {})
      .then(() => served.stop())
      .then(() => process.exit(0));
  process.once('SIGTERM', stopAndExit);
  process.once('SIGINT', stopAndExit);
  channel.onDisconnect(stopAndExit);
  process.on('uncaughtException', (err) => void fatal(`core crashed: ${err.stack ?? err.message}`));
}

void main();
