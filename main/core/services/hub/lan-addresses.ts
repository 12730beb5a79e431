import { hostname, networkInterfaces } from 'node:os';

/** Where desks can reach this machine: its IPv4 LAN addresses (not loopback, not link-local), and its names. */
export interface LanNames {
  addresses: string[];
  hostNames: string[];
}

export function lanNames(): LanNames {
  const addresses: string[] = [];
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) {
      if (a.family === 'IPv4' && !a.internal && !a.address.startsWith('169.254.')) addresses.push(a.address);
    }
  }
  const host = hostname().toLowerCase();
  const hostNames = /^[a-z0-9-]{1,63}$/.test(host) ? [host, `${host}.local`] : [];
  return { addresses: [...new Set(addresses)], hostNames };
}
