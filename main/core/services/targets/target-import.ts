import { createHash } from 'node:crypto';
import { IMPORT_CHUNK_BYTES, MAX_IMPORT_BYTES, type ImportPreview } from '../../../../preload/contract';
import { checkPlanAcceptsSupplies } from '../../../domain/plan-rules';
import type { ValidTarget } from '../../../domain/target-import/validate-rows';
import { siteToday } from '../../clock';
import { refuse, StationError } from '../../errors';
import { newId } from '../../ids';
import type { Actor, Store } from '../../store';
import type { CheckSummary } from './check-file';
import { checkInWorker, type RunningCheck } from './checker';

export const MAX_IMPORT_ROWS = 200_000;
/** Rows with problems listed in a preview; the counts always cover the whole file. */
const REPORT_LIMIT = 2_000;
/** An upload or a checked file waits this long for its next step. */
const PENDING_TTL_MS = 30 * 60_000;
/** Files held (uploading, being checked or awaiting confirmation); older ones are dropped first. */
const MAX_PENDING = 4;

interface PendingImport {
  id: string;
  planId: string;
  staffId: string;
  fileName: string;
  sizeBytes: number;
  chunks: Buffer[];
  received: number;
  expiresAt: number;
  check: RunningCheck | null;
  checked: { summary: CheckSummary; targets: ValidTarget[]; sha256: string } | null;
}

/**
 * Target-list import: the file is announced (name, size: too big is refused
 * before a byte is sent), uploaded in chunks, checked whole in a worker
 * thread (nothing written), then confirmed: every valid row in one
 * transaction, or none if anything fails midway.
 */
export class TargetImportService {
  private readonly pending = new Map<string, PendingImport>();
  /** One file checked at a time: a check uses a core of its own and up to a gigabyte. */
  private checking: string | null = null;

  constructor(private readonly store: Store) {}

  start(actor: Actor, planId: string, fileName: string, sizeBytes: number): { uploadId: string; chunkBytes: number } {
    if (sizeBytes > MAX_IMPORT_BYTES) {
      throw new StationError('IMPORT_FILE_TOO_LARGE', 'file too large', { maxMegabytes: MAX_IMPORT_BYTES / 1024 / 1024 });
    }
    if (sizeBytes === 0) throw new StationError('IMPORT_FILE_EMPTY', 'the file is empty');
    const plan = this.store.q.plans.byId(planId);
    if (!plan) throw new StationError('NOT_FOUND', 'no such plan', { id: planId });
    refuse(checkPlanAcceptsSupplies(plan.state));
    this.dropExpired();
    const id = newId();
    this.pending.set(id, {
      id,
      planId,
      staffId: actor.staffId,
      fileName,
      sizeBytes,
      chunks: [],
      received: 0,
      expiresAt: this.now() + PENDING_TTL_MS,
      check: null,
      checked: null,
    });
    while (this.pending.size > MAX_PENDING) this.drop(this.pending.keys().next().value!);
    return { uploadId: id, chunkBytes: IMPORT_CHUNK_BYTES };
  }

  chunk(actor: Actor, uploadId: string, offset: number, dataBase64: string): { received: number; sizeBytes: number } {
    const p = this.own(actor, uploadId);
    if (p.check || p.checked || offset !== p.received) {
      throw new StationError('IMPORT_UPLOAD_OUT_OF_ORDER', 'chunks must arrive in order', { expectedOffset: p.received, sizeBytes: p.sizeBytes });
    }
    const bytes = Buffer.from(dataBase64, 'base64');
    if (p.received + bytes.length > p.sizeBytes) {
      throw new StationError('IMPORT_UPLOAD_OUT_OF_ORDER', 'more bytes than the file was announced with', { expectedOffset: p.received, sizeBytes: p.sizeBytes });
    }
    p.chunks.push(bytes);
    p.received += bytes.length;
    p.expiresAt = this.now() + PENDING_TTL_MS;
    return { received: p.received, sizeBytes: p.sizeBytes };
  }

  async preview(actor: Actor, uploadId: string): Promise<ImportPreview> {
    const p = this.own(actor, uploadId);
    if (p.received !== p.sizeBytes) throw new StationError('IMPORT_UPLOAD_INCOMPLETE', 'the file has not all arrived', { received: p.received, sizeBytes: p.sizeBytes });
    if (!p.checked) await this.check(p);
    return this.toPreview(p);
  }

  /** A whole file at once, from inside the core (the demo's synthetic list). */
  async checkBytes(actor: Actor, planId: string, fileName: string, bytes: Uint8Array): Promise<ImportPreview> {
    const { uploadId } = this.start(actor, planId, fileName, bytes.length);
    const p = this.pending.get(uploadId)!;
    p.chunks.push(Buffer.from(bytes));
    p.received = bytes.length;
    return this.preview(actor, uploadId);
  }

  confirm(actor: Actor, previewId: string): { planId: string; imported: number; skipped: number } {
    this.dropExpired();
    const p = this.pending.get(previewId);
    if (!p || p.staffId !== actor.staffId || !p.checked) throw new StationError('IMPORT_PREVIEW_EXPIRED', 'check the file again');
    const { targets, summary, sha256 } = p.checked;
    if (targets.length === 0) throw new StationError('IMPORT_NO_VALID_ROWS', 'no valid rows to import');
    const imported = this.store.write(actor, (w) => {
      const plan = w.q.plans.byId(p.planId);
      if (!plan) throw new StationError('NOT_FOUND', 'no such plan', { id: p.planId });
      refuse(checkPlanAcceptsSupplies(plan.state));
      // Another import may have landed since the preview: re-check ID numbers inside the transaction.
      const existing = w.q.targets.idNumbers(p.planId);
      const clash = targets.find((t) => t.idNumber && existing.has(t.idNumber));
      if (clash) throw new StationError('IMPORT_CONFLICT', 'the list changed since the file was checked', { line: clash.line });
      for (const t of targets) {
        w.q.targets.insert({
          id: newId(),
          planId: p.planId,
          idNumber: t.idNumber,
          fullName: t.fullName,
          nameKey: t.nameKey,
          dateOfBirth: t.dateOfBirth,
          sex: t.sex,
          phone: t.phone,
          address: t.address,
          targetGroup: t.targetGroup,
          productCode: t.productCode,
          doseNumber: t.doseNumber,
          sourceFile: p.fileName,
          sourceLine: t.line,
          importedAt: w.at,
          importedBy: actor.staffId,
        });
      }
      w.q.plans.touch(p.planId, w.at);
      // One audit row per import: the file is identified by its hash, the rows by their source lines.
      w.audit('targets:import', 'session_plan', p.planId, null, {
        fileName: p.fileName,
        sha256,
        encoding: summary.encoding,
        imported: targets.length,
        skippedInvalid: summary.invalidRows,
      });
      w.emit('plan:changed', { planId: p.planId, state: plan.state });
      return targets.length;
    });
    this.pending.delete(previewId);
    return { planId: p.planId, imported, skipped: summary.invalidRows };
  }

  cancel(previewId: string): void {
    this.drop(previewId);
  }

  private async check(p: PendingImport): Promise<void> {
    if (this.checking && this.checking !== p.id) throw new StationError('IMPORT_CHECK_BUSY', 'another file is being checked');
    if (p.check) {
      await p.check.result;
      return;
    }
    const bytes = new Uint8Array(p.sizeBytes);
    let at = 0;
    for (const c of p.chunks) {
      bytes.set(c, at);
      at += c.length;
    }
    p.chunks = [];
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const products = this.store.q.products.all().map((r) => ({ code: r.code, active: r.active, spellings: [r.code, r.name, r.dccProduct, ...r.aliases] }));
    this.checking = p.id;
    p.check = checkInWorker(
      {
        bytes,
        siteToday: siteToday(this.store.clock),
        products,
        existingIdNumbers: [...this.store.q.targets.idNumbers(p.planId)].join('\n'),
        maxRows: MAX_IMPORT_ROWS,
        reportLimit: REPORT_LIMIT,
      },
      (rowsChecked, totalRows) => this.store.notify('targets:importProgress', { uploadId: p.id, rowsChecked, totalRows }),
    );
    try {
      const { summary, targets } = await p.check.result;
      p.checked = { summary, targets, sha256 };
      p.expiresAt = this.now() + PENDING_TTL_MS;
    } catch (err) {
      // A refused file cannot be checked again: the supervisor picks it (or a fixed one) anew.
      this.pending.delete(p.id);
      throw err;
    } finally {
      p.check = null;
      if (this.checking === p.id) this.checking = null;
    }
  }

  private toPreview(p: PendingImport): ImportPreview {
    const s = p.checked!.summary;
    return {
      previewId: p.id,
      planId: p.planId,
      fileName: p.fileName,
      encoding: s.encoding,
      totalRows: s.totalRows,
      validRows: s.validRows,
      invalidRows: s.invalidRows,
      rowsWithWarnings: s.rowsWithWarnings,
      report: s.report,
      reportTruncated: s.reportTruncated,
      columns: s.columns,
      lines: s.lines,
      expiresAt: new Date(p.expiresAt).toISOString(),
    };
  }

  private own(actor: Actor, id: string): PendingImport {
    this.dropExpired();
    const p = this.pending.get(id);
    if (!p || p.staffId !== actor.staffId) throw new StationError('IMPORT_UPLOAD_UNKNOWN', 'no such upload; choose the file again');
    return p;
  }

  private drop(id: string): void {
    const p = this.pending.get(id);
    if (!p) return;
    p.check?.cancel();
    this.pending.delete(id);
  }

  private dropExpired(): void {
    const now = this.now();
    for (const [id, p] of this.pending) if (p.expiresAt < now && !p.check) this.drop(id);
  }

  private now(): number {
    return this.store.clock.now().getTime();
  }
}
