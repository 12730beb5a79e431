import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { Result } from '../../preload/contract';
import type { LinkStatus } from '../../preload/hub-transport';
import type { DeskPairing } from '../../main/desk/hub-pairing';
import { workerScript } from '../../main/core/workers/worker-script';
import type { DeskCommand, DeskReply, FlowStats } from './lan-desk-process';

/** The desk process's bundle: dist/bench/lan-desk-process.cjs when built, else bundled from the source now. */
export function deskProcessScript(): string {
  return workerScript('lan-desk-process', join(__dirname, 'lan-desk-process.ts'));
}

/** A desk of the hub in its own process (test/support/lan-desk-process.ts), driven over IPC. */
export class DeskProcess {
  readonly child: ChildProcess;
  readonly events: { event: string; payload: unknown }[] = [];
  private nextId = 1;
  private readonly waiters = new Map<number, (m: DeskReply) => void>();
  private readonly eventWaiters: { match: (e: { event: string; payload: unknown }) => boolean; resolve: () => void }[] = [];
  private once: ((m: DeskReply) => void) | null = null;
  private stderr = '';

  constructor(script = deskProcessScript()) {
    this.child = fork(script, [], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    this.child.stderr!.on('data', (d) => (this.stderr += String(d)));
    this.child.on('message', (raw) => {
      const m = raw as DeskReply;
      if (m.type === 'event') {
        const e = { event: m.event, payload: m.payload };
        this.events.push(e);
        for (const w of [...this.eventWaiters]) {
          if (w.match(e)) {
            this.eventWaiters.splice(this.eventWaiters.indexOf(w), 1);
            w.resolve();
          }
        }
        return;
      }
      if ('id' in m && this.waiters.has(m.id)) {
        this.waiters.get(m.id)!(m);
        this.waiters.delete(m.id);
        return;
      }
      this.once?.(m);
    });
  }

  private ask(command: DeskCommand): Promise<DeskReply> {
    return new Promise((resolve, reject) => {
      this.once = (m) => {
        this.once = null;
        if (m.type === 'error') reject(new Error(`desk process: ${m.message}\n${this.stderr}`));
        else resolve(m);
      };
      this.child.send(command);
    });
  }

  private askWithId(make: (id: number) => DeskCommand): Promise<DeskReply> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiters.set(id, resolve);
      this.child.send(make(id));
    });
  }

  async pair(options: { address: string; fingerprint: string; code: string; deskName: string }): Promise<DeskPairing> {
    const m = await this.ask({ cmd: 'pair', ...options });
    return (m as Extract<DeskReply, { type: 'paired' }>).pairing;
  }

  async open(pairing: DeskPairing, forwardEvents = true): Promise<void> {
    await this.ask({ cmd: 'open', pairing, forwardEvents });
  }

  async call<T = unknown>(op: string, request: unknown = {}): Promise<Result<T>> {
    const m = await this.askWithId((id) => ({ cmd: 'call', id, op, request }));
    return (m as Extract<DeskReply, { type: 'result' }>).result as Result<T>;
  }

  /** Sends a call without waiting for its answer. */
  send<T = unknown>(op: string, request: unknown = {}): Promise<Result<T>> {
    return this.call<T>(op, request);
  }

  async status(): Promise<LinkStatus> {
    const m = await this.askWithId((id) => ({ cmd: 'status', id }));
    return (m as Extract<DeskReply, { type: 'status' }>).status;
  }

  async flow(options: Omit<Extract<DeskCommand, { cmd: 'flow' }>, 'cmd' | 'id'>): Promise<FlowStats> {
    const m = await this.askWithId((id) => ({ cmd: 'flow', id, ...options }));
    return (m as Extract<DeskReply, { type: 'flow' }>).stats;
  }

  waitForEvent(match: (e: { event: string; payload: unknown }) => boolean): Promise<void> {
    if (this.events.some(match)) return Promise.resolve();
    return new Promise((resolve) => this.eventWaiters.push({ match, resolve }));
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      if (this.child.exitCode !== null) return resolve();
      this.child.once('exit', () => resolve());
      this.child.send({ cmd: 'close' } satisfies DeskCommand);
      setTimeout(() => this.child.kill('SIGKILL'), 2000).unref();
    });
  }
}
