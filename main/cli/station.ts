import { COMMANDS } from './registry';
import { UsageError, say, type CommandIo } from './command';

/**
 * `npm run station -- <command> [options]`: the station's command line for
 * site support and automation. It works on the same database file and the
 * same core as the desks; nothing here is a test hook.
 */
export async function runStationCli(argv: string[], io: CommandIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    const wanted = rest[0] ? COMMANDS.find((c) => c.name === rest[0]) : undefined;
    if (wanted) io.out(`npm run station -- ${wanted.name} ${wanted.usage}`);
    else printCommands(io);
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.err(say(io, `Không có lệnh "${name}".`, `There is no command "${name}".`));
    printCommands(io);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(`npm run station -- ${command.name} ${command.usage}`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(err.message);
      io.out(`npm run station -- ${command.name} ${command.usage}`);
      return 2;
    }
    io.err(say(io, `Lệnh ${command.name} thất bại: `, `${command.name} failed: `) + (err instanceof Error ? err.message : String(err)));
    return 1;
  }
}

function printCommands(io: CommandIo): void {
  io.out(say(io, 'Cách dùng: npm run station -- <lệnh> [tuỳ chọn]', 'Usage: npm run station -- <command> [options]'));
  for (const c of COMMANDS) io.out(`  ${c.name.padEnd(15)} ${c.summary[io.lang]}`);
  io.out(say(io, '  help <lệnh>     tuỳ chọn của một lệnh', '  help <command>  the options of one command'));
}

/** The operator's language: --lang vi|en, else STATION_LANG, else LANG. */
export function languageOf(argv: string[], env: NodeJS.ProcessEnv): { lang: 'vi' | 'en'; argv: string[] } {
  const rest: string[] = [];
  let lang: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--lang') lang = argv[++i];
    else if (a.startsWith('--lang=')) lang = a.slice('--lang='.length);
    else rest.push(a);
  }
  const chosen = (lang ?? env.STATION_LANG ?? env.LANG ?? '').toLowerCase();
  return { lang: chosen.startsWith('vi') ? 'vi' : 'en', argv: rest };
}

if (require.main === module) {
  const { lang, argv } = languageOf(process.argv.slice(2), process.env);
  const io: CommandIo = { out: (l) => console.log(l), err: (l) => console.error(l), lang, env: process.env };
  runStationCli(argv, io).then(
    (code) => process.exit(code),
    (err) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    },
  );
}
