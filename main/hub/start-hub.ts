import type { HubProblem } from '../../preload/contract';
import type { HubConfig, HubListener } from '../core/services/hub/hub-service';
import type { Station } from '../core/station';
import { announceHub, type Announcement } from './discovery';
import { startHubServer, type HubServerOptions, type RunningHub } from './hub-server';

export interface HubHostOptions extends Pick<HubServerOptions, 'rendererDir' | 'hubPreloadFile' | 'bindAddress' | 'extraHostNames' | 'linkLimits' | 'limits' | 'onAnswered'> {
  log?: (message: string) => void;
  /** mDNS announcement (on by default where the configuration asks for it; tests turn it off). */
  announce?: boolean;
  /** Listen here instead of the configured port (tests: 0, any free port). */
  port?: number;
}

export interface HubHost {
  /** The server while it runs (tests, the bench). */
  running(): RunningHub | null;
  /** Settles when the configuration in force has been applied (started, restarted or stopped). */
  applied(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Runs the hub's LAN server in a process that hosts the core (browser mode's
 * server, Electron's core process): attaches to the core's hub service so
 * the supervisor's "turn hub mode on" starts it, starts it at once when it
 * was left on, restarts it on a new port, stops it when turned off.
 */
export function hostHub(station: Station, options: HubHostOptions): HubHost {
  const log = options.log ?? ((m: string) => console.warn(`[hub] ${m}`));
  let server: RunningHub | null = null;
  let announcement: Announcement | null = null;
  let problem: HubProblem | null = null;
  let applying: Promise<void> = Promise.resolve();
  let running: HubConfig | null = null;

  const stopServer = async () => {
    await announcement?.stop().catch(() => {});
    announcement = null;
    const s = server;
    server = null;
    running = null;
    await s?.close();
  };

  const apply = (config: HubConfig): Promise<void> => {
    applying = applying.then(async () => {
      const same = running && running.port === config.port && running.discoverable === config.discoverable;
      if (config.enabled && same && server) return;
      await stopServer();
      problem = null;
      if (!config.enabled) return;
      try {
        const identity = await station.services.hub.identity();
        server = await startHubServer({ ...options, station, identity, port: options.port ?? config.port, log });
        running = config;
        if (config.discoverable && options.announce !== false) {
          const site = station.services.store.q.site.get();
          announcement = announceHub({ name: site ? `${site.name} (${site.code})` : 'Vaccination Station', port: server.port, fingerprint: identity.fingerprint, log });
        }
        log(`serving desks on port ${server.port}, certificate ${identity.fingerprint}`);
      } catch (err) {
        const code = (err as { code?: string }).code;
        problem = code === 'EADDRINUSE' ? 'port-in-use' : 'cannot-listen';
        log(`cannot serve desks on port ${config.port}: ${err instanceof Error ? err.message : String(err)}`);
      }
      station.services.store.notify('hub:changed', { reason: 'status' });
    });
    return applying;
  };

  const listener: HubListener = {
    apply,
    state: () => ({ listening: server !== null, port: server?.port ?? null, problem, ...(options.bindAddress && options.bindAddress !== '0.0.0.0' ? { boundTo: options.bindAddress } : {}) }),
    connectedWindows: (deskId) => server?.connectedWindows(deskId) ?? 0,
    deskChanged: (desk) => server?.deskChanged(desk),
  };
  const detach = station.services.hub.attach(listener);
  void apply(station.services.hub.config());

  return {
    running: () => server,
    applied: () => applying,
    async stop() {
      detach();
      await applying;
      await stopServer();
    },
  };
}
