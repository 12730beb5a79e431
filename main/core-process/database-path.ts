/**
 * Where the core's SQLite file lives: `--db <path>` (or `--db=<path>`) on the
 * command line, else STATION_DB. The Electron shell always passes `--db`; the
 * environment variable is for running the core by hand against a copy.
 */
export function databasePathFrom(argv: readonly string[], env: NodeJS.ProcessEnv): string | null {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--db') return nonEmpty(argv[i + 1]);
    if (arg.startsWith('--db=')) return nonEmpty(arg.slice('--db='.length));
  }
  return nonEmpty(env.STATION_DB);
}

function nonEmpty(value: string | undefined): string | null {
  return value && value.trim() !== '' && !value.startsWith('--') ? value : null;
}
