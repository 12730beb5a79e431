import type { ImportRowReport, StationErrorData } from '../../../../preload/contract';
import { nameKey } from '../../../domain/names';
import { mapHeader } from '../../../domain/target-import/columns';
import { decodeCsvBytes } from '../../../domain/target-import/decode-bytes';
import { MAX_HEADER_CHARS, MAX_LINE_CHARS, scanLines } from '../../../domain/target-import/physical-lines';
import { validateTargetRows, type RowOutcome, type ValidTarget } from '../../../domain/target-import/validate-rows';
import { StationError } from '../../errors';
import { readCsv } from './csv-reader';

/** The catalogue's spellings of one product, as the import matches them. */
export interface ProductSpellings {
  code: string;
  active: boolean;
  spellings: string[];
}

export interface CheckInput {
  bytes: Uint8Array;
  siteToday: string;
  products: ProductSpellings[];
  /** ID numbers already on the plan, one per line (one string crosses to a worker as a single copy). */
  existingIdNumbers: string;
  maxRows: number;
  /** Rows with problems listed; the counts always cover the whole file. */
  reportLimit: number;
}

export interface CheckSummary {
  encoding: string;
  totalRows: number;
  validRows: number;
  invalidRows: number;
  rowsWithWarnings: number;
  report: ImportRowReport[];
  reportTruncated: boolean;
  columns: string[];
  lines: number;
}

export interface CheckSink {
  progress(rowsChecked: number, totalRows: number): void;
  /** Valid rows, in file order, in batches (a worker sends each as its own message). */
  targets(batch: ValidTarget[]): void;
}

/** Rows validated between two progress reports and per batch of valid rows. */
export const CHECK_BATCH_ROWS = 5_000;

/** Builds the lookup from what people write in a "vaccine" column to a catalogue code. */
export function productResolver(products: readonly ProductSpellings[]): (text: string) => string | null {
  const byKey = new Map<string, string>();
  for (const p of products) {
    if (!p.active) continue;
    for (const spelling of p.spellings) {
      const key = nameKey(spelling);
      // A spelling shared by two products (an EU code for two formulations) is ambiguous: drop it.
      byKey.set(key, byKey.has(key) && byKey.get(key) !== p.code ? '' : p.code);
    }
  }
  return (text) => byKey.get(nameKey(text)) || null;
}

/**
 * Checks a whole target-list file: bytes to text, lines, header, rows. Runs
 * in a worker thread (check-worker.ts), so it may take its time and memory;
 * a file-level refusal is thrown as a StationError, row problems are counted
 * and reported by line.
 */
export function checkTargetFile(input: CheckInput, sink: CheckSink): CheckSummary {
  const decoded = decodeCsvBytes(input.bytes);
  if (!decoded.ok) throw new StationError(decoded.code, 'cannot read the file', decoded.params);
  const scan = scanLines(decoded.text);
  if (scan.header && scan.header.length > MAX_HEADER_CHARS) {
    throw new StationError('IMPORT_HEADER_TOO_LONG', 'the first line is far too long for a header', {
      line: scan.header.line,
      maxCharacters: MAX_HEADER_CHARS,
    });
  }
  // Refused before parsing: every non-blank line but the header would be a row.
  if (scan.nonBlankLines - 1 > input.maxRows) throw new StationError('IMPORT_TOO_MANY_ROWS', 'too many rows', { max: input.maxRows });
  const table = readCsv(scan, input.maxRows);
  const header = mapHeader(table.header);
  if (!header.ok) throw new StationError('IMPORT_HEADER_MISSING', 'required columns missing', { missing: header.missing.join(', ') });

  const ctx = {
    columns: header.columns,
    siteToday: input.siteToday,
    resolveProduct: productResolver(input.products),
    existingIdNumbers: new Set(input.existingIdNumbers ? input.existingIdNumbers.split('\n') : []),
  };
  // Lines emptied for being too long are rows too: each is reported, none disappears.
  const overlong: RowOutcome[] = scan.overlong.map((o) => ({
    line: o.line,
    idNumber: null,
    fullName: null,
    problems: [{ field: 'row', code: 'ROW_TOO_LONG', severity: 'error', params: { length: o.length, max: MAX_LINE_CHARS } }],
    target: null,
  }));
  const totalRows = table.rows.length + overlong.length;
  const summary: CheckSummary = {
    encoding: decoded.encoding,
    totalRows,
    validRows: 0,
    invalidRows: 0,
    rowsWithWarnings: 0,
    report: [],
    reportTruncated: false,
    columns: header.recognised,
    lines: scan.lines,
  };
  const take = (o: RowOutcome) => {
    if (o.target) summary.validRows++;
    else summary.invalidRows++;
    if (o.problems.length === 0) return;
    if (o.target) summary.rowsWithWarnings++;
    if (summary.report.length < input.reportLimit) summary.report.push({ line: o.line, idNumber: o.idNumber, fullName: o.fullName, problems: o.problems });
    else summary.reportTruncated = true;
  };

  // Validated in batches: duplicates are judged across the whole file, so one validator sees every row in order.
  const rows = table.rows;
  const outcomes = validateTargetRows(
    (function* () {
      for (let i = 0; i < rows.length; i++) {
        if (i > 0 && i % CHECK_BATCH_ROWS === 0) sink.progress(i, totalRows);
        yield rows[i]!;
      }
    })(),
    ctx,
  );
  const all = overlong.length > 0 ? [...outcomes, ...overlong].sort((a, b) => a.line - b.line) : outcomes;
  let batch: ValidTarget[] = [];
  for (const o of all) {
    take(o);
    if (o.target) batch.push(o.target);
    if (batch.length >= CHECK_BATCH_ROWS) {
      sink.targets(batch);
      batch = [];
    }
  }
  if (batch.length > 0) sink.targets(batch);
  sink.progress(totalRows, totalRows);
  return summary;
}

/** A refusal as it crosses back from the worker. */
export function refusalData(err: unknown): StationErrorData | null {
  return err instanceof StationError ? err.toData() : null;
}
