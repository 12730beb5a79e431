/**
 * Cells that a spreadsheet program would take for a formula ("CSV injection"):
 * text starting with =, +, -, @, a tab or a carriage return. The station never
 * evaluates a cell it reads; when it writes text back out to a CSV file (which
 * carries no cell types, so the program opening it decides), such text is
 * prefixed with an apostrophe so it opens as text, never as a formula.
 */
const FORMULA_START = /^[=+\-@\t\r]/u;

export function looksLikeFormula(text: string): boolean {
  return FORMULA_START.test(text);
}

/** A text cell made safe for a CSV export; numbers and other values are left alone by the caller. */
export function neutraliseForCsv(text: string): string {
  return looksLikeFormula(text) ? `'${text}` : text;
}
