import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline';
import { openStation, type Station, type StationEndpoint } from '../core/station';
import { hostHub } from '../hub/start-hub';
import { syncTuningFromEnv } from '../core/sync/tuning';
import { startWebServer } from './server';

/**
 * `npm run start:web`: the station in a browser. The core runs in this Node
 * process; the UI is the same build Electron loads.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: process.env.STATION_PORT ?? '0' },
      db: { type: 'string', default: process.env.STATION_DB ?? join(process.cwd(), 'data', 'station.sqlite') },
      open: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      // Hub mode is turned on by the supervisor; these only choose where it listens (a site's firewall, the tests).
      'hub-port': { type: 'string', default: process.env.STATION_HUB_PORT },
      'hub-bind': { type: 'string', default: process.env.STATION_HUB_BIND },
      // Other names desks reach the hub by (a DNS name the site gave it), accepted as Host like its own addresses.
      'hub-names': { type: 'string', default: process.env.STATION_HUB_NAMES },
    },
  });
  const databasePath = resolve(values.db!);
  // A database that cannot be used still gets a server: every desk shows the start-up screen saying why.
  const station = openStation({ databasePath, usbScanners: {}, syncWorker: true, sync: syncTuningFromEnv(process.env) });
  const server = await startWebServer({
    station,
    rendererDir: join(__dirname, '..', 'renderer'),
    webPreloadFile: join(__dirname, '..', 'web-preload', 'web-preload.js'),
    port: Number(values.port),
  });
  // The same station serves the site's other desks on the LAN once a supervisor turns hub mode on.
  const hub = isStation(station)
    ? hostHub(station, {
        rendererDir: join(__dirname, '..', 'renderer'),
        hubPreloadFile: join(__dirname, '..', 'hub-preload', 'hub-preload.js'),
        ...(values['hub-port'] ? { port: Number(values['hub-port']) } : {}),
        ...(values['hub-bind'] ? { bindAddress: values['hub-bind'] } : {}),
        ...(values['hub-names'] ? { extraHostNames: values['hub-names'].split(',').map((n) => n.trim()).filter(Boolean) } : {}),
      })
    : null;
  const health = station.health();
  if (values.json) {
    console.log(JSON.stringify({ ready: true, url: server.url, launchUrl: server.launchUrl, databasePath, health: health.state }));
  } else {
    console.log(`\nVaccination station (browser mode)\n  database: ${databasePath}\n  open:     ${server.launchUrl}\n`);
    if (health.problem) console.log(`  PROBLEM:  ${health.problem.code}: ${health.problem.detail}\n`);
    console.log('Each link opens the station in one browser, once. Press Enter for another link, Ctrl+C to stop.\n');
  }
  // A line on stdin asks for another one-time link (another browser, or a test's next desk).
  if (process.stdin.readable) {
    createInterface({ input: process.stdin }).on('line', () => {
      const launchUrl = server.newLaunchUrl();
      console.log(values.json ? JSON.stringify({ launchUrl }) : `  open:     ${launchUrl}\n`);
    });
  }
  if (values.open) openBrowser(server.launchUrl);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await server.close();
    await hub?.stop();
    // An upload answer in flight is recorded before the database closes.
    await station.stopBackgroundWork();
    station.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

function isStation(s: StationEndpoint): s is Station {
  return 'services' in s;
}

/** Opens the launch URL in an app-style window when a desktop is available; otherwise the printed link is enough. */
function openBrowser(url: string): void {
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return;
  const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) => existsSync(p));
  const [command, args] =
    process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '', url]] : chromium ? [chromium, [`--app=${url}`]] : ['xdg-open', [url]];
  const child = spawn(command, args as string[], { detached: true, stdio: 'ignore' });
  child.on('error', () => console.log('Could not open a browser; open the link above yourself.'));
  child.unref();
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
