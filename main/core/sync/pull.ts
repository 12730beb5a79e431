import { CERTIFICATE_TYPE, CORRECTED_TAG, siteRecordSystem, SYSTEM, type Resource } from '../../domain/fhir';
import { newId } from '../ids';
import type { Store } from '../store';
import type { NationalPlatform } from './platform';

/**
 * What the station takes back from the platform after each upload round, one
 * stream at a time, each with its own `_lastUpdated` cursor in sync_state:
 * - certificates the national signer signed for this site's doses;
 * - target lists the platform allocated to this site's sessions;
 * - corrections the platform made to this site's Immunizations (tagged).
 * A page's resources land in the inbox and the cursor moves in the same
 * transaction (a crash repeats a page, never skips one; a version already
 * received is ignored). Integrating them is separate (integrate.ts), so one
 * that cannot be applied waits with its reason and blocks nothing.
 */
export type PullStream = 'certificates' | 'targets' | 'corrections';

export const PULL_STREAMS: readonly PullStream[] = ['certificates', 'targets', 'corrections'];

const PAGE = 100;
const MAX_PAGES = 50;

export function streamQuery(stream: PullStream, siteCode: string): string {
  const token = (system: string, code = '') => `${encodeURIComponent(system)}|${encodeURIComponent(code)}`;
  switch (stream) {
    case 'certificates':
      return `DocumentReference?type=${token(CERTIFICATE_TYPE.system, CERTIFICATE_TYPE.national)}&related:identifier=${token(siteRecordSystem(siteCode, 'immunization'))}`;
    case 'targets':
      return `Group?managing-entity:identifier=${token(SYSTEM.site, siteCode)}`;
    case 'corrections':
      return `Immunization?identifier=${token(siteRecordSystem(siteCode, 'immunization'))}&_tag=${token(CORRECTED_TAG.system, CORRECTED_TAG.code)}`;
  }
}

export interface PullResult {
  received: number;
  problem: string | null;
}

export async function pull(store: Store, platform: NationalPlatform, options: { timeoutMs: number }): Promise<PullResult> {
  const site = store.q.site.get();
  if (!site) return { received: 0, problem: null };
  let received = 0;
  for (const stream of PULL_STREAMS) {
    const cursorKey = `pull.${stream}.cursor`;
    const cursor = store.q.sync.state(cursorKey);
    let url: string | null = `${streamQuery(stream, site.code)}&_sort=_lastUpdated&_count=${PAGE}${cursor ? `&_lastUpdated=ge${encodeURIComponent(cursor)}` : ''}`;
    for (let page = 0; url && page < MAX_PAGES; page++) {
      let answer;
      try {
        answer = await platform.get(url, options);
      } catch (err) {
        return { received, problem: `${stream}: ${(err as Error).message}` };
      }
      const bundle = answer.body as { resourceType?: string; type?: string; entry?: { resource?: Resource }[]; link?: { relation: string; url: string }[] } | null;
      if (answer.status !== 200 || bundle?.resourceType !== 'Bundle' || bundle.type !== 'searchset') {
        // A platform that does not offer a stream (404, 400 on a parameter) is not an upload failure.
        return { received, problem: `${stream}: HTTP ${answer.status}, not a search result` };
      }
      const resources = (bundle.entry ?? []).map((e) => e.resource).filter((r): r is Resource => !!r && typeof r.id === 'string');
      store.write(null, (w) => {
        let latest = cursor;
        for (const r of resources) {
          const lastUpdated = typeof r.meta?.lastUpdated === 'string' ? r.meta.lastUpdated : null;
          const fresh = w.q.sync.receive({
            id: newId(),
            stream,
            resourceType: r.resourceType,
            resourceId: r.id!,
            versionId: r.meta?.versionId ?? lastUpdated ?? '1',
            lastUpdated,
            resourceJson: JSON.stringify(r),
            receivedAt: w.at,
          });
          if (fresh) received++;
          if (lastUpdated && (!latest || lastUpdated > latest)) latest = lastUpdated;
        }
        if (latest && latest !== cursor) w.q.sync.putState(cursorKey, latest, w.at);
      });
      url = bundle.link?.find((l) => l.relation === 'next')?.url ?? null;
    }
  }
  return { received, problem: null };
}
