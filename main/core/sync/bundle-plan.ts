import type { EntryGroup, PlannedEntry } from '../../domain/fhir';

/** A row ready to send: its place in the queue and its entries. */
export interface PlannedRow {
  seq: number;
  group: EntryGroup;
}

/** An entry with the rows whose fate hangs on it (a shared patient is needed by every dose of that citizen in the bundle). */
export interface BundleEntryPlan {
  entry: PlannedEntry;
  /** The entry serialized once: bundles are assembled from these strings. */
  json: string;
  owners: number[];
  /** True for a row's own write, false for something it needs. */
  main: boolean;
}

export interface BundlePlan {
  rows: PlannedRow[];
  entries: BundleEntryPlan[];
  bytes: number;
}

const serialize = (e: PlannedEntry) => JSON.stringify({ fullUrl: e.fullUrl, resource: e.resource, request: e.request });

/**
 * Takes rows from the front of `rows` into one Bundle, in queue order, until
 * the next would exceed the entry or byte limit or would touch a resource
 * already written in this bundle (FHIR fails a transaction whose entries
 * overlap: the dose and its correction go in two bundles, one after the
 * other). Needs shared by several rows appear once. At least one row is
 * always taken, whatever its size, so nothing can get stuck behind a limit.
 */
export function planBundle(rows: readonly PlannedRow[], limits: { maxEntries: number; maxBytes: number }): { plan: BundlePlan; rest: PlannedRow[] } {
  const byKey = new Map<string, BundleEntryPlan>();
  const entries: BundleEntryPlan[] = [];
  const taken: PlannedRow[] = [];
  let bytes = 0;
  let i = 0;
  for (; i < rows.length; i++) {
    const row = rows[i]!;
    if (row.group.main.some((m) => byKey.has(m.key))) break;
    const added: BundleEntryPlan[] = [];
    const joined: BundleEntryPlan[] = [];
    let rowBytes = 0;
    for (const e of [...row.group.needs, ...row.group.main]) {
      const existing = byKey.get(e.key) ?? added.find((a) => a.entry.key === e.key);
      if (existing) {
        joined.push(existing);
        continue;
      }
      const json = serialize(e);
      rowBytes += json.length + 1;
      added.push({ entry: e, json, owners: [], main: row.group.main.includes(e) });
    }
    if (taken.length > 0 && (entries.length + added.length > limits.maxEntries || bytes + rowBytes > limits.maxBytes)) break;
    for (const a of added) {
      a.owners.push(row.seq);
      byKey.set(a.entry.key, a);
      entries.push(a);
    }
    for (const j of joined) if (!j.owners.includes(row.seq)) j.owners.push(row.seq);
    bytes += rowBytes;
    taken.push(row);
  }
  // Needs first: a batch-only server writes them in an earlier wave anyway, and a reader of the bundle sees the patient before the dose.
  entries.sort((a, b) => Number(a.main) - Number(b.main));
  return { plan: { rows: taken, entries, bytes }, rest: rows.slice(i) };
}

/** The Bundle's JSON text from its serialized entries. */
export function bundleJson(type: 'transaction' | 'batch', entryJson: readonly string[]): string {
  return `{"resourceType":"Bundle","type":"${type}","entry":[${entryJson.join(',')}]}`;
}

/**
 * Batch waves: an entry goes once every entry it references has been
 * written (a batch does not resolve urn:uuid references between its entries,
 * so the station sends the patient, learns its id, then sends the dose
 * pointing at it). Returns the entries grouped by depth.
 */
export function waves(entries: readonly BundleEntryPlan[]): BundleEntryPlan[][] {
  const byKey = new Map(entries.map((e) => [e.entry.key, e]));
  const depth = new Map<string, number>();
  const depthOf = (e: BundleEntryPlan, seen: Set<string>): number => {
    const known = depth.get(e.entry.key);
    if (known !== undefined) return known;
    if (seen.has(e.entry.key)) throw new Error(`entries reference each other in a circle at ${e.entry.key}`);
    seen.add(e.entry.key);
    let d = 0;
    for (const k of e.entry.dependsOn) {
      const dep = byKey.get(k);
      if (dep) d = Math.max(d, depthOf(dep, seen) + 1);
    }
    depth.set(e.entry.key, d);
    return d;
  };
  const out: BundleEntryPlan[][] = [];
  for (const e of entries) (out[depthOf(e, new Set())] ??= []).push(e);
  return out.filter((w) => w !== undefined);
}

/** Replaces urn:uuid references with the ids the server gave, anywhere in a resource. */
export function rewriteReferences(value: unknown, literal: ReadonlyMap<string, string>): unknown {
  if (Array.isArray(value)) return value.map((v) => rewriteReferences(v, literal));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      out[k] = k === 'reference' && typeof v === 'string' && literal.has(v) ? literal.get(v) : rewriteReferences(v, literal);
    }
    return out;
  }
  return value;
}
