import { hostname } from 'node:os';
import { syncSourceQueries, type SyncSourceQueries } from '../../../db/queries/sync-sources';
import { describeReason, type PlannedEntry, type PlatformReason } from '../../domain/fhir';
import { newId } from '../ids';
import type { Store, WriteScope } from '../store';
import { entryIsTransient, readAnswer, type Verdict } from './answers';
import { backoffMs, DEFAULT_RETRY, retryAfterMs, type RetryPolicy } from './backoff';
import { BatchSize } from './batch-size';
import { bundleJson, planBundle, rewriteReferences, waves, type BundlePlan, type PlannedRow } from './bundle-plan';
import { PlatformConfigProblem, PlatformUnreachable, type NationalPlatform } from './platform';
import { acquireUploadLock, releaseUploadLock, UploadBusy } from './upload-lock';
import { TRANSLATORS, translate, TranslationError, type Translator } from './translators';

export type Trigger = 'auto' | 'manual' | 'command';
export type RoundOutcome = 'done' | 'partial' | 'offline' | 'failed';

/** Why a round stopped early, for the supervisor and the command line. */
export interface RoundProblem {
  code: 'SYNC_OFFLINE' | 'SYNC_PLATFORM_ERROR' | 'SYNC_AUTH_FAILED' | 'SYNC_LOCKED' | 'SYNC_NOT_CONFIGURED' | 'SYNC_TLS_CONFIG' | 'SYNC_BUSY';
  message: string;
  reason?: PlatformReason;
}

export interface RoundResult {
  id: string;
  outcome: RoundOutcome;
  mode: 'transaction' | 'batch' | null;
  sent: number;
  rejected: number;
  held: number;
  retried: number;
  requests: number;
  bytesSent: number;
  /** Rows still waiting when the round ended (held rows included). */
  remaining: number;
  nextTryAt: string | null;
  problem: RoundProblem | null;
}

export interface Progress {
  roundId: string;
  sent: number;
  rejected: number;
  /** Rows waiting when the round started (the progress bar's whole). */
  total: number;
}

export interface UploadOptions {
  trigger: Trigger;
  retry?: RetryPolicy;
  timeoutMs?: number;
  /** Consecutive transient failures the round rides out before it stops and leaves the rest for later. */
  patience?: number;
  uploadDeferrals?: boolean;
  onProgress?: (p: Progress) => void;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** Kinds and their translators (the default is every kind this version knows). */
  translators?: Readonly<Record<string, Translator>>;
  startEntries?: number;
  /** Asked between batches: stop after the batch in flight (the station is closing). */
  shouldStop?: () => boolean;
}

/** A batch read and translated, not yet written: see Uploader.take. */
interface Taken {
  consumed: number;
  lastSeq: number;
  plan: BundlePlan | null;
  holds: { seq: number; reason: string }[];
  cancels: { seq: number; note: string }[];
  refusals: { seq: number; reason: PlatformReason }[];
  applied: boolean;
}

class Transient extends Error {
  constructor(
    readonly reason: PlatformReason | null,
    readonly retryAfter: string | null,
    message: string,
    readonly timeout = false,
  ) {
    super(message);
  }
}
class Systemic extends Error {
  constructor(readonly problem: RoundProblem) {
    super(problem.message);
  }
}

const LEASE_MS = 10 * 60_000;
const sleepFor = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * One upload round: everything eligible in the outbox, in order, in Bundles,
 * until the queue is empty, the platform stays unreachable, or the station
 * cannot send as configured. Each answer is written to the outbox in one
 * transaction before the next request goes, so a crash at any moment loses
 * no acknowledgement and re-sends at most the request in flight, which the
 * conditional creates make harmless. One round at a time per station: the
 * upload lock in sync_state is held for the round.
 */
export class Uploader {
  private readonly src: SyncSourceQueries;
  readonly owner = `${hostname()}:${process.pid}:${newId()}`;
  private mode: 'transaction' | 'batch' | null = null;
  private siteCode: string | null = null;
  /** The site's and its staff's entries, made once per round. */
  private readonly shared = new Map<string, PlannedEntry | null>();

  constructor(
    private readonly store: Store,
    private readonly platform: NationalPlatform,
  ) {
    this.src = syncSourceQueries(store.db);
  }

  async round(options: UploadOptions): Promise<RoundResult> {
    const policy = options.retry ?? DEFAULT_RETRY;
    const timeoutMs = options.timeoutMs ?? 60_000;
    const patience = options.patience ?? 6;
    const sleep = options.sleep ?? sleepFor;
    const random = options.random ?? Math.random;
    const translators = options.translators ?? TRANSLATORS;
    const id = newId();
    const r: RoundResult = { id, outcome: 'done', mode: null, sent: 0, rejected: 0, held: 0, retried: 0, requests: 0, bytesSent: 0, remaining: 0, nextTryAt: null, problem: null };
    const now = () => this.store.clock.now().toISOString();
    try {
      acquireUploadLock(this.store, this.owner, LEASE_MS);
    } catch (err) {
      if (err instanceof UploadBusy) return { ...r, outcome: 'failed', problem: { code: 'SYNC_BUSY', message: err.message } };
      throw err;
    }
    this.store.write(null, (w) => {
      w.q.sync.startRound({ id, startedAt: w.at, trigger: options.trigger, endpoint: this.platform.endpoint });
      // Kinds this version can translate come out of the hold they were put in by an older one.
      for (const kind of w.q.outbox.heldKinds()) if (translators[kind]) w.q.outbox.releaseHeld(kind);
    });
    const total = this.store.q.outbox.summary(now()).pending;

    const size = new BatchSize(options.startEntries);
    let failures = 0;
    const deferrals = options.uploadDeferrals ?? true;
    const take = (after: number) => this.take(now(), after, size, translators, deferrals);
    // The next batch is read and translated while the one before it is with the platform.
    let prefetched: Taken | null = null;
    try {
      for (;;) {
        if (options.shouldStop?.()) break;
        const cur = prefetched ?? take(0);
        prefetched = null;
        if (cur.consumed === 0) break;
        if (!cur.applied) this.store.write(null, (w) => this.apply(w, cur, r));
        options.onProgress?.({ roundId: id, sent: r.sent, rejected: r.rejected, total });
        if (!cur.plan) continue;
        const plan = cur.plan;
        try {
          const started = Date.now();
          if (this.mode === 'batch') {
            await this.sendBatch(plan, r, timeoutMs);
            size.succeeded(Date.now() - started, plan.entries.length);
          } else {
            const posting = this.post(bundleJson('transaction', plan.entries.map((e) => e.json)), r, timeoutMs, 'transaction', plan.entries.length);
            posting.catch(() => undefined);
            const next = take(cur.lastSeq);
            const v = await posting;
            if (v.kind === 'ok') {
              this.mode ??= 'transaction';
              // This answer and the next batch's leases (and holds) in one durable transaction.
              this.acknowledge(plan.rows.map((row) => row.seq), [], r, [], (w) => this.apply(w, next, r));
              next.applied = true;
              prefetched = next;
              size.succeeded(Date.now() - started, plan.entries.length);
            } else if ((await this.onTransactionVerdict(v, plan, size, r, timeoutMs)) === 'sent') {
              size.succeeded(Date.now() - started, plan.entries.length);
            }
          }
          failures = 0;
        } catch (err) {
          if (!(err instanceof Transient)) throw err;
          failures++;
          r.retried++;
          const wait = backoffMs(failures, policy, random, retryAfterMs(err.retryAfter, Date.now()));
          if (err.timeout) size.shrink();
          if (failures >= patience) {
            const next = new Date(this.store.clock.now().getTime() + wait).toISOString();
            this.store.write(null, (w) => {
              for (const row of plan.rows) w.q.outbox.markRetry(row.seq, w.at, next, err.message);
            });
            r.outcome = r.sent > 0 ? 'partial' : 'offline';
            r.nextTryAt = next;
            r.problem = { code: 'SYNC_OFFLINE', message: err.message, ...(err.reason ? { reason: err.reason } : {}) };
            break;
          }
          await sleep(wait);
        }
        options.onProgress?.({ roundId: id, sent: r.sent, rejected: r.rejected, total });
      }
    } catch (err) {
      r.outcome = r.sent > 0 ? 'partial' : 'failed';
      if (err instanceof Systemic) r.problem = err.problem;
      else if (err instanceof PlatformConfigProblem) r.problem = { code: err.code, message: err.message };
      else r.problem = { code: 'SYNC_PLATFORM_ERROR', message: err instanceof Error ? err.message : String(err) };
    } finally {
      const summary = this.store.q.outbox.summary(now());
      r.remaining = summary.pending + summary.held;
      r.mode = this.mode;
      this.store.write(null, (w) => {
        w.q.outbox.releaseLeases();
        w.q.sync.finishRound({
          id,
          finishedAt: w.at,
          mode: r.mode,
          outcome: r.outcome,
          sent: r.sent,
          rejected: r.rejected,
          held: r.held,
          retried: r.retried,
          requests: r.requests,
          bytesSent: r.bytesSent,
          pulled: 0,
          errorJson: r.problem ? JSON.stringify(r.problem) : null,
        });
        if (r.sent > 0) w.q.sync.putState('upload.lastSuccessAt', w.at, w.at);
        if (r.nextTryAt) w.q.sync.putState('upload.nextTryAt', r.nextTryAt, w.at);
        else w.q.sync.deleteState('upload.nextTryAt');
      });
      releaseUploadLock(this.store, this.owner);
    }
    return r;
  }

  /**
   * The next batch: eligible rows after `after`, translated and planned into
   * one Bundle. Nothing is written yet (apply does): rows without a
   * translator are to be held with the reason, rows the station cannot
   * express are refused by the station itself (into the rejection queue, with
   * the field at fault), rows the platform does not want are cancelled.
   */
  private take(now: string, after: number, size: BatchSize, translators: Readonly<Record<string, Translator>>, uploadDeferrals: boolean): Taken {
    const rows = this.store.q.outbox.eligible(now, this.owner, size.entries, after);
    this.siteCode ??= this.src.site()?.code ?? null;
    const siteCode = this.siteCode;
    const ready: PlannedRow[] = [];
    const holds: { seq: number; reason: string }[] = [];
    const cancels: { seq: number; note: string }[] = [];
    const refusals: { seq: number; reason: PlatformReason }[] = [];
    for (const row of rows) {
      try {
        const t = translate(row, { src: this.src, siteCode, uploadDeferrals, shared: this.shared }, translators);
        if ('hold' in t) holds.push({ seq: row.seq, reason: t.hold });
        else if ('skip' in t) cancels.push({ seq: row.seq, note: t.skip });
        else ready.push({ seq: row.seq, group: t.group });
      } catch (err) {
        if (!(err instanceof TranslationError)) throw err;
        refusals.push({ seq: row.seq, reason: { status: 0, issueCode: 'invalid', detailCode: 'STATION_CANNOT_EXPRESS', detailSystem: null, text: err.message, expression: err.field } });
      }
    }
    const { plan, rest } = planBundle(ready, { maxEntries: size.entries, maxBytes: size.maxBytes });
    // Rows past the bundle's cut are left for the next batch; so are the holds and refusals behind them.
    const cut = rest[0]?.seq ?? Number.POSITIVE_INFINITY;
    const before = <T extends { seq: number }>(xs: T[]) => xs.filter((x) => x.seq < cut);
    const consumed = rows.filter((row) => row.seq < cut);
    return {
      consumed: consumed.length,
      lastSeq: consumed.at(-1)?.seq ?? after,
      plan: plan.rows.length ? plan : null,
      holds: before(holds),
      cancels: before(cancels),
      refusals: before(refusals),
      applied: false,
    };
  }

  /** A batch's holds, cancellations and the station's own refusals, and the lease on what will be sent. */
  private apply(w: WriteScope, t: Taken, r: RoundResult): void {
    for (const h of t.holds) if (w.q.outbox.hold(h.seq, h.reason)) r.held++;
    for (const c of t.cancels) w.q.outbox.cancel(c.seq, w.at, c.note);
    for (const x of t.refusals) if (w.q.outbox.markRejected(x.seq, w.at, x.reason, describeReason(x.reason))) r.rejected++;
    if (t.plan) w.q.outbox.lease(t.plan.rows.map((p) => p.seq), this.owner, new Date(Date.parse(w.at) + LEASE_MS).toISOString());
  }

  private async post(json: string, r: RoundResult, timeoutMs: number, type: 'transaction' | 'batch', count: number): Promise<Verdict> {
    r.requests++;
    r.bytesSent += json.length;
    try {
      return readAnswer(await this.platform.post(json, { timeoutMs }), type, count);
    } catch (err) {
      if (err instanceof PlatformUnreachable) throw new Transient(null, null, err.message, err.reason === 'timeout');
      throw err;
    }
  }

  /**
   * A transaction: all or nothing. A refusal is narrowed down by halves until
   * the refused rows stand alone (each is then rejected with the platform's
   * reason) and the others have gone through.
   */
  private async sendTransaction(plan: BundlePlan, size: BatchSize, r: RoundResult, timeoutMs: number): Promise<'sent' | 'resplit'> {
    const v = await this.post(bundleJson('transaction', plan.entries.map((e) => e.json)), r, timeoutMs, 'transaction', plan.entries.length);
    return this.onTransactionVerdict(v, plan, size, r, timeoutMs);
  }

  private async onTransactionVerdict(v: Verdict, plan: BundlePlan, size: BatchSize, r: RoundResult, timeoutMs: number): Promise<'sent' | 'resplit'> {
    switch (v.kind) {
      case 'ok':
        this.acknowledge(plan.rows.map((row) => row.seq), [], r);
        this.mode ??= 'transaction';
        return 'sent';
      case 'not-supported':
        this.mode = 'batch';
        await this.sendBatch(plan, r, timeoutMs);
        return 'sent';
      case 'too-large':
        if (plan.rows.length === 1) {
          this.acknowledge([], [{ seq: plan.rows[0]!.seq, reason: v.reason }], r);
          return 'sent';
        }
        size.shrink();
        return 'resplit';
      case 'refused': {
        this.mode ??= 'transaction';
        if (plan.rows.length === 1) {
          this.acknowledge([], [{ seq: plan.rows[0]!.seq, reason: v.reason }], r);
          return 'sent';
        }
        const half = Math.ceil(plan.rows.length / 2);
        for (const part of [plan.rows.slice(0, half), plan.rows.slice(half)]) {
          let rest = part;
          while (rest.length > 0) {
            const next = planBundle(rest, { maxEntries: Number.MAX_SAFE_INTEGER, maxBytes: Number.MAX_SAFE_INTEGER });
            await this.sendTransaction(next.plan, size, r, timeoutMs);
            rest = next.rest;
          }
        }
        return 'sent';
      }
      case 'transient':
        if (v.reason.status >= 500) size.shrink();
        throw new Transient(v.reason, v.retryAfter, `${this.platform.endpoint}: ${describeReason(v.reason)}`);
      case 'systemic':
        throw new Systemic(systemicProblem(v.reason, this.platform.endpoint));
    }
  }

  /**
   * A batch: entries independent, each with its own status. References
   * between entries cannot be urn:uuid here, so the needs go first, wave by
   * wave, and what follows points at the ids the server answered.
   */
  private async sendBatch(plan: BundlePlan, r: RoundResult, timeoutMs: number): Promise<'sent' | 'resplit'> {
    this.mode = 'batch';
    const literal = new Map<string, string>();
    const refused = new Map<number, PlatformReason>();
    const retry = new Map<number, PlatformReason>();
    const failed = new Set<string>();
    for (const wave of waves(plan.entries)) {
      const go = wave.filter((e) => !e.entry.dependsOn.some((k) => failed.has(k)));
      for (const e of wave) if (!go.includes(e)) failed.add(e.entry.key);
      if (go.length === 0) continue;
      const json = bundleJson(
        'batch',
        go.map((e) =>
          literal.size === 0
            ? e.json
            : JSON.stringify({ fullUrl: e.entry.fullUrl, resource: rewriteReferences(e.entry.resource, literal), request: e.entry.request }),
        ),
      );
      const v = await this.post(json, r, timeoutMs, 'batch', go.length);
      if (v.kind === 'transient') throw new Transient(v.reason, v.retryAfter, `${this.platform.endpoint}: ${describeReason(v.reason)}`);
      if (v.kind === 'systemic' || v.kind === 'not-supported') throw new Systemic(systemicProblem(v.reason, this.platform.endpoint));
      if (v.kind === 'too-large') throw new Transient(v.reason, null, `${this.platform.endpoint}: ${describeReason(v.reason)}`, true);
      if (v.kind === 'refused') {
        // A batch refused as a whole (not entry by entry) is the platform's problem with the request, not with a record.
        throw new Systemic(systemicProblem(v.reason, this.platform.endpoint));
      }
      v.entries.forEach((answer, i) => {
        const e = go[i]!;
        if (answer.status >= 200 && answer.status < 300) {
          if (answer.literal) literal.set(e.entry.fullUrl, answer.literal);
          else if (e.entry.dependsOn.length === 0 && plan.entries.some((o) => o.entry.dependsOn.includes(e.entry.key))) {
            failed.add(e.entry.key);
            for (const seq of e.owners) retry.set(seq, unreadable('the platform wrote an entry without saying where (no response.location)'));
          }
          return;
        }
        failed.add(e.entry.key);
        const reason = answer.reason ?? unreadable(`HTTP ${answer.status}`);
        for (const seq of e.owners) (entryIsTransient(answer.status) ? retry : refused).set(seq, reason);
      });
    }
    // A row whose need failed without an answer of its own fails with that need's reason.
    for (const e of plan.entries) {
      if (!failed.has(e.entry.key)) continue;
      for (const seq of e.owners) if (!refused.has(seq) && !retry.has(seq)) retry.set(seq, unreadable('an entry it needs was not written'));
    }
    const rejected = [...refused].map(([seq, reason]) => ({ seq, reason }));
    const sent = plan.rows.map((row) => row.seq).filter((seq) => !refused.has(seq) && !retry.has(seq));
    this.acknowledge(sent, rejected, r, [...retry].filter(([seq]) => !refused.has(seq)));
    return 'sent';
  }

  /** The answer, durable before anything else is sent. */
  private acknowledge(
    sent: number[],
    rejected: { seq: number; reason: PlatformReason }[],
    r: RoundResult,
    retry: [number, PlatformReason][] = [],
    alsoWrite?: (w: WriteScope) => void,
  ): void {
    this.store.write(null, (w) => {
      alsoWrite?.(w);
      for (const seq of sent) if (w.q.outbox.markSent(seq, w.at)) r.sent++;
      for (const { seq, reason } of rejected) if (w.q.outbox.markRejected(seq, w.at, reason, describeReason(reason))) r.rejected++;
      const next = new Date(Date.parse(w.at) + 30_000).toISOString();
      for (const [seq, reason] of retry) if (w.q.outbox.markRetry(seq, w.at, next, describeReason(reason))) r.retried++;
      if (sent.length + rejected.length > 0) {
        w.audit('sync:acknowledge', 'outbox', null, null, { endpoint: this.platform.endpoint, sent: sent.length, rejected: rejected.map((x) => x.seq) });
      }
    });
  }
}

function unreadable(text: string): PlatformReason {
  return { status: 0, issueCode: 'exception', detailCode: 'STATION_UNREADABLE_ANSWER', detailSystem: null, text, expression: null };
}

function systemicProblem(reason: PlatformReason, endpoint: string): RoundProblem {
  const code = reason.status === 401 || reason.status === 403 ? 'SYNC_AUTH_FAILED' : 'SYNC_PLATFORM_ERROR';
  return { code, message: `${endpoint}: ${describeReason(reason)}`, reason };
}
