import type { Bundle, BundleEntry, OperationOutcome, Resource } from '../../../main/domain/fhir';
import { type ResourceStore, type Stored } from './store';
import { validateR4 } from './validator';

/**
 * FHIR R4 transaction and batch processing as the specification describes it
 * (http.html#transaction): conditional create (`ifNoneExist`: 0 matches →
 * create, 1 → nothing created, 200, > 1 → 412), conditional update (`PUT
 * Type?identifier=…`: 0 → create, 1 → update, > 1 → 412), urn:uuid full URLs
 * rewritten to the ids assigned or matched, every reference resolved against
 * the store (a reference to nothing is refused), every resource validated
 * against the R4 definitions, a transaction all or nothing, a batch entry by
 * entry (where urn:uuid references cannot be resolved).
 */
export interface Rules {
  /** Lot numbers the platform does not know: an Immunization with one is refused (422, UNKNOWN_LOT). */
  unknownLots?: ReadonlySet<string>;
  /** Skip R4 validation (throughput measurement only; the chaos test always validates). */
  validate?: boolean;
  /** Called after a resource is written (the national signer listens). */
  onWrite?: (stored: Stored) => void;
}

export class EntryError extends Error {
  constructor(
    readonly status: number,
    readonly outcome: OperationOutcome,
  ) {
    super(outcome.issue[0]?.diagnostics ?? `HTTP ${status}`);
  }
}

export function outcome(code: string, diagnostics: string, expression?: string, detail?: { system: string; code: string }): OperationOutcome {
  return {
    resourceType: 'OperationOutcome',
    issue: [{ severity: 'error', code, diagnostics, ...(expression ? { expression: [expression] } : {}), ...(detail ? { details: { coding: [detail] } } : {}) }],
  };
}

const PLATFORM_CODES = 'https://fhir.moh.gov.vn/CodeSystem/platform-error';

function parseIdentifierQuery(query: string): { type?: string; system?: string; value?: string } | null {
  const params = new URLSearchParams(query);
  const keys = [...params.keys()];
  if (keys.length !== 1 || keys[0] !== 'identifier') return null;
  const token = params.get('identifier')!;
  const bar = token.indexOf('|');
  return bar < 0 ? { value: token } : { system: token.slice(0, bar), value: token.slice(bar + 1) };
}

interface Planned {
  index: number;
  entry: BundleEntry;
  method: 'POST' | 'PUT';
  type: string;
  id: string;
  status: 200 | 201;
  /** For a conditional create that matched: nothing is written. */
  existing: boolean;
}

/** Calls visit for every Reference-like object ({reference: string}) in a resource; paths are made only when asked for. */
function walkReferences(value: unknown, visit: (ref: { reference?: string }) => void): void {
  if (Array.isArray(value)) {
    for (const v of value) walkReferences(v, visit);
  } else if (value !== null && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    for (const k in o) {
      const v = o[k];
      if (k === 'reference' && typeof v === 'string') visit(o as { reference?: string });
      else if (typeof v === 'object') walkReferences(v, visit);
    }
  }
}

/** Where a reference sits in a resource, for the error message. */
function pathOf(value: unknown, target: object, path = ''): string | null {
  if (value === target) return path;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const p = pathOf(value[i], target, `${path}[${i}]`);
      if (p !== null) return p;
    }
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const p = pathOf(v, target, `${path}.${k}`);
      if (p !== null) return p;
    }
  }
  return null;
}

export class BundleProcessor {
  constructor(
    readonly store: ResourceStore,
    private readonly rules: Rules = {},
  ) {}

  process(bundle: unknown): { status: number; body: Resource } {
    const b = bundle as Bundle;
    if (!b || typeof b !== 'object' || b.resourceType !== 'Bundle') return { status: 400, body: outcome('structure', 'the body is not a Bundle') };
    if (b.type !== 'transaction' && b.type !== 'batch') return { status: 400, body: outcome('not-supported', `Bundle.type ${String(b.type)} cannot be posted to the base`) };
    const entries = Array.isArray(b.entry) ? b.entry : [];
    return b.type === 'transaction' ? this.transaction(entries) : this.batch(entries);
  }

  private plan(entry: BundleEntry, index: number, claimed: Set<string>): Planned {
    const request = entry.request;
    const resource = entry.resource;
    const where = `Bundle.entry[${index}]`;
    if (!request || (request.method !== 'POST' && request.method !== 'PUT')) throw new EntryError(400, outcome('not-supported', 'only POST and PUT entries are taken', `${where}.request`));
    if (!resource || typeof resource.resourceType !== 'string') throw new EntryError(400, outcome('required', 'the entry has no resource', `${where}.resource`));
    const type = resource.resourceType;
    if (request.method === 'POST') {
      if (request.url !== type) throw new EntryError(400, outcome('invalid', `POST url ${request.url} does not match ${type}`, `${where}.request.url`));
      let id = this.store.newId();
      let existing = false;
      if (request.ifNoneExist) {
        const q = parseIdentifierQuery(request.ifNoneExist);
        const criteria = `${type}?${request.ifNoneExist}`;
        if (claimed.has(criteria)) throw new EntryError(400, outcome('duplicate', `two entries create ${criteria}`, where));
        claimed.add(criteria);
        if (!q) throw new EntryError(400, outcome('not-supported', `ifNoneExist ${request.ifNoneExist}: only identifier=system|value is supported`, `${where}.request.ifNoneExist`));
        const matches = this.store.find(type, q.system, q.value);
        if (matches.length > 1) throw new EntryError(412, outcome('multiple-matches', `${matches.length} ${type} match ${request.ifNoneExist}`, `${where}.request.ifNoneExist`));
        if (matches.length === 1) {
          id = matches[0]!;
          existing = true;
        }
      }
      if (claimed.has(`${type}/${id}`)) throw new EntryError(400, outcome('duplicate', `two entries write ${type}/${id}`, where));
      claimed.add(`${type}/${id}`);
      return { index, entry, method: 'POST', type, id, status: existing ? 200 : 201, existing };
    }
    const [path, query] = request.url.split('?', 2) as [string, string | undefined];
    if (path !== type) throw new EntryError(400, outcome('invalid', `PUT url ${request.url} does not match ${type}`, `${where}.request.url`));
    const q = query ? parseIdentifierQuery(query) : null;
    if (!q) throw new EntryError(400, outcome('not-supported', 'PUT only as a conditional update on identifier', `${where}.request.url`));
    const matches = this.store.find(type, q.system, q.value);
    if (matches.length > 1) throw new EntryError(412, outcome('multiple-matches', `${matches.length} ${type} match ${query}`, `${where}.request.url`));
    const id = matches[0] ?? this.store.newId();
    if (claimed.has(`${type}/${id}`)) throw new EntryError(400, outcome('duplicate', `two entries write ${type}/${id}`, where));
    claimed.add(`${type}/${id}`);
    return { index, entry, method: 'PUT', type, id, status: matches.length ? 200 : 201, existing: false };
  }

  /** Rewrites urn:uuid references, checks every reference resolves, validates, applies the platform's business rules. */
  private prepare(p: Planned, fullUrls: ReadonlyMap<string, string>, pending: ReadonlySet<string>, batch: boolean): Resource {
    const where = `Bundle.entry[${p.index}]`;
    // The request was parsed for this call alone: its resources are rewritten in place.
    const resource = p.entry.resource as Resource;
    delete resource.id;
    walkReferences(resource, (ref) => {
      const r = ref.reference!;
      const at = () => `${where}.resource${pathOf(resource, ref) ?? ''}.reference`;
      if (r.startsWith('urn:uuid:')) {
        const target = fullUrls.get(r);
        if (!target || batch) throw new EntryError(400, outcome('not-found', `${r} is not an entry of this ${batch ? 'batch (a batch does not resolve urn:uuid references)' : 'transaction'}`, at()));
        ref.reference = target;
        return;
      }
      const m = /^([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})$/.exec(r);
      if (!m) throw new EntryError(400, outcome('invalid', `reference ${r} is not Type/id`, at()));
      if (!this.store.get(m[1]!, m[2]!) && !pending.has(r)) throw new EntryError(404, outcome('not-found', `${r} does not exist`, at()));
    });
    if (this.rules.validate !== false) {
      const issues = validateR4(resource);
      if (issues.length) {
        throw new EntryError(400, {
          resourceType: 'OperationOutcome',
          issue: issues.slice(0, 20).map((i) => ({ ...i, expression: (i.expression ?? []).map((e) => `${where}.resource: ${e}`) })),
        });
      }
    }
    if (resource.resourceType === 'Immunization' && typeof resource.lotNumber === 'string' && this.rules.unknownLots?.has(resource.lotNumber)) {
      throw new EntryError(
        422,
        outcome('business-rule', `Lot ${resource.lotNumber} is not registered for this vaccine`, `${where}.resource.lotNumber`, { system: PLATFORM_CODES, code: 'UNKNOWN_LOT' }),
      );
    }
    return resource;
  }

  private response(p: Planned, stored: Stored | null): BundleEntry {
    const s = stored ?? this.store.get(p.type, p.id)!;
    return {
      response: {
        status: p.status === 201 ? '201 Created' : '200 OK',
        location: `${p.type}/${p.id}/_history/${s.versionId}`,
        etag: `W/"${s.versionId}"`,
        lastModified: s.lastUpdated,
      },
    };
  }

  private transaction(entries: BundleEntry[]): { status: number; body: Resource } {
    const claimed = new Set<string>();
    const undo: { type: string; id: string; before: Stored | null }[] = [];
    try {
      const planned = entries.map((e, i) => this.plan(e, i, claimed));
      const fullUrls = new Map<string, string>();
      for (const p of planned) if (p.entry.fullUrl) fullUrls.set(p.entry.fullUrl, `${p.type}/${p.id}`);
      const pending = new Set(planned.map((p) => `${p.type}/${p.id}`));
      const resources = planned.map((p) => (p.existing ? null : this.prepare(p, fullUrls, pending, false)));
      const stored: (Stored | null)[] = [];
      const written: Stored[] = [];
      planned.forEach((p, i) => {
        const r = resources[i];
        if (!r) return void stored.push(null);
        undo.push({ type: p.type, id: p.id, before: this.store.get(p.type, p.id) });
        const s = this.store.put(r, p.id);
        stored.push(s);
        written.push(s);
      });
      for (const s of written) this.rules.onWrite?.(s);
      return { status: 200, body: { resourceType: 'Bundle', type: 'transaction-response', entry: planned.map((p, i) => this.response(p, stored[i]!)) } };
    } catch (err) {
      for (const u of undo.reverse()) this.store.restore(u.type, u.id, u.before);
      if (err instanceof EntryError) return { status: err.status, body: err.outcome };
      throw err;
    }
  }

  private batch(entries: BundleEntry[]): { status: number; body: Resource } {
    const out: BundleEntry[] = entries.map((entry, i) => {
      try {
        const p = this.plan(entry, i, new Set());
        if (p.existing) return this.response(p, null);
        const r = this.prepare(p, new Map(), new Set(), true);
        const s = this.store.put(r, p.id);
        this.rules.onWrite?.(s);
        return this.response(p, s);
      } catch (err) {
        if (err instanceof EntryError) return { response: { status: String(err.status), outcome: err.outcome } };
        throw err;
      }
    });
    return { status: 200, body: { resourceType: 'Bundle', type: 'batch-response', entry: out } };
  }
}
