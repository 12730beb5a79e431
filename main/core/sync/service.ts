import type { ConnectionInput, ConnectionVerdict, ConnectionView, Rejection, SyncHealthAlert, SyncRound, SyncStatus } from '../../../preload/contract';
import type { RejectedRow } from '../../../db/queries/outbox';
import { syncSourceQueries } from '../../../db/queries/sync-sources';
import { StationError } from '../errors';
import type { Actor, Store } from '../store';
import type { RetryPolicy } from './backoff';
import type { ConnectionSettings } from './connection';
import { PlatformConfigProblem, PlatformUnreachable, type NationalPlatform } from './platform';
import { integrateInbox, type Integrators } from './integrate';
import { pull } from './pull';
import { uploadRunning } from './upload-lock';
import { Uploader, type Progress, type RoundProblem, type RoundResult, type Trigger } from './uploader';

export interface SyncTuning {
  retry?: RetryPolicy;
  timeoutMs?: number;
  /** Pause after a record is queued before a round starts, so a busy desk's doses go together. */
  debounceMs?: number;
}

const HOUR = 3_600_000;

/**
 * The upload as the station runs it: a worker in the core that wakes when
 * something is queued, when a supervisor asks, and when the next try after a
 * failure is due; the state every desk shows; the rejection queue and what a
 * supervisor does with it.
 */
export class SyncService {
  private running: Progress | null = null;
  private current: Promise<RoundResult> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private stopped = true;
  private lastProblem: RoundProblem | null = null;
  private online: boolean | null = null;
  private lastEmit = 0;
  private statusCache: { at: number; status: SyncStatus } | null = null;
  private emitTimer: NodeJS.Timeout | null = null;
  private unlisten: (() => void) | null = null;

  constructor(
    private readonly store: Store,
    readonly connection: ConnectionSettings,
    private readonly integrators: Integrators,
    private readonly tuning: SyncTuning = {},
  ) {}

  /** Starts the worker: a round now if anything waits, and one soon after anything is queued. */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.unlisten = this.store.onQueued(() => {
      this.emitStatus();
      this.schedule(this.tuning.debounceMs ?? 2_000);
    });
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.unlisten?.();
    if (this.timer) clearTimeout(this.timer);
    if (this.emitTimer) clearTimeout(this.emitTimer);
    this.timer = null;
    await this.current?.catch(() => undefined);
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    if (this.timer) {
      // An earlier wake-up stands.
      return;
    }
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.autoRound();
    }, ms);
    this.timer.unref?.();
  }

  private async autoRound(): Promise<void> {
    if (this.connection.state() !== 'ready' || this.current) return;
    const summary = this.store.q.outbox.summary(this.store.clock.now().toISOString());
    if (summary.pending === 0) {
      if (summary.nextAttemptAt) this.schedule(Math.max(1_000, Date.parse(summary.nextAttemptAt) - Date.now()));
      return;
    }
    const result = await this.upload('auto').catch(() => null);
    if (!result || this.stopped) return;
    if (result.nextTryAt) this.schedule(Math.max(500, Date.parse(result.nextTryAt) - Date.now()));
    else if (result.outcome === 'done' && this.store.q.outbox.summary(this.store.clock.now().toISOString()).pending > 0) this.schedule(500);
    else if (result.outcome === 'failed') this.schedule(60_000);
  }

  /** One round against the configured platform (or `platform`, for the command line's --endpoint). */
  async upload(trigger: Trigger, platform?: NationalPlatform, options: { patience?: number } = {}): Promise<RoundResult> {
    if (this.current) return this.current;
    const run = async (): Promise<RoundResult> => {
      let target: NationalPlatform;
      try {
        target = platform ?? this.connection.platform();
      } catch (err) {
        const problem: RoundProblem = { code: (err as { code?: RoundProblem['code'] }).code ?? 'SYNC_NOT_CONFIGURED', message: (err as Error).message };
        this.lastProblem = problem;
        return { id: '', outcome: 'failed', mode: null, sent: 0, rejected: 0, held: 0, retried: 0, requests: 0, bytesSent: 0, remaining: 0, nextTryAt: null, problem };
      }
      try {
        const uploader = new Uploader(this.store, target);
        const result = await uploader.round({
          trigger,
          ...(this.tuning.retry ? { retry: this.tuning.retry } : {}),
          ...(this.tuning.timeoutMs ? { timeoutMs: this.tuning.timeoutMs } : {}),
          ...(options.patience ? { patience: options.patience } : {}),
          uploadDeferrals: this.connection.uploadDeferrals(),
          shouldStop: () => this.stopped && trigger === 'auto',
          onProgress: (p) => {
            this.running = p;
            this.emitStatus();
          },
        });
        this.lastProblem = result.problem;
        // Online: the platform answered this round; offline: it could not be reached.
        if (result.problem?.code === 'SYNC_OFFLINE') this.online = false;
        else if (result.requests > 0) this.online = true;
        // Then take back what the platform has for the site, when it could be reached.
        if (result.outcome === 'done' || result.outcome === 'partial') {
          const pulled = await pull(this.store, target, { timeoutMs: this.tuning.timeoutMs ?? 60_000 });
          await integrateInbox(this.store, this.integrators);
          if (result.id) this.store.write(null, (w) => w.q.sync.setPulled(result.id, pulled.received));
        }
        return result;
      } finally {
        if (!platform) await target.close();
      }
    };
    this.current = run().finally(() => {
      this.current = null;
      this.running = null;
      this.emitStatus();
    });
    return this.current;
  }

  uploadNow(): { started: boolean } {
    if (this.connection.state() === 'not_configured') throw new StationError('SYNC_NOT_CONFIGURED', 'no platform connection is set');
    if (this.connection.state() === 'locked') throw new StationError('SYNC_LOCKED', 'unlock the platform credentials first');
    if (this.current || uploadRunning(this.store)) return { started: false };
    void this.upload('manual').catch(() => undefined);
    return { started: true };
  }

  status(): SyncStatus {
    const now = this.store.clock.now();
    const q = this.store.q;
    const s = q.outbox.summary(now.toISOString());
    const state = this.connection.state();
    const lastSuccessAt = q.sync.state('upload.lastSuccessAt');
    const alerts: SyncHealthAlert[] = [];
    const waitingSince = s.oldestPendingAt;
    const quietSince = lastSuccessAt && waitingSince && lastSuccessAt > waitingSince ? lastSuccessAt : waitingSince;
    if (s.pending > 0 && quietSince && now.getTime() - Date.parse(quietSince) >= 24 * HOUR) alerts.push({ code: 'nothing_uploaded_24h', since: quietSince, count: s.pending });
    if (s.oldestRejectedAt && now.getTime() - Date.parse(s.oldestRejectedAt) >= 48 * HOUR) alerts.push({ code: 'rejection_48h', since: s.oldestRejectedAt, count: s.rejected });
    return {
      connection: state === 'not_configured' ? 'not_configured' : state === 'locked' ? 'locked' : this.online === null ? 'unknown' : this.online ? 'online' : 'offline',
      endpoint: this.connection.endpoint(),
      queued: s.pending,
      held: s.held,
      rejected: s.rejected,
      escalated: s.escalated,
      sent: s.sent,
      lastSuccessAt,
      nextTryAt: q.sync.state('upload.nextTryAt') ?? s.nextAttemptAt,
      running: this.running,
      lastProblem: this.lastProblem,
      alerts,
    };
  }

  rounds(limit: number): SyncRound[] {
    return this.store.q.sync.rounds(limit).map((r) => ({
      id: r.id,
      startedAt: r.startedAt,
      finishedAt: r.finishedAt,
      trigger: r.trigger,
      endpoint: r.endpoint,
      mode: r.mode,
      outcome: r.outcome,
      sent: r.sent,
      rejected: r.rejected,
      held: r.held,
      retried: r.retried,
      requests: r.requests,
      bytesSent: r.bytesSent,
      pulled: r.pulled,
      problem: r.errorJson ? (JSON.parse(r.errorJson) as SyncRound['problem']) : null,
    }));
  }

  rejections(): Rejection[] {
    const src = syncSourceQueries(this.store.db);
    return this.store.q.outbox.rejected().map((r) => toRejection(r, src));
  }

  /** Back in the queue: it is translated again from the record as it is now (fixed, if it was fixed). */
  resend(actor: Actor, seq: number): null {
    this.store.write(actor, (w) => {
      if (!w.q.outbox.resend(seq, actor.staffId, w.at)) throw new StationError('SYNC_NOT_REJECTED', 'this record is not in the rejection queue', { seq });
      w.audit('sync:resend', 'outbox', String(seq), null, { seq });
    });
    this.emitStatus();
    this.schedule(0);
    return null;
  }

  escalate(actor: Actor, seq: number, note: string): Rejection {
    this.store.write(actor, (w) => {
      if (!w.q.outbox.escalate(seq, actor.staffId, w.at, note)) throw new StationError('SYNC_NOT_REJECTED', 'this record is not in the rejection queue', { seq });
      w.audit('sync:escalate', 'outbox', String(seq), null, { seq, note });
    });
    const row = this.store.q.outbox.rejected().find((r) => r.seq === seq)!;
    return toRejection(row, syncSourceQueries(this.store.db));
  }

  async saveConnection(actor: Actor, input: ConnectionInput): Promise<ConnectionView> {
    const view = await this.connection.save(actor, input);
    this.online = null;
    this.lastProblem = null;
    this.emitStatus();
    this.schedule(0);
    return view;
  }

  async unlock(passphrase: string): Promise<ConnectionView> {
    const view = await this.connection.unlock(passphrase);
    this.emitStatus();
    this.schedule(0);
    return view;
  }

  /** Reaches the platform as an upload would (token, TLS, proxy) and reads its CapabilityStatement. */
  async testConnection(): Promise<ConnectionVerdict> {
    const fail = (code: string, message: string, latencyMs: number | null = null): ConnectionVerdict => ({ ok: false, fhirVersion: null, transactions: null, code, message, latencyMs });
    let platform: NationalPlatform;
    try {
      platform = this.connection.platform();
    } catch (err) {
      return fail(err instanceof PlatformConfigProblem ? err.code : 'SYNC_NOT_CONFIGURED', (err as Error).message);
    }
    const started = Date.now();
    try {
      const answer = await platform.get('metadata', { timeoutMs: this.tuning.timeoutMs ?? 15_000 });
      const latencyMs = Date.now() - started;
      if (answer.status === 401 || answer.status === 403) return fail('SYNC_AUTH_FAILED', `HTTP ${answer.status}: the platform refused the station's credentials`, latencyMs);
      const cs = answer.body as { resourceType?: string; fhirVersion?: string; rest?: { interaction?: { code?: string }[] }[] } | null;
      if (answer.status !== 200 || cs?.resourceType !== 'CapabilityStatement') {
        return fail('SYNC_PLATFORM_ERROR', `HTTP ${answer.status}: ${platform.endpoint}metadata is not a FHIR CapabilityStatement`, latencyMs);
      }
      const version = typeof cs.fhirVersion === 'string' ? cs.fhirVersion : null;
      if (!version?.startsWith('4.0')) return fail('SYNC_PLATFORM_ERROR', `the platform speaks FHIR ${version ?? '(unknown)'}, not R4 (4.0.x)`, latencyMs);
      const codes = (cs.rest ?? []).flatMap((r) => (r.interaction ?? []).map((i) => i.code));
      this.online = true;
      this.emitStatus();
      return { ok: true, fhirVersion: version, transactions: codes.includes('transaction'), code: null, message: `FHIR ${version}, ${codes.includes('transaction') ? 'transactions' : 'batch only'}`, latencyMs };
    } catch (err) {
      if (err instanceof PlatformUnreachable) return fail('SYNC_OFFLINE', err.message);
      if (err instanceof PlatformConfigProblem) return fail(err.code, err.message);
      return fail('SYNC_PLATFORM_ERROR', (err as Error).message);
    } finally {
      await platform.close();
    }
  }

  /**
   * Desks hear the state at most twice a second. While a round runs the
   * queue's figures are read again at most every five seconds; the progress
   * in between comes from the round itself.
   */
  private emitStatus(): void {
    if (this.stopped && !this.current) return;
    const wait = 500 - (Date.now() - this.lastEmit);
    if (wait > 0) {
      this.emitTimer ??= setTimeout(() => {
        this.emitTimer = null;
        this.emitStatus();
      }, wait);
      return;
    }
    this.lastEmit = Date.now();
    try {
      const fresh = !this.running || !this.statusCache || Date.now() - this.statusCache.at > 5_000;
      if (fresh) this.statusCache = { at: Date.now(), status: this.status() };
      const status = fresh ? this.statusCache!.status : { ...this.statusCache!.status, running: this.running };
      this.store.notify('sync:status', status);
    } catch {
      // the database is closing
    }
  }
}

function toRejection(r: RejectedRow, src: ReturnType<typeof syncSourceQueries>): Rejection {
  const dose = r.kind.startsWith('dose.') ? src.dose(r.entityId) : null;
  return {
    seq: r.seq,
    kind: r.kind,
    state: r.state as 'rejected' | 'escalated',
    createdAt: r.createdAt,
    rejectedAt: r.rejectedAt,
    citizen: r.subjectId ? { id: r.subjectId, fullName: r.citizenName, idNumber: r.citizenIdNumber, dateOfBirth: r.citizenDateOfBirth } : null,
    summary: { doseId: dose?.id ?? null, givenOn: dose?.givenOn ?? null, productName: dose?.productName ?? null, lotNumber: dose?.lotNumber ?? null },
    reason: r.rejectionJson ? (JSON.parse(r.rejectionJson) as Rejection['reason']) : null,
    resolvedBy: r.resolvedByName,
    resolvedAt: r.resolvedAt,
    note: r.resolutionNote,
  };
}
