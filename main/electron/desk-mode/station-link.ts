import { operations, type DeskLinkStatus, type Result } from '../../../preload/contract';
import { deskLinkStatus } from '../../../preload/desk-ops';
import type { DiscoveredHub } from '../../../preload/contract';
import { StationError } from '../../core/errors';
import type { DeskPairing } from '../../desk/hub-pairing';
import type { CoreHost } from '../core-host';
import type { HubDesk } from './hub-desk';

/**
 * What the desktop app's windows talk to: the station core on this computer
 * (a local station, possibly the site's hub), or a hub on the LAN (desk
 * mode). `desk:*` calls are answered here, in the main process, which alone
 * holds the pairing; pairing turns a new, empty station into a desk, and
 * forgetting the hub turns it back.
 */
export interface StationLinkDeps {
  startLocalCore(): CoreHost;
  startHubDesk(pairing: DeskPairing): HubDesk;
  loadPairing(): DeskPairing | null;
  savePairing(pairing: DeskPairing): void;
  forgetPairing(): void;
  probe(address: string): Promise<{ address: string; fingerprint: string }>;
  pair(options: { address: string; fingerprint?: string | null; code: string; deskName: string }): Promise<DeskPairing>;
  discover(): Promise<DiscoveredHub[]>;
  /** Every window's sign-in is gone (the app changed mode): windows go back to their first screen. */
  onModeChanged(): void;
}

export interface StationLink {
  /** The local core is serving (desk mode: at once). Rejects when the local core could not start. */
  ready: Promise<void>;
  mode(): 'local' | 'desk';
  call(op: string, request: unknown, connectionId: string): Promise<Result<unknown>>;
  connectionClosed(connectionId: string): void;
  shutdown(): Promise<void>;
}

const LOCAL: DeskLinkStatus = {
  mode: 'local',
  state: 'local',
  paired: false,
  hubAddress: null,
  fingerprint: null,
  deskName: null,
  refusal: null,
  canDiscover: true,
  needsAddress: true,
};

export function createStationLink(deps: StationLinkDeps): StationLink {
  let pairing = deps.loadPairing();
  let desk: HubDesk | null = pairing ? deps.startHubDesk(pairing) : null;
  let core: CoreHost | null = desk ? null : deps.startLocalCore();
  const ready = core ? core.ready : Promise.resolve();

  const linkOf = (connectionId: string): DeskLinkStatus =>
    desk && pairing
      ? deskLinkStatus(desk.status(connectionId), { address: pairing.hubAddress, fingerprint: pairing.fingerprint, canDiscover: true, needsAddress: true, paired: true })
      : LOCAL;

  const deskOp = async (op: string, request: unknown, connectionId: string): Promise<unknown> => {
    switch (op) {
      case 'desk:link':
        await desk?.settled(connectionId);
        return linkOf(connectionId);
      case 'desk:probe':
        return deps.probe((request as { address: string }).address);
      case 'desk:discover':
        return deps.discover();
      case 'desk:pair': {
        // A desk the hub revoked (or no longer knows) pairs again; a working desk forgets its hub first.
        if (desk && desk.status(connectionId).refusal === null) throw new StationError('DESK_MODE_UNAVAILABLE', 'this desk is paired already: forget its hub first');
        const status = core ? await core.call('setup:status', {}, connectionId) : null;
        if (status?.ok && (status.value as { site: unknown }).site) throw new StationError('DESK_HAS_LOCAL_DATA', 'this station holds a site of its own');
        const req = request as { address?: string; fingerprint?: string; code: string; deskName: string };
        if (!req.address) throw new StationError('HUB_ADDRESS_INVALID', 'the hub address is needed');
        const paired = await deps.pair({ address: req.address, fingerprint: req.fingerprint ?? null, code: req.code, deskName: req.deskName });
        deps.savePairing(paired);
        desk?.close();
        const stopping = core;
        core = null;
        await stopping?.shutdown();
        pairing = paired;
        desk = deps.startHubDesk(paired);
        deps.onModeChanged();
        return linkOf(connectionId);
      }
      case 'desk:forget': {
        if (!desk) return LOCAL;
        desk.close();
        desk = null;
        pairing = null;
        deps.forgetPairing();
        core = deps.startLocalCore();
        await core.ready;
        deps.onModeChanged();
        return LOCAL;
      }
    }
    throw new StationError('UNKNOWN_OPERATION', `no operation named ${op}`);
  };

  return {
    ready,
    mode: () => (desk ? 'desk' : 'local'),
    async call(op, request, connectionId) {
      if (op.startsWith('desk:') && op in operations) {
        const parsed = operations[op as keyof typeof operations].request.safeParse(request ?? {});
        if (!parsed.success) return { ok: false, error: { code: 'VALIDATION_FAILED', message: `invalid request to ${op}` } };
        try {
          return { ok: true, value: await deskOp(op, parsed.data, connectionId) };
        } catch (err) {
          if (err instanceof StationError) return { ok: false, error: err.toData() };
          return { ok: false, error: { code: 'INTERNAL', message: `${op} failed: ${String(err)}` } };
        }
      }
      if (desk) return desk.call(op, request, connectionId);
      if (!core) return { ok: false, error: { code: 'HUB_UNREACHABLE', message: 'the station is changing mode' } };
      return core.call(op, request, connectionId);
    },
    connectionClosed(connectionId) {
      desk?.connectionClosed(connectionId);
      core?.connectionClosed(connectionId);
    },
    async shutdown() {
      desk?.close();
      await core?.shutdown();
    },
  };
}
