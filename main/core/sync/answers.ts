import { reasonFrom, type PlatformReason } from '../../domain/fhir';
import type { PlatformAnswer } from './platform';

/**
 * What an answer means for the rows that were in the request:
 * - ok: every entry written (the per-entry statuses are in `entries`);
 * - refused: the platform refused something in it, for a reason of the data
 *   (a transaction is all or nothing, so the engine splits it to find which);
 * - too-large: 413, send less at a time;
 * - not-supported: the server does not do transactions;
 * - transient: 5xx, 429, 408, or an answer that is not what FHIR says it must
 *   be (the request may or may not have been processed; resending is safe);
 * - systemic: the station cannot send anything as configured (401, 403, 404
 *   on the base URL…): nothing is marked, the round stops and says why.
 */
export type Verdict =
  | { kind: 'ok'; entries: EntryAnswer[] }
  | { kind: 'refused'; reason: PlatformReason }
  | { kind: 'too-large'; reason: PlatformReason }
  | { kind: 'not-supported'; reason: PlatformReason }
  | { kind: 'transient'; reason: PlatformReason; retryAfter: string | null }
  | { kind: 'systemic'; reason: PlatformReason };

export interface EntryAnswer {
  status: number;
  /** `Type/id` of what the server wrote or matched. */
  literal: string | null;
  reason: PlatformReason | null;
}

const asRecord = (v: unknown): Record<string, unknown> | null => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null);

function nonsense(status: number, what: string): PlatformReason {
  return { status, issueCode: 'exception', detailCode: 'STATION_UNREADABLE_ANSWER', detailSystem: null, text: what, expression: null };
}

/** "201 Created" → 201. */
export function statusOf(text: unknown): number | null {
  if (typeof text !== 'string') return null;
  const m = /^\s*(\d{3})\b/.exec(text);
  return m ? Number(m[1]) : null;
}

/** `Patient/123` from "Patient/123/_history/2" or "https://host/fhir/Patient/123/_history/2". */
export function literalOf(location: unknown): string | null {
  if (typeof location !== 'string') return null;
  const m = /(?:^|\/)([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?\/?$/.exec(location);
  return m ? `${m[1]}/${m[2]}` : null;
}

const isNotSupported = (r: PlatformReason) => r.issueCode === 'not-supported';

/** Reads the answer to a transaction or batch of `count` entries. */
export function readAnswer(answer: PlatformAnswer, type: 'transaction' | 'batch', count: number): Verdict {
  const { status } = answer;
  const reason = reasonFrom(status, answer.body);
  if (status === 408 || status === 429 || status >= 500) {
    if ((status === 501 || status === 405) && isNotSupported(reason)) return { kind: 'not-supported', reason };
    return { kind: 'transient', reason: reason.text || reason.issueCode ? reason : nonsense(status, answer.text ?? `HTTP ${status}`), retryAfter: answer.retryAfter };
  }
  if (status === 413) return { kind: 'too-large', reason };
  if (status >= 400) {
    if (isNotSupported(reason)) return { kind: 'not-supported', reason };
    if (status === 400 || status === 409 || status === 412 || status === 422) return { kind: 'refused', reason };
    return { kind: 'systemic', reason: reason.text || reason.issueCode ? reason : nonsense(status, answer.text ?? `HTTP ${status}`) };
  }
  if (status < 200 || status >= 300) return { kind: 'transient', reason: nonsense(status, `unexpected HTTP ${status}`), retryAfter: null };
  const bundle = asRecord(answer.body);
  const wanted = `${type}-response`;
  if (!bundle || bundle.resourceType !== 'Bundle') {
    return { kind: 'transient', reason: nonsense(status, `the platform answered HTTP ${status} with something that is not a FHIR Bundle: ${(answer.text ?? '').slice(0, 120)}`), retryAfter: null };
  }
  if (bundle.type !== wanted) return { kind: 'transient', reason: nonsense(status, `the platform answered a ${String(bundle.type)} Bundle, not a ${wanted}`), retryAfter: null };
  const entries = Array.isArray(bundle.entry) ? bundle.entry : [];
  if (entries.length !== count) {
    return { kind: 'transient', reason: nonsense(status, `the platform answered ${entries.length} entries for the ${count} sent`), retryAfter: null };
  }
  const out: EntryAnswer[] = [];
  for (const raw of entries) {
    const response = asRecord(asRecord(raw)?.response);
    const s = statusOf(response?.status);
    if (s === null) return { kind: 'transient', reason: nonsense(status, 'an entry of the answer has no response.status'), retryAfter: null };
    if (type === 'transaction' && (s < 200 || s >= 300)) {
      return { kind: 'transient', reason: nonsense(status, `a transaction answered 2xx holds an entry with status ${s}`), retryAfter: null };
    }
    out.push({ status: s, literal: literalOf(response?.location), reason: s >= 300 ? reasonFrom(s, response?.outcome) : null });
  }
  return { kind: 'ok', entries: out };
}

/** Is an entry's failure the platform's refusal (final) or something to try again? */
export function entryIsTransient(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}
