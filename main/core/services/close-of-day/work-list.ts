import type { Reconciliation, WorkItem } from '../../../../preload/contract';
import type { Queries } from '../../../../db/queries';
import { workItemKey, type WorkItemKind } from '../../../domain/close-of-day';

function item(kind: WorkItemKind, entityId: string, rest: Partial<Omit<WorkItem, 'key' | 'kind' | 'entityId'>> = {}): WorkItem {
  return { key: workItemKey(kind, entityId), kind, entityId, queueNumber: null, fullName: null, params: {}, since: null, ...rest };
}

/**
 * Everything that needs the supervisor's decision before the session can
 * close, read from the records: people still at a desk or in observation,
 * refused identity conflicts, correction requests, adverse events without
 * follow-up, uploads the platform rejected, vials left open, and lots whose
 * count is missing or does not balance.
 */
export function workList(q: Queries, planId: string, reconciliation: Reconciliation): WorkItem[] {
  const f = q.dayFigures;
  const items: WorkItem[] = [];
  for (const v of f.waitingVisits(planId)) {
    items.push(
      v.step === 'observation'
        ? item('in_observation', v.id, { queueNumber: v.queueNumber, fullName: v.fullName, since: v.stepAt, params: { dueAt: v.dueAt ?? '' } })
        : item('unfinished_visit', v.id, { queueNumber: v.queueNumber, fullName: v.fullName, since: v.stepAt, params: { step: v.step } }),
    );
  }
  for (const c of q.work.openConflicts(planId)) {
    items.push(
      item('identity_conflict', c.id, {
        fullName: c.cardFullName,
        since: c.refusedAt,
        params: { idNumber: c.idNumber, holderName: c.holderFullName, holderDateOfBirth: c.holderDateOfBirth, cardDateOfBirth: c.cardDateOfBirth },
      }),
    );
  }
  for (const r of f.openCorrectionRequests(planId)) {
    items.push(item('correction_request', r.id, { queueNumber: r.queueNumber, fullName: r.fullName, since: r.requestedAt, params: { reason: r.reason, lotNumber: r.lotNumber ?? '' } }));
  }
  for (const a of f.aefiWithoutFollowUp(planId)) {
    items.push(item('aefi_without_follow_up', a.id, { queueNumber: a.queueNumber, fullName: a.fullName, since: a.recordedAt, params: { serious: a.serious, severity: a.severity } }));
  }
  for (const o of f.rejectedUploads(planId)) {
    items.push(item('rejected_upload', o.id, { since: o.lastAttemptAt, params: { kind: o.kind, entityId: o.entityId, error: (o.lastError ?? '').slice(0, 300), seq: o.seq } }));
  }
  for (const v of f.openVials(planId)) {
    items.push(item('open_vial', v.id, { since: v.openedAt, params: { lotNumber: v.lotNumber, dosesLeft: v.dosesLeft, expiresAt: v.expiresAt } }));
  }
  for (const l of reconciliation.lots) {
    if (l.problems.includes('count_missing')) {
      items.push(item('stock_count_missing', l.lotId, { params: { lotNumber: l.lotNumber, productName: l.productName, sealedVialsExpected: l.sealedVialsExpected } }));
    } else if (l.problems.includes('variance_unexplained') || l.problems.includes('opened_less_than_administered')) {
      items.push(
        item('stock_variance', l.lotId, {
          params: { lotNumber: l.lotNumber, productName: l.productName, varianceDoses: l.varianceDoses, problem: l.problems.includes('variance_unexplained') ? 'variance_unexplained' : 'opened_less_than_administered' },
        }),
      );
    }
  }
  return items;
}
