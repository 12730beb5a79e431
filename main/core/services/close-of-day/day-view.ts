import type { Amendment, CloseDecision, DaySession, DayView, HistoryEntry } from '../../../../preload/contract';
import type { PlanRow } from '../../../../db/queries/plans';
import type { Queries } from '../../../../db/queries';
import { siteToday } from '../../clock';
import { StationError } from '../../errors';
import type { Store } from '../../store';
import type { SigningKeys } from '../certificates/signing-keys';
import { manifestSummary } from './manifest-writer';
import { reconcile } from './reconciliation';
import { workList } from './work-list';

function session(q: Queries, p: PlanRow): DaySession {
  return {
    planId: p.id,
    sessionDate: p.sessionDate,
    period: p.period,
    location: p.location,
    plannedCapacity: p.plannedCapacity,
    state: p.state,
    openedAt: p.openedAt,
    closedAt: p.closedAt,
    closedBy: p.closedBy ? (q.staff.byId(p.closedBy)?.fullName ?? null) : null,
  };
}

const parse = (json: string | null): unknown => (json === null ? null : JSON.parse(json));

/**
 * What the close-of-day screen, the report and the history read: a session
 * with its reconciliation, work list, decisions, manifests, amendments and
 * re-openings, counted now (for an open day) or as its records stand (for
 * a closed one, whose records no longer change).
 */
export class DayViews {
  constructor(
    private readonly store: Store,
    private readonly keys: SigningKeys,
  ) {}

  /** Today's sessions, for every desk: is the day still open, and if not, who closed it. */
  today(): { date: string; sessions: DaySession[] } {
    const date = siteToday(this.store.clock);
    const q = this.store.q;
    return { date, sessions: q.plans.list({ from: date, to: date }).map((p) => session(q, p)) };
  }

  /** A session's view; without an id, today's open session, else today's latest. */
  day(planId?: string): DayView | null {
    const q = this.store.q;
    const plan = planId ? q.plans.row(planId) : this.todaysPlan();
    if (planId && !plan) throw new StationError('NOT_FOUND', 'no such session', { id: planId });
    if (!plan) return null;
    const now = this.store.clock.now().toISOString();
    const reconciliation = reconcile(q, plan.id, now, plan.sessionDate, plan.plannedCapacity);
    const status = this.keys.status().key;
    return {
      session: session(q, plan),
      reconciliation,
      // A closed day's work list is what its decisions say; nothing is left to decide.
      workList: plan.state === 'closed' ? [] : workList(q, plan.id, reconciliation),
      decisions: this.decisions(plan.id),
      manifests: q.closeOfDay.manifests(plan.id).map(manifestSummary),
      amendments: this.amendments(plan.id),
      reopenings: q.closeOfDay.reopenings(plan.id).map(({ planId: _p, ...r }) => r),
      signing: status,
    };
  }

  decisions(planId: string): CloseDecision[] {
    return this.store.q.closeOfDay.decisions(planId).map((d) => ({
      key: d.itemKey,
      kind: d.kind,
      entityId: d.entityId,
      item: JSON.parse(d.itemJson) as CloseDecision['item'],
      reason: d.reason,
      decidedBy: d.decidedBy,
      decidedAt: d.decidedAt,
    }));
  }

  amendments(planId: string): Amendment[] {
    return this.store.q.closeOfDay.amendments(planId).map((a) => ({
      id: a.id,
      operation: a.operation,
      entity: a.entity,
      entityId: a.entityId,
      reason: a.reason,
      before: parse(a.beforeJson),
      after: parse(a.afterJson),
      amendedBy: a.amendedBy,
      amendedAt: a.amendedAt,
      revision: a.revision,
    }));
  }

  history(filter: { from?: string | undefined; to?: string | undefined }): HistoryEntry[] {
    const q = this.store.q;
    return q.plans
      .list({ from: filter.from, to: filter.to })
      .filter((p) => p.state !== 'planned')
      .map((p) => {
        const manifests = q.closeOfDay.manifests(p.id);
        return {
          ...session(q, p),
          visits: q.dayFigures.visitCount(p.id),
          doses: q.dayFigures.doseCount(p.id),
          revision: manifests.at(-1)?.revision ?? null,
          amendments: manifests.filter((m) => m.reason === 'amendment').length,
        };
      });
  }

  private todaysPlan(): PlanRow | null {
    const q = this.store.q;
    const today = siteToday(this.store.clock);
    const open = q.plans.openOn(today);
    if (open) return q.plans.row(open.id);
    const latest = q.plans.list({ from: today, to: today }).find((p) => p.state === 'closed');
    return latest ? q.plans.row(latest.id) : null;
  }
}
