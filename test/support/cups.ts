import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * A CUPS scheduler with cups-pdf's virtual printer named 'PDF', as CI
 * installs them (apt: cups cups-client printer-driver-cups-pdf). Starts
 * cupsd when it is not running (it daemonises itself) and adds the printer
 * when it is missing. Returns why printing cannot be tested, or null.
 */
export const CUPS_PDF_PRINTER = 'PDF';

const C = { ...process.env, LC_ALL: 'C', LANG: 'C' };

function schedulerRunning(): boolean {
  const r = spawnSync('lpstat', ['-r'], { env: C, encoding: 'utf8' });
  return r.status === 0 && /scheduler is running/i.test(r.stdout);
}

export async function ensureCupsPdfPrinter(): Promise<string | null> {
  if (spawnSync('lpstat', ['-r'], { env: C }).error) return 'CUPS is not installed (no lpstat)';
  if (!schedulerRunning()) {
    const cupsd = ['/usr/sbin/cupsd', '/usr/local/sbin/cupsd'].find((p) => existsSync(p)) ?? 'cupsd';
    // Another test file may be starting it at the same moment: whoever wins, a running scheduler is what counts.
    const started = spawnSync(cupsd, [], { env: C, encoding: 'utf8' });
    for (let i = 0; i < 50 && !schedulerRunning(); i++) await new Promise((r) => setTimeout(r, 100));
    if (!schedulerRunning()) return `cupsd did not start: ${started.error?.message ?? started.stderr ?? 'no answer'}`;
  }
  if (spawnSync('lpstat', ['-p', CUPS_PDF_PRINTER], { env: C }).status !== 0) {
    // Debian's cups-pdf ships its PPD here; lpinfo names it lsb/usr/cups-pdf/… as a model.
    const ppd = '/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd';
    const driver = existsSync(ppd) ? ['-P', ppd] : ['-m', 'lsb/usr/cups-pdf/CUPS-PDF_opt.ppd'];
    const added = spawnSync('lpadmin', ['-p', CUPS_PDF_PRINTER, '-E', '-v', 'cups-pdf:/', ...driver], { env: C, encoding: 'utf8' });
    if (added.status !== 0) return `lpadmin could not add the cups-pdf printer: ${added.stderr}`;
  }
  return null;
}

/** Jobs the scheduler finished for a printer, by id ("PDF-12"). */
export function completedJobs(printer = CUPS_PDF_PRINTER): string[] {
  const out = execFileSync('lpstat', ['-W', 'completed', '-o', printer], { env: C, encoding: 'utf8' });
  return out.split('\n').map((l) => l.split(/\s+/)[0]!).filter((id) => id.length > 0);
}

/** PDFs cups-pdf wrote (for root: ~/PDF; for unknown users: /var/spool/cups-pdf/ANONYMOUS). */
export function cupsPdfOutputs(): string[] {
  const dirs = [join(homedir(), 'PDF'), '/var/spool/cups-pdf/ANONYMOUS'];
  return dirs.flatMap((d) => (existsSync(d) ? readdirSync(d).map((f) => join(d, f)) : []));
}
