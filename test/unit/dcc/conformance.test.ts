import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { inflateBounded } from '../../../main/certificates/dcc/compression';
import { type DccStage, decodeHc1 } from '../../../main/certificates/dcc/decode';
import { decodeBase45, unprefixHc1 } from '../../../main/certificates/dcc/hc1-text';
import { checkDccSchema } from '../../../main/certificates/dcc/schema';
import { createTrustList, trustedSignerFromDer } from '../../../main/certificates/dcc/trust-list';
import { verifyHc1 } from '../../../main/certificates/dcc/verify';
import { readQrImage } from './qr-image';

/**
 * Every raw test case of the EU dgc-testdata repository (common, DE, AT, SG):
 * each EXPECTED… flag present in a case is checked against what the station's
 * reader does with the case's PREFIX text, its signing CERTIFICATE as the only
 * trust-list entry and its VALIDATIONCLOCK as the clock.
 */

const TESTDATA = fileURLToPath(new URL('../../fixtures/eu-dcc/dgc-testdata/', import.meta.url));

interface RawCase {
  JSON?: unknown;
  CBOR?: string;
  COSE?: string;
  COMPRESSED?: string;
  BASE45?: string;
  PREFIX?: string;
  '2DCODE'?: string;
  TESTCTX: { CERTIFICATE?: string; VALIDATIONCLOCK?: string; DESCRIPTION?: string };
  EXPECTEDRESULTS: Record<string, boolean>;
}

const cases = readdirSync(TESTDATA, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((country) => {
    const dir = join(TESTDATA, country.name, '2DCode', 'raw');
    return readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .map((file) => ({
        name: `${country.name}/${file}`,
        data: JSON.parse(readFileSync(join(dir, file), 'utf8')) as RawCase,
      }));
  })
  .sort((a, b) => a.name.localeCompare(b.name));

/** EXPECTED… flags that name one stage of the reader. */
const STAGE_FLAGS: Record<string, DccStage> = {
  EXPECTEDUNPREFIX: 'UNPREFIX',
  EXPECTEDB45DECODE: 'B45DECODE',
  EXPECTEDCOMPRESSION: 'COMPRESSION',
  EXPECTEDDECODE: 'DECODE',
  EXPECTEDVERIFY: 'VERIFY',
  EXPECTEDSCHEMAVALIDATION: 'SCHEMAVALIDATION',
  EXPECTEDEXPIRATIONCHECK: 'EXPIRATIONCHECK',
  EXPECTEDKEYUSAGE: 'KEYUSAGE',
};
const OTHER_FLAGS = new Set(['EXPECTEDVALIDJSON', 'EXPECTEDPICTUREDECODE', 'EXPECTEDVALIDOBJECT']);

function verifyCase(data: RawCase) {
  const signers = [];
  if (data.TESTCTX.CERTIFICATE) {
    const signer = trustedSignerFromDer(Buffer.from(data.TESTCTX.CERTIFICATE, 'base64'));
    if (!signer.ok) throw new Error(`test certificate does not parse: ${signer.error.detail}`);
    signers.push(signer.value);
  }
  const now = new Date(data.TESTCTX.VALIDATIONCLOCK ?? Date.now());
  return verifyHc1(data.PREFIX ?? '', { trustList: createTrustList(signers), now, clockSkewSeconds: 0 });
}

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

describe('EU dgc-testdata conformance', () => {
  it('has the 51 cases of common, DE, AT and SG', () => {
    expect(cases.length).toBe(51);
  });

  for (const { name, data } of cases) {
    const expected = data.EXPECTEDRESULTS;
    describe(`${name} (${data.TESTCTX.DESCRIPTION ?? ''})`, () => {
      for (const [flag, stage] of Object.entries(STAGE_FLAGS)) {
        if (!(flag in expected)) continue;
        it(`${stage} is ${expected[flag] ? 'accepted' : 'refused'}`, () => {
          const report = verifyCase(data);
          const outcome = report.stages[stage];
          // A stage never reached (an earlier one refused the input) counts as refused.
          expect({ stage, ok: outcome?.ok ?? false, failure: report.failure }).toMatchObject({
            stage,
            ok: expected[flag],
          });
        });
      }

      if (expected.EXPECTEDUNPREFIX && data.BASE45 !== undefined) {
        it('UNPREFIX yields the case BASE45', () => {
          expect(unprefixHc1(data.PREFIX ?? '')).toEqual({ ok: true, value: data.BASE45 });
        });
      }
      if (expected.EXPECTEDB45DECODE && data.BASE45 !== undefined && data.COMPRESSED !== undefined) {
        it('B45DECODE yields the case COMPRESSED bytes', () => {
          const bytes = decodeBase45(data.BASE45 ?? '');
          expect(bytes.ok && hex(bytes.value)).toBe(data.COMPRESSED);
        });
      }
      if (expected.EXPECTEDCOMPRESSION && data.COMPRESSED !== undefined && data.COSE !== undefined) {
        it('COMPRESSION yields the case COSE bytes', () => {
          const bytes = inflateBounded(Buffer.from(data.COMPRESSED ?? '', 'hex'));
          expect(bytes.ok && hex(bytes.value)).toBe(data.COSE);
        });
      }

      if ('EXPECTEDVALIDJSON' in expected) {
        it(`the payload ${expected.EXPECTEDVALIDJSON ? 'matches' : 'does not match'} the case JSON`, () => {
          const report = decodeHc1(data.PREFIX ?? '');
          const matches =
            report.decoded !== undefined &&
            JSON.stringify(sortKeys(report.decoded.claims.hcert)) === JSON.stringify(sortKeys(data.JSON));
          expect(matches).toBe(expected.EXPECTEDVALIDJSON);
        });
      }

      if ('EXPECTEDVALIDOBJECT' in expected) {
        it(`the case JSON ${expected.EXPECTEDVALIDOBJECT ? 'matches' : 'does not match'} the schema`, () => {
          expect(checkDccSchema(data.JSON)).toBe(expected.EXPECTEDVALIDOBJECT ? null : expect.anything());
        });
      }

      if ('EXPECTEDPICTUREDECODE' in expected && data['2DCODE'] !== undefined) {
        it(`the QR image ${expected.EXPECTEDPICTUREDECODE ? 'reads as' : 'does not read as'} the PREFIX text`, () => {
          const text = readQrImage(Buffer.from(data['2DCODE'] ?? '', 'base64'));
          expect(text === data.PREFIX).toBe(expected.EXPECTEDPICTUREDECODE);
        });
      }

      it('names no flag this suite does not check', () => {
        const unknown = Object.keys(expected).filter((k) => !(k in STAGE_FLAGS) && !OTHER_FLAGS.has(k));
        expect(unknown).toEqual([]);
      });
    });
  }
});

/** JSON with object keys in order, so two payloads compare by content (CBOR maps have no order). */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}
