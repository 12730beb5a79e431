import type { ConnectionInput, ConnectionView } from '../../../preload/contract';
import type { ConnectionRow } from '../../../db/queries/sync';
import {
  type PassphraseSealedBlob,
  type SealedBlob,
  DATA_KEY_BYTES,
  newDataKey,
  open,
  openWithPassphrase,
  seal,
  sealWithPassphrase,
} from '../../certificates/keys/sealing';
import { StationError } from '../errors';
import type { Actor, Store } from '../store';
import { checkBaseUrl, HttpPlatform, isLoopback, type PlatformCredentials } from './http-platform';
import { PlatformConfigProblem } from './platform';

interface Secrets {
  clientSecret?: string;
  clientCertificatePem?: string;
  clientKeyPem?: string;
  caPem?: string | null;
}

const AAD_SECRETS = 'sync-connection:secrets';
const AAD_OS = 'sync-connection:data-key:os';
const AAD_PASSPHRASE = 'sync-connection:data-key:passphrase';

/**
 * The platform connection: base URL, how the station authenticates (OAuth2
 * client credentials, mutual TLS, or both; nothing only to a loopback test
 * server), a proxy. Secrets (client secret, client key) are sealed at rest
 * exactly like the signing key: AES-256-GCM under a random data key, itself
 * sealed by the OS key store's key (desktop app) and/or a supervisor's
 * passphrase (browser mode); until one opens them in this run, the upload
 * waits, locked.
 */
export class ConnectionSettings {
  private osKey: Buffer | null = null;
  private opened: Secrets | null = null;
  private openedFor: string | null = null;

  constructor(private readonly store: Store) {}

  provideOsKey(key: Buffer): void {
    if (key.length === DATA_KEY_BYTES) this.osKey = Buffer.from(key);
  }

  private row(): ConnectionRow | null {
    return this.store.q.sync.connection();
  }

  view(): ConnectionView {
    const row = this.row();
    if (row) this.tryOsOpen(row);
    return {
      configured: row !== null,
      baseUrl: row?.baseUrl ?? null,
      auth: row?.auth ?? 'none',
      tokenUrl: row?.tokenUrl ?? null,
      clientId: row?.clientId ?? null,
      scope: row?.scope ?? null,
      proxyUrl: row?.proxyUrl ?? null,
      secrets: { clientSecret: !!row && row.auth.includes('oauth2') && row.sealedSecrets !== null, clientCertificate: !!row && row.auth.includes('mtls') && row.sealedSecrets !== null },
      protection: { os: row?.dataKeySealedOs != null, passphrase: row?.dataKeySealedPassphrase != null },
      unlocked: row !== null && (row.sealedSecrets === null || this.openedFor === row.updatedAt),
      uploadDeferrals: row ? row.uploadDeferrals === 1 : true,
      updatedAt: row?.updatedAt ?? null,
    };
  }

  async save(actor: Actor, input: ConnectionInput): Promise<ConnectionView> {
    let url: URL;
    try {
      url = checkBaseUrl(input.baseUrl);
    } catch (err) {
      const https = /HTTP is allowed only/.test((err as Error).message);
      throw new StationError(https ? 'SYNC_HTTPS_REQUIRED' : 'SYNC_URL_INVALID', (err as Error).message, { url: input.baseUrl.slice(0, 200) });
    }
    if (input.auth === 'none' && !isLoopback(url)) throw new StationError('SYNC_AUTH_REQUIRED', 'the national platform needs the station to authenticate');
    if (input.proxyUrl) {
      try {
        new URL(input.proxyUrl);
      } catch {
        throw new StationError('SYNC_URL_INVALID', 'the proxy is not a URL', { url: input.proxyUrl.slice(0, 200) });
      }
    }
    const before = this.row();
    const kept: Secrets = before?.sealedSecrets ? (this.currentSecrets(before) ?? {}) : {};
    if (before?.sealedSecrets && !this.currentSecrets(before) && (input.auth !== 'none') && (input.clientSecret === undefined || (input.auth.includes('mtls') && input.clientKeyPem === undefined))) {
      throw new StationError('SYNC_LOCKED', 'unlock the stored credentials first, or give them again');
    }
    const secrets: Secrets = {
      ...kept,
      ...(input.clientSecret !== undefined ? { clientSecret: input.clientSecret } : {}),
      ...(input.clientCertificatePem !== undefined ? { clientCertificatePem: input.clientCertificatePem } : {}),
      ...(input.clientKeyPem !== undefined ? { clientKeyPem: input.clientKeyPem } : {}),
      ...(input.caPem !== undefined ? { caPem: input.caPem } : {}),
    };
    if (input.auth.includes('oauth2') && (!input.tokenUrl || !input.clientId || !secrets.clientSecret)) {
      throw new StationError('SYNC_CREDENTIALS_INCOMPLETE', 'OAuth2 needs the token URL, the client id and the client secret');
    }
    if (input.auth.includes('oauth2') && input.tokenUrl) {
      try {
        checkBaseUrl(input.tokenUrl);
      } catch (err) {
        throw new StationError('SYNC_HTTPS_REQUIRED', (err as Error).message, { url: input.tokenUrl.slice(0, 200) });
      }
    }
    if (input.auth.includes('mtls') && (!secrets.clientCertificatePem || !secrets.clientKeyPem)) {
      throw new StationError('SYNC_CREDENTIALS_INCOMPLETE', 'mutual TLS needs the client certificate and its key (PEM)');
    }
    const needed: Secrets = input.auth === 'none' ? {} : secrets;
    const hasSecrets = Object.values(needed).some((v) => v);
    let sealedSecrets: string | null = null;
    let sealedOs: string | null = null;
    let sealedPassphrase: string | null = null;
    if (hasSecrets) {
      if (!this.osKey && !input.passphrase) throw new StationError('SYNC_PASSPHRASE_REQUIRED', 'no OS key store here: a passphrase protects the credentials');
      const dataKey = newDataKey();
      sealedSecrets = JSON.stringify(seal(dataKey, Buffer.from(JSON.stringify(needed), 'utf8'), AAD_SECRETS));
      if (this.osKey) sealedOs = JSON.stringify(seal(this.osKey, dataKey, AAD_OS));
      if (input.passphrase) sealedPassphrase = JSON.stringify(await sealWithPassphrase(input.passphrase, dataKey, AAD_PASSPHRASE));
    }
    const row: ConnectionRow = {
      baseUrl: url.href,
      auth: input.auth,
      tokenUrl: input.auth.includes('oauth2') ? (input.tokenUrl ?? null) : null,
      clientId: input.auth.includes('oauth2') ? (input.clientId ?? null) : null,
      scope: input.auth.includes('oauth2') ? (input.scope ?? null) : null,
      proxyUrl: input.proxyUrl ?? null,
      sealedSecrets,
      dataKeySealedOs: sealedOs,
      dataKeySealedPassphrase: sealedPassphrase,
      uploadDeferrals: (input.uploadDeferrals ?? (before ? before.uploadDeferrals === 1 : true)) ? 1 : 0,
      updatedAt: '',
      updatedBy: actor.staffId,
    };
    this.store.write(actor, (w) => {
      row.updatedAt = w.at;
      w.q.sync.putConnection(row);
      // Never the secrets: what they are, and how they are protected.
      w.audit('sync:saveConnection', 'sync_connection', '1', before ? describe(before) : null, describe(row));
    });
    this.opened = hasSecrets ? needed : null;
    this.openedFor = hasSecrets ? row.updatedAt : null;
    return this.view();
  }

  async unlock(passphrase: string): Promise<ConnectionView> {
    const row = this.row();
    if (!row) throw new StationError('SYNC_NOT_CONFIGURED', 'no platform connection is set');
    if (!row.sealedSecrets) return this.view();
    if (!row.dataKeySealedPassphrase) throw new StationError('CERT_OS_PROTECTION_UNAVAILABLE', 'these credentials are protected by the OS key store of the desktop app');
    const dataKey = await openWithPassphrase(passphrase, JSON.parse(row.dataKeySealedPassphrase) as PassphraseSealedBlob, AAD_PASSPHRASE);
    const secrets = dataKey ? openSecrets(row, dataKey) : null;
    if (!secrets) throw new StationError('SYNC_PASSPHRASE_WRONG', 'the passphrase does not open the credentials');
    this.opened = secrets;
    this.openedFor = row.updatedAt;
    return this.view();
  }

  /** Whether the station has a platform to upload to now (configured and, if it has secrets, unlocked). */
  state(): 'not_configured' | 'locked' | 'ready' {
    const row = this.row();
    if (!row) return 'not_configured';
    return row.sealedSecrets && !this.currentSecrets(row) ? 'locked' : 'ready';
  }

  endpoint(): string | null {
    return this.row()?.baseUrl ?? null;
  }

  uploadDeferrals(): boolean {
    const row = this.row();
    return row ? row.uploadDeferrals === 1 : true;
  }

  /**
   * The platform to upload to: the configured one, or `endpoint` for one run
   * (a loopback URL needs no credentials; another uses the configured ones).
   */
  platform(endpoint?: string): HttpPlatform {
    const row = this.row();
    if (endpoint) {
      const url = checkBaseUrl(endpoint);
      if (isLoopback(url)) return new HttpPlatform({ baseUrl: url.href });
      if (!row) throw new PlatformConfigProblem('SYNC_NOT_CONFIGURED', 'a platform outside this machine needs the configured credentials; none are set');
      return new HttpPlatform({ baseUrl: url.href, credentials: this.credentials(row), proxyUrl: row.proxyUrl });
    }
    if (!row) throw new PlatformConfigProblem('SYNC_NOT_CONFIGURED', 'no platform connection is set (Supervisor → Đồng bộ)');
    return new HttpPlatform({ baseUrl: row.baseUrl, credentials: this.credentials(row), proxyUrl: row.proxyUrl });
  }

  private credentials(row: ConnectionRow): PlatformCredentials {
    if (row.auth === 'none') return {};
    const s = this.currentSecrets(row);
    if (!s) throw new PlatformConfigProblem('SYNC_LOCKED', 'the platform credentials are sealed: a supervisor unlocks them with the passphrase');
    const out: PlatformCredentials = {};
    if (row.auth.includes('oauth2')) out.oauth2 = { tokenUrl: row.tokenUrl!, clientId: row.clientId!, clientSecret: s.clientSecret ?? '', scope: row.scope };
    if (row.auth.includes('mtls')) out.tls = { certificatePem: s.clientCertificatePem ?? '', keyPem: s.clientKeyPem ?? '', caPem: s.caPem ?? null };
    return out;
  }

  private currentSecrets(row: ConnectionRow): Secrets | null {
    if (this.openedFor === row.updatedAt && this.opened) return this.opened;
    this.tryOsOpen(row);
    return this.openedFor === row.updatedAt ? this.opened : null;
  }

  private tryOsOpen(row: ConnectionRow): void {
    if (!row.sealedSecrets || !row.dataKeySealedOs || !this.osKey || this.openedFor === row.updatedAt) return;
    const dataKey = open(this.osKey, JSON.parse(row.dataKeySealedOs) as SealedBlob, AAD_OS);
    const secrets = dataKey ? openSecrets(row, dataKey) : null;
    if (secrets) {
      this.opened = secrets;
      this.openedFor = row.updatedAt;
    }
  }
}

function openSecrets(row: ConnectionRow, dataKey: Buffer): Secrets | null {
  const plain = open(dataKey, JSON.parse(row.sealedSecrets!) as SealedBlob, AAD_SECRETS);
  return plain ? (JSON.parse(plain.toString('utf8')) as Secrets) : null;
}

function describe(row: ConnectionRow) {
  return {
    baseUrl: row.baseUrl,
    auth: row.auth,
    tokenUrl: row.tokenUrl,
    clientId: row.clientId,
    proxyUrl: row.proxyUrl,
    sealed: row.sealedSecrets !== null,
    protection: { os: row.dataKeySealedOs !== null, passphrase: row.dataKeySealedPassphrase !== null },
  };
}
