import { request } from 'node:https';
import WebSocket from 'ws';
import type { Result } from '../../preload/contract';
import type { SocketLike } from '../../preload/hub-transport';
import { StationError } from '../core/errors';
import { DESK_COOKIE } from '../hub/desk-credential';
import { addressOf, parseHubAddress, pinnedTlsOptions, readHubCertificate, type HubEndpoint } from './pinned-tls';

/**
 * Pairing a desk that is not a browser (the desktop app in desk mode, the
 * tests' and the bench's desks) and opening its link, over TLS pinned to the
 * hub's certificate. What pairing leaves behind is a DeskPairing, which the
 * desk keeps (main/electron/desk-mode/desk-pairing-store.ts seals it).
 */
export interface DeskPairing {
  hubAddress: string;
  fingerprint: string;
  certificatePem: string;
  deskId: string;
  deskName: string;
  credential: string;
}

/** The fingerprint of whatever answers at `address`, to compare with the hub's screen before sending a code. */
export async function probeHub(address: string): Promise<{ address: string; fingerprint: string }> {
  const { endpoint } = parseHubAddress(address);
  const cert = await readHubCertificate(endpoint);
  return { address: addressOf(endpoint), fingerprint: cert.fingerprint };
}

/** Presents the pairing code to the hub whose certificate has `fingerprint`; the credential comes back only over that TLS session. */
export async function pairWithHub(options: { address: string; fingerprint?: string | null; code: string; deskName: string }): Promise<DeskPairing> {
  const parsed = parseHubAddress(options.address);
  const fingerprint = (options.fingerprint ?? parsed.fingerprint)?.toUpperCase();
  if (!fingerprint) throw new StationError('HUB_FINGERPRINT_MISMATCH', 'the hub fingerprint was not confirmed');
  const cert = await readHubCertificate(parsed.endpoint);
  if (cert.fingerprint !== fingerprint) throw new StationError('HUB_FINGERPRINT_MISMATCH', 'the hub presented another certificate', { fingerprint: cert.fingerprint });
  const pin = { fingerprint, certificatePem: cert.pem };
  const answer = await postJson<{ desk: { id: string; name: string }; credential?: string }>(parsed.endpoint, pin, '/pair', { code: options.code, deskName: options.deskName, client: 'app' });
  if (!answer.ok) throw new StationError(answer.error.code, answer.error.message, answer.error.params);
  if (!answer.value.credential) throw new StationError('HUB_NOT_A_HUB', 'the hub gave no credential');
  return { hubAddress: addressOf(parsed.endpoint), fingerprint, certificatePem: cert.pem, deskId: answer.value.desk.id, deskName: answer.value.desk.name, credential: answer.value.credential };
}

/** Opens the desk's socket for createHubTransport: pinned TLS, the credential as the cookie a browser desk would send. */
export function hubSocketOpener(pairing: DeskPairing, options: { handshakeTimeoutMs?: number } = {}): (query: string) => SocketLike {
  const { endpoint } = parseHubAddress(pairing.hubAddress);
  const origin = `https://${addressOf(endpoint)}`;
  return (query) =>
    new WebSocket(`wss://${addressOf(endpoint)}/desk?${query}`, {
      ...pinnedTlsOptions(pairing),
      origin,
      headers: { cookie: `${DESK_COOKIE}=${pairing.credential}` },
      handshakeTimeout: options.handshakeTimeoutMs ?? 5000,
      maxPayload: 64 * 1024 * 1024,
    }) as unknown as SocketLike;
}

function postJson<T>(endpoint: HubEndpoint, pin: { fingerprint: string; certificatePem: string }, path: string, body: unknown): Promise<Result<T>> {
  return new Promise((resolve, reject) => {
    const data = JSON.stringify(body);
    const req = request(
      {
        host: endpoint.host,
        port: endpoint.port,
        path,
        method: 'POST',
        ...pinnedTlsOptions(pin),
        headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(data), Origin: `https://${addressOf(endpoint)}` },
        timeout: 10_000,
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => {
          text += c;
          if (text.length > 64 * 1024) req.destroy();
        });
        res.on('end', () => {
          try {
            resolve(JSON.parse(text) as Result<T>);
          } catch {
            reject(new StationError('HUB_NOT_A_HUB', `the hub answered ${res.statusCode} without a result`));
          }
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (err) => reject(err instanceof StationError ? err : new StationError('HUB_UNREACHABLE', err.message)));
    req.end(data);
  });
}
