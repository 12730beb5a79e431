import { siteRecordSystem, stationCodeSystem } from './systems';
import type { Identifier, Resource } from './types';

/** One revision of a session's signed day manifest (docs/close-of-day.md), as queued. */
export interface DayManifestForFhir {
  planId: string;
  sessionDate: string;
  revision: number;
  reason: string;
  /** The signed statement, JWS compact serialization (ES256, the station key). */
  jws: string;
  statementSha256: string;
  recordsSha256: string;
  /** Every dose version the manifest covers. */
  doseIds: readonly string[];
  signedAt: string;
}

export function dayManifestIdentifier(siteCode: string, planId: string, revision: number): Identifier {
  return { system: siteRecordSystem(siteCode, 'day-manifest'), value: `${planId}/${revision}` };
}

const DOC = stationCodeSystem('document-type');

/**
 * A closed day's manifest as a DocumentReference at the site: the signed
 * statement itself (so the district can verify the day's figures were not
 * changed afterwards, with the station's public key) and the list of dose
 * versions it covers (so the platform can tell every dose of the day
 * arrived). Each revision (an amendment, a re-close) is its own document,
 * pointing at the one before through `relatesTo`.
 */
export function toDayManifest(
  m: DayManifestForFhir,
  links: { location: string; previous: Identifier | null },
  encodeBase64: (text: string) => string,
  siteCode: string,
): Resource {
  const doc: Resource = {
    resourceType: 'DocumentReference',
    identifier: [dayManifestIdentifier(siteCode, m.planId, m.revision), { system: `${DOC}/statement-sha256`, value: m.statementSha256 }],
    status: 'current',
    docStatus: 'final',
    type: { coding: [{ system: DOC, code: 'day-manifest', display: 'Vaccination session day manifest' }], text: 'Biên bản kết thúc buổi tiêm / Day manifest' },
    date: m.signedAt,
    description: `${m.sessionDate} — revision ${m.revision} (${m.reason}); records SHA-256 ${m.recordsSha256}; ${m.doseIds.length} dose record(s)`,
    content: [
      { attachment: { contentType: 'application/jose', title: `day-manifest-${m.sessionDate}-r${m.revision}.jws`, data: encodeBase64(m.jws) } },
      {
        attachment: {
          contentType: 'application/json',
          title: `day-manifest-${m.sessionDate}-r${m.revision}-doses.json`,
          data: encodeBase64(JSON.stringify({ planId: m.planId, revision: m.revision, doseIds: m.doseIds })),
        },
      },
    ],
    context: { period: { start: m.sessionDate, end: m.sessionDate }, related: [{ reference: links.location }] },
  };
  if (links.previous) doc.relatesTo = [{ code: 'replaces', target: { identifier: links.previous } }];
  return doc;
}
