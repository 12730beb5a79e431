import { createHash } from 'node:crypto';
import { MAX_IMPORT_BYTES, type ImportPreview, type ImportRowReport } from '../../../preload/contract';
import { checkPlanAcceptsSupplies } from '../../domain/plan-rules';
import { nameKey } from '../../domain/names';
import { mapHeader } from '../../domain/target-import/columns';
import { decodeCsvBytes } from '../../domain/target-import/decode-bytes';
import { validateTargetRows, type ValidTarget } from '../../domain/target-import/validate-rows';
import { siteToday } from '../clock';
import { refuse, StationError } from '../errors';
import { newId } from '../ids';
import type { ProductRow } from '../../../db/queries/products';
import type { Actor, Store } from '../store';
import { readCsv } from './csv-reader';

export const MAX_IMPORT_ROWS = 200_000;
/** Rows with problems listed in a preview; the counts always cover the whole file. */
const REPORT_LIMIT = 2_000;
const PREVIEW_TTL_MS = 30 * 60_000;
/** Checked files held awaiting confirmation; older ones are dropped first. */
const MAX_PENDING_PREVIEWS = 4;

interface PendingImport {
  previewId: string;
  planId: string;
  staffId: string;
  fileName: string;
  sha256: string;
  encoding: string;
  targets: ValidTarget[];
  invalidRows: number;
  expiresAt: number;
}

/** Builds the lookup from what people write in a "vaccine" column to a catalogue code. */
export function productResolver(products: readonly ProductRow[]): (text: string) => string | null {
  const byKey = new Map<string, string>();
  for (const p of products) {
    if (!p.active) continue;
    for (const spelling of [p.code, p.name, p.dccProduct, ...p.aliases]) {
      const key = nameKey(spelling);
      // A spelling shared by two products (an EU code for two formulations) is ambiguous: drop it.
      byKey.set(key, byKey.has(key) && byKey.get(key) !== p.code ? '' : p.code);
    }
  }
  return (text) => byKey.get(nameKey(text)) || null;
}

/**
 * Target-list import in two steps. `preview` decodes and checks the whole file
 * and writes nothing; `confirm` writes every valid row in one transaction, or
 * none if anything fails midway.
 */
export class TargetImportService {
  private readonly pending = new Map<string, PendingImport>();

  constructor(private readonly store: Store) {}

  preview(actor: Actor, planId: string, fileName: string, contentBase64: string): ImportPreview {
    // Reject by size before decoding: base64 length tells the byte count.
    const approxBytes = Math.floor((contentBase64.length * 3) / 4);
    if (approxBytes > MAX_IMPORT_BYTES) {
      throw new StationError('IMPORT_FILE_TOO_LARGE', 'file too large', { maxMegabytes: MAX_IMPORT_BYTES / 1024 / 1024 });
    }
    const plan = this.store.q.plans.byId(planId);
    if (!plan) throw new StationError('NOT_FOUND', 'no such plan', { id: planId });
    refuse(checkPlanAcceptsSupplies(plan.state));
    const bytes = Buffer.from(contentBase64, 'base64');
    const decoded = decodeCsvBytes(bytes);
    if (!decoded.ok) throw new StationError(decoded.code, 'cannot read the file', decoded.params);
    const table = readCsv(decoded.text, MAX_IMPORT_ROWS);
    const header = mapHeader(table.header);
    if (!header.ok) {
      throw new StationError('IMPORT_HEADER_MISSING', 'required columns missing', { missing: header.missing.join(', ') });
    }
    const outcomes = validateTargetRows(table.rows, {
      columns: header.columns,
      siteToday: siteToday(this.store.clock),
      resolveProduct: productResolver(this.store.q.products.all()),
      existingIdNumbers: this.store.q.targets.idNumbers(planId),
    });
    const targets: ValidTarget[] = [];
    const report: ImportRowReport[] = [];
    let invalid = 0;
    let withWarnings = 0;
    for (const o of outcomes) {
      if (o.target) targets.push(o.target);
      else invalid++;
      if (o.problems.length > 0) {
        if (o.target) withWarnings++;
        if (report.length < REPORT_LIMIT) report.push({ line: o.line, idNumber: o.idNumber, fullName: o.fullName, problems: o.problems });
      }
    }
    this.dropExpired();
    const previewId = newId();
    const expiresAt = this.store.clock.now().getTime() + PREVIEW_TTL_MS;
    this.pending.set(previewId, {
      previewId,
      planId,
      staffId: actor.staffId,
      fileName,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      encoding: decoded.encoding,
      targets,
      invalidRows: invalid,
      expiresAt,
    });
    while (this.pending.size > MAX_PENDING_PREVIEWS) this.pending.delete(this.pending.keys().next().value!);
    return {
      previewId,
      planId,
      fileName,
      encoding: decoded.encoding,
      totalRows: outcomes.length,
      validRows: targets.length,
      invalidRows: invalid,
      rowsWithWarnings: withWarnings,
      report,
      reportTruncated: report.length < outcomes.filter((o) => o.problems.length > 0).length,
      columns: header.recognised,
      expiresAt: new Date(expiresAt).toISOString(),
    };
  }

  confirm(actor: Actor, previewId: string): { planId: string; imported: number; skipped: number } {
    this.dropExpired();
    const p = this.pending.get(previewId);
    if (!p || p.staffId !== actor.staffId) throw new StationError('IMPORT_PREVIEW_EXPIRED', 'check the file again');
    if (p.targets.length === 0) throw new StationError('IMPORT_NO_VALID_ROWS', 'no valid rows to import');
    const imported = this.store.write(actor, (w) => {
      const plan = w.q.plans.byId(p.planId);
      if (!plan) throw new StationError('NOT_FOUND', 'no such plan', { id: p.planId });
      refuse(checkPlanAcceptsSupplies(plan.state));
      // Another import may have landed since the preview: re-check ID numbers inside the transaction.
      const existing = w.q.targets.idNumbers(p.planId);
      const clash = p.targets.find((t) => t.idNumber && existing.has(t.idNumber));
      if (clash) throw new StationError('IMPORT_CONFLICT', 'the list changed since the file was checked', { line: clash.line });
      for (const t of p.targets) {
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
        sha256: p.sha256,
        encoding: p.encoding,
        imported: p.targets.length,
        skippedInvalid: p.invalidRows,
      });
      w.emit('plan:changed', { planId: p.planId, state: plan.state });
      return p.targets.length;
    });
    this.pending.delete(previewId);
    return { planId: p.planId, imported, skipped: p.invalidRows };
  }

  cancel(previewId: string): void {
    this.pending.delete(previewId);
  }

  private dropExpired(): void {
    const now = this.store.clock.now().getTime();
    for (const [id, p] of this.pending) if (p.expiresAt < now) this.pending.delete(id);
  }
}
