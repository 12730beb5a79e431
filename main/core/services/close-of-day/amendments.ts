import { StationError } from '../../errors';
import { newId } from '../../ids';
import type { Actor, Store, WriteScope } from '../../store';
import type { SigningKeys } from '../certificates/signing-keys';
import { openStationKey } from '../certificates/station-signature';
import { requireReason } from '../clinical/today';
import { manifestFigures, writeManifest } from './manifest-writer';
import { reconcile } from './reconciliation';

export interface AmendmentSpec {
  operation: string;
  entity: string;
  entityId: string;
  reason: string;
}

export interface AmendedChange<T> {
  before: unknown;
  after: unknown;
  result: T;
}

/**
 * Fixes to a closed day. A closed session's records are read-only (the
 * database's triggers refuse any change); an amendment opens them to its own
 * transaction only, makes the change, records who, when, why and the record
 * before and after, and signs a new revision of the day's manifest that
 * covers the change and points to the one before. The corrections themselves
 * are queued for the platform by the operation that makes them, as on any day.
 */
export class Amendments {
  constructor(
    private readonly store: Store,
    private readonly keys: SigningKeys,
  ) {}

  /**
   * Runs `change` inside the caller's transaction. On a session that is not
   * closed (or on a record of no session) it simply runs; on a closed one it
   * is an amendment, for supervisors only, with a written reason.
   */
  apply<T>(w: WriteScope, actor: Actor, planId: string | null, spec: AmendmentSpec, change: () => AmendedChange<T>): T {
    const plan = planId ? w.q.plans.row(planId) : null;
    if (!plan || plan.state !== 'closed') return change().result;
    if (actor.role !== 'supervisor') {
      throw new StationError('DAY_AMEND_SUPERVISOR_ONLY', 'the day is closed: only a supervisor may amend it', { sessionDate: plan.sessionDate });
    }
    const reason = requireReason(spec.reason);
    const key = openStationKey(this.keys, { missing: 'DAY_NO_SIGNING_KEY', locked: 'DAY_SIGNING_LOCKED' });
    w.q.closeOfDay.markAmending(plan.id);
    const changed = change();
    const manifestId = newId();
    const amendmentId = newId();
    w.q.closeOfDay.insertAmendment({
      id: amendmentId,
      planId: plan.id,
      operation: spec.operation,
      entity: spec.entity,
      entityId: spec.entityId,
      reason,
      beforeJson: changed.before === undefined ? null : JSON.stringify(changed.before),
      afterJson: changed.after === undefined ? null : JSON.stringify(changed.after),
      amendedBy: actor.staffId,
      amendedAt: w.at,
      manifestId,
    });
    const reconciliation = reconcile(w.q, plan.id, w.at, plan.sessionDate, plan.plannedCapacity);
    const decisions = w.q.closeOfDay.decisions(plan.id).length;
    const manifest = writeManifest(this.store, w, { manifestId, planId: plan.id, reason: 'amendment', actor, key, figures: manifestFigures(reconciliation, decisions) });
    // Closed again for everyone before the transaction ends: the mark never outlives it.
    w.q.closeOfDay.clearAmending(plan.id);
    w.audit('day:amend', 'session_plan', plan.id, null, { amendmentId, operation: spec.operation, entity: spec.entity, entityId: spec.entityId, reason, revision: manifest.revision });
    w.emit('day:changed', { planId: plan.id, state: 'closed' });
    return changed.result;
  }
}
