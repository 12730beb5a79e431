import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { gunzipSync } from 'node:zlib';
import type { Bundle, Resource } from '../../../main/domain/fhir';
import { createNationalSigner, type NationalIdentity, type NationalSigner } from './national';
import { BundleProcessor, outcome, type Rules } from './processor';
import { search } from './search';
import { ResourceStore, type Stored } from './store';

/**
 * A FHIR R4 server for the station to talk to in tests, the bench and by
 * hand (`npm run fhir-test-server`): a real HTTP server on loopback, over an
 * in-memory store, that validates every resource against the R4 definitions,
 * honours transaction and batch (or batch only), conditional create and
 * update, urn:uuid rewriting, searches with `_lastUpdated` cursors, optional
 * OAuth2 client credentials, and injects faults on request.
 */
export type FaultKind = '5xx' | '429' | 'reset' | 'slow' | 'drop';

export interface FaultPlan {
  /** Share of POSTs faulted, 0..1. */
  rate: number;
  kinds: FaultKind[];
  /** How long a slow answer takes (longer than the station's timeout makes it a timeout). */
  slowMs?: number;
  seed?: number;
}

export interface FhirTestServerOptions {
  port?: number;
  /** Serve batch only: the CapabilityStatement lists no transaction, and a transaction is refused as not supported. */
  batchOnly?: boolean;
  /** Bodies over this many bytes (after gunzip) are refused with 413. */
  maxBodyBytes?: number;
  faults?: FaultPlan;
  rules?: Rules;
  /** Require a bearer token from POST /oauth2/token (client credentials). */
  oauth?: { clientId: string; clientSecret: string };
  /** Sign national certificates for uploaded provisional ones. */
  nationalSigner?: boolean;
  /** The national signer's clock (a test's frozen site clock). */
  now?: () => Date;
  /** Sees every POSTed body as it arrived (still gzip): the bench replays them. */
  recordBody?: (body: Buffer) => void;
  /** The national signer's key and certificate from an earlier server (a restart keeps the signer). */
  nationalIdentity?: NationalIdentity;
}

export interface FaultCounts {
  requests: number;
  faulted: Record<FaultKind, number>;
  tooLarge: number;
}

export interface FhirTestServer {
  url: string;
  port: number;
  store: ResourceStore;
  national: (NationalSigner & { identity: NationalIdentity }) | null;
  counts: FaultCounts;
  setFaults(plan: FaultPlan | null): void;
  /** Publishes a resource as the platform (a target list, a correction), with a new version. */
  publish(resource: Resource, id?: string): Stored;
  close(): Promise<void>;
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/fhir+json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

function capabilities(batchOnly: boolean): Resource {
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: '2026-01-01',
    kind: 'instance',
    fhirVersion: '4.0.1',
    format: ['application/fhir+json'],
    rest: [{ mode: 'server', interaction: batchOnly ? [{ code: 'batch' }, { code: 'search-system' }] : [{ code: 'transaction' }, { code: 'batch' }, { code: 'search-system' }] }],
  };
}

export async function startFhirTestServer(options: FhirTestServerOptions = {}): Promise<FhirTestServer> {
  const store = new ResourceStore();
  const national = options.nationalSigner ? await createNationalSigner(store, options.now, options.nationalIdentity) : null;
  const rules: Rules = { ...options.rules, onWrite: (s) => { options.rules?.onWrite?.(s); national?.onWrite(s); } };
  const processor = new BundleProcessor(store, rules);
  let faults = options.faults ?? null;
  let random = mulberry32(faults?.seed ?? 1);
  const counts: FaultCounts = { requests: 0, faulted: { '5xx': 0, '429': 0, reset: 0, slow: 0, drop: 0 }, tooLarge: 0 };
  const tokens = new Set<string>();
  const sockets = new Set<Socket>();
  const maxBody = options.maxBodyBytes ?? 32 * 1024 * 1024;

  const readBody = (req: IncomingMessage): Promise<Buffer> =>
    new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => resolve(Buffer.concat(chunks)));
      req.on('error', reject);
    });

  const authorized = (req: IncomingMessage) => !options.oauth || tokens.has((req.headers.authorization ?? '').replace(/^Bearer /, ''));

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname.replace(/\/+$/, '') || '/';
    if (req.method === 'POST' && path === '/oauth2/token' && options.oauth) {
      const form = new URLSearchParams((await readBody(req)).toString('utf8'));
      const basic = Buffer.from((req.headers.authorization ?? '').replace(/^Basic /, ''), 'base64').toString('utf8');
      const [id, secret] = basic.split(':').map(decodeURIComponent);
      if (form.get('grant_type') !== 'client_credentials' || id !== options.oauth.clientId || secret !== options.oauth.clientSecret) {
        return send(res, 401, { error: 'invalid_client', error_description: 'unknown client or wrong secret' });
      }
      const token = `t-${tokens.size + 1}-${Math.random().toString(36).slice(2)}`;
      tokens.add(token);
      return send(res, 200, { access_token: token, token_type: 'Bearer', expires_in: 3600 });
    }
    if (req.method === 'GET' && path === '/metadata') return send(res, 200, capabilities(options.batchOnly ?? false));
    if (!authorized(req)) return send(res, 401, outcome('login', 'a bearer token is required'), { 'www-authenticate': 'Bearer' });
    if (req.method === 'GET') {
      const m = /^\/([A-Z][A-Za-z]+)(?:\/([A-Za-z0-9\-.]+))?$/.exec(path);
      if (!m) return send(res, 404, outcome('not-found', `no route ${path}`));
      if (m[2]) {
        const s = store.get(m[1]!, m[2]);
        return s ? send(res, 200, s.resource) : send(res, 404, outcome('not-found', `${m[1]}/${m[2]} does not exist`));
      }
      return send(res, 200, search(store, m[1]!, url));
    }
    if (req.method !== 'POST' || path !== '/') return send(res, 405, outcome('not-supported', `${req.method} ${path} is not supported`));
    counts.requests++;
    let raw = await readBody(req);
    options.recordBody?.(raw);
    try {
      if (/gzip/i.test(String(req.headers['content-encoding'] ?? ''))) raw = gunzipSync(raw, { maxOutputLength: maxBody + 1 });
    } catch (err) {
      if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
        counts.tooLarge++;
        return send(res, 413, outcome('too-costly', `the request is over ${maxBody} bytes`));
      }
      return send(res, 400, outcome('structure', 'the gzip body does not decompress'));
    }
    if (raw.length > maxBody) {
      counts.tooLarge++;
      return send(res, 413, outcome('too-costly', `the request is over ${maxBody} bytes`));
    }
    let fault: FaultKind | null = null;
    if (faults && faults.kinds.length && random() < faults.rate) {
      fault = faults.kinds[Math.floor(random() * faults.kinds.length)]!;
      counts.faulted[fault]++;
    }
    if (fault === '5xx') return send(res, 503, outcome('transient', 'the platform is overloaded, try later'));
    if (fault === '429') return send(res, 429, outcome('throttled', 'too many requests'), { 'retry-after': '1' });
    if (fault === 'reset') return void req.socket.destroy();
    let bundle: unknown;
    try {
      bundle = JSON.parse(raw.toString('utf8'));
    } catch {
      return send(res, 400, outcome('structure', 'the body is not JSON'));
    }
    if (options.batchOnly && (bundle as Bundle)?.type === 'transaction') {
      return send(res, 400, outcome('not-supported', 'this server does not process transactions; send a batch'));
    }
    const result = processor.process(bundle);
    if (fault === 'drop') return void req.socket.destroy();
    if (fault === 'slow') await new Promise((r) => setTimeout(r, faults?.slowMs ?? 5_000));
    if (res.destroyed) return;
    send(res, result.status, result.body);
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) send(res, 500, outcome('exception', err instanceof Error ? err.message : String(err)));
    });
  });
  server.keepAliveTimeout = 30_000;
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    store,
    national,
    counts,
    setFaults(plan) {
      faults = plan;
      random = mulberry32(plan?.seed ?? 1);
    },
    publish(resource, id) {
      const stored = store.put(resource, id ?? resource.id ?? store.newId());
      return stored;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
