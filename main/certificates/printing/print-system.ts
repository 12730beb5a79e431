import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The operating system's printers. The station prints a finished PDF to a
 * named printer and gets back the job the print system queued:
 *
 * - Linux and macOS: CUPS. `lpstat -p -d` lists printers and the default;
 *   `lp -d <printer> -t <title> -o media=<A5|A6> <file>` queues the PDF (CUPS
 *   filters turn the PDF into what the printer speaks) and answers
 *   "request id is <printer>-<n>".
 * - Windows: printers are listed with PowerShell (`Get-CimInstance
 *   Win32_Printer`). A PDF is printed with SumatraPDF when it is installed
 *   (`SumatraPDF.exe -print-to "<printer>" -silent <file>`, the well-known
 *   silent PDF print on Windows; found in Program Files, the user's
 *   AppData, or at STATION_SUMATRA_PDF), else through the shell's PrintTo verb
 *   of the default PDF application (Adobe Reader and most PDF readers provide
 *   it; Edge does not).
 *
 * Commands run with argument arrays, never through a shell, so a printer name
 * cannot smuggle in a command; names are also checked against the list first.
 */
export interface OsPrinter {
  name: string;
  isDefault: boolean;
  state: string;
}

export interface PrintSystem {
  readonly kind: 'cups' | 'windows' | 'none';
  list(): Promise<{ printers: OsPrinter[]; problem: string | null }>;
  /** Queues the PDF file; resolves with the print system's job id when it gives one. */
  print(file: string, printer: string, options: { title: string; paper: 'A4' | 'A5' | 'A6' }): Promise<{ jobId: string | null }>;
}

const TIMEOUT_MS = 30_000;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  /** The command itself could not start (not installed). */
  missing: boolean;
}

function run(command: string, args: readonly string[], env?: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve) => {
    execFile(command, args, { timeout: TIMEOUT_MS, windowsHide: true, env: { ...process.env, ...env }, maxBuffer: 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      const missing = (error as NodeJS.ErrnoException | null)?.code === 'ENOENT';
      resolve({ code, stdout: String(stdout), stderr: String(stderr), missing });
    });
  });
}

/** `lpstat -p -d` output → printers; English messages are forced with LC_ALL=C so they parse. */
export function parseLpstat(output: string): OsPrinter[] {
  const defaultName = /system default destination: (\S+)/.exec(output)?.[1] ?? null;
  const printers: OsPrinter[] = [];
  for (const line of output.split('\n')) {
    const m = /^printer (\S+) (?:is )?(idle|now printing|disabled)/.exec(line);
    if (m) printers.push({ name: m[1]!, isDefault: m[1] === defaultName, state: m[2] === 'now printing' ? 'printing' : m[2]! });
  }
  return printers;
}

export function cupsPrintSystem(): PrintSystem {
  const C = { LC_ALL: 'C', LANG: 'C' };
  return {
    kind: 'cups',
    async list() {
      const result = await run('lpstat', ['-p', '-d'], C);
      if (result.missing) return { printers: [], problem: 'CUPS is not installed (lpstat not found)' };
      const printers = parseLpstat(result.stdout);
      if (printers.length > 0) return { printers, problem: null };
      const said = `${result.stderr} ${result.stdout}`.trim();
      if (/no destinations added/i.test(said) || said === '') return { printers: [], problem: null };
      return { printers: [], problem: said.split('\n')[0]!.slice(0, 200) };
    },
    async print(file, printer, options) {
      const result = await run('lp', ['-d', printer, '-t', options.title, '-o', `media=${options.paper}`, file], C);
      if (result.code !== 0) throw new Error((result.stderr || result.stdout || `lp exited with ${result.code}`).trim().slice(0, 300));
      return { jobId: /request id is (\S+)/.exec(result.stdout)?.[1] ?? null };
    },
  };
}

function sumatraPath(): string | null {
  const candidates = [
    process.env.STATION_SUMATRA_PDF,
    process.env.ProgramFiles && join(process.env.ProgramFiles, 'SumatraPDF', 'SumatraPDF.exe'),
    process.env['ProgramFiles(x86)'] && join(process.env['ProgramFiles(x86)'], 'SumatraPDF', 'SumatraPDF.exe'),
    process.env.LOCALAPPDATA && join(process.env.LOCALAPPDATA, 'SumatraPDF', 'SumatraPDF.exe'),
  ];
  return candidates.find((p): p is string => typeof p === 'string' && existsSync(p)) ?? null;
}

/** A PowerShell single-quoted literal: only the quote itself needs doubling. */
function psQuote(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

export function windowsPrintSystem(): PrintSystem {
  const powershell = (script: string) => run('powershell.exe', ['-NoProfile', '-NonInteractive', '-Command', script]);
  return {
    kind: 'windows',
    async list() {
      const result = await powershell('Get-CimInstance Win32_Printer | Select-Object Name,Default,PrinterStatus | ConvertTo-Json -Compress');
      if (result.code !== 0) return { printers: [], problem: (result.stderr || 'PowerShell could not list printers').trim().slice(0, 200) };
      const parsed: unknown = result.stdout.trim() ? JSON.parse(result.stdout) : [];
      const rows = (Array.isArray(parsed) ? parsed : [parsed]) as { Name?: string; Default?: boolean; PrinterStatus?: number }[];
      return {
        printers: rows.filter((r) => typeof r.Name === 'string').map((r) => ({ name: r.Name!, isDefault: r.Default === true, state: r.PrinterStatus === 3 ? 'idle' : 'other' })),
        problem: null,
      };
    },
    async print(file, printer) {
      const sumatra = sumatraPath();
      const result = sumatra
        ? await run(sumatra, ['-print-to', printer, '-silent', '-print-settings', 'noscale', file])
        : await powershell(`Start-Process -FilePath ${psQuote(file)} -Verb PrintTo -ArgumentList ${psQuote(`"${printer}"`)} -WindowStyle Hidden -Wait`);
      if (result.code !== 0) throw new Error((result.stderr || `printing exited with ${result.code}`).trim().slice(0, 300));
      return { jobId: null };
    },
  };
}

export function osPrintSystem(platform: NodeJS.Platform = process.platform): PrintSystem {
  return platform === 'win32' ? windowsPrintSystem() : cupsPrintSystem();
}
