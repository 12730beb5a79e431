import { parse } from 'csv-parse/sync';
import { StationError } from '../errors';

export interface CsvTable {
  header: string[];
  rows: { line: number; cells: string[] }[];
  delimiter: string;
}

/** Picks the delimiter the header line uses most: Excel writes ';' where the locale's decimal mark is ','. */
function sniffDelimiter(text: string): string {
  const firstLine = text.slice(0, Math.min(text.length, 4096)).split(/\r?\n/, 1)[0] ?? '';
  const counts = [',', ';', '\t'].map((d) => [d, firstLine.split(d).length - 1] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0]![1] > 0 ? counts[0]![0] : ',';
}

/**
 * Reads CSV text into a header and rows with their line numbers in the file,
 * so every problem can be reported as "line N". Structural damage (an
 * unclosed quote) is refused with the line where it starts.
 */
export function readCsv(text: string, maxRows: number): CsvTable {
  const delimiter = sniffDelimiter(text);
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      delimiter,
      bom: true,
      info: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      trim: true,
      to: maxRows + 2,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (err) {
    const line = (err as { lines?: number }).lines;
    throw new StationError('IMPORT_NOT_CSV', 'the file is not readable CSV', { kind: 'structure', line: line ?? 0 });
  }
  const [first, ...rest] = records;
  if (!first) throw new StationError('IMPORT_FILE_EMPTY', 'the file has no rows');
  if (rest.length > maxRows) throw new StationError('IMPORT_TOO_MANY_ROWS', 'too many rows', { max: maxRows });
  return {
    header: first.record,
    delimiter,
    rows: rest
      .filter((r) => r.record.some((c) => c !== ''))
      .map((r) => ({ line: r.info.lines, cells: r.record })),
  };
}
