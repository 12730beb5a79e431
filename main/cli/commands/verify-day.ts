import BetterSqlite3 from 'better-sqlite3';
import { createPublicKey, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { DayVerification } from '../../../preload/contract';
import { sessionsOn, verifyDay } from '../../core/services/close-of-day/verify';
import { UsageError, say, type Command, type CommandIo } from '../command';
import { existingDatabase, parseOptions } from '../options';

/**
 * `verify-day --db FILE --date yyyy-MM-dd [--period P] [--key FILE] [--json]`:
 * recomputes each session's manifest from the records in the file and checks
 * it against the signed one. Exit 0 when every session of the day is closed
 * and verifies; 1 when anything differs, naming each record. Read-only.
 */
export const verifyDayCommand: Command = {
  name: 'verify-day',
  summary: { vi: 'kiểm tra bản kê có chữ ký số của một ngày tiêm', en: "check a day's signed manifest against its records" },
  usage: '--db FILE --date yyyy-MM-dd [--period morning|afternoon|all_day] [--key PUBLIC_KEY_OR_CERTIFICATE.pem] [--json]',
  async run(argv, io) {
    const { values } = parseOptions(
      argv,
      { db: { type: 'string' }, date: { type: 'string' }, period: { type: 'string' }, key: { type: 'string' }, json: { type: 'boolean' } },
      io,
    );
    const file = existingDatabase(values.db, io);
    const date = values.date;
    if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`)) || new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) !== date) {
      throw new UsageError(say(io, 'Cần --date dạng yyyy-MM-dd (ví dụ 2026-03-10).', 'Give --date as yyyy-MM-dd (e.g. 2026-03-10).'));
    }
    if (values.period && !['morning', 'afternoon', 'all_day'].includes(values.period)) {
      throw new UsageError(say(io, '--period là morning, afternoon hoặc all_day.', '--period is morning, afternoon or all_day.'));
    }
    const publicKeyDer = values.key ? readKey(values.key, io) : undefined;
    const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
    try {
      db.pragma('busy_timeout = 5000');
      if (!db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'day_manifest'`).pluck().get()) {
        io.err(say(io, 'Tệp này chưa có bản kê nào (phiên bản trạm cũ).', 'This file has no manifests (an older station version).'));
        return 1;
      }
      const sessions = sessionsOn(db, date).filter((s) => !values.period || s.period === values.period);
      if (sessions.length === 0) {
        io.err(say(io, `Không có buổi tiêm nào ngày ${date}.`, `No session on ${date}.`));
        return 1;
      }
      const results = sessions.map((s) => verifyDay(db, s.id, { publicKeyDer }));
      if (values.json) io.out(JSON.stringify(results, null, 2));
      else for (const r of results) print(r, io);
      return results.every((r) => r.ok) ? 0 : 1;
    } finally {
      db.close();
    }
  },
};

/** A PEM public key, a PEM/DER certificate, or a DER SPKI: the station key as the district holds it. */
function readKey(path: string, io: CommandIo): Buffer {
  const full = resolve(io.env.INIT_CWD ?? process.cwd(), path);
  let bytes: Buffer;
  try {
    bytes = readFileSync(full);
  } catch {
    throw new UsageError(say(io, `Không đọc được tệp khóa ${full}.`, `Cannot read the key file ${full}.`));
  }
  try {
    const text = bytes.toString('utf8');
    if (text.includes('BEGIN CERTIFICATE') || bytes[0] === 0x30) {
      try {
        return new X509Certificate(bytes).publicKey.export({ type: 'spki', format: 'der' });
      } catch {
        // Not a certificate: a DER public key, tried next.
      }
    }
    const key = text.includes('BEGIN') ? createPublicKey(text) : createPublicKey({ key: bytes, format: 'der', type: 'spki' });
    return key.export({ type: 'spki', format: 'der' });
  } catch {
    throw new UsageError(say(io, `${full} không phải khóa công khai hay chứng thư.`, `${full} is not a public key or a certificate.`));
  }
}

const TABLE_WORDS: Readonly<Record<string, [string, string]>> = {
  dose: ['mũi tiêm', 'dose'],
  visit: ['lượt', 'visit'],
  screening: ['khám sàng lọc', 'screening'],
  vial: ['lọ', 'vial'],
  vaccine_lot: ['lô', 'lot'],
  observation: ['theo dõi', 'observation'],
  aefi: ['phản ứng', 'adverse event'],
};

function print(r: DayVerification, io: CommandIo): void {
  io.out(`${r.sessionDate} ${r.period} (${r.planId})`);
  const state = { planned: say(io, 'đã lập kế hoạch', 'planned'), open: say(io, 'đang mở', 'open'), closed: say(io, 'đã kết thúc', 'closed') }[r.state];
  io.out(`  ${say(io, 'Trạng thái', 'State')}: ${state}, ${say(io, 'lần ký', 'revision')} ${r.revision ?? '—'}, ${say(io, 'bản ghi', 'records')} ${r.records}`);
  if (r.keyFingerprint) io.out(`  ${say(io, 'Khóa trạm (SHA-256)', 'Station key (SHA-256)')}: ${r.keyFingerprint}`);
  io.out(`  ${say(io, 'Chữ ký', 'Signature')}: ${r.signatureValid ? 'ok' : say(io, 'KHÔNG HỢP LỆ', 'INVALID')}`);
  io.out(`  ${say(io, 'Chuỗi các lần ký', 'Revision chain')}: ${r.chainValid ? 'ok' : say(io, 'ĐỨT', 'BROKEN')}`);
  io.out(`  ${say(io, 'Băm các bản ghi', 'Records hash')}: ${r.recordsHashValid ? 'ok' : say(io, 'KHÔNG KHỚP', 'MISMATCH')}`);
  for (const f of r.findings) io.out(`  ! ${finding(f, io)}`);
  for (const p of r.problems) {
    const [vi, en] = TABLE_WORDS[p.table] ?? [p.table, p.table];
    const what = p.change === 'changed' ? say(io, 'đã bị sửa', 'changed') : p.change === 'missing' ? say(io, 'đã bị xóa', 'missing') : say(io, 'thêm sau khi ký', 'added after signing');
    io.out(`  ✗ ${say(io, vi, en)} ${p.key} ${what}${p.label ? ` (${p.label})` : ''}`);
  }
  io.out(`  ${r.ok ? say(io, 'KHỚP: số liệu không bị thay đổi sau khi ký.', 'VERIFIED: the figures were not changed after signing.') : say(io, 'KHÔNG KHỚP.', 'NOT VERIFIED.')}`);
}

function finding(code: string, io: CommandIo): string {
  const [kind, detail] = code.split(/:(.*)/s) as [string, string | undefined];
  const words: Record<string, [string, string]> = {
    not_closed: ['buổi tiêm chưa kết thúc, chưa có bản kê', 'the session was never closed: no manifest'],
    closed_without_manifest: ['buổi tiêm đã đóng nhưng không có bản kê', 'the session is closed but has no manifest'],
    reopened: ['buổi tiêm đã được mở lại: bản kê cuối không còn là trạng thái hiện tại', 'the session was re-opened: the last manifest no longer seals it'],
    signature_invalid: ['chữ ký không hợp lệ ở lần ký', 'invalid signature on revision'],
    statement_invalid: ['bản kê không đọc được ở lần ký', 'unreadable statement on revision'],
    statement_hash_mismatch: ['băm bản kê không khớp ở lần ký', 'statement hash mismatch on revision'],
    key_missing: ['không tìm thấy khóa của lần ký', 'no key for revision'],
    key_not_named_in_statement: ['khóa không phải khóa ghi trong bản kê, lần ký', 'not the key the statement names, revision'],
    chain_broken: ['chuỗi các lần ký bị đứt ở lần ký', 'revision chain broken at revision'],
    records_hash_mismatch: ['băm các bản ghi không khớp ở lần ký', 'records hash mismatch on revision'],
    records_unreadable: ['không đọc được các bản ghi', 'records unreadable'],
    unexpected_type: ['kiểu chữ ký không đúng ở lần ký', 'unexpected signature type on revision'],
  };
  const w = words[kind];
  return w ? `${say(io, w[0], w[1])}${detail ? ` ${detail}` : ''}` : code;
}
