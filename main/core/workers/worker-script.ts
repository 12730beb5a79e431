import { existsSync, mkdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type * as Esbuild from 'esbuild';

/**
 * Where a worker thread's code is. Workers run a file of plain JavaScript:
 * the build bundles each one beside the bundles that start it
 * (dist/main/<name>.cjs, see scripts/build.mjs). Run from the TypeScript
 * sources (the tests), there is no such file, so the worker's source is
 * bundled on first use with esbuild, the build's own bundler, into
 * node_modules/.cache (where its `require('better-sqlite3')` still resolves).
 */
export function workerScript(name: string, sourceFile: string): string {
  for (const dir of [__dirname, join(__dirname, '..', 'main')]) {
    const built = join(dir, `${name}.cjs`);
    if (existsSync(built)) return built;
  }
  if (!existsSync(sourceFile)) throw new Error(`the ${name} worker is missing: build the station (dist/main/${name}.cjs)`);
  return bundleFromSource(name, sourceFile);
}

const bundled = new Map<string, { file: string; sourceMtime: number }>();

function bundleFromSource(name: string, sourceFile: string): string {
  const sourceMtime = statSync(sourceFile).mtimeMs;
  const cached = bundled.get(name);
  if (cached && cached.sourceMtime === sourceMtime && existsSync(cached.file)) return cached.file;
  const root = join(__dirname, '..', '..', '..');
  const outDir = join(root, 'node_modules', '.cache', 'station-workers');
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, `${name}-${process.pid}.cjs`);
  // Loaded only when running from sources: the built station never reaches this line.
  const esbuild = createRequire(__filename)('esbuild') as typeof Esbuild;
  esbuild.buildSync({
    entryPoints: [sourceFile],
    outfile: file,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['better-sqlite3'],
    logLevel: 'silent',
  });
  bundled.set(name, { file, sourceMtime });
  return file;
}
