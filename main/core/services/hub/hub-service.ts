import QRCode from 'qrcode';
import type { HubProblem, HubStatus, PairedDesk, PairingOffer, Role } from '../../../../preload/contract';
import type { PairedDeskRow } from '../../../../db/queries/hub';
import { StationError } from '../../errors';
import type { Actor, Store } from '../../store';
import { createHubIdentity } from './hub-identity';
import { HubSecrets, type HubIdentity } from './hub-secrets';
import { lanNames, type LanNames } from './lan-addresses';
import { PairingWindow } from './pairing';
import { RefusalAudit } from './refusal-audit';

export const DEFAULT_HUB_PORT = 8443;
/** A desk's last-seen time is written at most this often while it stays connected. */
const SEEN_EVERY_MS = 60_000;

export interface HubConfig {
  enabled: boolean;
  port: number;
  discoverable: boolean;
}

/**
 * The LAN server as the core sees it. The host process that can listen on
 * the network (browser mode's server, Electron's core process) attaches one;
 * without it hub mode can be configured but nothing listens.
 */
export interface HubListener {
  /** Starts, restarts or stops serving to match the configuration. */
  apply(config: HubConfig): Promise<void>;
  /** `boundTo`: the one address it listens on, when not every interface. */
  state(): { listening: boolean; port: number | null; problem: HubProblem | null; boundTo?: string };
  /** Windows of a desk connected now. */
  connectedWindows(deskId: string): number;
  /** A desk was revoked or its roles changed: disconnect it, or apply the new roles to its windows. */
  deskChanged(desk: PairedDeskRow): void;
}

export type DeskAuthentication = { ok: true; desk: PairedDeskRow } | { ok: false; refusal: 'not-paired' | 'revoked'; deskId: string | null };

/**
 * Hub mode: whether the station serves desks on the LAN, its certificate,
 * the pairing code, and the paired desks. Every change is a Store.write with
 * its audit row; pairing, revocation and refusals are audited.
 */
export class HubService {
  readonly secrets: HubSecrets;
  readonly refusals: RefusalAudit;
  private readonly pairing: PairingWindow;
  private listener: HubListener | null = null;
  private readonly lastSeenWrite = new Map<string, number>();

  constructor(
    private readonly store: Store,
    private readonly names: () => LanNames = lanNames,
  ) {
    const now = () => store.clock.now().getTime();
    this.secrets = new HubSecrets(store);
    this.refusals = new RefusalAudit(store, now);
    this.pairing = new PairingWindow(now);
  }

  attach(listener: HubListener): () => void {
    this.listener = listener;
    return () => {
      if (this.listener === listener) this.listener = null;
    };
  }

  config(): HubConfig {
    const get = (k: string) => this.store.q.settings.get(`hub.${k}`);
    return {
      enabled: get('enabled') === 'true',
      port: Number(get('port') ?? DEFAULT_HUB_PORT) || DEFAULT_HUB_PORT,
      discoverable: (get('discoverable') ?? 'true') === 'true',
    };
  }

  async status(): Promise<HubStatus> {
    const config = this.config();
    const state = this.listener?.state() ?? { listening: false, port: null, problem: config.enabled ? ('no-host' as const) : null };
    const port = state.port ?? config.port;
    const names = this.names();
    const hosts = 'boundTo' in state && state.boundTo ? [state.boundTo] : [...names.addresses, ...names.hostNames];
    const offer = this.pairing.current();
    const identity = this.secrets.identity();
    return {
      enabled: config.enabled,
      listening: state.listening,
      port,
      addresses: hosts.map((h) => `https://${h}:${port}`),
      fingerprint: identity?.fingerprint ?? null,
      discoverable: config.discoverable,
      problem: config.enabled ? state.problem : null,
      pairing: offer && identity && state.listening ? await offerView(offer, `https://${hosts[0] ?? '127.0.0.1'}:${port}`, identity.fingerprint) : null,
    };
  }

  async configure(actor: Actor, patch: Partial<HubConfig>): Promise<HubStatus> {
    const before = this.config();
    const after = { ...before, ...patch };
    if (after.enabled) await this.identity();
    this.store.write(actor, (w) => {
      for (const [k, v] of Object.entries(patch)) w.q.settings.put(`hub.${k}`, String(v));
      w.audit('hub:configure', 'setting', null, before, after);
      w.emit('hub:changed', { reason: 'status' });
    });
    if (!after.enabled) this.pairing.close();
    await this.listener?.apply(after);
    return this.status();
  }

  /** The hub's certificate and key, made once (the first time hub mode is turned on) and kept. */
  async identity(): Promise<HubIdentity> {
    const existing = this.secrets.identity();
    if (existing) return existing;
    const names = this.names();
    const identity = await createHubIdentity({
      siteName: this.store.q.site.get()?.name ?? '',
      names: [...names.addresses, ...names.hostNames],
      now: this.store.clock.now(),
    });
    return this.store.write(null, (w) => {
      // Two callers racing through the await above: the first one's certificate is the hub's.
      const raced = this.secrets.identity();
      if (raced) return raced;
      this.secrets.saveIdentity(w, identity);
      w.audit('hub:identity', 'hub_identity', null, null, { fingerprint: identity.fingerprint });
      return identity;
    });
  }

  async startPairing(actor: Actor, roles: Role[]): Promise<HubStatus> {
    const offer = this.pairing.open(roles, actor);
    this.store.write(actor, (w) => w.audit('hub:startPairing', 'paired_desk', null, null, { roles: offer.roles, expiresAt: new Date(offer.expiresAt).toISOString() }));
    this.store.notify('hub:changed', { reason: 'pairing' });
    return this.status();
  }

  async stopPairing(actor: Actor): Promise<HubStatus> {
    this.pairing.close();
    this.store.write(actor, (w) => w.audit('hub:stopPairing', 'paired_desk', null, null, null));
    this.store.notify('hub:changed', { reason: 'pairing' });
    return this.status();
  }

  /** A desk presenting the code shown: a new paired desk and its credential (given once). */
  pair(request: { code: string; deskName: string; address: string }): { desk: PairedDesk; credential: string } {
    let offer;
    try {
      offer = this.pairing.claim(request.code, request.address);
    } catch (err) {
      if (err instanceof StationError) this.refusals.record('pairing', { address: request.address }, { code: err.code });
      throw err;
    }
    const credential = this.secrets.newDeskCredential();
    const desk = this.store.write(offer.openedBy, (w) => {
      w.q.hub.insertDesk({
        id: credential.deskId,
        name: request.deskName,
        roles: offer.roles,
        credentialHash: credential.credentialHash,
        pairedAt: w.at,
        pairedBy: offer.openedBy.staffId,
        pairedFrom: request.address,
      });
      const row = w.q.hub.desk(credential.deskId)!;
      w.audit('hub:pair', 'paired_desk', row.id, null, { name: row.name, roles: row.roles, from: request.address });
      w.emit('hub:changed', { reason: 'desks' });
      return row;
    });
    this.store.notify('hub:changed', { reason: 'pairing' });
    return { desk: this.view(desk), credential: credential.credential };
  }

  authenticate(credential: string | null | undefined): DeskAuthentication {
    const desk = this.secrets.deskOf(credential);
    if (!desk) return { ok: false, refusal: 'not-paired', deskId: null };
    if (desk.revokedAt) return { ok: false, refusal: 'revoked', deskId: desk.id };
    return { ok: true, desk };
  }

  desk(id: string): PairedDeskRow | null {
    return this.store.q.hub.desk(id);
  }

  desks(includeRevoked = false): PairedDesk[] {
    return this.store.q.hub
      .desks()
      .filter((d) => includeRevoked || !d.revokedAt)
      .map((d) => this.view(d));
  }

  updateDesk(actor: Actor, id: string, patch: { name?: string; roles?: Role[] }): PairedDesk {
    const row = this.store.write(actor, (w) => {
      const before = w.q.hub.desk(id);
      if (!before || before.revokedAt) throw new StationError('NOT_FOUND', 'no such paired desk');
      const name = patch.name ?? before.name;
      const roles = patch.roles ? [...new Set(patch.roles)] : before.roles;
      w.q.hub.updateDesk(id, name, roles);
      w.audit('hub:updateDesk', 'paired_desk', id, { name: before.name, roles: before.roles }, { name, roles });
      w.emit('hub:changed', { reason: 'desks' });
      return w.q.hub.desk(id)!;
    });
    this.listener?.deskChanged(row);
    return this.view(row);
  }

  /** `actor` null: revoked from the support command line, with the station's own desks possibly down. */
  revokeDesk(actor: Actor | null, id: string, via: 'desk' | 'command line' = 'desk'): PairedDesk {
    const row = this.store.write(actor, (w) => {
      const before = w.q.hub.desk(id);
      if (!before) throw new StationError('NOT_FOUND', 'no such paired desk');
      if (!w.q.hub.revokeDesk(id, w.at, actor?.staffId ?? null)) return before;
      w.audit('hub:revokeDesk', 'paired_desk', id, { name: before.name, revokedAt: null }, { name: before.name, revokedAt: w.at, via });
      w.emit('hub:changed', { reason: 'desks' });
      return w.q.hub.desk(id)!;
    });
    this.listener?.deskChanged(row);
    return this.view(row);
  }

  /** A desk connected or is still there: its last-seen time, written at most once a minute. */
  seen(deskId: string, address: string | null): void {
    const now = this.store.clock.now().getTime();
    if (now - (this.lastSeenWrite.get(deskId) ?? 0) < SEEN_EVERY_MS) return;
    this.lastSeenWrite.set(deskId, now);
    try {
      this.store.write(null, (w) => w.q.hub.seen(deskId, w.at, address));
    } catch {
      // A full disk: the desk still works, its last-seen time waits.
    }
  }

  private view(d: PairedDeskRow): PairedDesk {
    return {
      id: d.id,
      name: d.name,
      roles: d.roles,
      pairedAt: d.pairedAt,
      pairedBy: d.pairedByName,
      lastSeenAt: d.lastSeenAt,
      lastAddress: d.lastAddress,
      connected: d.revokedAt ? 0 : (this.listener?.connectedWindows(d.id) ?? 0),
      revokedAt: d.revokedAt,
    };
  }
}

/** What the hub's screen shows: the code, and a QR of the hub's link with the code and the certificate fingerprint. */
async function offerView(offer: { code: string; roles: Role[]; expiresAt: number }, origin: string, fingerprint: string): Promise<PairingOffer> {
  const link = `${origin}/#pair=${offer.code}&fp=${fingerprint}`;
  return {
    code: offer.code,
    roles: offer.roles,
    expiresAt: new Date(offer.expiresAt).toISOString(),
    link,
    qrDataUrl: await QRCode.toDataURL(link, { errorCorrectionLevel: 'M', margin: 4, scale: 5 }),
  };
}
