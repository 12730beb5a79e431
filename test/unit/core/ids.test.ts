import { describe, expect, it } from 'vitest';
import { newId } from '../../../main/core/ids';

describe('station ids', () => {
  it('are UUIDv7, unique, and increase in the order they were made, many per millisecond', () => {
    const ids = Array.from({ length: 20_000 }, () => newId());
    for (const id of ids.slice(0, 50)) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    // The pool refills every 256 ids: the random part must not repeat across refills.
    expect(new Set(ids.map((id) => id.slice(24))).size).toBe(ids.length);
  });
});
