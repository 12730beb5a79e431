import { type KeyObject, sign } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { deflateForQr } from '../../../main/certificates/dcc/compression';
import { encodeCoseSign1, encodeProtectedHeader, sigStructure } from '../../../main/certificates/dcc/cose';
import { encodeDccClaims } from '../../../main/certificates/dcc/cwt';
import { encodeHc1 } from '../../../main/certificates/dcc/hc1-text';
import { type ProvisionalIdentity, createProvisionalIdentity } from '../../../main/certificates/dcc/provisional';
import { createTrustList, kidOf, trustedSignerFromDer } from '../../../main/certificates/dcc/trust-list';
import { verifyHc1 } from '../../../main/certificates/dcc/verify';
import { type DccPayload } from '../../../main/domain/dcc/types';

const NOW = new Date('2025-04-01T00:00:00Z');
const IAT = Math.floor(Date.parse('2025-03-01T00:00:00Z') / 1000);
const EXP = Math.floor(Date.parse('2026-03-01T00:00:00Z') / 1000);

const PAYLOAD: DccPayload = {
  ver: '1.3.0',
  nam: { fn: 'Nguyễn', fnt: 'NGUYEN', gn: 'An', gnt: 'AN' },
  dob: '1990-01-01',
  v: [
    {
      tg: '840539006',
      vp: '1119349007',
      mp: 'EU/1/20/1528',
      ma: 'ORG-100030215',
      dn: 1,
      sd: 2,
      dt: '2025-03-01',
      co: 'VN',
      is: 'Trạm Y tế',
      ci: 'URN:UVCI:01:AT:10807843F94AEE0EE5093FBC254BD813#B',
    },
  ],
};

let station: ProvisionalIdentity;
let other: ProvisionalIdentity;

beforeAll(async () => {
  station = await createProvisionalIdentity({ siteName: 'Station', now: NOW, vaccinationOnly: false });
  other = await createProvisionalIdentity({ siteName: 'Other', now: NOW });
});

/** An HC1 text signed with `key` and whatever protected header the case needs. */
function hc1(options: {
  key: KeyObject;
  protectedHeader: Uint8Array;
  hash?: string;
  payload?: unknown;
  iat?: number;
  exp?: number;
}): string {
  const claims = encodeDccClaims('VN', options.iat ?? IAT, options.exp ?? EXP, options.payload ?? PAYLOAD);
  const signature = sign(options.hash ?? 'sha256', sigStructure(options.protectedHeader, claims), {
    key: options.key,
    dsaEncoding: 'ieee-p1363',
  });
  return encodeHc1(deflateForQr(encodeCoseSign1(options.protectedHeader, claims, signature)));
}

function trustList(...identities: ProvisionalIdentity[]) {
  return createTrustList(
    identities.map((identity) => {
      const signer = trustedSignerFromDer(identity.certificateDer);
      if (!signer.ok) throw new Error(signer.error.code);
      return signer.value;
    }),
  );
}

describe('verifying a certificate against the trust list', () => {
  it('accepts a good ES256 signature from a trusted signer found by kid', () => {
    const text = hc1({ key: station.privateKey, protectedHeader: encodeProtectedHeader(-7, kidOf(station.certificateDer)) });
    const report = verifyHc1(text, { trustList: trustList(other, station), now: NOW });
    expect(report.valid).toBe(true);
    expect(report.signer?.certificate.subject).toContain('Provisional DSC - Station');
  });

  it('refuses algorithms the EU DCC does not allow, even with a good signature', () => {
    const text = hc1({
      key: station.privateKey,
      protectedHeader: encodeProtectedHeader(-36, kidOf(station.certificateDer)),
      hash: 'sha512',
    });
    const report = verifyHc1(text, { trustList: trustList(station), now: NOW });
    expect(report.stages.VERIFY).toMatchObject({ ok: false, error: { code: 'DCC_ALGORITHM_UNSUPPORTED' } });
  });

  it('refuses a message without a key identifier', () => {
    const text = hc1({ key: station.privateKey, protectedHeader: Uint8Array.from([0xa1, 0x01, 0x26]) });
    const report = verifyHc1(text, { trustList: trustList(station), now: NOW });
    expect(report.stages.VERIFY).toMatchObject({ ok: false, error: { code: 'DCC_KID_MISSING' } });
  });

  it('refuses a message that names a trusted kid but was signed by another key', () => {
    const text = hc1({ key: other.privateKey, protectedHeader: encodeProtectedHeader(-7, kidOf(station.certificateDer)) });
    const report = verifyHc1(text, { trustList: trustList(station, other), now: NOW });
    expect(report.stages.VERIFY).toMatchObject({ ok: false, error: { code: 'DCC_SIGNATURE_INVALID' } });
    expect(report.stages.KEYUSAGE).toBeUndefined();
  });

  it('reports every independent problem, not only the first', () => {
    const text = hc1({
      key: station.privateKey,
      protectedHeader: encodeProtectedHeader(-7, kidOf(station.certificateDer)),
      payload: { ...PAYLOAD, dob: '01/01/1990' },
      exp: IAT + 60,
    });
    const report = verifyHc1(text, { trustList: trustList(station), now: NOW });
    expect(report.stages.VERIFY).toEqual({ ok: true });
    expect(report.stages.SCHEMAVALIDATION).toMatchObject({ ok: false, error: { code: 'DCC_SCHEMA_INVALID' } });
    expect(report.stages.EXPIRATIONCHECK).toMatchObject({ ok: false, error: { code: 'DCC_EXPIRED' } });
    expect(report.failure?.stage).toBe('SCHEMAVALIDATION');
    expect(report.payload).toBeUndefined();
  });

  it('tolerates a neighbouring desk clock a few minutes ahead, not a certificate from next week', () => {
    const header = encodeProtectedHeader(-7, kidOf(station.certificateDer));
    const nowSeconds = Math.floor(NOW.getTime() / 1000);
    const soon = hc1({ key: station.privateKey, protectedHeader: header, iat: nowSeconds + 120 });
    const later = hc1({ key: station.privateKey, protectedHeader: header, iat: nowSeconds + 7 * 86_400 });
    expect(verifyHc1(soon, { trustList: trustList(station), now: NOW }).stages.EXPIRATIONCHECK).toEqual({ ok: true });
    expect(verifyHc1(later, { trustList: trustList(station), now: NOW }).stages.EXPIRATIONCHECK).toMatchObject({
      ok: false,
      error: { code: 'DCC_NOT_YET_VALID' },
    });
  });

  it('lets an unrestricted key sign any type, and keeps a vaccination-only key from signing a test certificate', () => {
    const text = hc1({ key: station.privateKey, protectedHeader: encodeProtectedHeader(-7, kidOf(station.certificateDer)) });
    const report = verifyHc1(text, { trustList: trustList(station), now: NOW });
    expect(report.stages.KEYUSAGE).toEqual({ ok: true });
    const testPayload = {
      ...PAYLOAD,
      v: undefined,
      t: [{ tg: '840539006', tt: 'LP6464-4', sc: '2025-03-01T08:00:00Z', tr: '260415000', co: 'VN', is: 'Trạm Y tế', ci: PAYLOAD.v![0]!.ci }],
    };
    delete testPayload.v;
    const testText = hc1({
      key: other.privateKey,
      protectedHeader: encodeProtectedHeader(-7, kidOf(other.certificateDer)),
      payload: testPayload,
    });
    const testReport = verifyHc1(testText, { trustList: trustList(other), now: NOW });
    expect(testReport.stages.VERIFY).toEqual({ ok: true });
    expect(testReport.stages.KEYUSAGE).toMatchObject({ ok: false, error: { code: 'DCC_KEY_USAGE_MISMATCH' } });
  });
});
