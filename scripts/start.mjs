#!/usr/bin/env node
// `npm start`: builds, then opens the station in Electron. Electron fetches its
// binary on first launch; where that cannot happen (no internet, as on the
// build machines) the same station opens in browser mode instead, with the
// same UI and the same core, and says so.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

const build = spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

function electronBinary() {
  const pkg = dirname(require.resolve('electron/package.json'));
  const pathFile = join(pkg, 'path.txt');
  const installed = () => existsSync(pathFile) && existsSync(join(pkg, 'dist', readFileSync(pathFile, 'utf8')));
  if (installed()) return join(pkg, 'dist', readFileSync(pathFile, 'utf8'));
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) return null;
  console.log('Fetching the Electron binary (first launch)…');
  const fetch = spawnSync(process.execPath, [join(pkg, 'install.js')], { stdio: 'inherit', timeout: 180_000 });
  return fetch.status === 0 && installed() ? join(pkg, 'dist', readFileSync(pathFile, 'utf8')) : null;
}

// Both ways of starting share one database in the project folder unless told otherwise.
const env = { ...process.env, STATION_DB: process.env.STATION_DB ?? join(root, 'data', 'station.sqlite') };
const binary = electronBinary();
const desktop = process.platform !== 'linux' || process.env.DISPLAY || process.env.WAYLAND_DISPLAY;
if (binary && desktop) {
  const child = spawn(binary, [root], { stdio: 'inherit', env });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log(
    binary
      ? '\nNo desktop display: opening the station in browser mode instead (npm run start:web).'
      : '\nElectron could not be fetched here: opening the same station in browser mode instead (npm run start:web).',
  );
  const child = spawn(process.execPath, [join(root, 'dist/main/web-server.cjs'), '--open'], { stdio: 'inherit', env });
  const stop = () => child.kill('SIGTERM');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  child.on('exit', (code) => process.exit(code ?? 0));
}
