import type { Resource } from '../../../main/domain/fhir';

/**
 * The test platform's resources, in memory: each with a server id, a
 * version and a last-updated instant, and an identifier index so a
 * conditional create or update finds its match in constant time. Single
 * threaded, so a conditional create cannot race another.
 */
export interface Stored {
  resource: Resource;
  versionId: number;
  lastUpdated: string;
  seq: number;
}

interface Ident {
  system?: string;
  value?: string;
}

function identifiersOf(r: Resource): Ident[] {
  const out: Ident[] = [];
  const add = (v: unknown) => {
    if (Array.isArray(v)) for (const x of v) add(x);
    else if (v && typeof v === 'object') out.push(v as Ident);
  };
  add(r.identifier);
  add(r.masterIdentifier);
  return out;
}

export class ResourceStore {
  private readonly byType = new Map<string, Map<string, Stored>>();
  private readonly index = new Map<string, Set<string>>();
  private nextId = 1;
  private seq = 0;
  private clockMs = Date.now();

  private key(type: string, system: string | undefined, value: string | undefined): string {
    return `${type}|${system ?? ''}|${value ?? ''}`;
  }

  newId(): string {
    return (this.nextId++).toString(36).padStart(6, '0');
  }

  /** Strictly increasing instants, so `_lastUpdated=gt<cursor>` never misses a write made in the same millisecond. */
  private tick(): string {
    this.clockMs = Math.max(this.clockMs + 1, Date.now());
    return new Date(this.clockMs).toISOString();
  }

  get(type: string, id: string): Stored | null {
    return this.byType.get(type)?.get(id) ?? null;
  }

  all(type: string): Stored[] {
    return [...(this.byType.get(type)?.values() ?? [])];
  }

  count(type: string): number {
    return this.byType.get(type)?.size ?? 0;
  }

  /** Ids of resources of this type carrying the identifier (value undefined: any value in the system). */
  find(type: string, system: string | undefined, value: string | undefined): string[] {
    if (value === undefined || value === '') {
      return this.all(type)
        .filter((s) => identifiersOf(s.resource).some((i) => i.system === system))
        .map((s) => s.resource.id!);
    }
    return [...(this.index.get(this.key(type, system, value)) ?? [])];
  }

  /** Writes (creates or replaces) a resource under an id; returns what was stored. */
  put(resource: Resource, id: string): Stored {
    const type = resource.resourceType;
    let table = this.byType.get(type);
    if (!table) this.byType.set(type, (table = new Map()));
    const before = table.get(id);
    if (before) for (const i of identifiersOf(before.resource)) this.index.get(this.key(type, i.system, i.value))?.delete(id);
    const versionId = (before?.versionId ?? 0) + 1;
    const lastUpdated = this.tick();
    const stored: Stored = {
      resource: { ...resource, id, meta: { ...(resource.meta ?? {}), versionId: String(versionId), lastUpdated } },
      versionId,
      lastUpdated,
      seq: ++this.seq,
    };
    table.set(id, stored);
    for (const i of identifiersOf(stored.resource)) {
      const k = this.key(type, i.system, i.value);
      let set = this.index.get(k);
      if (!set) this.index.set(k, (set = new Set()));
      set.add(id);
    }
    return stored;
  }

  /** Removes a resource written in a transaction that failed afterwards. */
  restore(type: string, id: string, before: Stored | null): void {
    const table = this.byType.get(type);
    const current = table?.get(id);
    if (current) for (const i of identifiersOf(current.resource)) this.index.get(this.key(type, i.system, i.value))?.delete(id);
    if (!before) {
      table?.delete(id);
      return;
    }
    table!.set(id, before);
    for (const i of identifiersOf(before.resource)) {
      const k = this.key(type, i.system, i.value);
      let set = this.index.get(k);
      if (!set) this.index.set(k, (set = new Set()));
      set.add(id);
    }
  }
}
