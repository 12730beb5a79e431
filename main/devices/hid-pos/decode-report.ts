import { resolveLayout, type LayoutChoice } from './report-layouts';

/**
 * One input report turned into its piece of a barcode. Pure: the device code
 * and the replay tests call this same function.
 */
export interface ReportChunk {
  kind: 'chunk';
  data: Uint8Array;
  /** AIM symbology identifier (e.g. "]Q1") when the layout carries one. */
  symbology: string | null;
  /** true/false from the layout's continuation flag; null when the layout has none. */
  more: boolean | null;
  /** The report carried as much data as it can: with no flag, more may follow. */
  full: boolean;
}

export type DecodedReport =
  | ReportChunk
  /** Not a scanned-data report (status, trigger, another report ID): nothing to do. */
  | { kind: 'ignored' }
  | { kind: 'malformed'; reason: 'length-out-of-range' | 'too-short' };

export function decodeReport(report: Uint8Array, choice: LayoutChoice): DecodedReport {
  const layout = resolveLayout(choice, report);
  if (!layout || report[0] !== layout.reportId) return { kind: 'ignored' };
  if (report.length <= layout.lengthOffset) return { kind: 'malformed', reason: 'too-short' };
  const length = report[layout.lengthOffset] ?? 0;
  if (length > layout.dataCapacity || layout.dataOffset + length > report.length) {
    return { kind: 'malformed', reason: 'length-out-of-range' };
  }
  let symbology: string | null = null;
  if (layout.symbologyOffset !== null && report.length >= layout.symbologyOffset + layout.symbologyLength) {
    const bytes = report.subarray(layout.symbologyOffset, layout.symbologyOffset + layout.symbologyLength);
    // Printable ASCII only: some firmwares leave these bytes zero when AIM IDs are off.
    symbology = bytes.every((b) => b >= 0x21 && b <= 0x7e) ? String.fromCharCode(...bytes) : null;
  }
  const more =
    layout.moreOffset === null ? null : report.length > layout.moreOffset ? ((report[layout.moreOffset] ?? 0) & layout.moreMask) !== 0 : false;
  return {
    kind: 'chunk',
    data: report.slice(layout.dataOffset, layout.dataOffset + length),
    symbology,
    more,
    full: length === layout.dataCapacity,
  };
}
