import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

const ROOT = join(__dirname, '..', '..', '..');
export const SCREENSHOTS = join(ROOT, 'test-results', 'screenshots');

/** Chromium flags for this sandboxed, offline machine (see the developers' guide). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface BrowserStation {
  /** The first one-time link (each link opens one browser profile, once: see newLaunchUrl). */
  launchUrl: string;
  url: string;
  /** Asks the running station for another one-time link, as pressing Enter in its terminal does. */
  newLaunchUrl(): Promise<string>;
  browser: Browser;
  dir: string;
  /** A fresh browser profile (a desk) that has opened the station with the launch link. */
  newDesk(): Promise<{ context: BrowserContext; page: Page }>;
  stop(): Promise<void>;
}

/**
 * Starts the built station in browser mode (`dist/main/web-server.cjs`, what
 * `npm run start:web` runs) on a fresh database, and Debian's Chromium.
 */
export async function startBrowserStation(options: { databaseFile?: string; serverArgs?: string[] } = {}): Promise<BrowserStation> {
  const server = join(ROOT, 'dist', 'main', 'web-server.cjs');
  if (!existsSync(server)) throw new Error('dist/main/web-server.cjs is missing: run `node scripts/build.mjs` (npm test does) first');
  const dir = mkdtempSync(join(tmpdir(), 'station-e2e-'));
  const child: ChildProcess = spawn(process.execPath, [server, '--json', '--port', '0', '--db', options.databaseFile ?? join(dir, 'station.sqlite'), ...(options.serverArgs ?? [])], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! });
  const waiting: ((line: string) => void)[] = [];
  lines.on('line', (line) => waiting.shift()?.(line));
  const nextLine = () => new Promise<string>((resolve) => waiting.push(resolve));
  const ready = await new Promise<{ url: string; launchUrl: string }>((resolve, reject) => {
    void nextLine().then((line) => resolve(JSON.parse(line)));
    child.once('exit', (code) => reject(new Error(`web server exited with ${code}`)));
  });
  let firstUnused = true;
  const newLaunchUrl = async () => {
    const line = nextLine();
    child.stdin!.write('\n');
    return (JSON.parse(await line) as { launchUrl: string }).launchUrl;
  };
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    ...ready,
    newLaunchUrl,
    browser,
    dir,
    async newDesk() {
      const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
      context.setDefaultTimeout(10_000);
      const page = await context.newPage();
      page.on('pageerror', (e) => console.error('page error:', e.message));
      const link = firstUnused ? ready.launchUrl : await newLaunchUrl();
      firstUnused = false;
      await page.goto(link);
      return { context, page };
    },
    async stop() {
      await browser.close();
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
