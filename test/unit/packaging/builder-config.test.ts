import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadBuilderConfig, projectRoot, validateBuilderConfig } from './builder';

const scratch = mkdtempSync(join(tmpdir(), 'builder-config-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A copy of the project's config with one change, written beside a copy of package.json. */
async function variant(edit: (yaml: string) => string) {
  const yaml = edit(readFileSync(join(projectRoot, 'electron-builder.yml'), 'utf8'));
  writeFileSync(join(scratch, 'package.json'), readFileSync(join(projectRoot, 'package.json')));
  writeFileSync(join(scratch, 'electron-builder.yml'), yaml);
  return loadBuilderConfig(scratch, 'electron-builder.yml');
}

describe('electron-builder.yml', () => {
  it('passes electron-builder’s own schema check', async () => {
    const config = await loadBuilderConfig(projectRoot, 'electron-builder.yml');
    await expect(validateBuilderConfig(config)).resolves.toBeUndefined();
    expect(config).toMatchObject({
      productName: 'Vaccination Station',
      asar: true,
      asarUnpack: ['**/*.node'],
      directories: { output: 'release' },
      npmRebuild: true,
      publish: null,
    });
    expect(config.appId).toMatch(/^[a-z]+(\.[a-z0-9-]+)+$/);
    // electron-builder normalizes `files` into file sets.
    const patterns = (config.files as { filter: string[] }[]).flatMap((set) => set.filter);
    expect(patterns).toEqual(expect.arrayContaining(['dist/**', '!dist/**/*.map', 'package.json']));
    expect(config.linux).toMatchObject({ target: ['AppImage', 'deb'] });
    expect(config.win).toMatchObject({ target: ['nsis'] });
    expect(config.mac).toMatchObject({ target: ['dmg'] });
  });

  it('flips the fuses an installed station needs: no running as Node, no NODE_OPTIONS or --inspect, app code only from an intact app.asar, encrypted cookies', async () => {
    const config = await loadBuilderConfig(projectRoot, 'electron-builder.yml');
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('rejects a config with an unknown key (the check is not a rubber stamp)', async () => {
    const config = await variant((y) => `${y}\nsignAndPublishEverywhere: true\n`);
    await expect(validateBuilderConfig(config)).rejects.toThrow(/unknown property 'signAndPublishEverywhere'/);
  });

  it('rejects an option placed where it does not belong', async () => {
    const config = await variant((y) => y.replace('linux:\n', 'linux:\n  oneClick: false\n'));
    // oneClick is an NSIS option; under linux it makes the whole section invalid.
    await expect(validateBuilderConfig(config)).rejects.toThrow(/configuration\.linux/);
  });

  it('matches package.json: the app starts from the Electron main bundle and `npm run package` uses this file', () => {
    const pkg = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { main: string; scripts: Record<string, string> };
    expect(pkg.main).toBe('dist/main/electron-main.cjs');
    expect(pkg.scripts.package).toMatch(/scripts\/build\.mjs/);
    expect(pkg.scripts.package).toMatch(/electron-builder --config electron-builder\.yml/);
  });
});
