import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import type { StationEndpoint } from '../core/station';
import { DEFAULT_LINK_LIMITS, MAX_DESK_CONNECTIONS, serveDeskLink, type DeskLink, type LinkLimits } from '../transport/desk-link';
import { createStaticUi, deny, setSecurityHeaders } from '../transport/static-ui';
import { BrowserAccess, COOKIE_NAME } from './access-token';

export interface WebServerOptions {
  station: StationEndpoint;
  /** The built renderer (dist/renderer). */
  rendererDir: string;
  /** The built browser transport (dist/web-preload/web-preload.js). */
  webPreloadFile: string;
  port?: number;
  /** The first launch token (tests choose it); a random one otherwise. */
  token?: string;
  /** Per-desk limits (tests and the bench lower them); the defaults suit a site. */
  linkLimits?: Partial<LinkLimits>;
  log?: (message: string) => void;
}

export interface RunningWebServer {
  url: string;
  /** The URL to open once: it carries the first launch token. */
  launchUrl: string;
  port: number;
  /** The first launch token. */
  token: string;
  /** Another one-time link, for another browser (each link opens one browser, once). */
  newLaunchUrl(): string;
  /** What each connected desk holds right now (calls queued, bytes unsent): for tests and the bench. */
  desks(): ReturnType<DeskLink['stats']>[];
  close(): Promise<void>;
}

/**
 * Browser mode: the built UI and the same contract over a WebSocket, on
 * 127.0.0.1 only. The renderer finds `window.station` exactly as under
 * Electron; web-preload.js is injected before the app's own script, the way
 * Electron's preload runs before the page.
 */
export async function startWebServer(options: WebServerOptions): Promise<RunningWebServer> {
  const access = new BrowserAccess();
  const token = access.issueLaunchToken(options.token);
  const limits: LinkLimits = { ...DEFAULT_LINK_LIMITS, ...options.linkLimits };
  const log = options.log ?? ((m: string) => console.warn(`[web] ${m}`));
  const ui = createStaticUi({ rendererDir: options.rendererDir, preloadFile: options.webPreloadFile, preloadName: 'web-preload.js' });
  let origin = '';

  const server = createServer((req, res) => {
    setSecurityHeaders(res);
    if (!hostAllowed(req, origin)) return deny(res, 421, 'Wrong host');
    const url = new URL(req.url ?? '/', origin);
    if (url.searchParams.has('token')) {
      const session = access.redeem(url.searchParams.get('token'));
      // Reopening a spent link in the browser it opened (history, a reload) just goes to the station.
      if (!session && !access.hasSession(req.headers.cookie)) {
        return deny(res, 403, 'This link has been used already or is not for this station launch. Press Enter in the station\'s terminal for a new one.');
      }
      res.writeHead(303, {
        ...(session ? { 'Set-Cookie': `${COOKIE_NAME}=${session}; HttpOnly; SameSite=Strict; Path=/` } : {}),
        Location: '/',
        'Cache-Control': 'no-store',
      });
      return res.end();
    }
    if (!access.hasSession(req.headers.cookie)) {
      return deny(res, 401, 'Open the station with the link printed when it started (it carries a one-time token).');
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return deny(res, 405, 'Method not allowed');
    ui.serve(req, res, url.pathname, () => deny(res, 404, 'Not found'));
  });

  // Frames over maxPayload are cut before they are buffered whole; messages reach the link one per event-loop turn.
  const links = new Set<DeskLink>();
  const sockets = new WebSocketServer({ noServer: true, maxPayload: limits.maxFrameBytes, allowSynchronousEvents: false });
  server.on('upgrade', (req, socket, head) => {
    socket.on('error', () => socket.destroy());
    const allowed =
      hostAllowed(req, origin) &&
      req.headers.origin === origin &&
      new URL(req.url ?? '/', origin).pathname === '/station' &&
      access.hasSession(req.headers.cookie);
    if (!allowed) {
      socket.write('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      socket.destroy();
      return;
    }
    if (sockets.clients.size >= MAX_DESK_CONNECTIONS) {
      socket.write('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\n\r\n');
      socket.destroy();
      return;
    }
    // One socket = one desk: its sign-in lives as long as the socket.
    sockets.handleUpgrade(req, socket, head, (ws) => {
      const link = serveDeskLink(ws, options.station, `ws-${randomUUID()}`, limits, log);
      links.add(link);
      ws.once('close', () => links.delete(link));
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
  return {
    url: origin,
    launchUrl: `${origin}/?token=${token}`,
    port,
    token,
    newLaunchUrl: () => `${origin}/?token=${access.issueLaunchToken()}`,
    desks: () => [...links].map((l) => l.stats()),
    close: () =>
      new Promise<void>((resolve) => {
        for (const link of links) link.stop();
        for (const client of sockets.clients) client.terminate();
        sockets.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** DNS-rebinding guard: only our own loopback address is served, under no other host name. */
function hostAllowed(req: IncomingMessage, origin: string): boolean {
  return !!origin && req.headers.host === origin.slice('http://'.length);
}
