import { connect, type PeerCertificate, type TLSSocket } from 'node:tls';
import { StationError } from '../core/errors';

/**
 * How the desktop app (and the tests' and bench's desks) reach a hub: TLS
 * 1.2+ to the address, trusting exactly one certificate, the one whose
 * fingerprint was pinned at pairing. No certificate authority is asked and
 * host names are not compared (a hub's LAN address may change); a different
 * certificate at the address is refused before anything is sent.
 */
export interface HubEndpoint {
  host: string;
  port: number;
}

/** `host:port`, `host` (port 8443), or the hub's https:// link as its QR carries it (with `#pair=…&fp=…`). */
export function parseHubAddress(text: string): { endpoint: HubEndpoint; code: string | null; fingerprint: string | null } {
  const raw = text.trim();
  let url: URL;
  try {
    url = new URL(/^https?:\/\//i.test(raw) ? raw : `https://${raw}`);
  } catch {
    throw new StationError('HUB_ADDRESS_INVALID', 'not a hub address');
  }
  if (url.protocol !== 'https:' || !url.hostname || url.username || url.password) throw new StationError('HUB_ADDRESS_INVALID', 'not a hub address');
  const fragment = new URLSearchParams(url.hash.replace(/^#/, ''));
  const host = url.hostname.replace(/^\[|\]$/g, '');
  return {
    endpoint: { host, port: url.port ? Number(url.port) : 8443 },
    code: fragment.get('pair'),
    fingerprint: fragment.get('fp')?.toUpperCase() ?? null,
  };
}

export const addressOf = (e: HubEndpoint) => (e.host.includes(':') ? `[${e.host}]:${e.port}` : `${e.host}:${e.port}`);

/** Connects once without trusting anything, reads the certificate the hub presents, and hangs up: sends nothing. */
export function readHubCertificate(endpoint: HubEndpoint, timeoutMs = 5000): Promise<{ fingerprint: string; pem: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: endpoint.host, port: endpoint.port, servername: isIpLike(endpoint.host) ? undefined : endpoint.host, rejectUnauthorized: false, minVersion: 'TLSv1.2' });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new StationError('HUB_UNREACHABLE', `no answer from ${addressOf(endpoint)}`));
    }, timeoutMs);
    socket.once('secureConnect', () => {
      clearTimeout(timer);
      const cert = socket.getPeerCertificate(false) as PeerCertificate;
      socket.end();
      if (!cert?.raw) return reject(new StationError('HUB_NOT_A_HUB', 'no certificate presented'));
      resolve({ fingerprint: cert.fingerprint256, pem: toPem(cert.raw) });
    });
    socket.once('error', (err: Error & { code?: string }) => {
      clearTimeout(timer);
      reject(new StationError(err.code === 'ECONNREFUSED' || err.code === 'EHOSTUNREACH' || err.code === 'ENOTFOUND' || err.code === 'ETIMEDOUT' ? 'HUB_UNREACHABLE' : 'HUB_NOT_A_HUB', err.message));
    });
  });
}

/** TLS options that trust only the pinned certificate (for https.request and ws). */
export function pinnedTlsOptions(pin: { fingerprint: string; certificatePem: string }) {
  return {
    ca: [pin.certificatePem],
    minVersion: 'TLSv1.2' as const,
    rejectUnauthorized: true,
    // The chain check above proves the hub holds the pinned certificate's key; names are not ours to check.
    checkServerIdentity: (_host: string, cert: PeerCertificate) =>
      cert.fingerprint256 === pin.fingerprint ? undefined : new StationError('HUB_FINGERPRINT_MISMATCH', 'the hub presented another certificate'),
  };
}

export function toPem(der: Buffer): string {
  return `-----BEGIN CERTIFICATE-----\n${der.toString('base64').match(/.{1,64}/g)!.join('\n')}\n-----END CERTIFICATE-----\n`;
}

function isIpLike(host: string): boolean {
  return /^[\d.]+$/.test(host) || host.includes(':');
}

export type { TLSSocket };
