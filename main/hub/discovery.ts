import { Bonjour } from 'bonjour-service';
import type { DiscoveredHub } from '../../preload/contract';

/** The mDNS service type hubs announce (`_vaccination-hub._tcp.local`). */
export const HUB_SERVICE_TYPE = 'vaccination-hub';

/**
 * Optional discovery on the LAN: the hub announces itself by mDNS with its
 * certificate fingerprint in the TXT record, and the desktop app in desk mode
 * lists what it hears, so nobody has to type an IP address. Discovery only
 * finds: the desk still pins the fingerprint the hub's own screen shows and
 * still needs the pairing code. A network without multicast simply finds
 * nothing; typing the address keeps working.
 */
export interface Announcement {
  stop(): Promise<void>;
}

export function announceHub(options: { name: string; port: number; fingerprint: string; log?: (m: string) => void }): Announcement {
  const bonjour = new Bonjour({}, (err: Error) => options.log?.(`mDNS: ${err.message}`));
  const service = bonjour.publish({ name: options.name.slice(0, 60), type: HUB_SERVICE_TYPE, port: options.port, txt: { fp: options.fingerprint, v: '1' }, probe: false });
  service.on('error', (err: Error) => options.log?.(`mDNS: ${err.message}`));
  return {
    stop: () =>
      new Promise<void>((resolve) => {
        bonjour.unpublishAll(() => bonjour.destroy(() => resolve()));
      }),
  };
}

/** Hubs heard on the LAN within `waitMs`. */
export function discoverHubs(waitMs = 3000): Promise<DiscoveredHub[]> {
  return new Promise((resolve) => {
    const found = new Map<string, DiscoveredHub>();
    let bonjour: Bonjour;
    try {
      bonjour = new Bonjour({}, () => {});
    } catch {
      return resolve([]);
    }
    const browser = bonjour.find({ type: HUB_SERVICE_TYPE }, (service) => {
      const address = (service.addresses ?? []).find((a) => /^\d+\.\d+\.\d+\.\d+$/.test(a)) ?? service.referer?.address ?? service.host;
      if (!address) return;
      const fp = typeof service.txt?.fp === 'string' ? service.txt.fp : null;
      found.set(`${address}:${service.port}`, { name: service.name, address: `${address}:${service.port}`, fingerprint: fp });
    });
    setTimeout(() => {
      browser.stop();
      bonjour.destroy();
      resolve([...found.values()]);
    }, waitMs);
  });
}
