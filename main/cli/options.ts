import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError, say, type CommandIo } from './command';

/** Parses a command's options strictly: an unknown or malformed option is a usage error, not a guess. */
export function parseOptions<O extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: O, io: CommandIo) {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: true });
  } catch (err) {
    throw new UsageError(say(io, 'Tuỳ chọn không hợp lệ: ', 'Invalid option: ') + (err as Error).message);
  }
}

/**
 * The station database a command works on: --db FILE, else STATION_DB. It
 * must exist: a support command never creates an empty station by accident.
 */
export function existingDatabase(db: string | undefined, io: CommandIo): string {
  const file = db ?? io.env.STATION_DB;
  if (!file) throw new UsageError(say(io, 'Cần --db <tệp cơ sở dữ liệu của trạm>.', 'Give the station database with --db FILE.'));
  // npm runs scripts from the project folder; a relative path means the folder the operator typed it in.
  const path = resolve(io.env.INIT_CWD ?? process.cwd(), file);
  if (!existsSync(path)) throw new UsageError(say(io, `Không tìm thấy tệp ${path}.`, `No such file: ${path}.`));
  return path;
}
