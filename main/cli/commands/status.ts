import BetterSqlite3 from 'better-sqlite3';
import { MIGRATIONS } from '../../../db/migrations';
import { say, type Command, type CommandIo } from '../command';
import { existingDatabase, parseOptions } from '../options';

interface StationStatus {
  database: string;
  schema: { applied: number; known: number };
  site: { code: string; name: string } | null;
  sessions: { date: string; period: string; state: string; visits: number; doses: number }[];
  outbox: { state: string; count: number }[];
  oldestPending: string | null;
  lastSent: string | null;
  quickCheck?: string;
}

/**
 * `status --db FILE [--check] [--json]`: what a support call asks first —
 * which site this file belongs to, its recent sessions, and how much is still
 * waiting for the national platform. Opens the file read-only, so it is safe
 * beside a running station.
 */
export const statusCommand: Command = {
  name: 'status',
  summary: { vi: 'trạm, các buổi tiêm gần đây và hàng đợi tải lên', en: 'the site, recent sessions and the upload queue' },
  usage: '--db FILE [--check] [--json]',
  async run(argv, io) {
    const { values } = parseOptions(argv, { db: { type: 'string' }, check: { type: 'boolean' }, json: { type: 'boolean' } }, io);
    const file = existingDatabase(values.db, io);
    const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
    try {
      db.pragma('busy_timeout = 5000');
      const status = read(db, file, values.check ?? false);
      if (values.json) io.out(JSON.stringify(status, null, 2));
      else print(status, io);
      return status.quickCheck === undefined || status.quickCheck === 'ok' ? 0 : 1;
    } finally {
      db.close();
    }
  },
};

function read(db: BetterSqlite3.Database, database: string, check: boolean): StationStatus {
  const applied = db.prepare(`SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migration'`).pluck().get()
    ? (db.prepare('SELECT count(*) FROM schema_migration').pluck().get() as number)
    : 0;
  const has = (table: string) => !!db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).pluck().get(table);
  const site = has('site') ? ((db.prepare('SELECT code, name FROM site LIMIT 1').get() as StationStatus['site'] | undefined) ?? null) : null;
  const sessions = has('visit')
    ? (db
        .prepare(
          `SELECT p.session_date AS date, p.period, p.state,
             (SELECT count(*) FROM visit v WHERE v.plan_id = p.id) AS visits,
             (SELECT count(*) FROM dose d JOIN visit v ON v.id = d.visit_id WHERE v.plan_id = p.id AND d.status = 'valid') AS doses
           FROM session_plan p ORDER BY p.session_date DESC, p.period LIMIT 7`,
        )
        .all() as StationStatus['sessions'])
    : [];
  const outbox = has('outbox') ? (db.prepare('SELECT state, count(*) AS count FROM outbox GROUP BY state ORDER BY state').all() as StationStatus['outbox']) : [];
  const oldestPending = has('outbox') ? ((db.prepare(`SELECT min(created_at) FROM outbox WHERE state = 'pending'`).pluck().get() as string | null) ?? null) : null;
  const lastSent = has('outbox') ? ((db.prepare(`SELECT max(sent_at) FROM outbox WHERE state = 'sent'`).pluck().get() as string | null) ?? null) : null;
  const status: StationStatus = { database, schema: { applied, known: MIGRATIONS.length }, site, sessions, outbox, oldestPending, lastSent };
  if (check) status.quickCheck = (db.prepare('PRAGMA quick_check').pluck().all() as string[]).join('; ');
  return status;
}

function print(s: StationStatus, io: CommandIo): void {
  io.out(`${say(io, 'Cơ sở dữ liệu', 'Database')}: ${s.database}`);
  io.out(`${say(io, 'Lược đồ', 'Schema')}: ${s.schema.applied}/${s.schema.known}`);
  io.out(`${say(io, 'Cơ sở tiêm', 'Site')}: ${s.site ? `${s.site.code} — ${s.site.name}` : say(io, '(chưa thiết lập)', '(not set up)')}`);
  if (s.sessions.length) io.out(say(io, 'Buổi tiêm gần đây:', 'Recent sessions:'));
  for (const p of s.sessions) io.out(`  ${p.date} ${p.period.padEnd(9)} ${p.state.padEnd(8)} ${say(io, 'lượt', 'visits')} ${p.visits}, ${say(io, 'mũi', 'doses')} ${p.doses}`);
  const queued = s.outbox.map((o) => `${o.state} ${o.count}`).join(', ') || say(io, 'trống', 'empty');
  io.out(`${say(io, 'Hàng đợi tải lên', 'Upload queue')}: ${queued}`);
  if (s.oldestPending) io.out(`  ${say(io, 'chờ lâu nhất từ', 'oldest waiting since')} ${s.oldestPending}`);
  if (s.lastSent) io.out(`  ${say(io, 'gửi lần cuối', 'last sent')} ${s.lastSent}`);
  if (s.quickCheck !== undefined) io.out(`${say(io, 'Kiểm tra tệp', 'File check')}: ${s.quickCheck}`);
}
