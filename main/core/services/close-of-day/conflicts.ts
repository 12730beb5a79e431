import type { CardIdentity } from '../../../../preload/contract';
import type { Queries } from '../../../../db/queries';
import { StationError } from '../../errors';
import { newId } from '../../ids';
import type { Actor, Store, WriteScope } from '../../store';
import { requireReason } from '../clinical/today';

/** The record the card's number belongs to, as the refused check-in found it. */
export interface ConflictHolder {
  citizenId: string | null;
  targetId: string | null;
  fullName: string;
  dateOfBirth: string;
}

/**
 * Identity conflicts refused at check-in: a card whose ID number belongs to
 * a record that looks like someone else. The refusal itself writes nothing;
 * the conflict is kept here for the supervisor, who checks the holder in
 * (which settles it) or dismisses it with a note.
 */
export class IdentityConflicts {
  constructor(private readonly store: Store) {}

  /** Notes a refused check-in (once per number and session while it is open). */
  record(actor: Actor, planId: string, card: CardIdentity, holder: ConflictHolder): void {
    this.store.write(actor, (w) => {
      if (!card.idNumber || w.q.work.openConflict(planId, card.idNumber)) return;
      const row = {
        id: newId(),
        planId,
        idNumber: card.idNumber,
        cardFullName: card.fullName,
        cardDateOfBirth: card.dateOfBirth,
        holderCitizenId: holder.citizenId,
        holderTargetId: holder.targetId,
        holderFullName: holder.fullName,
        holderDateOfBirth: holder.dateOfBirth,
        refusedAt: w.at,
        refusedBy: actor.staffId,
      };
      w.q.work.insertConflict(row);
      w.audit('checkin:identityConflict', 'identity_conflict', row.id, null, row);
      w.emit('day:changed', { planId, state: 'open' });
    });
  }

  /** Inside a supervisor's check-in of the card's holder: the conflicts on that number are settled. */
  settle(w: WriteScope, planId: string, idNumber: string | null): void {
    if (!idNumber || !w.actor) return;
    if (w.q.work.settleConflictsFor(planId, idNumber, w.actor.staffId, w.at) > 0) {
      w.audit('checkin:identityConflictSettled', 'identity_conflict', null, null, { planId, idNumber });
      w.emit('day:changed', { planId, state: 'open' });
    }
  }

  dismiss(actor: Actor, conflictId: string, note: string): void {
    const text = requireReason(note);
    this.store.write(actor, (w) => {
      const c = requireConflict(w.q, conflictId);
      if (!w.q.work.dismissConflict(c.id, text, actor.staffId, w.at)) throw new StationError('CONFLICT_ALREADY_RESOLVED', 'the conflict was already settled', { idNumber: c.idNumber });
      w.audit('day:dismissConflict', 'identity_conflict', c.id, { state: c.state }, { state: 'dismissed', note: text });
      w.emit('day:changed', { planId: c.planId, state: 'open' });
    });
  }
}

function requireConflict(q: Queries, id: string) {
  const c = q.work.conflict(id);
  if (!c) throw new StationError('NOT_FOUND', 'no such conflict', { id });
  return c;
}
