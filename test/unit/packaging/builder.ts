import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * electron-builder's own modules, loaded from electron-builder's install so the
 * tests check exactly what `npm run package` would use.
 */
const require = createRequire(import.meta.url);
export const builderPackageDir = dirname(require.resolve('electron-builder/package.json'));
export const builderCli = join(builderPackageDir, 'cli.js');
const fromBuilder = createRequire(join(builderPackageDir, 'package.json'));
const appBuilderLibDir = dirname(fromBuilder.resolve('app-builder-lib/package.json'));
const fromAppBuilderLib = createRequire(join(appBuilderLibDir, 'package.json'));

type Config = Record<string, unknown>;
interface ConfigModule {
  getConfig(projectDir: string, configPath: string | null, configFromOptions: Config | null): Promise<Config>;
  validateConfiguration(config: Config, debugLogger: { isEnabled: boolean; add(key: string, value: unknown): void }): Promise<void>;
}
const configModule = fromAppBuilderLib(join(appBuilderLibDir, 'out', 'util', 'config', 'config.js')) as ConfigModule;

/** Loads a config file the way electron-builder does (YAML, package.json metadata merged in). */
export const loadBuilderConfig = (projectDir: string, file: string) => configModule.getConfig(projectDir, file, null);

/** electron-builder's own schema check (its scheme.json through its validator). Throws on an invalid config. */
export const validateBuilderConfig = (config: Config) => configModule.validateConfiguration(config, { isEnabled: false, add: () => {} });

export const asar = fromAppBuilderLib('@electron/asar') as {
  listPackage(archive: string, options?: { isPack: boolean }): string[];
  extractFile(archive: string, filename: string): Buffer;
  statFile(archive: string, filename: string): { unpacked?: boolean; size?: number };
};

/** electron-builder's own copy of @electron/fuses: what it flips at packaging time, read back the same way. */
export const fuses = fromAppBuilderLib('@electron/fuses') as {
  SENTINEL?: string;
  getCurrentFuseWire(binary: string): Promise<Record<string, unknown>>;
  FuseV1Options: Record<string, number>;
};
export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

export const projectRoot = process.cwd();

/** The packaging tests package what `node scripts/build.mjs` produced; without it they must fail loudly. */
export function requireBuiltDist(files: readonly string[]): void {
  const missing = files.filter((f) => !existsSync(join(projectRoot, f)));
  if (missing.length) {
    throw new Error(`missing build output ${missing.join(', ')}: run \`node scripts/build.mjs\` before the packaging tests`);
  }
}
