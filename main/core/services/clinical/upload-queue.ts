import type { WriteScope } from '../../store';
import { newId } from '../../ids';

/**
 * Kinds of records the sync issue sends to the national platform. Each is
 * queued inside the transaction that writes the record, so a committed record
 * is always queued and a queued one always committed.
 */
export type UploadKind = 'dose.recorded' | 'dose.voided' | 'dose.superseded' | 'aefi.recorded';

export function queueUpload(w: WriteScope, kind: UploadKind, entityId: string, payload: Record<string, unknown>): void {
  const site = w.q.site.get();
  w.q.outbox.insert({ id: newId(), kind, entityId, payload: { ...payload, siteCode: site?.code ?? null }, createdAt: w.at });
}
