import type { ManifestSummary, WorkItem } from '../../../../preload/contract';
import { undecidedItems } from '../../../domain/close-of-day';
import { siteToday } from '../../clock';
import type { Logger } from '../../dispatch';
import { StationError } from '../../errors';
import { newId } from '../../ids';
import type { Actor, Store, WriteScope } from '../../store';
import type { SigningKeys } from '../certificates/signing-keys';
import { openStationKey } from '../certificates/station-signature';
import { requireReason } from '../clinical/today';
import { manifestFigures, manifestSummary, writeManifest } from './manifest-writer';
import { reconcile } from './reconciliation';
import { workList } from './work-list';

/**
 * Something to do once a day's close has committed: the close is final by
 * then, so a step that fails is reported and leaves the day closed. The
 * audit chain's signed head and the automatic backup hang here.
 */
export interface PostCloseStep {
  name: string;
  run(closed: { planId: string; sessionDate: string; manifest: ManifestSummary; actor: Actor }): void | Promise<void>;
}

export interface CloseResult {
  manifest: ManifestSummary;
  afterClose: { step: string; ok: boolean; detail: string | null }[];
}

/**
 * Closing and re-opening a session. The close is one transaction: the work
 * list is read again inside it, every item still open must have a written
 * reason, the decisions are stored, the session is marked closed and its
 * manifest is signed and stored with them. A crash at any point leaves the
 * session fully closed with its manifest, or still open without one.
 */
export class DayClosing {
  private readonly steps: PostCloseStep[] = [];

  constructor(
    private readonly store: Store,
    private readonly keys: SigningKeys,
    private readonly log: Logger,
  ) {}

  /** Adds a step run after every close commits, in the order added. */
  addPostCloseStep(step: PostCloseStep): void {
    this.steps.push(step);
  }

  async close(actor: Actor, planId: string, decisions: readonly { key: string; reason: string }[]): Promise<CloseResult> {
    // The key is checked before anything is read: a locked key refuses the close up front, with nothing written.
    const key = openStationKey(this.keys, { missing: 'DAY_NO_SIGNING_KEY', locked: 'DAY_SIGNING_LOCKED' });
    const given = new Map(decisions.map((d) => [d.key, d.reason]));
    const done = this.store.write(actor, (w) => {
      const plan = this.requirePlan(w, planId);
      if (plan.state === 'closed') throw new StationError('DAY_ALREADY_CLOSED', 'the session is already closed', { sessionDate: plan.sessionDate, closedAt: plan.closedAt ?? '' });
      if (plan.state !== 'open') throw new StationError('DAY_NOT_OPEN', 'only an open session can be closed', { state: plan.state });
      const reconciliation = reconcile(w.q, plan.id, w.at, plan.sessionDate, plan.plannedCapacity);
      const items = workList(w.q, plan.id, reconciliation);
      const open = undecidedItems(items, given);
      if (open.length > 0) {
        throw new StationError('DAY_WORK_LIST_OPEN', 'items of the work list need a decision or a written reason', { count: open.length, first: open[0]!.key });
      }
      const manifestId = newId();
      const recorded = items.map((item) => this.recordDecision(w, actor, plan.id, manifestId, item, given.get(item.key)!));
      if (!w.q.closeOfDay.markClosed(plan.id, actor.staffId, w.at)) throw new StationError('DAY_ALREADY_CLOSED', 'the session is already closed', { sessionDate: plan.sessionDate, closedAt: '' });
      const manifest = writeManifest(this.store, w, { manifestId, planId: plan.id, reason: 'close', actor, key, figures: manifestFigures(reconciliation, recorded.length) });
      w.audit('day:close', 'session_plan', plan.id, { state: 'open' }, {
        state: 'closed',
        revision: manifest.revision,
        statementSha256: manifest.statementSha256,
        decisions: recorded.map((d) => ({ key: d.key, reason: d.reason })),
      });
      w.emit('plan:changed', { planId: plan.id, state: 'closed' });
      w.emit('day:changed', { planId: plan.id, state: 'closed' });
      return { manifestId: manifest.id, sessionDate: plan.sessionDate };
    });
    const head = this.store.q.closeOfDay.manifests(planId).find((m) => m.id === done.manifestId)!;
    const manifest = manifestSummary(head);
    const afterClose: CloseResult['afterClose'] = [];
    for (const step of this.steps) {
      try {
        await step.run({ planId, sessionDate: done.sessionDate, manifest, actor });
        afterClose.push({ step: step.name, ok: true, detail: null });
      } catch (err) {
        this.log.error(`after-close step ${step.name} failed`, err instanceof Error ? err.stack : err);
        afterClose.push({ step: step.name, ok: false, detail: err instanceof Error ? err.message.slice(0, 300) : String(err).slice(0, 300) });
      }
    }
    return { manifest, afterClose };
  }

  /**
   * Re-opens today's closed session, with a reason. Its manifests stay on
   * record; closing it again signs the next revision, pointing to the last.
   * A past day is not re-opened: its fixes are amendments.
   */
  reopen(actor: Actor, planId: string, reason: string): void {
    const text = requireReason(reason);
    this.store.write(actor, (w) => {
      const plan = this.requirePlan(w, planId);
      if (plan.state !== 'closed') throw new StationError('DAY_NOT_CLOSED', 'the session is not closed', { state: plan.state });
      const today = siteToday(this.store.clock);
      if (plan.sessionDate !== today) throw new StationError('DAY_REOPEN_NOT_TODAY', 'only today\'s session can be re-opened; amend a past day instead', { sessionDate: plan.sessionDate, today });
      const other = w.q.plans.openOn(today);
      if (other && other.id !== plan.id) throw new StationError('PLAN_OTHER_OPEN', 'another session is open today');
      const latest = w.q.closeOfDay.latestManifest(plan.id);
      w.q.closeOfDay.insertReopen({ id: newId(), planId: plan.id, afterRevision: latest?.revision ?? 0, reason: text, reopenedBy: actor.staffId, reopenedAt: w.at });
      w.q.closeOfDay.markReopened(plan.id, w.at);
      w.audit('day:reopen', 'session_plan', plan.id, { state: 'closed', closedAt: plan.closedAt, closedBy: plan.closedBy }, { state: 'open', reason: text });
      w.emit('plan:changed', { planId: plan.id, state: 'open' });
      w.emit('day:changed', { planId: plan.id, state: 'open' });
    });
  }

  private recordDecision(w: WriteScope, actor: Actor, planId: string, manifestId: string, item: WorkItem, reason: string) {
    const text = requireReason(reason);
    w.q.closeOfDay.insertDecision({
      id: newId(),
      planId,
      manifestId,
      itemKey: item.key,
      kind: item.kind,
      entityId: item.entityId,
      itemJson: JSON.stringify(item),
      reason: text,
      decidedBy: actor.staffId,
      decidedAt: w.at,
    });
    return { key: item.key, reason: text };
  }

  private requirePlan(w: WriteScope, id: string) {
    const plan = w.q.plans.row(id);
    if (!plan) throw new StationError('NOT_FOUND', 'no such session', { id });
    return plan;
  }
}
