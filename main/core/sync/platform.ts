/**
 * The national platform as the upload sees it: a FHIR R4 server that takes
 * Bundles and answers searches. The HTTP adapter (http-platform.ts) speaks to
 * the real one; tests hand the engine an in-process server through the same
 * interface where sockets add nothing.
 */
export interface PlatformAnswer {
  status: number;
  /** Seconds or an HTTP date, as the server sent it. */
  retryAfter: string | null;
  /** The parsed JSON body, or null when there was none or it was not JSON. */
  body: unknown;
  /** The start of a body that was not JSON, for the error message. */
  text: string | null;
}

export interface SendOptions {
  timeoutMs: number;
}

export interface NationalPlatform {
  /** Where it is (shown in the history of rounds). */
  readonly endpoint: string;
  /** POST [base] with a transaction or batch Bundle, given as its JSON text. */
  post(bundleJson: string, options: SendOptions): Promise<PlatformAnswer>;
  /** GET [base]/<path>; also the `next` links of a search, when they point at the same server. */
  get(pathOrUrl: string, options: SendOptions): Promise<PlatformAnswer>;
  close(): Promise<void>;
}

/** The platform could not be reached, or did not answer in time: nothing is known about what it did. */
export class PlatformUnreachable extends Error {
  constructor(
    readonly reason: 'refused' | 'timeout' | 'reset' | 'dns' | 'tls' | 'proxy' | 'other',
    message: string,
  ) {
    super(message);
    this.name = 'PlatformUnreachable';
  }
}

/** The connection cannot be used as configured (no credentials opened, a bad certificate, a token refused). */
export class PlatformConfigProblem extends Error {
  constructor(
    readonly code: 'SYNC_NOT_CONFIGURED' | 'SYNC_LOCKED' | 'SYNC_AUTH_FAILED' | 'SYNC_TLS_CONFIG',
    message: string,
  ) {
    super(message);
    this.name = 'PlatformConfigProblem';
  }
}
