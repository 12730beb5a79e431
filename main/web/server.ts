import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import sirv from 'sirv';
import { WebSocketServer, type WebSocket } from 'ws';
import { MAX_IMPORT_BYTES } from '../../preload/contract';
import type { Station } from '../core/station';
import { COOKIE_NAME, newAccessToken, readCookie, tokensEqual } from './access-token';
import { SECURITY_HEADERS } from './security-headers';

export interface WebServerOptions {
  station: Station;
  /** The built renderer (dist/renderer). */
  rendererDir: string;
  /** The built browser transport (dist/web-preload/web-preload.js). */
  webPreloadFile: string;
  port?: number;
  token?: string;
}

export interface RunningWebServer {
  url: string;
  /** The URL to open once: it carries the launch token. */
  launchUrl: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

/** Base64 of the largest import plus JSON framing: larger frames are cut before they are buffered whole. */
const MAX_FRAME_BYTES = Math.ceil(MAX_IMPORT_BYTES / 3) * 4 + 64 * 1024;

const WEB_PRELOAD_TAG = '<script src="./web-preload.js"></script>';

/**
 * Browser mode: the built UI and the same contract over a WebSocket, on
 * 127.0.0.1 only. The renderer finds `window.station` exactly as under
 * Electron; web-preload.js is injected before the app's own script, the way
 * Electron's preload runs before the page.
 */
export async function startWebServer(options: WebServerOptions): Promise<RunningWebServer> {
  const token = options.token ?? newAccessToken();
  const indexHtml = readFileSync(join(options.rendererDir, 'index.html'), 'utf8').replace('<head>', `<head>\n    ${WEB_PRELOAD_TAG}`);
  const webPreload = readFileSync(options.webPreloadFile);
  const assets = sirv(options.rendererDir, { dev: false, etag: true, gzip: false, brotli: false, dotfiles: false, setHeaders: (res) => setSecurityHeaders(res) });
  let origin = '';

  const server = createServer((req, res) => {
    setSecurityHeaders(res);
    if (!hostAllowed(req, origin)) return deny(res, 421, 'Wrong host');
    const url = new URL(req.url ?? '/', origin);
    if (url.searchParams.has('token')) {
      if (!tokensEqual(url.searchParams.get('token'), token)) return deny(res, 403, 'This link is not valid for this station launch.');
      res.writeHead(303, {
        'Set-Cookie': `${COOKIE_NAME}=${token}; HttpOnly; SameSite=Strict; Path=/`,
        Location: '/',
        'Cache-Control': 'no-store',
      });
      return res.end();
    }
    if (!tokensEqual(readCookie(req.headers.cookie, COOKIE_NAME), token)) {
      return deny(res, 401, 'Open the station with the link printed when it started (it carries a one-time token).');
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return deny(res, 405, 'Method not allowed');
    if (url.pathname === '/' || url.pathname === '/index.html') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
      return res.end(indexHtml);
    }
    if (url.pathname === '/web-preload.js') {
      res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-store' });
      return res.end(webPreload);
    }
    assets(req, res, () => deny(res, 404, 'Not found'));
  });

  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  server.on('upgrade', (req, socket, head) => {
    const allowed =
      hostAllowed(req, origin) &&
      req.headers.origin === origin &&
      new URL(req.url ?? '/', origin).pathname === '/station' &&
      tokensEqual(readCookie(req.headers.cookie, COOKIE_NAME), token);
    if (!allowed) {
      socket.write('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      socket.destroy();
      return;
    }
    sockets.handleUpgrade(req, socket, head, (ws) => serveDesk(ws, options.station));
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
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of sockets.clients) client.terminate();
        sockets.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** One socket = one desk: its sign-in lives as long as the socket. */
function serveDesk(ws: WebSocket, station: Station): void {
  const connectionId = `ws-${randomUUID()}`;
  const stopEvents = station.onEvent((event, payload) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ type: 'event', event, payload }));
  });
  ws.on('message', async (data) => {
    let message: { type?: unknown; id?: unknown; op?: unknown; request?: unknown };
    try {
      message = JSON.parse(data.toString());
    } catch {
      return ws.close(1003, 'not JSON');
    }
    if (message.type !== 'call' || typeof message.id !== 'number' || typeof message.op !== 'string') {
      return ws.close(1003, 'not a call');
    }
    const result = await station.dispatch(message.op, message.request, connectionId);
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ type: 'result', id: message.id, result }));
  });
  ws.on('close', () => {
    stopEvents();
    station.connectionClosed(connectionId);
  });
}

/** DNS-rebinding guard: only our own loopback address is served, under no other host name. */
function hostAllowed(req: IncomingMessage, origin: string): boolean {
  return !!origin && req.headers.host === origin.slice('http://'.length);
}

function setSecurityHeaders(res: ServerResponse): void {
  for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
}

function deny(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(message);
}
