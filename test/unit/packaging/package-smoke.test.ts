import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asar, builderCli, FUSE_SENTINEL, fuses, projectRoot, requireBuiltDist } from './builder';

const run = promisify(execFile);

const BUNDLES = ['dist/main/electron-main.cjs', 'dist/main/core-process.cjs', 'dist/preload/preload.cjs', 'dist/renderer/index.html'];

/**
 * Packages the real build with electron-builder (`--linux dir`) around a stub
 * Electron: Electron's binary cannot be downloaded here, and the point is what
 * goes into app.asar, not Electron itself. electronDist + npmRebuild=false +
 * `--publish never` leave electron-builder nothing to download.
 */
const work = mkdtempSync(join(tmpdir(), 'package-smoke-'));
const stubElectron = join(work, 'electron-dist');
const output = join(work, 'release');
const appDir = join(output, 'linux-unpacked');
const archive = join(appDir, 'resources', 'app.asar');
let entries: string[] = [];

beforeAll(async () => {
  requireBuiltDist(BUNDLES);
  mkdirSync(join(stubElectron, 'resources'), { recursive: true });
  // A stub carrying a fuse wire as Electron's binary does (sentinel, version 1, 8 fuses at Electron's defaults),
  // so electron-builder flips the real fuses and the test can read them back.
  const wire = Buffer.concat([Buffer.from(FUSE_SENTINEL), Buffer.from([1, 8]), Buffer.from('10110001')]);
  writeFileSync(join(stubElectron, 'electron'), Buffer.concat([Buffer.from('#!/bin/sh\necho "stub Electron for packaging tests"\nexit 0\n'), wire]));
  chmodSync(join(stubElectron, 'electron'), 0o755);
  writeFileSync(join(stubElectron, 'LICENSE'), 'stub');
  try {
    await run(
      process.execPath,
      [
        builderCli,
        '--linux',
        'dir',
        '--x64',
        '--publish',
        'never',
        '--config',
        'electron-builder.yml',
        `-c.electronDist=${stubElectron}`,
        '-c.npmRebuild=false',
        `-c.directories.output=${output}`,
      ],
      { cwd: projectRoot, timeout: 240_000, maxBuffer: 16 * 1024 * 1024, env: { ...process.env, CSC_IDENTITY_AUTO_DISCOVERY: 'false' } },
    );
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string; message: string };
    throw new Error(`electron-builder failed: ${e.message}\n${e.stdout ?? ''}\n${e.stderr ?? ''}`, { cause: err });
  }
  entries = asar.listPackage(archive, { isPack: false }).map((p) => p.replace(/\\/g, '/').replace(/^\//, ''));
}, 300_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('packaged app (electron-builder --linux dir, stub Electron)', () => {
  it('holds the main, core, preload and UI bundles in app.asar', () => {
    for (const file of BUNDLES) expect(entries, file).toContain(file);
    expect(entries).toContain('package.json');
    const pkg = JSON.parse(asar.extractFile(archive, 'package.json').toString('utf8')) as { main: string };
    expect(pkg.main).toBe('dist/main/electron-main.cjs');
  });

  it('ships no source maps and no benchmarks', () => {
    expect(entries.filter((e) => e.startsWith('dist/') && e.endsWith('.map'))).toEqual([]);
    expect(entries.filter((e) => e.startsWith('dist/bench'))).toEqual([]);
  });

  it('ships the core’s runtime modules but not the dev-only ones bundled into dist', () => {
    expect(entries).toContain('node_modules/better-sqlite3/package.json');
    expect(entries).toContain('node_modules/better-sqlite3/lib/index.js');
    for (const devOnly of ['node_modules/zod', 'node_modules/react', 'node_modules/electron', 'node_modules/vitest']) {
      expect(entries).not.toContain(devOnly);
    }
  });

  it('unpacks better-sqlite3’s native addon next to the archive, where it can be loaded', () => {
    const addon = 'node_modules/better-sqlite3/build/Release/better_sqlite3.node';
    expect(asar.statFile(archive, addon).unpacked).toBe(true);
    const unpacked = join(appDir, 'resources', 'app.asar.unpacked', addon);
    expect(existsSync(unpacked)).toBe(true);
    expect(readFileSync(unpacked).subarray(0, 4).toString('latin1')).toBe('\x7fELF');
  });

  it('names the executable after the product', () => {
    expect(statSync(join(appDir, 'vaccination-station')).isFile()).toBe(true);
  });

  it('flips the executable’s fuses: no ELECTRON_RUN_AS_NODE, NODE_OPTIONS or --inspect; encrypted cookies; app code only from app.asar', async () => {
    const wire = await fuses.getCurrentFuseWire(join(appDir, 'vaccination-station'));
    const state = (name: string) => String.fromCharCode(wire[String(fuses.FuseV1Options[name])] as number);
    expect({
      RunAsNode: state('RunAsNode'),
      EnableCookieEncryption: state('EnableCookieEncryption'),
      EnableNodeOptionsEnvironmentVariable: state('EnableNodeOptionsEnvironmentVariable'),
      EnableNodeCliInspectArguments: state('EnableNodeCliInspectArguments'),
      EnableEmbeddedAsarIntegrityValidation: state('EnableEmbeddedAsarIntegrityValidation'),
      OnlyLoadAppFromAsar: state('OnlyLoadAppFromAsar'),
      GrantFileProtocolExtraPrivileges: state('GrantFileProtocolExtraPrivileges'),
    }).toEqual({
      RunAsNode: '0',
      EnableCookieEncryption: '1',
      EnableNodeOptionsEnvironmentVariable: '0',
      EnableNodeCliInspectArguments: '0',
      EnableEmbeddedAsarIntegrityValidation: '1',
      OnlyLoadAppFromAsar: '1',
      GrantFileProtocolExtraPrivileges: '0',
    });
  });

  it('ships the worker threads the core starts, beside the core', () => {
    expect(entries).toContain('dist/main/target-check-worker.cjs');
    expect(entries).toContain('dist/main/integrity-worker.cjs');
  });
});
