import BetterSqlite3 from 'better-sqlite3';
import { readFileSync, realpathSync, statfsSync } from 'node:fs';
import os from 'node:os';

/** Where and on what the figures were measured: without this a figure cannot be compared with another run. */
export interface MachineInfo {
  cpuModel: string;
  cores: number;
  memoryGb: number;
  platform: string;
  node: string;
  sqlite: string;
  disk: { path: string; mountPoint: string | null; device: string | null; fsType: string | null; freeGb: number | null };
}

/** The mount that holds `path`, from /proc/mounts (Linux); null elsewhere. */
function mountOf(path: string): { mountPoint: string; device: string; fsType: string } | null {
  try {
    let best: { mountPoint: string; device: string; fsType: string } | null = null;
    for (const line of readFileSync('/proc/mounts', 'utf8').split('\n')) {
      const [device, mountPoint, fsType] = line.split(' ');
      if (!device || !mountPoint || !fsType) continue;
      const inside = path === mountPoint || path.startsWith(mountPoint.endsWith('/') ? mountPoint : `${mountPoint}/`);
      if (inside && (!best || mountPoint.length > best.mountPoint.length)) best = { mountPoint, device, fsType };
    }
    return best;
  } catch {
    return null;
  }
}

export function machineInfo(benchDir: string): MachineInfo {
  const path = realpathSync(benchDir);
  const mount = mountOf(path);
  let freeGb: number | null;
  try {
    const s = statfsSync(path);
    freeGb = (s.bavail * s.bsize) / 1024 ** 3;
  } catch {
    freeGb = null;
  }
  const mem = new BetterSqlite3(':memory:');
  const sqlite = mem.prepare('SELECT sqlite_version()').pluck().get() as string;
  mem.close();
  return {
    cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown',
    cores: os.availableParallelism(),
    memoryGb: os.totalmem() / 1024 ** 3,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    node: process.version,
    sqlite,
    disk: { path, mountPoint: mount?.mountPoint ?? null, device: mount?.device ?? null, fsType: mount?.fsType ?? null, freeGb },
  };
}

export function describeMachine(m: MachineInfo): string {
  const disk = m.disk;
  const where = disk.mountPoint ? ` (${disk.device} on ${disk.mountPoint}, ${disk.fsType}${disk.freeGb !== null ? `, ${disk.freeGb.toFixed(0)} GB free` : ''})` : '';
  return [
    `cpu:    ${m.cpuModel}, ${m.cores} cores, ${m.memoryGb.toFixed(1)} GB RAM`,
    `system: ${m.platform}, node ${m.node}, SQLite ${m.sqlite}`,
    `disk:   ${disk.path}${where}`,
  ].join('\n');
}
