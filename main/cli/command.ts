/**
 * One support command of `npm run station -- <command>`. Each command lives
 * in its own module under commands/ and is listed in registry.ts; it prints
 * through `out` (results) and `err` (refusals), in the operator's language,
 * and returns the process exit code.
 */
export interface CommandIo {
  out(line: string): void;
  err(line: string): void;
  /** Vietnamese or English, from --lang, STATION_LANG or LANG (Vietnamese when it starts with "vi"). */
  lang: 'vi' | 'en';
  env: NodeJS.ProcessEnv;
}

export interface Command {
  name: string;
  /** One line for the command list, in both languages. */
  summary: { vi: string; en: string };
  /** The options, as `--help` prints them. */
  usage: string;
  run(argv: string[], io: CommandIo): Promise<number>;
}

/** A refusal the operator can act on: printed without a stack trace, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Picks the operator's language for a message. */
export const say = (io: Pick<CommandIo, 'lang'>, vi: string, en: string): string => (io.lang === 'vi' ? vi : en);
