/** Codes of the site's LAN: the hub, pairing, desk credentials and the link between a desk and its hub. */
export const HUB_ERROR_CODES = [
  /** The desk cannot reach the hub now: nothing was sent. */
  'HUB_UNREACHABLE',
  /** The call was sent, but the link dropped before the hub answered: it may have been carried out. */
  'HUB_NO_ANSWER',
  /** The hub could not listen on its port (in use, not allowed). */
  'HUB_CANNOT_LISTEN',
  /** The address typed or scanned is not a hub address. */
  'HUB_ADDRESS_INVALID',
  /** What answered at that address is not a station hub (or not reachable over TLS). */
  'HUB_NOT_A_HUB',
  /** The hub's certificate is not the one pinned (or shown when pairing): possibly another machine. */
  'HUB_FINGERPRINT_MISMATCH',
  /** The pairing code is wrong. */
  'PAIRING_CODE_WRONG',
  /** No pairing code is shown at the hub now (never shown, used, expired or stopped). */
  'PAIRING_CLOSED',
  /** Too many wrong codes: the code was withdrawn, or this address must wait. */
  'PAIRING_TOO_MANY_TRIES',
  /** This desk is not paired with the hub (or its credential is unknown there). */
  'DESK_NOT_PAIRED',
  /** The supervisor revoked this desk. */
  'DESK_REVOKED',
  /** This desk is not for that role (a desk paired for nurses, a supervisor signing in). */
  'DESK_ROLE_NOT_ALLOWED',
  /** This station runs its own database: pairing is done in the desktop app or a browser opened at the hub. */
  'DESK_MODE_UNAVAILABLE',
  /** This station already holds a site's data; it cannot become another hub's desk. */
  'DESK_HAS_LOCAL_DATA',
  /** The hub carried this call out before but no longer holds its answer. */
  'CALL_ANSWER_LOST',
  /** Looking for hubs on the LAN is not possible here. */
  'DISCOVERY_UNAVAILABLE',
] as const;
