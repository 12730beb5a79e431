import type { BundleRequest, Identifier, Resource } from './types';

/**
 * One entry the station wants in a Bundle. Every write is keyed by the
 * resource it touches (type + the identifier it is matched on), so that
 * - a create is conditional (`ifNoneExist` on the identifier): sending it twice
 *   creates nothing the second time;
 * - two entries touching one resource never share a transaction (FHIR fails a
 *   transaction whose entries overlap);
 * - entries reference each other by `urn:uuid:` full URLs derived from the
 *   record's own UUID, so the same resource has the same full URL in every
 *   bundle and the server rewrites it to whatever id it holds.
 */
export interface PlannedEntry {
  key: string;
  fullUrl: string;
  resource: Resource;
  request: BundleRequest;
  /** Keys of entries this resource references by full URL (they must be written first in a batch). */
  dependsOn: string[];
}

/**
 * What one outbox row becomes: the entries it writes (`main`) and the
 * entries it needs to exist (`needs`: the patient, the site, the nurse, the
 * dose an adverse event follows), sent as conditional creates so they are
 * no-ops when already there.
 */
export interface EntryGroup {
  needs: PlannedEntry[];
  main: PlannedEntry[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function urnUuid(uuid: string): string {
  if (!UUID.test(uuid)) throw new Error(`not a UUID: ${uuid}`);
  return `urn:uuid:${uuid.toLowerCase()}`;
}

/** A search on one identifier, as a query string (system and value each URL-encoded, the `|` kept). */
export function identifierQuery(identifier: Identifier): string {
  return `identifier=${encodeURIComponent(identifier.system ?? '')}|${encodeURIComponent(identifier.value ?? '')}`;
}

export function resourceKey(resourceType: string, identifier: Identifier): string {
  return `${resourceType}?${identifierQuery(identifier)}`;
}

/** Create unless a resource with this identifier exists (FHIR conditional create). */
export function conditionalCreate(resource: Resource, match: Identifier, uuid: string, dependsOn: string[] = []): PlannedEntry {
  const key = resourceKey(resource.resourceType, match);
  return { key, fullUrl: urnUuid(uuid), resource, request: { method: 'POST', url: resource.resourceType, ifNoneExist: identifierQuery(match) }, dependsOn };
}

/** Replace the resource with this identifier, creating it if absent (FHIR conditional update): how corrections go. */
export function conditionalUpdate(resource: Resource, match: Identifier, uuid: string, dependsOn: string[] = []): PlannedEntry {
  const key = resourceKey(resource.resourceType, match);
  return { key, fullUrl: urnUuid(uuid), resource, request: { method: 'PUT', url: `${resource.resourceType}?${identifierQuery(match)}` }, dependsOn };
}
