import BetterSqlite3 from 'better-sqlite3';
import { openDatabase, closeDatabase } from '../../../db/open';
import type { PairedDesk } from '../../../preload/contract';
import { systemClock } from '../../core/clock';
import { HubService } from '../../core/services/hub/hub-service';
import { spkiPinOf } from '../../core/services/hub/hub-identity';
import { Store } from '../../core/store';
import { StationError } from '../../core/errors';
import { UsageError, say, type Command, type CommandIo } from '../command';
import { existingDatabase, parseOptions } from '../options';

/**
 * `desks --db FILE [--json]` and `desks revoke <desk id or name> --db FILE`:
 * the desks paired with this station as a hub, and the hub's certificate
 * fingerprint and SPKI pin (for a browser desk's shortcut); revoking one
 * when the supervisor's own desk cannot (a lost laptop, the hub's screen
 * broken). A running hub cuts the revoked desk within seconds.
 */
export const desksCommand: Command = {
  name: 'desks',
  summary: { vi: 'các bàn đã ghép nối với máy chủ trạm; thu hồi một bàn', en: 'desks paired with the station hub; revoke one' },
  usage: '--db FILE [--json] | revoke <desk id or name> --db FILE',
  async run(argv, io) {
    const { values, positionals } = parseOptions(argv, { db: { type: 'string' }, json: { type: 'boolean' } }, io);
    const file = existingDatabase(values.db, io);
    const [verb, target, ...rest] = positionals;
    if (rest.length || (verb && verb !== 'revoke') || (verb === 'revoke' && !target)) {
      throw new UsageError(say(io, 'Dùng: desks --db TỆP, hoặc desks revoke <mã hoặc tên bàn> --db TỆP', 'Use: desks --db FILE, or desks revoke <desk id or name> --db FILE'));
    }
    if (verb === 'revoke') return revoke(file, target!, io);
    return list(file, values.json ?? false, io);
  },
};

function hasHubTables(db: BetterSqlite3.Database): boolean {
  return !!db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'paired_desk'`).pluck().get();
}

function list(file: string, json: boolean, io: CommandIo): number {
  const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    if (!hasHubTables(db)) {
      io.out(say(io, 'Trạm này chưa từng làm máy chủ cho các bàn.', 'This station has never served desks.'));
      return 0;
    }
    const hub = new HubService(new Store(db, systemClock, () => {}));
    const identity = hub.secrets.identity();
    const desks = hub.desks(true);
    const info = { fingerprint: identity?.fingerprint ?? null, spkiPin: identity ? spkiPinOf(identity.certificatePem) : null, desks };
    if (json) {
      io.out(JSON.stringify(info, null, 2));
      return 0;
    }
    io.out(`${say(io, 'Mã nhận dạng chứng thư (SHA-256)', 'Certificate fingerprint (SHA-256)')}: ${info.fingerprint ?? '—'}`);
    if (info.spkiPin) io.out(`${say(io, 'Ghim cho trình duyệt', 'Browser pin')}: --ignore-certificate-errors-spki-list=${info.spkiPin}`);
    if (!desks.length) io.out(say(io, 'Chưa có bàn nào được ghép nối.', 'No desk paired yet.'));
    for (const d of desks) io.out(line(d, io));
    return 0;
  } finally {
    db.close();
  }
}

function line(d: PairedDesk, io: CommandIo): string {
  const state = d.revokedAt ? say(io, `đã thu hồi ${d.revokedAt}`, `revoked ${d.revokedAt}`) : say(io, `lần cuối ${d.lastSeenAt ?? '—'} ${d.lastAddress ?? ''}`, `last seen ${d.lastSeenAt ?? '—'} ${d.lastAddress ?? ''}`);
  return `  ${d.id}  ${d.name.padEnd(24)} ${d.roles.join('+').padEnd(17)} ${say(io, 'ghép', 'paired')} ${d.pairedAt}  ${state.trim()}`;
}

function revoke(file: string, target: string, io: CommandIo): number {
  const db = openDatabase(file);
  try {
    const hub = new HubService(new Store(db, systemClock, () => {}));
    const matches = hub.desks(false).filter((d) => d.id === target || d.name.toLowerCase() === target.toLowerCase());
    if (matches.length !== 1) {
      io.err(matches.length ? say(io, `Có ${matches.length} bàn tên "${target}": dùng mã bàn.`, `${matches.length} desks are named "${target}": use the desk id.`) : say(io, `Không có bàn đang ghép nối nào là "${target}".`, `No paired desk is "${target}".`));
      return 1;
    }
    try {
      const desk = hub.revokeDesk(null, matches[0]!.id, 'command line');
      io.out(say(io, `Đã thu hồi bàn "${desk.name}" (${desk.id}).`, `Revoked the desk "${desk.name}" (${desk.id}).`));
      return 0;
    } catch (err) {
      if (err instanceof StationError) {
        io.err(`${err.code}: ${err.message}`);
        return 1;
      }
      throw err;
    }
  } finally {
    closeDatabase(db);
  }
}
