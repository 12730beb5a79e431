import { deflateSync } from 'node:zlib';
import { encode as base45Encode } from 'base45';
import { Decoder } from 'cbor-x';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeCbor } from '../../../main/certificates/dcc/cbor';
import { checkCborStructure } from '../../../main/certificates/dcc/cbor-guard';
import { inflateBounded } from '../../../main/certificates/dcc/compression';
import { decodeHc1 } from '../../../main/certificates/dcc/decode';
import { decodeBase45 } from '../../../main/certificates/dcc/hc1-text';
import { MAX_HC1_LENGTH } from '../../../main/certificates/dcc/limits';
import { createTrustList } from '../../../main/certificates/dcc/trust-list';
import { verifyHc1 } from '../../../main/certificates/dcc/verify';
import { DCC_ERROR_CODES } from '../../../main/domain/dcc/errors';

/** What a forger would put in a QR code: any bytes, deflated and Base45-encoded behind the right prefix. */
function hc1Of(bytes: Uint8Array): string {
  return `HC1:${base45Encode(deflateSync(bytes, { level: 9 }))}`;
}

/** A COSE_Sign1 (tag 18) whose payload byte string holds `payload`. */
function coseWithPayload(payload: Uint8Array): Uint8Array {
  const head = payload.length < 0x10000 ? [0x59, payload.length >> 8, payload.length & 0xff] : [];
  return Uint8Array.from([0xd2, 0x84, 0x43, 0xa1, 0x01, 0x26, 0xa0, ...head, ...payload, 0x40]);
}

function nested(depth: number): Uint8Array {
  const bytes = new Uint8Array(depth + 1).fill(0x81); // [[[[ … 0 ]]]]
  bytes[depth] = 0x00;
  return bytes;
}

const read = (text: string) => verifyHc1(text, { trustList: createTrustList([]), now: new Date('2025-01-01T00:00:00Z') });

describe('hostile QR content is refused with a reason', () => {
  it('refuses text longer than any QR code holds before decoding it', () => {
    const report = read(`HC1:${'0'.repeat(MAX_HC1_LENGTH)}`);
    expect(report.failure).toEqual({ stage: 'UNPREFIX', error: expect.objectContaining({ code: 'DCC_INPUT_TOO_LARGE' }) });
  });

  it('refuses truncated and corrupted Base45', () => {
    expect(decodeBase45('NCF').ok).toBe(true);
    expect(decodeBase45('NCFO')).toMatchObject({ ok: false, error: { code: 'DCC_BASE45_INVALID' } }); // length 1 mod 3
    expect(decodeBase45('ncf')).toMatchObject({ ok: false, error: { code: 'DCC_BASE45_INVALID' } }); // lower case
    expect(decodeBase45(':::')).toMatchObject({ ok: false, error: { code: 'DCC_BASE45_INVALID' } }); // > 65535
    expect(decodeBase45('::')).toMatchObject({ ok: false, error: { code: 'DCC_BASE45_INVALID' } }); // > 255
    expect(decodeBase45('NCFé0')).toMatchObject({ ok: false, error: { code: 'DCC_BASE45_INVALID' } });
    expect(decodeHc1('HC1:').failure).toEqual({ stage: 'B45DECODE', error: expect.objectContaining({ code: 'DCC_BASE45_INVALID' }) });
  });

  it('refuses a certificate cut short at any point', () => {
    const whole = hc1Of(coseWithPayload(new Uint8Array([0xa0])));
    for (let cut = 5; cut < whole.length; cut++) {
      const report = read(whole.slice(0, cut));
      expect(report.valid).toBe(false);
      expect(report.failure?.error.code).toMatch(/^DCC_(BASE45_INVALID|COMPRESSION_INVALID)$/);
    }
  });

  it('stops inflating a zip bomb at the cap', () => {
    const bomb = deflateSync(new Uint8Array(50 * 1024 * 1024), { level: 9 }); // 50 MB of zeros in ~50 KB
    expect(inflateBounded(bomb)).toMatchObject({ ok: false, error: { code: 'DCC_DECOMPRESSED_TOO_LARGE' } });
  });

  it('refuses a zip bomb small enough to fit in a QR code', () => {
    const text = hc1Of(new Uint8Array(2 * 1024 * 1024));
    expect(text.length).toBeLessThan(MAX_HC1_LENGTH);
    expect(read(text).failure).toEqual({
      stage: 'COMPRESSION',
      error: expect.objectContaining({ code: 'DCC_DECOMPRESSED_TOO_LARGE' }),
    });
  });

  it('refuses deeply nested CBOR that would exhaust the decoder stack', () => {
    const deep = nested(60_000);
    // Without the guard, cbor-x recurses once per level: this input is what the guard is for.
    expect(() => new Decoder({ mapsAsObjects: false }).decode(deep)).toThrow(RangeError);
    expect(checkCborStructure(deep)).toMatchObject({ code: 'DCC_CBOR_TOO_DEEP' });
    expect(read(hc1Of(deep)).failure).toEqual({ stage: 'DECODE', error: expect.objectContaining({ code: 'DCC_CBOR_TOO_DEEP' }) });
    // The same inside a well-formed COSE message's payload.
    expect(read(hc1Of(coseWithPayload(nested(1_000)))).failure?.error.code).toBe('DCC_CBOR_TOO_DEEP');
  });

  it('refuses containers and strings that claim more than the input holds', () => {
    const hugeArray = Uint8Array.from([0x9b, 0x00, 0x00, 0x00, 0xff, 0xff, 0xff, 0xff, 0xff, 0x00]);
    const hugeString = Uint8Array.from([0x7a, 0xff, 0xff, 0xff, 0xff, 0x41]);
    const hugeMap = Uint8Array.from([0xbb, 0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]);
    for (const bytes of [hugeArray, hugeString, hugeMap]) {
      expect(checkCborStructure(bytes)).toMatchObject({ code: 'DCC_CBOR_INVALID' });
      expect(read(hc1Of(bytes)).failure?.error.code).toBe('DCC_CBOR_INVALID');
    }
  });

  it('refuses payloads with more items than any certificate has', () => {
    // An array of 60,000 zeros: 60 KB of CBOR that deflates to almost nothing.
    const many = new Uint8Array(3 + 60_000);
    many.set([0x99, 0xea, 0x60]);
    expect(read(hc1Of(many)).failure?.error.code).toBe('DCC_CBOR_TOO_MANY_ITEMS');
  });

  it('refuses CBOR tags that make cbor-x share references or change its state', () => {
    const sharedReference = Uint8Array.from([0xd8, 0x1c, 0x81, 0xd8, 0x1d, 0x00]); // 28([29(0)]): a cycle
    const recordDefinition = Uint8Array.from([0xd9, 0xdf, 0xff, 0x80]);
    const packed = Uint8Array.from([0xd8, 0x33, 0x84, 0x80, 0x80, 0x80, 0x00]);
    for (const bytes of [sharedReference, recordDefinition, packed]) {
      expect(checkCborStructure(bytes)).toMatchObject({ code: 'DCC_CBOR_UNSUPPORTED_TAG' });
    }
    expect(read(hc1Of(coseWithPayload(sharedReference))).failure?.error.code).toBe('DCC_CBOR_UNSUPPORTED_TAG');
  });

  it('refuses trailing bytes after the message and malformed heads', () => {
    expect(checkCborStructure(Uint8Array.from([0x00, 0x00]))).toMatchObject({ code: 'DCC_CBOR_INVALID' });
    expect(checkCborStructure(Uint8Array.from([0x1c]))).toMatchObject({ code: 'DCC_CBOR_INVALID' });
    expect(checkCborStructure(Uint8Array.from([0xff]))).toMatchObject({ code: 'DCC_CBOR_INVALID' });
    expect(checkCborStructure(Uint8Array.from([0x9f, 0x01]))).toMatchObject({ code: 'DCC_CBOR_INVALID' });
    expect(checkCborStructure(Uint8Array.from([0xbf, 0x01, 0xff]))).toMatchObject({ code: 'DCC_CBOR_INVALID' });
  });

  it('refuses COSE structures that are not a signed message with a payload', () => {
    const cases: Array<[Uint8Array, string]> = [
      [Uint8Array.from([0xd2, 0x83, 0x40, 0xa0, 0x40]), 'DCC_COSE_INVALID'], // 3 elements
      [Uint8Array.from([0xd2, 0x84, 0x40, 0xa0, 0xf6, 0x40]), 'DCC_COSE_INVALID'], // detached (nil) payload
      [Uint8Array.from([0xd8, 0x18, 0x84, 0x40, 0xa0, 0x40, 0x40]), 'DCC_COSE_INVALID'], // tagged 24, not 18
      [Uint8Array.from([0xd8, 0x62, 0x84, 0x40, 0xa0, 0x40, 0x40]), 'DCC_CBOR_UNSUPPORTED_TAG'], // COSE_Sign (98)
      [coseWithPayload(Uint8Array.from([0x80])), 'DCC_CWT_INVALID'], // claims not a map
      [coseWithPayload(Uint8Array.from([0xa1, 0x04, 0x61, 0x78])), 'DCC_CWT_INVALID'], // exp is text
      [coseWithPayload(Uint8Array.from([0xa0])), 'DCC_HCERT_MISSING'],
      // exp = 1e300 seconds: no date at all.
      [coseWithPayload(Uint8Array.from([0xa1, 0x04, 0xfb, 0x7e, 0x37, 0xe4, 0x3c, 0x88, 0x00, 0x75, 0x9c])), 'DCC_CWT_INVALID'],
    ];
    for (const [bytes, code] of cases) {
      expect(read(hc1Of(bytes)).failure).toEqual({ stage: 'DECODE', error: expect.objectContaining({ code }) });
    }
  });

  it('keeps a "__proto__" key in the payload as data, not as the object prototype', () => {
    const claims = encodeCbor(
      new Map<number, unknown>([[-260, new Map([[1, new Map([['__proto__', new Map([['polluted', true]])]])]])]]),
    );
    const report = decodeHc1(hc1Of(coseWithPayload(claims)));
    const hcert = report.decoded?.claims.hcert as Record<string, unknown>;
    expect(Object.prototype.hasOwnProperty.call(hcert, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(hcert)).toBe(Object.prototype);
    expect((hcert as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it('never throws and always names a known refusal, whatever the text', () => {
    const base45Char = fc.constantFrom(...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:'.split(''));
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 300 }),
          fc.array(base45Char, { maxLength: 600 }).map((chars) => `HC1:${chars.join('')}`),
          fc.uint8Array({ maxLength: 400 }).map((bytes) => hc1Of(bytes)),
          fc.uint8Array({ maxLength: 400 }).map((bytes) => hc1Of(coseWithPayload(bytes))),
        ),
        (text) => {
          const report = read(text);
          expect(report.valid).toBe(false);
          expect(DCC_ERROR_CODES).toContain(report.failure?.error.code);
        },
      ),
      { numRuns: 2_000 },
    );
  });
});
