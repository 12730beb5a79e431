import { encode as base45Encode } from 'base45';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBase45, encodeHc1, unprefixHc1 } from '../../../main/certificates/dcc/hc1-text';

describe('HC1 text', () => {
  it('writes the same Base45 as the reference package, for any bytes (odd lengths included)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
        expect(encodeHc1(bytes)).toBe(`HC1:${base45Encode(Buffer.from(bytes))}`);
      }),
      { numRuns: 500 },
    );
  });

  it('reads back what it writes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 600 }), (bytes) => {
        const text = unprefixHc1(encodeHc1(bytes));
        expect(text.ok).toBe(true);
        if (!text.ok) return;
        const decoded = decodeBase45(text.value);
        expect(decoded.ok && Array.from(decoded.value)).toEqual(Array.from(bytes));
      }),
      { numRuns: 300 },
    );
  });

  it('encodes the RFC 9285 examples', () => {
    expect(encodeHc1(new TextEncoder().encode('AB'))).toBe('HC1:BB8');
    expect(encodeHc1(new TextEncoder().encode('Hello!!'))).toBe('HC1:%69 VD92EX0');
    expect(encodeHc1(new TextEncoder().encode('base-45'))).toBe('HC1:UJCLQE7W581');
  });
});
