import { describe, expect, it } from 'vitest';
import { readAnswer, literalOf } from '../../../main/core/sync/answers';
import { backoffMs, retryAfterMs } from '../../../main/core/sync/backoff';
import { BatchSize, MAX_ENTRIES } from '../../../main/core/sync/batch-size';
import { planBundle, rewriteReferences, waves } from '../../../main/core/sync/bundle-plan';
import { conditionalCreate, conditionalUpdate } from '../../../main/domain/fhir';

const uuid = (n: number) => `01951234-0000-7000-8000-${String(n).padStart(12, '0')}`;
const patient = (n: number) => conditionalCreate({ resourceType: 'Patient' }, { system: 's', value: `p${n}` }, uuid(n));
const dose = (n: number, p: number, put = false) =>
  (put ? conditionalUpdate : conditionalCreate)({ resourceType: 'Immunization', patient: { reference: `urn:uuid:${uuid(p)}` } }, { system: 'i', value: `d${n}` }, uuid(1000 + n), [patient(p).key]);

describe('planning a Bundle', () => {
  it('shares a citizen’s Patient between their doses and never puts two writes of one resource in one bundle', () => {
    const rows = [
      { seq: 1, group: { needs: [patient(1)], main: [dose(1, 1)] } },
      { seq: 2, group: { needs: [patient(1)], main: [dose(2, 1)] } },
      { seq: 3, group: { needs: [patient(1)], main: [dose(1, 1, true)] } },
    ];
    const { plan, rest } = planBundle(rows, { maxEntries: 100, maxBytes: 1e6 });
    expect(plan.rows.map((r) => r.seq)).toEqual([1, 2]);
    expect(plan.entries.map((e) => e.entry.request.url)).toEqual(['Patient', 'Immunization', 'Immunization']);
    expect(plan.entries[0]!.owners).toEqual([1, 2]);
    expect(rest.map((r) => r.seq)).toEqual([3]);
  });

  it('takes at least one row whatever its size, and stops at the entry limit', () => {
    const rows = [1, 2, 3].map((n) => ({ seq: n, group: { needs: [patient(n)], main: [dose(n, n)] } }));
    expect(planBundle(rows, { maxEntries: 1, maxBytes: 10 }).plan.rows).toHaveLength(1);
    expect(planBundle(rows, { maxEntries: 4, maxBytes: 1e6 }).plan.rows).toHaveLength(2);
  });

  it('orders a batch in waves (patients, then doses) and rewrites urn:uuid references to the ids answered', () => {
    const { plan } = planBundle([{ seq: 1, group: { needs: [patient(1)], main: [dose(1, 1)] } }], { maxEntries: 10, maxBytes: 1e6 });
    expect(waves(plan.entries).map((w) => w.map((e) => e.entry.request.url))).toEqual([['Patient'], ['Immunization']]);
    expect(rewriteReferences({ a: [{ reference: `urn:uuid:${uuid(1)}` }] }, new Map([[`urn:uuid:${uuid(1)}`, 'Patient/7']]))).toEqual({ a: [{ reference: 'Patient/7' }] });
  });
});

describe('reading answers', () => {
  const ok = (n: number) => ({ status: 200, retryAfter: null, text: null, body: { resourceType: 'Bundle', type: 'transaction-response', entry: Array.from({ length: n }, () => ({ response: { status: '201 Created', location: 'Patient/1/_history/1' } })) } });
  it('accepts a transaction-response with one 2xx entry per entry sent', () => {
    expect(readAnswer(ok(2), 'transaction', 2)).toMatchObject({ kind: 'ok' });
  });
  it('treats a short, unparseable or mistyped answer as transient (resending is safe), never as sent', () => {
    expect(readAnswer(ok(1), 'transaction', 2).kind).toBe('transient');
    expect(readAnswer({ status: 200, retryAfter: null, text: '<html>', body: null }, 'transaction', 1).kind).toBe('transient');
    expect(readAnswer({ ...ok(1), body: { resourceType: 'Bundle', type: 'searchset', entry: [{}] } }, 'transaction', 1).kind).toBe('transient');
  });
  it('sorts statuses: 5xx/429/408 retry, 413 smaller, 4xx of data refused, 401/403/404 systemic, not-supported', () => {
    const oo = (code: string) => ({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code }] });
    const at = (status: number, code = 'invalid') => readAnswer({ status, retryAfter: '3', text: null, body: oo(code) }, 'transaction', 1).kind;
    expect([at(503), at(429), at(408), at(413), at(422), at(400), at(409), at(401), at(403), at(404), at(400, 'not-supported')]).toEqual([
      'transient', 'transient', 'transient', 'too-large', 'refused', 'refused', 'refused', 'systemic', 'systemic', 'systemic', 'not-supported',
    ]);
  });
  it('finds Type/id in a location, relative or absolute', () => {
    expect(literalOf('Patient/12/_history/3')).toBe('Patient/12');
    expect(literalOf('https://h/fhir/Immunization/a-b/_history/1')).toBe('Immunization/a-b');
    expect(literalOf(42)).toBeNull();
  });
});

describe('backoff and batch size', () => {
  it('doubles up to the cap with jitter, and never retries before Retry-After', () => {
    const policy = { baseMs: 1000, capMs: 8000 };
    expect(backoffMs(1, policy, () => 0)).toBe(500);
    expect(backoffMs(3, policy, () => 1)).toBe(4000);
    expect(backoffMs(10, policy, () => 1)).toBe(8000);
    expect(backoffMs(1, policy, () => 0, 30_000)).toBe(30_000);
    expect(retryAfterMs('120', 0)).toBe(120_000);
    expect(retryAfterMs(new Date(60_000).toUTCString(), 0)).toBe(60_000);
    expect(retryAfterMs('soon', 0)).toBeNull();
  });
  it('starts at 100 entries, grows on quick success to the maximum, halves on trouble down to one', () => {
    const size = new BatchSize();
    expect(size.entries).toBe(100);
    for (let i = 0; i < 10; i++) size.succeeded(100, size.entries);
    expect(size.entries).toBe(MAX_ENTRIES);
    size.succeeded(5_000, size.entries);
    expect(size.entries).toBe(750);
    for (let i = 0; i < 20; i++) size.shrink();
    expect(size.entries).toBe(1);
  });
});
