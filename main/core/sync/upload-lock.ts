import { hostname } from 'node:os';
import type { Store } from '../store';

/**
 * One upload at a time per station, whichever process runs it (the station
 * itself, or `npm run station -- sync` beside it): the lock is a row in
 * sync_state naming its holder, taken in an IMMEDIATE transaction. A holder
 * that died (SIGKILL, power cut) leaves the lock behind; it is taken over when
 * its time is up, or at once when the holder was a process on this machine
 * that no longer exists.
 */
export class UploadBusy extends Error {
  constructor(readonly holder: string) {
    super(`another upload is running (${holder})`);
    this.name = 'UploadBusy';
  }
}

interface Lock {
  owner: string;
  host: string;
  pid: number;
  until: string;
}

const KEY = 'upload.lock';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function held(lock: Lock | null, owner: string, now: string): boolean {
  if (!lock || lock.owner === owner) return false;
  if (lock.until <= now) return false;
  if (lock.host === hostname() && lock.pid !== process.pid && !alive(lock.pid)) return false;
  return true;
}

function parse(raw: string | null): Lock | null {
  if (!raw) return null;
  try {
    return JSON.parse(raw) as Lock;
  } catch {
    return null;
  }
}

export function acquireUploadLock(store: Store, owner: string, leaseMs: number): void {
  store.write(null, (w) => {
    const lock = parse(w.q.sync.state(KEY));
    if (held(lock, owner, w.at)) throw new UploadBusy(`${lock!.host} pid ${lock!.pid}`);
    const mine: Lock = { owner, host: hostname(), pid: process.pid, until: new Date(Date.parse(w.at) + leaseMs).toISOString() };
    w.q.sync.putState(KEY, JSON.stringify(mine), w.at);
    // Whoever held rows before us is gone: their leases mean nothing now.
    w.q.outbox.releaseLeases();
  });
}

export function releaseUploadLock(store: Store, owner: string): void {
  store.write(null, (w) => {
    if (parse(w.q.sync.state(KEY))?.owner === owner) w.q.sync.deleteState(KEY);
  });
}

/** Is an upload running now (for the status a desk shows)? */
export function uploadRunning(store: Store): boolean {
  return held(parse(store.q.sync.state(KEY)), '', store.clock.now().toISOString());
}
