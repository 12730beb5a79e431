import { join } from 'node:path';

/**
 * Where the shell finds its siblings in dist/. The main bundle is
 * dist/main/electron-main.cjs, so everything is relative to dist/ (inside
 * app.asar once packaged).
 */
export function distPaths(mainBundleDir: string) {
  const dist = join(mainBundleDir, '..');
  return {
    rendererDir: join(dist, 'renderer'),
    preloadFile: join(dist, 'preload', 'preload.cjs'),
    coreProcessFile: join(dist, 'main', 'core-process.cjs'),
  };
}

/** The station's database: one file in the user's data folder; STATION_DB points elsewhere (a training copy, a test). */
export function stationDatabasePath(userDataDir: string, env: NodeJS.ProcessEnv): string {
  const override = env.STATION_DB?.trim();
  return override ? override : join(userDataDir, 'station.sqlite');
}
