import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

const registered = vi.hoisted(() => ({ schemes: [] as unknown[], handlers: new Map<string, (r: Request) => Promise<Response>>() }));

vi.mock('electron', () => ({
  protocol: {
    registerSchemesAsPrivileged: (schemes: unknown[]) => registered.schemes.push(...schemes),
    handle: (scheme: string, handler: (r: Request) => Promise<Response>) => registered.handlers.set(scheme, handler),
  },
}));

const { registerAppScheme, serveRendererFiles } = await import('../../../main/electron/app-protocol');
const { CONTENT_SECURITY_POLICY } = await import('../../../main/electron/renderer-files');

// A disk laid out like a packaged station: the UI folder, and secrets next to it.
const root = mkdtempSync(join(tmpdir(), 'app-protocol-'));
const rendererDir = join(root, 'dist', 'renderer');
mkdirSync(join(rendererDir, 'assets'), { recursive: true });
writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>station</title>');
writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
writeFileSync(join(root, 'station.sqlite'), 'SECRET DATABASE');
writeFileSync(join(root, 'dist', 'secret.txt'), 'SECRET');
afterAll(() => rmSync(root, { recursive: true, force: true }));

registerAppScheme();
serveRendererFiles(rendererDir);
const serve = (url: string, init?: RequestInit) => registered.handlers.get('app')!(new Request(url, init));

describe('app://station protocol', () => {
  it('is a standard, secure scheme that supports fetch', () => {
    expect(registered.schemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
  });

  it('serves the built UI with the strict Content-Security-Policy', async () => {
    const res = await serve('app://station/index.html');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await res.text()).toContain('<title>station</title>');
    const csp = res.headers.get('content-security-policy');
    expect(csp).toBe(CONTENT_SECURITY_POLICY);
    for (const directive of [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data: blob:",
      "media-src 'self' blob: mediastream:",
      "connect-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      "frame-ancestors 'none'",
      "form-action 'none'",
    ]) {
      expect(csp!.split('; ')).toContain(directive);
    }
    expect(csp).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline|\*/);
    const js = await serve('app://station/assets/app.js');
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(js.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves index.html for the bare origin', async () => {
    expect(await (await serve('app://station/')).text()).toContain('<title>station</title>');
  });

  it.each([
    'app://station/..%2F..%2Fstation.sqlite',
    'app://station/..%2fsecret.txt',
    'app://station/assets/..%2F..%2F..%2Fstation.sqlite',
    'app://station/%2e%2e%2f%2e%2e%2fstation.sqlite',
    'app://station/..%5C..%5Cstation.sqlite',
    `app://station/${encodeURIComponent(join(root, 'station.sqlite'))}`,
    'app://station/index.html%00.png',
  ])('refuses to read outside the UI folder: %s', async (url) => {
    const res = await serve(url);
    expect([403, 404]).toContain(res.status);
    expect(await res.text()).not.toContain('SECRET');
  });

  it('refuses a crafted path with 403, a missing file with 404', async () => {
    expect((await serve('app://station/..%2F..%2Fstation.sqlite')).status).toBe(403);
    expect((await serve('app://station/nope.js')).status).toBe(404);
    expect((await serve('app://station/assets')).status).toBe(404);
  });

  it('answers only the station host and only reads', async () => {
    expect((await serve('app://other/index.html')).status).toBe(404);
    expect((await serve('app://station/index.html', { method: 'POST', body: 'x' })).status).toBe(405);
  });
});
