import { createStation } from '../../core/station';
import { syncTuningFromEnv } from '../../core/sync/tuning';
import type { RoundResult } from '../../core/sync/uploader';
import { describeReason, type PlatformReason } from '../../domain/fhir';
import { say, UsageError, type Command, type CommandIo } from '../command';
import { existingDatabase, parseOptions } from '../options';

/**
 * `sync --db FILE [--endpoint URL] [--json]`: uploads what is pending, now,
 * with the station's own engine, to the configured platform or to URL for
 * this run (a loopback URL needs no credentials). Sealed credentials open
 * with STATION_SYNC_PASSPHRASE. It rides out a flaky link round after round
 * while rows keep going, and exits 0 only when nothing is left pending.
 */
export const syncCommand: Command = {
  name: 'sync',
  summary: { vi: 'tải lên nền tảng quốc gia những gì đang chờ', en: 'upload what is pending to the national platform' },
  usage: '--db FILE [--endpoint URL] [--json]',
  async run(argv, io) {
    const { values } = parseOptions(argv, { db: { type: 'string' }, endpoint: { type: 'string' }, json: { type: 'boolean' } }, io);
    const file = existingDatabase(values.db, io);
    const station = createStation({ databasePath: file, log: { info: () => {}, warn: () => {}, error: (m) => io.err(m) }, sync: syncTuningFromEnv(io.env) });
    try {
      const sync = station.services.sync;
      const passphrase = io.env.STATION_SYNC_PASSPHRASE;
      if (!values.endpoint && passphrase && sync.connection.state() === 'locked') await sync.connection.unlock(passphrase);
      let platform;
      try {
        platform = sync.connection.platform(values.endpoint);
      } catch (err) {
        throw new UsageError((err as Error).message);
      }
      const total = { sent: 0, rejected: 0, held: 0, requests: 0 };
      let last: RoundResult | null = null;
      try {
        for (let round = 0; round < 50; round++) {
          last = await sync.upload('command', platform, { patience: 8 });
          total.sent += last.sent;
          total.rejected += last.rejected;
          total.held += last.held;
          total.requests += last.requests;
          const pending = station.services.store.q.outbox.summary(station.services.store.clock.now().toISOString()).pending;
          if (pending === 0 || last.outcome === 'failed' || (last.sent === 0 && last.rejected === 0)) break;
        }
      } finally {
        await platform.close();
      }
      const summary = station.services.store.q.outbox.summary(station.services.store.clock.now().toISOString());
      const held = station.services.store.q.outbox.heldReasons();
      const report = { endpoint: platform.endpoint, ...total, pending: summary.pending, heldWaiting: summary.held, rejectedWaiting: summary.rejected, problem: last?.problem ?? null, held };
      if (values.json) io.out(JSON.stringify(report, null, 2));
      else print(report, io);
      return summary.pending + summary.held === 0 ? 0 : 1;
    } finally {
      station.close();
    }
  },
};

interface Report {
  endpoint: string;
  sent: number;
  rejected: number;
  pending: number;
  heldWaiting: number;
  rejectedWaiting: number;
  problem: { code: string; message: string; reason?: PlatformReason } | null;
  held: { kind: string; reason: string; n: number }[];
}

function print(r: Report, io: CommandIo): void {
  io.out(`${say(io, 'Nền tảng', 'Platform')}: ${r.endpoint}`);
  io.out(`${say(io, 'Đã gửi', 'Sent')}: ${r.sent}`);
  io.out(`${say(io, 'Bị từ chối', 'Rejected')}: ${r.rejected} (${say(io, 'đang chờ xử lý', 'waiting for a supervisor')}: ${r.rejectedWaiting})`);
  io.out(`${say(io, 'Còn chờ gửi', 'Still pending')}: ${r.pending}`);
  if (r.heldWaiting) io.out(`${say(io, 'Giữ lại', 'Held back')}: ${r.heldWaiting}`);
  for (const h of r.held) io.out(`  ${h.kind} × ${h.n}: ${h.reason}`);
  if (r.problem) io.out(`${say(io, 'Vấn đề', 'Problem')}: ${r.problem.message}${r.problem.reason ? ` — ${describeReason(r.problem.reason)}` : ''}`);
}
