import type { Database } from 'better-sqlite3';

export interface HubIdentityRow {
  privateKeyPem: string;
  certificatePem: string;
  fingerprint: string;
  createdAt: string;
}

export interface PairedDeskRow {
  id: string;
  name: string;
  roles: ('nurse' | 'supervisor')[];
  credentialHash: string;
  pairedAt: string;
  pairedBy: string | null;
  pairedByName: string | null;
  pairedFrom: string | null;
  lastSeenAt: string | null;
  lastAddress: string | null;
  revokedAt: string | null;
  revokedBy: string | null;
}

const DESK_COLUMNS = `d.id, d.name, d.roles_json AS rolesJson, d.credential_hash AS credentialHash, d.paired_at AS pairedAt,
  d.paired_by AS pairedBy, s.full_name AS pairedByName, d.paired_from AS pairedFrom, d.last_seen_at AS lastSeenAt,
  d.last_address AS lastAddress, d.revoked_at AS revokedAt, d.revoked_by AS revokedBy`;

type RawDesk = Omit<PairedDeskRow, 'roles'> & { rolesJson: string };
const toDesk = (r: RawDesk | undefined): PairedDeskRow | null => {
  if (!r) return null;
  const { rolesJson, ...rest } = r;
  return { ...rest, roles: JSON.parse(rolesJson) as PairedDeskRow['roles'] };
};

export function hubQueries(db: Database) {
  const identity = db.prepare(`SELECT private_key_pem AS privateKeyPem, certificate_pem AS certificatePem, fingerprint, created_at AS createdAt FROM hub_identity WHERE id = 1`);
  const putIdentity = db.prepare(`INSERT INTO hub_identity (id, private_key_pem, certificate_pem, fingerprint, created_at) VALUES (1, @privateKeyPem, @certificatePem, @fingerprint, @createdAt)`);
  const deskById = db.prepare(`SELECT ${DESK_COLUMNS} FROM paired_desk d LEFT JOIN staff s ON s.id = d.paired_by WHERE d.id = ?`);
  const desks = db.prepare(`SELECT ${DESK_COLUMNS} FROM paired_desk d LEFT JOIN staff s ON s.id = d.paired_by ORDER BY d.revoked_at IS NOT NULL, d.paired_at`);
  const insertDesk = db.prepare(`INSERT INTO paired_desk (id, name, roles_json, credential_hash, paired_at, paired_by, paired_from)
    VALUES (@id, @name, @rolesJson, @credentialHash, @pairedAt, @pairedBy, @pairedFrom)`);
  const updateDesk = db.prepare(`UPDATE paired_desk SET name = @name, roles_json = @rolesJson WHERE id = @id`);
  const revoke = db.prepare(`UPDATE paired_desk SET revoked_at = ?, revoked_by = ? WHERE id = ? AND revoked_at IS NULL`);
  const seen = db.prepare(`UPDATE paired_desk SET last_seen_at = ?, last_address = ? WHERE id = ?`);
  return {
    identity: () => (identity.get() as HubIdentityRow | undefined) ?? null,
    putIdentity: (row: HubIdentityRow) => void putIdentity.run(row),
    desk: (id: string) => toDesk(deskById.get(id) as RawDesk | undefined),
    desks: () => (desks.all() as RawDesk[]).map((r) => toDesk(r)!),
    insertDesk: (row: { id: string; name: string; roles: string[]; credentialHash: string; pairedAt: string; pairedBy: string | null; pairedFrom: string | null }) =>
      void insertDesk.run({ ...row, rolesJson: JSON.stringify(row.roles) }),
    updateDesk: (id: string, name: string, roles: string[]) => void updateDesk.run({ id, name, rolesJson: JSON.stringify(roles) }),
    revokeDesk: (id: string, at: string, by: string | null) => revoke.run(at, by, id).changes === 1,
    seen: (id: string, at: string, address: string | null) => void seen.run(at, address, id),
  };
}
