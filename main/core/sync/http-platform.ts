import { promisify } from 'node:util';
import { gzip as gzipCallback } from 'node:zlib';
import { Agent, fetch, ProxyAgent, type Dispatcher } from 'undici';
import { PlatformConfigProblem, PlatformUnreachable, type NationalPlatform, type PlatformAnswer, type SendOptions } from './platform';

const gzip = promisify(gzipCallback);

/** How the station proves who it is to the platform. */
export interface PlatformCredentials {
  oauth2?: { tokenUrl: string; clientId: string; clientSecret: string; scope: string | null };
  /** Mutual TLS: the station's client certificate and key (PEM), and the CA to trust for the platform if not a public one. */
  tls?: { certificatePem: string; keyPem: string; caPem: string | null };
}

export interface HttpPlatformOptions {
  baseUrl: string;
  credentials?: PlatformCredentials;
  proxyUrl?: string | null;
  /** Largest answer read into memory. */
  maxAnswerBytes?: number;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** Is this URL on this machine (where plain HTTP and no credentials are allowed: a test server, a local relay)? */
export function isLoopback(url: URL): boolean {
  return LOOPBACK.has(url.hostname) || /^127\.\d+\.\d+\.\d+$/.test(url.hostname);
}

/** The platform's base URL, checked: http(s) only, HTTPS outside loopback, no credentials or fragment in it. */
export function checkBaseUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new PlatformConfigProblem('SYNC_NOT_CONFIGURED', `not a URL: ${text.slice(0, 200)}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new PlatformConfigProblem('SYNC_NOT_CONFIGURED', `the platform is reached over HTTPS, not ${url.protocol}`);
  if (url.protocol === 'http:' && !isLoopback(url)) throw new PlatformConfigProblem('SYNC_NOT_CONFIGURED', 'plain HTTP is allowed only to this machine (loopback); use https://');
  if (url.username || url.password) throw new PlatformConfigProblem('SYNC_NOT_CONFIGURED', 'credentials do not belong in the URL');
  url.hash = '';
  url.search = '';
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url;
}

function unreachable(err: unknown, what: string): PlatformUnreachable {
  const e = err as { name?: string; code?: string; cause?: { code?: string; message?: string } };
  const code = e.cause?.code ?? e.code ?? '';
  const detail = e.cause?.message ?? (err instanceof Error ? err.message : String(err));
  if (e.name === 'TimeoutError' || e.name === 'AbortError' || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') {
    return new PlatformUnreachable('timeout', `${what}: no answer in time`);
  }
  if (code === 'ECONNREFUSED') return new PlatformUnreachable('refused', `${what}: connection refused (${detail})`);
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || code === 'EPIPE') return new PlatformUnreachable('reset', `${what}: the connection was cut (${detail})`);
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return new PlatformUnreachable('dns', `${what}: the name does not resolve (${detail})`);
  if (/CERT|SSL|TLS/i.test(code) || /certificate/i.test(detail)) return new PlatformUnreachable('tls', `${what}: TLS failed (${detail})`);
  return new PlatformUnreachable('other', `${what}: ${detail}`);
}

/**
 * The national platform over HTTP(S) with undici: keep-alive connections,
 * gzip request bodies (dropped for a server that answers 415 to them),
 * OAuth2 client-credentials bearer tokens fetched and refreshed before they
 * expire (and once more on a 401), mutual TLS, an optional proxy.
 */
export class HttpPlatform implements NationalPlatform {
  readonly endpoint: string;
  private readonly base: URL;
  private readonly dispatcher: Dispatcher;
  private token: { value: string; expiresAt: number } | null = null;
  private gzipBodies = true;
  private readonly maxAnswerBytes: number;

  constructor(private readonly options: HttpPlatformOptions) {
    this.base = checkBaseUrl(options.baseUrl);
    this.endpoint = this.base.href;
    this.maxAnswerBytes = options.maxAnswerBytes ?? 64 * 1024 * 1024;
    const tls = options.credentials?.tls;
    const connect = tls ? { cert: tls.certificatePem, key: tls.keyPem, ...(tls.caPem ? { ca: tls.caPem } : {}) } : undefined;
    try {
      this.dispatcher = options.proxyUrl
        ? new ProxyAgent({ uri: options.proxyUrl, ...(connect ? { requestTls: connect } : {}) })
        : new Agent({ keepAliveTimeout: 30_000, connections: 4, ...(connect ? { connect } : {}) });
    } catch (err) {
      throw new PlatformConfigProblem('SYNC_TLS_CONFIG', `the connection cannot be set up: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  async post(bundleJson: string, options: SendOptions): Promise<PlatformAnswer> {
    const raw = Buffer.from(bundleJson, 'utf8');
    const body = this.gzipBodies ? await gzip(raw, { level: 4 }) : raw;
    const answer = await this.request(this.base.href, 'POST', body, options);
    if (answer.status === 415 && this.gzipBodies) {
      this.gzipBodies = false;
      return this.request(this.base.href, 'POST', raw, options);
    }
    return answer;
  }

  async get(pathOrUrl: string, options: SendOptions): Promise<PlatformAnswer> {
    const url = new URL(pathOrUrl, this.base);
    // A search's next link may come from the server: follow it only to the same server.
    if (url.origin !== this.base.origin) throw new PlatformUnreachable('other', `refusing to follow a link to another server: ${url.origin}`);
    return this.request(url.href, 'GET', null, options);
  }

  async close(): Promise<void> {
    await this.dispatcher.close();
  }

  /** The token endpoint's answer, or a refusal that says what the platform said. */
  private async bearer(options: SendOptions, fresh = false): Promise<string | null> {
    const oauth = this.options.credentials?.oauth2;
    if (!oauth) return null;
    if (!fresh && this.token && this.token.expiresAt - 60_000 > Date.now()) return this.token.value;
    const form = new URLSearchParams({ grant_type: 'client_credentials' });
    if (oauth.scope) form.set('scope', oauth.scope);
    let res;
    try {
      res = await fetch(oauth.tokenUrl, {
        method: 'POST',
        dispatcher: this.dispatcher,
        signal: AbortSignal.timeout(options.timeoutMs),
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
          authorization: `Basic ${Buffer.from(`${encodeURIComponent(oauth.clientId)}:${encodeURIComponent(oauth.clientSecret)}`).toString('base64')}`,
        },
        body: form.toString(),
      });
    } catch (err) {
      throw unreachable(err, `token endpoint ${oauth.tokenUrl}`);
    }
    const text = await res.text();
    if (res.status >= 500 || res.status === 429) throw new PlatformUnreachable('other', `token endpoint ${oauth.tokenUrl}: HTTP ${res.status}`);
    let json: { access_token?: unknown; expires_in?: unknown; error?: unknown; error_description?: unknown } = {};
    try {
      json = JSON.parse(text) as typeof json;
    } catch {
      // handled below
    }
    if (res.status !== 200 || typeof json.access_token !== 'string') {
      const said = [json.error, json.error_description].filter((x) => typeof x === 'string').join(': ') || text.slice(0, 200);
      throw new PlatformConfigProblem('SYNC_AUTH_FAILED', `the token endpoint refused the station's credentials (HTTP ${res.status}): ${said}`);
    }
    const seconds = typeof json.expires_in === 'number' && json.expires_in > 0 ? json.expires_in : 300;
    this.token = { value: json.access_token, expiresAt: Date.now() + seconds * 1000 };
    return this.token.value;
  }

  private async request(url: string, method: 'GET' | 'POST', body: Buffer | null, options: SendOptions, retried = false): Promise<PlatformAnswer> {
    const token = await this.bearer(options, retried);
    const headers: Record<string, string> = { accept: 'application/fhir+json' };
    if (token) headers.authorization = `Bearer ${token}`;
    if (body) {
      headers['content-type'] = 'application/fhir+json; charset=utf-8';
      if (this.gzipBodies) headers['content-encoding'] = 'gzip';
    }
    let res;
    try {
      res = await fetch(url, { method, headers, body, dispatcher: this.dispatcher, signal: AbortSignal.timeout(options.timeoutMs) });
    } catch (err) {
      throw unreachable(err, `${method} ${url}`);
    }
    let text: string;
    try {
      const buf = Buffer.from(await res.arrayBuffer());
      if (buf.length > this.maxAnswerBytes) throw new PlatformUnreachable('other', `${method} ${url}: the answer is over ${this.maxAnswerBytes} bytes`);
      text = buf.toString('utf8');
    } catch (err) {
      if (err instanceof PlatformUnreachable) throw err;
      throw unreachable(err, `${method} ${url}`);
    }
    if (res.status === 401 && token && !retried) return this.request(url, method, body, options, true);
    let json: unknown = null;
    if (text) {
      try {
        json = JSON.parse(text);
      } catch {
        json = null;
      }
    }
    return { status: res.status, retryAfter: res.headers.get('retry-after'), body: json, text: json === null ? text.slice(0, 300) : null };
  }
}
