/**
 * Where the decoded barcode sits in a HID POS input report. The HID Point of
 * Sale Usage Tables (usage page 0x8C, "Scanned Data Report") define the pieces
 * (symbology identifier, decoded data, a "decode data continued" flag) but each
 * vendor lays them out in its own fixed report. Byte 0 is the report ID: hidapi,
 * and so node-hid, puts it first on every platform when a device numbers its reports.
 *
 * honeywell — Honeywell/Metrologic "USB HID POS" (interface 131) and the many
 *   OEM scanners that copy it. 64 bytes:
 *     [0] report ID 0x02  [1] data length in this report (0–56)
 *     [2..4] AIM symbology identifier, e.g. "]Q1" for QR
 *     [5..60] data, zero-padded  [61] vendor symbology code  [62] reserved
 *     [63] bit 0 set = more data follows in the next report
 *
 * length-prefixed — Newland (FM/NLS series) "HID-POS" and generic scanners:
 *     [0] report ID 0x02  [1] data length (0–56)  [2..57] data  [58..] vendor bytes
 *   No continuation flag: a barcode longer than 56 bytes arrives as full reports
 *   followed by a shorter one; one that is an exact multiple of 56 ends when the
 *   scanner falls silent (the assembler's idle timeout).
 */
export interface ReportLayout {
  name: string;
  /** First byte of every scanned-data report; others (status, trigger) are ignored. */
  reportId: number;
  lengthOffset: number;
  symbologyOffset: number | null;
  symbologyLength: number;
  dataOffset: number;
  /** Most data bytes one report carries. */
  dataCapacity: number;
  /** Byte holding the "more data follows" flag, or null when the layout has none. */
  moreOffset: number | null;
  moreMask: number;
}

export const HONEYWELL_LAYOUT: ReportLayout = {
  name: 'honeywell',
  reportId: 0x02,
  lengthOffset: 1,
  symbologyOffset: 2,
  symbologyLength: 3,
  dataOffset: 5,
  dataCapacity: 56,
  moreOffset: 63,
  moreMask: 0x01,
};

export const LENGTH_PREFIXED_LAYOUT: ReportLayout = {
  name: 'length-prefixed',
  reportId: 0x02,
  lengthOffset: 1,
  symbologyOffset: null,
  symbologyLength: 0,
  dataOffset: 2,
  dataCapacity: 56,
  moreOffset: null,
  moreMask: 0,
};

export type LayoutChoice = 'auto' | 'honeywell' | 'length-prefixed' | ReportLayout;

const AIM_FLAG = 0x5d; // ']'

/**
 * Picks the layout of a report when the station is not told. Honeywell reports
 * are 64 bytes with an AIM identifier (always starting with ']') at byte 2; any
 * other report whose length byte fits is read as length-prefixed. Configure the
 * layout explicitly for a scanner whose data itself starts with ']'.
 */
export function detectLayout(report: Uint8Array): ReportLayout | null {
  if (report[0] !== 0x02 || report.length < 3) return null;
  if (report.length >= 64 && report[2] === AIM_FLAG) return HONEYWELL_LAYOUT;
  const length = report[1] ?? 0;
  if (length <= LENGTH_PREFIXED_LAYOUT.dataCapacity && length <= report.length - 2) return LENGTH_PREFIXED_LAYOUT;
  return null;
}

export function resolveLayout(choice: LayoutChoice, report: Uint8Array): ReportLayout | null {
  if (choice === 'auto') return detectLayout(report);
  if (choice === 'honeywell') return HONEYWELL_LAYOUT;
  if (choice === 'length-prefixed') return LENGTH_PREFIXED_LAYOUT;
  return choice;
}
