/**
 * The station as the hub of a site's LAN: its TLS identity and the desks
 * paired with it.
 *
 * - `hub_identity` holds the one self-signed certificate and its private key
 *   the hub serves desks with; desks pin `fingerprint` (SHA-256 of the
 *   certificate's DER), so it is generated once and kept.
 * - `paired_desk` is one row per desk ever paired: its name, the roles that
 *   may sign in at it, when and by whom it was paired, when it was last seen
 *   and whether it was revoked. Only a hash of its credential is kept; a
 *   revoked row stays for the audit trail.
 */
export const sql = `
CREATE TABLE hub_identity (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  private_key_pem TEXT NOT NULL,
  certificate_pem TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE paired_desk (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  roles_json TEXT NOT NULL,
  credential_hash TEXT NOT NULL,
  paired_at TEXT NOT NULL,
  paired_by TEXT REFERENCES staff (id),
  paired_from TEXT,
  last_seen_at TEXT,
  last_address TEXT,
  revoked_at TEXT,
  revoked_by TEXT REFERENCES staff (id)
) STRICT;
`;
