import type { PlanDetail, PlanSummary, PlanState } from '../../../preload/contract';
import type { PlanRow, PlanSummaryRow } from '../../../db/queries/plans';
import type { LotRecord } from '../../../db/queries/lots';
import {
  checkCanOpen,
  checkLotExpiry,
  checkPlanAcceptsSupplies,
  checkPlanEditable,
  checkSessionDate,
} from '../../domain/plan-rules';
import { isTargetGroup } from '../../domain/target-groups';
import { nameKey } from '../../domain/names';
import { siteToday } from '../clock';
import { refuse, StationError } from '../errors';
import { newId } from '../ids';
import type { Actor, Store, WriteScope } from '../store';

/** What a supervisor edits on a plan: the stored row's own fields. */
export type PlanFieldsInput = Pick<PlanRow, 'sessionDate' | 'period' | 'location' | 'plannedCapacity' | 'targetGroups' | 'notes'>;

export interface LotInput {
  productCode: string;
  lotNumber: string;
  expiryDate: string;
  dosesPerVial?: number | undefined;
  vialsReceived: number;
}

function summary(row: PlanSummaryRow): PlanSummary {
  return {
    id: row.id,
    sessionDate: row.sessionDate,
    period: row.period,
    location: row.location,
    plannedCapacity: row.plannedCapacity,
    targetGroups: row.targetGroups,
    notes: row.notes,
    state: row.state,
    targetCount: row.targetCount,
    lotCount: row.lotCount,
    dosesOnHand: row.dosesOnHand,
    updatedAt: row.updatedAt,
  };
}

/** What an audit row records of a plan: the fields a supervisor edits, and its state. */
function planFields(p: PlanRow) {
  return {
    sessionDate: p.sessionDate,
    period: p.period,
    location: p.location,
    plannedCapacity: p.plannedCapacity,
    targetGroups: p.targetGroups,
    notes: p.notes,
    state: p.state,
  };
}

/** The supervisor's session plan: the day, its place, its lots, its state. */
export class PlanService {
  constructor(private readonly store: Store) {}

  /** The vaccine catalogue as desks show it (the matching aliases stay in the core). */
  products() {
    return this.store.q.products.all().map(({ aliases: _aliases, ...p }) => p);
  }

  /** A page of a plan's target list: everyone, or those whose name starts with the query or whose ID number does. */
  targets(planId: string, query: string, limit: number, offset: number) {
    const q = this.store.q.targets;
    const text = query.trim();
    if (!text) return { total: q.count(planId), rows: q.page(planId, limit, offset) };
    const idPrefix = /^\d{3,12}$/.test(text) ? text : '';
    return q.search(planId, idPrefix ? '\uffff' : nameKey(text), idPrefix, limit, offset);
  }

  list(filter: { from?: string | undefined; to?: string | undefined; state?: PlanState | undefined }): PlanSummary[] {
    return this.store.q.plans.list(filter).map(summary);
  }

  get(id: string): PlanDetail {
    const row = this.store.q.plans.byId(id);
    if (!row) throw new StationError('NOT_FOUND', 'no such plan', { id });
    return this.detail(row);
  }

  /** Today's open session: what every desk works against. */
  current(): PlanDetail | null {
    const row = this.store.q.plans.openOn(siteToday(this.store.clock));
    return row ? this.detail(row) : null;
  }

  create(actor: Actor, input: PlanFieldsInput): PlanDetail {
    refuse(checkSessionDate(input.sessionDate, siteToday(this.store.clock)));
    this.checkTargetGroups(input.targetGroups);
    const id = this.store.write(actor, (w) => {
      this.checkSlotFree(w, input);
      const id = newId();
      w.q.plans.insert({ id, ...input, createdBy: actor.staffId, createdAt: w.at, updatedAt: w.at });
      w.audit('plan:create', 'session_plan', id, null, input);
      w.emit('plan:changed', { planId: id, state: 'planned' });
      return id;
    });
    return this.get(id);
  }

  update(actor: Actor, id: string, patch: Partial<PlanFieldsInput>): PlanDetail {
    if (patch.targetGroups) this.checkTargetGroups(patch.targetGroups);
    this.store.write(actor, (w) => {
      const before = this.requirePlan(w, id);
      refuse(checkPlanEditable(before.state));
      const after = {
        id,
        sessionDate: patch.sessionDate ?? before.sessionDate,
        period: patch.period ?? before.period,
        location: patch.location ?? before.location,
        plannedCapacity: patch.plannedCapacity ?? before.plannedCapacity,
        targetGroups: patch.targetGroups ?? before.targetGroups,
        notes: patch.notes ?? before.notes,
        updatedAt: w.at,
      };
      if (patch.sessionDate && patch.sessionDate !== before.sessionDate) {
        refuse(checkSessionDate(patch.sessionDate, siteToday(this.store.clock)));
        for (const lot of w.q.lots.forPlan(id)) refuse(checkLotExpiry(lot, { state: before.state, sessionDate: after.sessionDate }, siteToday(this.store.clock)));
      }
      if (after.sessionDate !== before.sessionDate || after.period !== before.period || after.location !== before.location) {
        this.checkSlotFree(w, after, id);
      }
      w.q.plans.update(after);
      w.audit('plan:update', 'session_plan', id, planFields(before), planFields({ ...before, ...after }));
      w.emit('plan:changed', { planId: id, state: before.state });
    });
    return this.get(id);
  }

  addLot(actor: Actor, planId: string, input: LotInput): PlanDetail {
    const product = this.store.q.products.all().find((p) => p.code === input.productCode && p.active);
    if (!product) throw new StationError('PRODUCT_UNKNOWN', 'no such vaccine product', { productCode: input.productCode });
    this.store.write(actor, (w) => {
      const plan = this.requirePlan(w, planId);
      refuse(checkPlanAcceptsSupplies(plan.state));
      refuse(checkLotExpiry(input, plan, siteToday(this.store.clock)));
      if (w.q.lots.duplicateOf(planId, input.productCode, input.lotNumber)) {
        throw new StationError('LOT_DUPLICATE', 'this lot is already on the plan', { lotNumber: input.lotNumber });
      }
      const lot: LotRecord = {
        id: newId(),
        planId,
        productCode: input.productCode,
        lotNumber: input.lotNumber,
        expiryDate: input.expiryDate,
        dosesPerVial: input.dosesPerVial ?? product.defaultDosesPerVial,
        vialsReceived: input.vialsReceived,
        createdAt: w.at,
        updatedAt: w.at,
      };
      w.q.lots.insert(lot);
      w.q.plans.touch(planId, w.at);
      w.audit('plan:addLot', 'vaccine_lot', lot.id, null, lot);
      w.emit('plan:changed', { planId, state: plan.state });
    });
    return this.get(planId);
  }

  updateLot(actor: Actor, lotId: string, patch: Partial<Omit<LotInput, 'productCode'>>): PlanDetail {
    return this.changeLot(actor, lotId, 'plan:updateLot', (w, before, plan) => {
      refuse(checkPlanAcceptsSupplies(plan.state));
      const after: LotRecord = {
        ...before,
        lotNumber: patch.lotNumber ?? before.lotNumber,
        expiryDate: patch.expiryDate ?? before.expiryDate,
        dosesPerVial: patch.dosesPerVial ?? before.dosesPerVial,
        vialsReceived: patch.vialsReceived ?? before.vialsReceived,
        updatedAt: w.at,
      };
      refuse(checkLotExpiry(after, plan, siteToday(this.store.clock)));
      if (w.q.lots.duplicateOf(plan.id, after.productCode, after.lotNumber, after.id)) {
        throw new StationError('LOT_DUPLICATE', 'this lot is already on the plan', { lotNumber: after.lotNumber });
      }
      w.q.lots.update(after);
      return after;
    });
  }

  removeLot(actor: Actor, lotId: string): PlanDetail {
    return this.changeLot(actor, lotId, 'plan:removeLot', (w, before, plan) => {
      // Once the day is open, vials may already have been drawn from a lot: it stays on record.
      if (plan.state !== 'planned') throw new StationError('LOT_IN_USE', 'lots of an open session cannot be removed', { lotNumber: before.lotNumber });
      w.q.lots.remove(lotId);
      return null;
    });
  }

  open(actor: Actor, id: string): PlanDetail {
    this.store.write(actor, (w) => {
      const plan = this.requirePlan(w, id);
      const today = siteToday(this.store.clock);
      const usable = w.q.lots.forPlan(id).filter((l) => l.expiryDate >= today && l.vialsReceived > 0).length;
      const other = w.q.plans.openOn(today);
      refuse(checkCanOpen(plan, usable, other !== null && other.id !== id, today));
      w.q.plans.markOpen(id, actor.staffId, w.at);
      w.audit('plan:open', 'session_plan', id, { state: plan.state }, { state: 'open' });
      w.emit('plan:changed', { planId: id, state: 'open' });
    });
    return this.get(id);
  }

  private detail(row: PlanSummaryRow): PlanDetail {
    return {
      ...summary(row),
      lots: this.store.q.lots.forPlan(row.id),
      createdAt: row.createdAt,
      openedAt: row.openedAt,
      closedAt: row.closedAt,
    };
  }

  /**
   * A change to a lot already on a plan. Whatever `change` checks and writes,
   * the plan's "updated" time moves, the audit row holds the lot before and
   * after (null once removed), and every desk showing the plan is told.
   */
  private changeLot(
    actor: Actor,
    lotId: string,
    operation: 'plan:updateLot' | 'plan:removeLot',
    change: (w: WriteScope, before: LotRecord, plan: PlanRow) => LotRecord | null,
  ): PlanDetail {
    const planId = this.store.write(actor, (w) => {
      const before = w.q.lots.byId(lotId);
      if (!before) throw new StationError('NOT_FOUND', 'no such lot', { id: lotId });
      const plan = this.requirePlan(w, before.planId);
      const after = change(w, before, plan);
      w.q.plans.touch(plan.id, w.at);
      w.audit(operation, 'vaccine_lot', lotId, before, after);
      w.emit('plan:changed', { planId: plan.id, state: plan.state });
      return plan.id;
    });
    return this.get(planId);
  }

  private requirePlan(w: WriteScope, id: string): PlanRow {
    const plan = w.q.plans.row(id);
    if (!plan) throw new StationError('NOT_FOUND', 'no such plan', { id });
    return plan;
  }

  private checkSlotFree(w: WriteScope, p: { sessionDate: string; period: string; location: string }, selfId?: string): void {
    const existing = w.q.plans.slotTaken(p.sessionDate, p.period, p.location);
    if (existing && existing !== selfId) {
      throw new StationError('PLAN_DUPLICATE', 'a session is already planned for that day, period and place', {
        sessionDate: p.sessionDate,
        period: p.period,
      });
    }
  }

  private checkTargetGroups(groups: string[]): void {
    const unknown = groups.find((g) => !isTargetGroup(g));
    if (unknown) {
      throw new StationError('VALIDATION_FAILED', 'unknown target group', { value: unknown }, [
        { path: 'targetGroups', code: 'TARGET_GROUP_UNKNOWN', message: `unknown target group ${unknown}` },
      ]);
    }
  }
}
