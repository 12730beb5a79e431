import type { Database } from 'better-sqlite3';

export interface StaffRow {
  id: string;
  username: string;
  fullName: string;
  role: 'nurse' | 'supervisor';
  pinHash: string;
  active: boolean;
  failedAttempts: number;
  lockedUntil: string | null;
  createdAt: string;
  updatedAt: string;
}

const COLUMNS = `id, username, full_name AS fullName, role, pin_hash AS pinHash, active,
  failed_attempts AS failedAttempts, locked_until AS lockedUntil, created_at AS createdAt, updated_at AS updatedAt`;

type RawStaff = Omit<StaffRow, 'active'> & { active: number };
const toRow = (r: RawStaff | undefined): StaffRow | null => (r ? { ...r, active: r.active === 1 } : null);

export function staffQueries(db: Database) {
  const byId = db.prepare(`SELECT ${COLUMNS} FROM staff WHERE id = ?`);
  const byUsername = db.prepare(`SELECT ${COLUMNS} FROM staff WHERE username = ?`);
  const all = db.prepare(`SELECT ${COLUMNS} FROM staff ORDER BY role DESC, full_name`);
  const countActiveSupervisors = db.prepare(`SELECT count(*) AS n FROM staff WHERE role = 'supervisor' AND active = 1`);
  const insert = db.prepare(`INSERT INTO staff (id, username, full_name, role, pin_hash, active, failed_attempts, locked_until, created_at, updated_at)
    VALUES (@id, @username, @fullName, @role, @pinHash, @active, 0, NULL, @createdAt, @updatedAt)`);
  const update = db.prepare(`UPDATE staff SET full_name = @fullName, role = @role, pin_hash = @pinHash, active = @active,
    failed_attempts = @failedAttempts, locked_until = @lockedUntil, updated_at = @updatedAt WHERE id = @id`);
  // A sign-in owns only these two columns: it never writes back the rest of a row it read before the slow PIN check.
  const setAttempts = db.prepare('UPDATE staff SET failed_attempts = ?, locked_until = ? WHERE id = ?');
  const count = db.prepare('SELECT count(*) AS n FROM staff');
  return {
    byId: (id: string) => toRow(byId.get(id) as RawStaff | undefined),
    byUsername: (username: string) => toRow(byUsername.get(username) as RawStaff | undefined),
    all: () => (all.all() as RawStaff[]).map((r) => toRow(r)!),
    count: () => (count.get() as { n: number }).n,
    activeSupervisorCount: () => (countActiveSupervisors.get() as { n: number }).n,
    insert: (row: Omit<StaffRow, 'failedAttempts' | 'lockedUntil'>) => void insert.run({ ...row, active: row.active ? 1 : 0 }),
    update: (row: StaffRow) => void update.run({ ...row, active: row.active ? 1 : 0 }),
    setAttempts: (id: string, failedAttempts: number, lockedUntil: string | null) => void setAttempts.run(failedAttempts, lockedUntil, id),
  };
}
