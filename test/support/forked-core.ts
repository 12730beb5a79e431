import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Result } from '../../preload/contract';
import type { CoreToHost, HostToCore } from '../../main/core-process/protocol';

/** The bundled core process, exactly what Electron's utilityProcess runs. */
export const CORE_PROCESS = join(process.cwd(), 'dist', 'main', 'core-process.cjs');

export function requireBuiltCore(): void {
  if (!existsSync(CORE_PROCESS)) throw new Error(`${CORE_PROCESS} is missing: build first with \`node scripts/build.mjs --no-renderer\``);
}

export interface ForkedCore {
  child: ChildProcess;
  ready: Promise<void>;
  /** Sends a call; the promise settles with the core's answer, or rejects if the core dies first. */
  call<T = unknown>(op: string, request: unknown, connectionId?: string): Promise<Result<T>>;
  exited: Promise<void>;
  stderr(): string;
}

/**
 * Forks the real core on a database file and speaks the host protocol to it
 * (main/core-process/protocol.ts), as the Electron shell does.
 */
export function forkCore(databasePath: string, options: { uid?: number; gid?: number; env?: NodeJS.ProcessEnv } = {}): ForkedCore {
  const { STATION_DB: _ignored, ...inherited } = process.env;
  const { env: extraEnv, ...ids } = options;
  const env = { ...inherited, ...extraEnv };
  const child = fork(CORE_PROCESS, ['--db', databasePath], { env, stdio: ['ignore', 'ignore', 'pipe', 'ipc'], ...ids });
  let err = '';
  child.stderr!.on('data', (d) => (err += String(d)));
  const pending = new Map<number, { resolve: (r: Result<unknown>) => void; reject: (e: Error) => void }>();
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  child.on('message', (raw) => {
    const m = raw as CoreToHost;
    if (m.type === 'ready') markReady();
    if (m.type === 'result') {
      pending.get(m.id)?.resolve(m.result);
      pending.delete(m.id);
    }
  });
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      for (const p of pending.values()) p.reject(new Error('core exited'));
      pending.clear();
      resolve();
    }),
  );
  let nextId = 1;
  return {
    child,
    ready,
    call<T>(op: string, request: unknown, connectionId = 'desk-1') {
      const id = nextId++;
      return new Promise<Result<T>>((resolve, reject) => {
        if (child.exitCode !== null || child.signalCode !== null || !child.connected) return reject(new Error('core exited'));
        pending.set(id, { resolve: resolve as (r: Result<unknown>) => void, reject });
        child.send({ type: 'call', id, op, request, connectionId } satisfies HostToCore, (e) => {
          if (e) {
            pending.delete(id);
            reject(e);
          }
        });
      });
    },
    exited,
    stderr: () => err,
  };
}
