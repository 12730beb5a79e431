import type { IncomingMessage } from 'node:http';
import { lanNames } from '../core/services/hub/lan-addresses';

const NAMES_FRESH_MS = 5000;

/**
 * DNS-rebinding and cross-site guard for the hub, as browser mode has for
 * loopback: a request is served only under a name or address of this
 * machine (its LAN addresses, host name, host.local, loopback) with the
 * hub's port, and a socket or a pairing only from a page of that same
 * origin. A page on another site that makes its name resolve to the hub
 * sends its own name as Host and is refused.
 */
export class HostCheck {
  private names: { at: number; hosts: Set<string> } = { at: 0, hosts: new Set() };

  constructor(
    private readonly port: () => number,
    private readonly extraNames: readonly string[] = [],
  ) {}

  hostAllowed(req: IncomingMessage): boolean {
    const host = req.headers.host?.toLowerCase();
    return !!host && this.hosts().has(host);
  }

  /** The Origin must be https:// of the very host the request was sent to. */
  originAllowed(req: IncomingMessage): boolean {
    return this.hostAllowed(req) && req.headers.origin?.toLowerCase() === `https://${req.headers.host!.toLowerCase()}`;
  }

  private hosts(): Set<string> {
    const now = Date.now();
    if (now - this.names.at > NAMES_FRESH_MS) {
      const lan = lanNames();
      const port = this.port();
      const hosts = new Set<string>();
      for (const name of ['localhost', '127.0.0.1', ...lan.addresses, ...lan.hostNames, ...this.extraNames]) {
        hosts.add(`${name.toLowerCase()}:${port}`);
        if (port === 443) hosts.add(name.toLowerCase());
      }
      this.names = { at: now, hosts };
    }
    return this.names.hosts;
  }
}
