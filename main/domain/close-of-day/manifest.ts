/**
 * The day's manifest: which records it covers, in which order, and how its
 * lines are written. The full description, with the statement's fields, is in
 * docs/close-of-day.md; this module is its executable form.
 *
 * Records are taken table by table in MANIFEST_TABLES order and, within a
 * table, in ascending byte order of the key (station ids are UUIDv7 text).
 * Each record becomes one line:
 *
 *     <table> TAB <key> TAB <sha256 hex of the record's RFC 8785 JSON> LF
 *
 * where the record's JSON is the object of its columns (SQL names) as stored,
 * less the columns listed in `exclude` (the few that legitimately change when
 * a day is closed or re-opened). The manifest's records hash is the SHA-256
 * of all lines, in order; each table's hash is that of its own lines.
 */
export interface ManifestTable {
  name: string;
  /** The column that names a record in a line. */
  key: string;
  /** Columns left out of the record's hash, with why. */
  exclude: readonly string[];
}

export const MANIFEST_TABLES: readonly ManifestTable[] = [
  // The session's state and close/update stamps change when it is closed or re-opened; the rest is fixed once open.
  { name: 'session_plan', key: 'id', exclude: ['state', 'updated_at', 'closed_at', 'closed_by'] },
  { name: 'vaccine_lot', key: 'id', exclude: [] },
  { name: 'plan_target', key: 'id', exclude: [] },
  { name: 'visit', key: 'id', exclude: [] },
  { name: 'screening', key: 'id', exclude: [] },
  { name: 'vial', key: 'id', exclude: [] },
  { name: 'vial_waste', key: 'id', exclude: [] },
  { name: 'dose', key: 'id', exclude: [] },
  { name: 'observation', key: 'visit_id', exclude: [] },
  { name: 'aefi', key: 'id', exclude: [] },
  { name: 'aefi_follow_up', key: 'id', exclude: [] },
  { name: 'stock_count', key: 'id', exclude: [] },
  { name: 'identity_conflict', key: 'id', exclude: [] },
  { name: 'dose_correction_request', key: 'id', exclude: [] },
  { name: 'close_decision', key: 'id', exclude: [] },
  { name: 'session_reopen', key: 'id', exclude: [] },
  { name: 'amendment', key: 'id', exclude: [] },
];

export const MANIFEST_FORMAT = 'vn-vaccination-station/day-manifest';
export const MANIFEST_FORMAT_VERSION = 1;

export function recordLine(table: string, key: string, sha256Hex: string): string {
  return `${table}\t${key}\t${sha256Hex}\n`;
}

export interface RecordRef {
  table: string;
  key: string;
}

/** Lines back into table:key → hash, in order. A malformed line is reported, not guessed at. */
export function parseRecordLines(text: string): { records: Map<string, string>; order: RecordRef[]; malformed: number[] } {
  const records = new Map<string, string>();
  const order: RecordRef[] = [];
  const malformed: number[] = [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  lines.forEach((line, i) => {
    const parts = line.split('\t');
    if (parts.length !== 3 || !/^[0-9a-f]{64}$/.test(parts[2]!) || parts[0] === '' || parts[1] === '') {
      malformed.push(i + 1);
      return;
    }
    records.set(`${parts[0]}\t${parts[1]}`, parts[2]!);
    order.push({ table: parts[0]!, key: parts[1]! });
  });
  return { records, order, malformed };
}

export interface RecordDiff {
  /** In both, with different content. */
  changed: RecordRef[];
  /** Signed, no longer in the database. */
  missing: RecordRef[];
  /** In the database, not signed. */
  added: RecordRef[];
}

/** What differs between the signed lines and the lines the database gives now. */
export function diffRecordLines(signed: string, current: string): RecordDiff {
  const a = parseRecordLines(signed);
  const b = parseRecordLines(current);
  const diff: RecordDiff = { changed: [], missing: [], added: [] };
  for (const ref of a.order) {
    const now = b.records.get(`${ref.table}\t${ref.key}`);
    if (now === undefined) diff.missing.push(ref);
    else if (now !== a.records.get(`${ref.table}\t${ref.key}`)) diff.changed.push(ref);
  }
  for (const ref of b.order) if (!a.records.has(`${ref.table}\t${ref.key}`)) diff.added.push(ref);
  return diff;
}

/** One table as the statement lists it: the columns hashed, how many records, and the hash of its lines. */
export interface StatementTable {
  name: string;
  columns: string[];
  rows: number;
  sha256: string;
}

/**
 * What the station signs at close (RFC 8785 JSON, the JWS payload). The
 * figures are the reconciliation's headline numbers as they stood at the
 * signature; the records hash ties them to every record of the day.
 */
export interface ManifestStatement {
  format: typeof MANIFEST_FORMAT;
  version: typeof MANIFEST_FORMAT_VERSION;
  site: { code: string; name: string };
  session: { planId: string; sessionDate: string; period: string; location: string };
  revision: number;
  reason: 'close' | 'amendment';
  /** The revision this one follows (after a re-opening or an amendment), by its statement's SHA-256. */
  previous: { revision: number; statementSha256: string } | null;
  signedAt: string;
  signedBy: { staffId: string; username: string; fullName: string };
  signingKey: { id: string; spkiSha256: string; certificateSha256: string; national: boolean };
  tables: StatementTable[];
  recordsSha256: string;
  figures: ManifestFigures;
}

export interface ManifestFigures {
  checkedIn: number;
  vaccinated: number;
  dosesAdministered: number;
  aefi: number;
  seriousAefi: number;
  lots: { lotNumber: string; productCode: string; dosesReceived: number; dosesAdministered: number; dosesWasted: number; dosesRemaining: number; varianceDoses: number }[];
  certificatesIssued: number;
  openItemsClosedWithReason: number;
}
