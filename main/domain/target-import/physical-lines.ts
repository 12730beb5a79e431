/**
 * The lines of a target-list file as a text editor shows them, before any
 * CSV parsing. A spreadsheet row is one line; a file edited in two programs
 * can end its lines with CRLF in one part and LF in another (or a lone CR,
 * old Mac exports), and every one of them ends a line here. Knowing the lines
 * first lets the import refuse a giant header before parsing it, keep one
 * over-long line from swallowing memory, and check afterwards that every line
 * became a row, a blank, or a row's reported problem.
 */

/** A header is a few dozen column names; anything longer is not a target list. */
export const MAX_HEADER_CHARS = 4096;
/** A row at the manual-entry limits (name 120, address 300, …) is well under 1 KB. */
export const MAX_LINE_CHARS = 8192;

export interface OverlongLine {
  line: number;
  length: number;
}

export interface LineScan {
  /** Physical lines: each CRLF, LF or lone CR ends one; text after the last break is one more. */
  lines: number;
  /** Lines with something other than spaces on them. */
  nonBlankLines: number;
  endings: { crlf: number; lf: number; cr: number };
  /** The first non-blank line (the header): its number and length. */
  header: { line: number; length: number } | null;
  /** Lines over MAX_LINE_CHARS: emptied in `text` (numbering kept) and reported as row problems. */
  overlong: OverlongLine[];
  /** The text to parse: as given, with over-long lines emptied. */
  text: string;
}

const BREAK = /\r\n|\n|\r/g;

export function scanLines(text: string): LineScan {
  const endings = { crlf: 0, lf: 0, cr: 0 };
  const overlong: OverlongLine[] = [];
  const kept: string[] = [];
  let header: LineScan['header'] = null;
  let lines = 0;
  let nonBlankLines = 0;
  let start = 0;
  let keptFrom = 0;
  const visit = (end: number) => {
    lines++;
    const length = end - start;
    const blank = length === 0 || text.slice(start, end).trim() === '';
    if (!blank) {
      nonBlankLines++;
      if (header === null) header = { line: lines, length };
    }
    if (length > MAX_LINE_CHARS) {
      overlong.push({ line: lines, length });
      kept.push(text.slice(keptFrom, start));
      keptFrom = end;
    }
  };
  BREAK.lastIndex = 0;
  for (let m = BREAK.exec(text); m !== null; m = BREAK.exec(text)) {
    visit(m.index);
    if (m[0] === '\r\n') endings.crlf++;
    else if (m[0] === '\n') endings.lf++;
    else endings.cr++;
    start = m.index + m[0].length;
  }
  if (start < text.length) visit(text.length);
  kept.push(text.slice(keptFrom));
  return { lines, nonBlankLines, endings, header, overlong, text: overlong.length > 0 ? kept.join('') : text };
}
