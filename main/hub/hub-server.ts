import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Result } from '../../preload/contract';
import type { PairedDeskRow } from '../../db/queries/hub';
import type { HubIdentity } from '../core/services/hub/hub-secrets';
import type { Station } from '../core/station';
import { CallRate } from '../transport/call-rate';
import { DEFAULT_LINK_LIMITS, MAX_DESK_CONNECTIONS, serveDeskLink, type DeskLink, type LinkCore, type LinkLimits } from '../transport/desk-link';
import { createStaticUi, deny, setSecurityHeaders } from '../transport/static-ui';
import { credentialOf } from './desk-credential';
import { EventJournal, type JournalEntry } from './event-journal';
import { HostCheck } from './host-check';
import { handlePairing } from './pairing-endpoint';
import { RememberedCalls } from './remembered-calls';

/** What the hub holds for each desk, past what every socket link holds (desk-link.ts). */
export const HUB_LIMITS = {
  /** Windows (sockets) one paired desk may have open at once. */
  windowsPerDesk: 4,
  /** Calls per second one desk may start, all its windows together, and the burst it may save up. Past that calls wait. */
  callsPerSecond: 200,
  callBurst: 400,
  /** The hub writes to each desk this often; a desk that hears nothing for about three times as long knows the link is gone. */
  heartbeatMs: 2000,
  /** A desk whose connection was lost (not closed) keeps its sign-in this long, to come back where it was. */
  resumeGraceMs: 15 * 60_000,
  /** TLS connections at once, desks or not. */
  maxTlsConnections: 256,
};

/** Close codes the desk's transport understands. */
export const CLOSE = { notPaired: 4401, revoked: 4403, badWindow: 4400, tooManyWindows: 4429 } as const;

/** Refusals of a call that a paired desk's own UI would not make: audited. */
const AUDITED_REFUSALS = new Set(['FORBIDDEN_ROLE', 'DESK_ROLE_NOT_ALLOWED', 'UNKNOWN_OPERATION']);
const WINDOW_ID = /^[A-Za-z0-9_-]{8,64}$/;

export interface HubServerOptions {
  station: Station;
  identity: HubIdentity;
  rendererDir: string;
  hubPreloadFile: string;
  port: number;
  /** Default: every IPv4 interface. Tests bind 127.0.0.1. */
  bindAddress?: string;
  /** Names the hub is also reached by (a DNS name the site gave it). */
  extraHostNames?: string[];
  linkLimits?: Partial<LinkLimits>;
  limits?: Partial<typeof HUB_LIMITS>;
  log?: (message: string) => void;
  /** Each call's time inside the hub, frame in to answer out (the bench). */
  onAnswered?: (op: string, ms: number) => void;
}

export interface RunningHub {
  port: number;
  fingerprint: string;
  connectedWindows(deskId: string): number;
  deskChanged(desk: PairedDeskRow): void;
  /** Per window: its desk, and what its link holds (for tests and the bench). */
  windows(): { deskId: string; connected: boolean; link: ReturnType<DeskLink['stats']> | null }[];
  memory(): ReturnType<RememberedCalls['stats']>;
  close(): Promise<void>;
}

interface DeskWindow {
  deskId: string;
  connectionId: string;
  ws: WebSocket | null;
  link: DeskLink | null;
  alive: boolean;
  grace: NodeJS.Timeout | null;
  ended: boolean;
}

/**
 * The hub on the LAN: TLS only (1.2 and up), the static UI for browser
 * desks, POST /pair for a desk presenting the pairing code, and /desk, the
 * WebSocket of a paired desk, which carries the same contract as every other
 * transport through desk-link.ts. Sign-ins belong to a desk's window (its id
 * survives reconnects), so a dropped connection does not sign the nurse out;
 * calls carry request ids the hub remembers; events carry numbers so a desk
 * coming back gets what it missed.
 */
export async function startHubServer(options: HubServerOptions): Promise<RunningHub> {
  const { station } = options;
  const hub = station.services.hub;
  const limits: LinkLimits = { ...DEFAULT_LINK_LIMITS, ...options.linkLimits };
  const hubLimits = { ...HUB_LIMITS, ...options.limits };
  const log = options.log ?? ((m: string) => console.warn(`[hub] ${m}`));
  const ui = createStaticUi({ rendererDir: options.rendererDir, preloadFile: options.hubPreloadFile, preloadName: 'hub-preload.js' });
  const journal = new EventJournal((l) => station.onEvent(l));
  const remembered = new RememberedCalls();
  const windows = new Map<string, DeskWindow>();
  const rates = new Map<string, CallRate>();
  let port = options.port;
  const hosts = new HostCheck(() => port, options.extraHostNames);

  const server = createServer({ key: options.identity.privateKeyPem, cert: options.identity.certificatePem, minVersion: 'TLSv1.2' }, (req, res) => {
    setSecurityHeaders(res);
    if (!hosts.hostAllowed(req)) return deny(res, 421, 'Wrong host');
    const url = new URL(req.url ?? '/', 'https://hub.invalid');
    if (url.pathname === '/pair') {
      if (req.method !== 'POST') return deny(res, 405, 'Method not allowed');
      if (!hosts.originAllowed(req)) return deny(res, 403, 'Wrong origin');
      return handlePairing(req, res, hub, req.socket.remoteAddress ?? '?');
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return deny(res, 405, 'Method not allowed');
    ui.serve(req, res, url.pathname, () => deny(res, 404, 'Not found'));
  });
  server.maxConnections = hubLimits.maxTlsConnections;
  server.on('tlsClientError', (err) => log(`TLS: ${err.message}`));

  const sockets = new WebSocketServer({ noServer: true, maxPayload: limits.maxFrameBytes, allowSynchronousEvents: false });

  const end = (win: DeskWindow) => {
    if (win.ended) return;
    win.ended = true;
    if (win.grace) clearTimeout(win.grace);
    windows.delete(win.connectionId);
    station.connectionClosed(win.connectionId);
    remembered.forget(win.connectionId);
  };

  const auditedDispatch = (deskId: string) => async (op: string, request: unknown, connectionId: string): Promise<Result<unknown>> => {
    const result = await station.dispatch(op, request, connectionId);
    if (!result.ok && AUDITED_REFUSALS.has(result.error.code)) hub.refusals.record('call', { deskId }, { op: op.slice(0, 100), code: result.error.code });
    return result;
  };

  const windowCore = (win: DeskWindow, replay: JournalEntry[]): LinkCore => {
    const run = auditedDispatch(win.deskId);
    return {
      dispatch: (op, request, connectionId, requestId) => (requestId ? remembered.run(connectionId, requestId, () => run(op, request, connectionId)) : run(op, request, connectionId)),
      onEvent(listener) {
        // Every event the core emits, to a desk someone is signed in at; the database's health also before sign-in.
        const deliver = (e: JournalEntry) => {
          if (e.event === 'station:health' || station.signedIn(win.connectionId)) listener(e.event, e.payload, e.seq);
        };
        for (const e of replay) deliver(e);
        return journal.subscribe(deliver);
      },
      // The hub decides when a window's sign-in ends (closed now, or lost and given time to come back).
      connectionClosed: () => {},
      signedIn: (id) => station.signedIn(id),
    };
  };

  const attach = (ws: WebSocket, desk: PairedDeskRow, windowId: string, params: URLSearchParams, address: string) => {
    const open = [...windows.values()].filter((w) => w.deskId === desk.id && w.ws);
    const connectionId = `hub-${desk.id}-${windowId}`;
    let win = windows.get(connectionId);
    if (!win && open.length >= hubLimits.windowsPerDesk) return ws.close(CLOSE.tooManyWindows, 'too many windows');
    if (win?.ws) win.ws.terminate();
    if (!win) {
      win = { deskId: desk.id, connectionId, ws: null, link: null, alive: true, grace: null, ended: false };
      windows.set(connectionId, win);
    }
    if (win.grace) clearTimeout(win.grace);
    win.grace = null;
    win.ws = ws;
    win.alive = true;
    station.services.sessions.limitRoles(connectionId, desk.roles);
    const after = params.get('after');
    const replay = after === null ? [] : journal.since(params.get('epoch'), Number(after));
    ws.send(JSON.stringify({ type: 'welcome', epoch: journal.epoch, seq: journal.last, desk: { id: desk.id, name: desk.name, roles: desk.roles }, replayed: replay ? replay.length : -1 }));
    let rate = rates.get(desk.id);
    if (!rate) rates.set(desk.id, (rate = new CallRate(hubLimits.callsPerSecond, hubLimits.callBurst)));
    const current = win;
    win.link = serveDeskLink(ws, windowCore(win, replay ?? []), connectionId, limits, log, {
      rate,
      onRefused: (call) => hub.refusals.record('flood', { deskId: desk.id }, { op: call.op.slice(0, 100) }),
      ...(options.onAnswered ? { onAnswered: options.onAnswered } : {}),
    });
    ws.send(JSON.stringify({ type: 'caught-up' }));
    ws.on('pong', () => {
      current.alive = true;
      hub.seen(desk.id, address);
    });
    ws.once('close', (code: number) => {
      if (current.ended || current.ws !== ws) return;
      current.ws = null;
      current.link = null;
      // Closed by the desk (its window closed or reloaded: 1000, 1001): the sign-in ends now. Anything else (the network,
      // a sleeping laptop, the heartbeat cutting a silent desk, the desk giving up on a silent hub): it may come back signed in.
      if (code === 1000 || code === 1001) end(current);
      else current.grace = setTimeout(() => end(current), hubLimits.resumeGraceMs);
    });
    hub.seen(desk.id, address);
  };

  server.on('upgrade', (req, socket, head) => {
    socket.on('error', () => socket.destroy());
    const url = new URL(req.url ?? '/', 'https://hub.invalid');
    if (!hosts.originAllowed(req) || url.pathname !== '/desk') {
      socket.write('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return socket.destroy();
    }
    if (sockets.clients.size >= MAX_DESK_CONNECTIONS) {
      socket.write('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\n\r\n');
      return socket.destroy();
    }
    const address = req.socket.remoteAddress ?? '?';
    const auth = hub.authenticate(credentialOf(req));
    sockets.handleUpgrade(req, socket, head, (ws) => {
      ws.on('error', () => {});
      // Accepted only to be closed with a code the desk's page can read (a browser sees no HTTP status): nothing is read from it.
      if (!auth.ok) {
        hub.refusals.record(auth.refusal === 'revoked' ? 'revoked-desk' : 'unknown-desk', { deskId: auth.deskId, address });
        return ws.close(auth.refusal === 'revoked' ? CLOSE.revoked : CLOSE.notPaired, auth.refusal);
      }
      const windowId = url.searchParams.get('window') ?? '';
      if (!WINDOW_ID.test(windowId)) return ws.close(CLOSE.badWindow, 'window id');
      attach(ws, auth.desk, windowId, url.searchParams, address);
    });
  });

  const heartbeat = setInterval(() => {
    // A desk revoked elsewhere (the support command line, on the same file) is cut here within a heartbeat.
    const revoked = new Set([...new Set([...windows.values()].map((w) => w.deskId))].filter((id) => hub.desk(id)?.revokedAt));
    for (const win of [...windows.values()]) {
      if (!revoked.has(win.deskId)) continue;
      win.ws?.close(CLOSE.revoked, 'revoked');
      end(win);
    }
    for (const win of windows.values()) {
      const ws = win.ws;
      if (!ws) continue;
      if (!win.alive) {
        ws.terminate();
        continue;
      }
      win.alive = false;
      ws.ping();
      // Browsers cannot see pings: a small frame tells the page the link is alive. Skipped while answers are still going out.
      if (ws.bufferedAmount === 0) ws.send('{"type":"alive"}');
    }
  }, hubLimits.heartbeatMs);
  heartbeat.unref();

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.bindAddress ?? '0.0.0.0', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  server.on('error', (err) => log(`server: ${err.message}`));

  return {
    port,
    fingerprint: options.identity.fingerprint,
    connectedWindows: (deskId) => [...windows.values()].filter((w) => w.deskId === deskId && w.ws).length,
    deskChanged(desk) {
      for (const win of [...windows.values()]) {
        if (win.deskId !== desk.id) continue;
        if (desk.revokedAt) {
          win.ws?.close(CLOSE.revoked, 'revoked');
          end(win);
        } else {
          station.services.sessions.limitRoles(win.connectionId, desk.roles);
        }
      }
    },
    windows: () => [...windows.values()].map((w) => ({ deskId: w.deskId, connected: !!w.ws, link: w.link?.stats() ?? null })),
    memory: () => remembered.stats(),
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(heartbeat);
        for (const win of [...windows.values()]) {
          win.link?.stop();
          win.ws?.terminate();
          end(win);
        }
        journal.close();
        sockets.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
