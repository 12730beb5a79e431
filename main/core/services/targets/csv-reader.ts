import { parse } from 'csv-parse/sync';
import type { LineScan } from '../../../domain/target-import/physical-lines';
import { StationError } from '../../errors';

export interface CsvRow {
  /** The physical line the row starts on, as a text editor numbers it. */
  line: number;
  /** The line it ends on: the same line unless a quote runs on or a cell holds a line break. */
  lastLine: number;
  cells: string[];
}

export interface CsvTable {
  header: string[];
  rows: CsvRow[];
  delimiter: string;
}

/** Picks the delimiter the header line uses most: Excel writes ';' where the locale's decimal mark is ','. */
function sniffDelimiter(text: string): string {
  const firstLine = text.slice(0, Math.min(text.length, 4096)).split(/\r\n|\n|\r/, 1)[0] ?? '';
  const counts = [',', ';', '\t'].map((d) => [d, firstLine.split(d).length - 1] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0]![1] > 0 ? counts[0]![0] : ',';
}

/**
 * Reads CSV text into a header and rows with the lines each came from, so
 * every problem can be reported as "line N". Each row ends at its own line
 * break, CRLF, LF or CR (csv-parse would otherwise take the first one it sees
 * for the whole file and merge the rest into one cell). Every physical line
 * is accounted for: a row, a blank, or part of a row that spans lines, which
 * the caller reports. Structural damage (a quote never closed) is refused
 * with the line where it is found.
 */
export function readCsv(scan: LineScan, maxRows: number): CsvTable {
  const delimiter = sniffDelimiter(scan.text);
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(scan.text, {
      delimiter,
      record_delimiter: ['\r\n', '\n', '\r'],
      bom: true,
      info: true,
      relax_column_count: true,
      relax_quotes: true,
      // Blank lines come through as rows of one empty cell, so the line count of every row is known.
      skip_empty_lines: false,
      trim: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (err) {
    const line = (err as { lines?: number }).lines;
    throw new StationError('IMPORT_NOT_CSV', 'the file is not readable CSV', { kind: 'structure', line: line ?? 0 });
  }
  const rows: CsvRow[] = [];
  let header: string[] | null = null;
  let previousEnd = 0;
  for (const r of records) {
    const row = { line: previousEnd + 1, lastLine: r.info.lines, cells: r.record };
    previousEnd = r.info.lines;
    if (r.record.every((c) => c === '')) continue;
    if (header === null) header = r.record;
    else rows.push(row);
    if (rows.length > maxRows) throw new StationError('IMPORT_TOO_MANY_ROWS', 'too many rows', { max: maxRows });
  }
  // The parser and the line count must agree on where the file ends; if not, some line went unseen.
  if (records.length > 0 && previousEnd !== scan.lines) {
    throw new StationError('IMPORT_NOT_CSV', 'rows and lines do not add up', { kind: 'structure', line: Math.min(previousEnd, scan.lines) + 1 });
  }
  if (!header) throw new StationError('IMPORT_FILE_EMPTY', 'the file has no rows');
  return { header, delimiter, rows };
}
