import type { Bundle, Resource } from '../../../main/domain/fhir';
import type { ResourceStore, Stored } from './store';

/**
 * The searches the station makes (and a few a person at the test server
 * would): `identifier` (token, `system|value` or `system|`), `_lastUpdated`
 * (gt/ge/lt/le), `_tag`, `type` (a token on .type), `related:identifier`
 * (DocumentReference.context.related), `managing-entity:identifier`
 * (Group.managingEntity), sorted by `_lastUpdated`, paged with `_count` and
 * `_offset` and a `next` link.
 */
type Token = { system?: string; code?: string; value?: string };

function tokenMatches(query: string, tokens: Token[]): boolean {
  const bar = query.indexOf('|');
  const system = bar < 0 ? undefined : query.slice(0, bar);
  const value = bar < 0 ? query : query.slice(bar + 1);
  return tokens.some((t) => (system === undefined || t.system === system) && (value === '' || (t.code ?? t.value) === value));
}

const arr = <T>(v: unknown): T[] => (Array.isArray(v) ? (v as T[]) : v ? [v as T] : []);

function tokensOf(r: Resource, param: string): Token[] {
  switch (param) {
    case 'identifier':
      return [...arr<Token>(r.identifier), ...arr<Token>(r.masterIdentifier)];
    case '_tag':
      return arr<Token>((r.meta as { tag?: unknown } | undefined)?.tag);
    case 'type':
      return arr<{ coding?: Token[] }>(r.type).flatMap((c) => c.coding ?? []);
    case 'related:identifier':
      return arr<{ identifier?: Token }>((r.context as { related?: unknown } | undefined)?.related).flatMap((x) => (x.identifier ? [x.identifier] : []));
    case 'managing-entity:identifier':
      return arr<{ identifier?: Token }>(r.managingEntity).flatMap((x) => (x.identifier ? [x.identifier] : []));
    default:
      return [];
  }
}

function dateMatches(query: string, value: string): boolean {
  const m = /^(gt|ge|lt|le|eq)?(.+)$/.exec(query)!;
  const at = m[2]!;
  switch (m[1] ?? 'eq') {
    case 'gt':
      return value > at;
    case 'ge':
      return value >= at;
    case 'lt':
      return value < at;
    case 'le':
      return value <= at;
    default:
      return value.startsWith(at);
  }
}

export function search(store: ResourceStore, type: string, url: URL): Bundle {
  const params = url.searchParams;
  let rows: Stored[] = store.all(type);
  for (const [name, value] of params) {
    if (name === '_count' || name === '_offset' || name === '_sort') continue;
    if (name === '_lastUpdated') rows = rows.filter((s) => dateMatches(value, s.lastUpdated));
    else rows = rows.filter((s) => value.split(',').some((v) => tokenMatches(v, tokensOf(s.resource, name))));
  }
  rows.sort((a, b) => (a.lastUpdated < b.lastUpdated ? -1 : a.lastUpdated > b.lastUpdated ? 1 : a.seq - b.seq));
  const count = Math.min(Number(params.get('_count') ?? 100) || 100, 1000);
  const offset = Number(params.get('_offset') ?? 0) || 0;
  const page = rows.slice(offset, offset + count);
  const link: { relation: string; url: string }[] = [{ relation: 'self', url: url.pathname + url.search }];
  if (offset + count < rows.length) {
    const next = new URL(url.href);
    next.searchParams.set('_offset', String(offset + count));
    link.push({ relation: 'next', url: next.pathname.replace(/^\//, '') + next.search });
  }
  return { resourceType: 'Bundle', type: 'searchset', total: rows.length, link, entry: page.map((s) => ({ fullUrl: `${type}/${s.resource.id}`, resource: s.resource, search: { mode: 'match' } })) };
}
