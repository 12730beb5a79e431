import { z } from 'zod';
import { Empty, Instant, Role, op } from './common';

/**
 * Several desks at one site. One station is the hub: its core and database
 * are the site's, and it serves desks on the LAN over TLS. Other machines
 * are desks: paired with the hub once (a short code, or a QR with the hub's
 * address and certificate fingerprint), then clients of this same contract.
 *
 * `hub:*` operations are the supervisor's, at the hub. `desk:*` operations
 * are answered by the desk's own transport (the browser page served by the
 * hub, or the desktop app in desk mode), which knows the link; a station
 * running its own database answers them as a local station.
 */

export const DeskName = z.string().trim().min(1).max(60);

/** Six digits, as the hub shows them; spaces or a dash typed between the groups are ignored. */
export const PairingCode = z
  .string()
  .max(20)
  .transform((s) => s.replace(/[\s-]/g, ''))
  .pipe(z.string().regex(/^\d{6}$/, 'six digits'));

/** `host:port`, or the hub's https:// link (a QR's text). */
export const HubAddress = z.string().trim().min(1).max(500);

/** SHA-256 of the hub's certificate (DER), as 32 hex pairs with colons, the way browsers show it. */
export const CertificateFingerprint = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase())
  .pipe(z.string().regex(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/, 'SHA-256 fingerprint'));

export const PairedDesk = z.object({
  id: z.string(),
  name: z.string(),
  /** Who may sign in at this desk. */
  roles: z.array(Role).min(1),
  pairedAt: Instant,
  /** The supervisor who showed the code. */
  pairedBy: z.string().nullable(),
  lastSeenAt: z.string().nullable(),
  lastAddress: z.string().nullable(),
  /** Windows of this desk connected now. */
  connected: z.number().int().nonnegative(),
  revokedAt: z.string().nullable(),
});
export type PairedDesk = z.infer<typeof PairedDesk>;

export const PairingOffer = z.object({
  code: z.string(),
  expiresAt: Instant,
  /** Who may sign in at the desk that pairs with this code. */
  roles: z.array(Role).min(1),
  /** What the QR says: the hub's link with the code and the certificate fingerprint. */
  link: z.string(),
  /** The QR as a PNG data URL. */
  qrDataUrl: z.string(),
});
export type PairingOffer = z.infer<typeof PairingOffer>;

/** Why the hub is not serving desks although it is turned on. */
export const HubProblem = z.enum(['port-in-use', 'cannot-listen', 'no-host']);
export type HubProblem = z.infer<typeof HubProblem>;

export const HubStatus = z.object({
  enabled: z.boolean(),
  listening: z.boolean(),
  port: z.number().int().min(1024).max(65535),
  /** Addresses desks can open (https://host:port), LAN addresses first. */
  addresses: z.array(z.string()),
  fingerprint: z.string().nullable(),
  /** Announced on the LAN by mDNS, so desktop desks can find the hub without typing its address. */
  discoverable: z.boolean(),
  problem: HubProblem.nullable(),
  pairing: PairingOffer.nullable(),
});
export type HubStatus = z.infer<typeof HubStatus>;

export const hubOps = {
  'hub:status': op({ summary: 'Whether this station serves desks on the LAN, its addresses and certificate fingerprint', request: Empty, response: HubStatus }),
  'hub:configure': op({
    summary: 'Turn hub mode on or off, choose its port and mDNS announcement',
    request: z.object({ enabled: z.boolean().optional(), port: z.number().int().min(1024).max(65535).optional(), discoverable: z.boolean().optional() }).strict(),
    response: HubStatus,
  }),
  'hub:startPairing': op({ summary: 'Show a pairing code and QR for the next desk', request: z.object({ roles: z.array(Role).min(1).max(2) }), response: HubStatus }),
  'hub:stopPairing': op({ summary: 'Stop showing a pairing code', request: Empty, response: HubStatus }),
  'hub:desks': op({ summary: 'Desks paired with this hub', request: z.object({ includeRevoked: z.boolean().optional() }), response: z.array(PairedDesk) }),
  'hub:updateDesk': op({
    summary: "Rename a paired desk or change who may sign in at it",
    request: z.object({ id: z.string().max(100), name: DeskName.optional(), roles: z.array(Role).min(1).max(2).optional() }),
    response: PairedDesk,
  }),
  'hub:revokeDesk': op({ summary: 'Revoke a desk: it is disconnected and refused from now on', request: z.object({ id: z.string().max(100) }), response: PairedDesk }),
};

/** How a desk's link to its hub stands. `local`: this station runs its own database. */
export const LinkState = z.enum(['local', 'connecting', 'online', 'offline', 'refused']);
export type LinkState = z.infer<typeof LinkState>;

export const DeskLinkStatus = z.object({
  mode: z.enum(['local', 'desk']),
  state: LinkState,
  paired: z.boolean(),
  hubAddress: z.string().nullable(),
  fingerprint: z.string().nullable(),
  deskName: z.string().nullable(),
  /** Why the hub refused this desk. */
  refusal: z.enum(['not-paired', 'revoked']).nullable(),
  /** The desktop app can look for hubs on the LAN (mDNS); a browser cannot. */
  canDiscover: z.boolean(),
  /** The desktop app must be told the hub's address and check its fingerprint; a browser opened the hub already. */
  needsAddress: z.boolean(),
});
export type DeskLinkStatus = z.infer<typeof DeskLinkStatus>;

export const DiscoveredHub = z.object({ name: z.string(), address: z.string(), fingerprint: z.string().nullable() });
export type DiscoveredHub = z.infer<typeof DiscoveredHub>;

export const deskOps = {
  'desk:link': op({ summary: "This desk's link to its hub (or: a local station)", request: Empty, response: DeskLinkStatus }),
  'desk:probe': op({
    summary: "Reach a hub and read its certificate fingerprint, to compare with the hub's screen before pairing",
    request: z.object({ address: HubAddress }),
    response: z.object({ address: z.string(), fingerprint: z.string() }),
  }),
  'desk:pair': op({
    summary: 'Pair this desk with a hub using the code it shows',
    request: z.object({ code: PairingCode, deskName: DeskName, address: HubAddress.optional(), fingerprint: CertificateFingerprint.optional() }),
    response: DeskLinkStatus,
  }),
  'desk:forget': op({ summary: 'Forget the hub this desk was paired with', request: Empty, response: DeskLinkStatus }),
  'desk:discover': op({ summary: 'Hubs announcing themselves on the LAN', request: Empty, response: z.array(DiscoveredHub) }),
};

export const hubEvents = {
  /** Hub mode, the pairing code or the paired desks changed; the supervisor's hub panel refreshes. */
  'hub:changed': z.object({ reason: z.enum(['status', 'pairing', 'desks']) }),
  /** Sent by a desk's own transport (never by the core): the link to the hub went down or came back. */
  'link:state': z.object({ state: LinkState, since: Instant }),
  /**
   * Sent by a desk's own transport after it reconnected: what the desk shows
   * may be stale (changes it could not be told about one by one); every view
   * reloads. `missed` is how many events were replayed, -1 when too many.
   */
  'link:resync': z.object({ missed: z.number().int() }),
};
