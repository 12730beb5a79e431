import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeHc1 } from '../../../main/certificates/dcc/decode';
import { checkDccSchema } from '../../../main/certificates/dcc/schema';
import { createTrustList } from '../../../main/certificates/dcc/trust-list';
import { verifyHc1 } from '../../../main/certificates/dcc/verify';
import { readQrImage } from './qr-image';

/**
 * Viet Nam's own published EU DCC sample (dcc-quality-assurance/VN/1.3.0):
 * PS256, kid in the protected header, a UVCI without check character and the
 * deprecated vaccine type code J07BX03. Its signer certificate is not public,
 * so the signature cannot be checked here; everything else must read.
 */
const DIR = fileURLToPath(new URL('../../fixtures/eu-dcc/dcc-quality-assurance/VN/1.3.0/', import.meta.url));
const published = JSON.parse(readFileSync(`${DIR}VAC_VN.decoded.json`, 'utf8')) as {
  PREFIX: string;
  PROTECTED_HEADER: { '1': number; '4': string };
  CLAIMS: { '1': string; '4': number; '6': number };
  JSON: unknown;
};

describe('Viet Nam sample certificate', () => {
  it('its image (a JPEG despite the .png name) reads as the published HC1 text', () => {
    expect(readQrImage(readFileSync(`${DIR}VAC_VN.png`))).toBe(published.PREFIX);
  });

  it('decodes to the published header, claims and payload', () => {
    const report = decodeHc1(published.PREFIX);
    expect(report.failure).toBeUndefined();
    const decoded = report.decoded!;
    expect(decoded.cose.alg).toBe(published.PROTECTED_HEADER['1']);
    expect(decoded.cose.kidSource).toBe('protected');
    expect(Buffer.from(decoded.cose.kid!).toString('hex')).toBe(published.PROTECTED_HEADER['4']);
    expect(decoded.claims).toMatchObject({
      issuer: published.CLAIMS['1'],
      expiresAt: published.CLAIMS['4'],
      issuedAt: published.CLAIMS['6'],
    });
    expect(decoded.claims.hcert).toEqual(published.JSON);
    expect(decoded.kinds).toEqual(['v']);
  });

  it('passes schema and expiry checks, and is refused only for its unknown signer', () => {
    const report = verifyHc1(published.PREFIX, {
      trustList: createTrustList([]),
      now: new Date('2024-06-01T00:00:00Z'),
    });
    expect(report.stages.SCHEMAVALIDATION).toEqual({ ok: true });
    expect(report.stages.EXPIRATIONCHECK).toEqual({ ok: true });
    expect(report.stages.VERIFY).toMatchObject({ ok: false, error: { code: 'DCC_KID_UNKNOWN' } });
    expect(report.valid).toBe(false);
    // Deprecated codes stay acceptable to a verifier: the schema does not enumerate value sets.
    expect(checkDccSchema(published.JSON, 'issue')).toBeNull();
  });

  it('is reported expired after 30 January 2025', () => {
    const report = verifyHc1(published.PREFIX, { trustList: createTrustList([]), now: new Date('2025-02-01T00:00:00Z') });
    expect(report.stages.EXPIRATIONCHECK).toMatchObject({ ok: false, error: { code: 'DCC_EXPIRED' } });
  });
});
