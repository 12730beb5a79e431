import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createStation } from '../core/station';
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
    },
  });
  const databasePath = resolve(values.db!);
  const station = createStation({ databasePath, usbScanners: {}, syncWorker: true, sync: syncTuningFromEnv(process.env) });
  const server = await startWebServer({
    station,
    rendererDir: join(__dirname, '..', 'renderer'),
    webPreloadFile: join(__dirname, '..', 'web-preload', 'web-preload.js'),
    port: Number(values.port),
  });
  if (values.json) {
    console.log(JSON.stringify({ ready: true, url: server.url, launchUrl: server.launchUrl, databasePath }));
  } else {
    console.log(`\nVaccination station (browser mode)\n  database: ${databasePath}\n  open:     ${server.launchUrl}\n\nPress Ctrl+C to stop.\n`);
  }
  if (values.open) openBrowser(server.launchUrl);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await server.close();
    station.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
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
