import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..', '..');

/**
 * Mantine's packages share styles and context between them: a charts package
 * a minor version ahead of the core renders with the wrong theme, or not at
 * all. Every @mantine package is pinned to one version, and the lock holds it.
 */
describe('Mantine packages', () => {
  it('are pinned to one exact version in package.json and resolved to it in the lock', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
    const declared = Object.entries({ ...pkg.dependencies, ...pkg.devDependencies }).filter(([name]) => name.startsWith('@mantine/'));
    expect(declared.map(([name]) => name).sort()).toEqual(['@mantine/charts', '@mantine/core', '@mantine/form', '@mantine/hooks', '@mantine/notifications']);
    const versions = new Set(declared.map(([, range]) => range));
    expect(versions.size).toBe(1);
    const [version] = [...versions];
    expect(version).toMatch(/^\d+\.\d+\.\d+$/);
    const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version?: string }> };
    const resolved = Object.entries(lock.packages).filter(([path]) => /node_modules\/@mantine\/[^/]+$/.test(path));
    expect(resolved.length).toBeGreaterThanOrEqual(declared.length);
    for (const [path, entry] of resolved) expect(entry.version, path).toBe(version);
  });
});
