import { v7 } from 'uuid';
import { createHash, generateKeyPairSync, webcrypto } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { deflateSync, inflateSync } from 'node:zlib';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { decode as base45Decode, encode as base45Encode } from 'base45';
import { Decoder, Encoder, Tag, decode } from 'cbor-x';
import { beforeAll, describe, expect, it } from 'vitest';
import { issueVaccinationCertificate } from '../../../main/certificates/dcc/issue';
import { type ProvisionalIdentity, createProvisionalIdentity } from '../../../main/certificates/dcc/provisional';
import { toQrPng } from '../../../main/certificates/dcc/qr';
import { type DccSigner, createDccSigner, signDcc } from '../../../main/certificates/dcc/sign';
import { createTrustList, trustedSignerFromDer } from '../../../main/certificates/dcc/trust-list';
import { verifyHc1 } from '../../../main/certificates/dcc/verify';
import { x509 } from '../../../main/certificates/dcc/x509';
import { type VaccinationCertificateInput } from '../../../main/domain/dcc/vaccination-payload';
import { readQrImage } from './qr-image';

const ISSUED_AT = new Date('2025-02-10T03:15:00Z');

/** Plain COSE byte strings and maps (useTag259ForMaps is missing from cbor-x's types). */
const CBOR_ENCODING: ConstructorParameters<typeof Encoder>[0] & { useTag259ForMaps: boolean } = {
  tagUint8Array: false,
  useTag259ForMaps: false,
  useRecords: false,
};

const PERSON: Omit<VaccinationCertificateInput, 'uvci'> = {
  familyName: 'Đặng',
  givenName: 'Thị Ánh Tuyết',
  dateOfBirth: '1990-05-17',
  dose: {
    vaccineType: '1119349007',
    product: 'EU/1/20/1528',
    manufacturer: 'ORG-100030215',
    doseNumber: 3,
    seriesDoses: 3,
    date: '2025-02-10',
  },
  issuer: 'Trạm Y tế Phường Bến Nghé',
};

let identity: ProvisionalIdentity;
let signer: DccSigner;

beforeAll(async () => {
  identity = await createProvisionalIdentity({ siteName: 'Tram Y te Ben Nghe', now: ISSUED_AT });
  const created = createDccSigner({ privateKey: identity.privateKey, certificateDer: identity.certificateDer });
  if (!created.ok) throw new Error(created.error.code);
  signer = created.value;
});

function issue() {
  const issued = issueVaccinationCertificate(signer, { ...PERSON, uuid: v7() }, { issuedAt: ISSUED_AT });
  if (!issued.ok) throw new Error(`${issued.error.code} ${issued.error.detail ?? ''}`);
  return issued.value;
}

describe('issuing a vaccination certificate', () => {
  it('reads back through the station reader with every stage passed', () => {
    const issued = issue();
    expect(issued.hc1.startsWith('HC1:')).toBe(true);
    const trustList = createTrustList([trustedSigner(identity.certificateDer)]);
    const report = verifyHc1(issued.hc1, { trustList, now: new Date('2025-06-01T00:00:00Z') });
    expect(report.failure).toBeUndefined();
    expect(report.valid).toBe(true);
    expect(Object.keys(report.stages)).toEqual([
      'UNPREFIX',
      'B45DECODE',
      'COMPRESSION',
      'DECODE',
      'VERIFY',
      'SCHEMAVALIDATION',
      'EXPIRATIONCHECK',
      'KEYUSAGE',
    ]);
    expect(report.payload).toEqual(issued.payload);
    expect(report.payload?.nam).toEqual({ fn: 'Đặng', fnt: 'DANG', gn: 'Thị Ánh Tuyết', gnt: 'THI<ANH<TUYET' });
    expect(report.decoded?.claims).toMatchObject({ issuer: 'VN', issuedAt: issued.issuedAt, expiresAt: issued.expiresAt });
    expect(new Date(issued.expiresAt * 1000).toISOString()).toBe('2026-02-10T03:15:00.000Z');
  });

  it('is refused by the reader once expired, or with a tampered payload', () => {
    const issued = issue();
    const trustList = createTrustList([trustedSigner(identity.certificateDer)]);
    const late = verifyHc1(issued.hc1, { trustList, now: new Date('2026-02-10T03:15:00Z') });
    expect(late.stages.EXPIRATIONCHECK).toMatchObject({ ok: false, error: { code: 'DCC_EXPIRED' } });

    const forged = reassemble(issued.hc1, (cose) => {
      const claims = new Decoder({ mapsAsObjects: false }).decode(cose[2] as Uint8Array) as Map<number, unknown>;
      const hcert = (claims.get(-260) as Map<number, Map<string, unknown>>).get(1)!;
      (hcert.get('v') as Map<string, unknown>[])[0]!.set('dn', 4);
      cose[2] = new Encoder(CBOR_ENCODING).encode(claims);
    });
    const report = verifyHc1(forged, { trustList, now: new Date('2025-06-01T00:00:00Z') });
    expect(report.stages.VERIFY).toMatchObject({ ok: false, error: { code: 'DCC_SIGNATURE_INVALID' } });
    expect(report.valid).toBe(false);
  });

  it('is refused by a reader that does not trust the station', async () => {
    const other = await createProvisionalIdentity({ siteName: 'Other site', now: ISSUED_AT });
    const report = verifyHc1(issue().hc1, {
      trustList: createTrustList([trustedSigner(other.certificateDer)]),
      now: new Date('2025-06-01T00:00:00Z'),
    });
    expect(report.stages.VERIFY).toMatchObject({ ok: false, error: { code: 'DCC_KID_UNKNOWN' } });
  });

  it('gives every certificate its own UVCI', () => {
    const uvcis = new Set(Array.from({ length: 20 }, () => issue().uvci));
    expect(uvcis.size).toBe(20);
  });

  it('fits a QR code that reads back as the same HC1 text', async () => {
    const issued = issue();
    const png = await toQrPng(issued.hc1);
    expect(readQrImage(png)).toBe(issued.hc1);
  });
});

/**
 * A second decoding path, written only in this test: the base45 package, Node's
 * zlib, cbor-x with its default settings, the Sig_structure built by cbor-x's
 * encoder, the signature checked with WebCrypto (crypto.subtle.verify) against
 * the key read from the certificate by @peculiar/x509, and the payload checked
 * with a fresh ajv against the fixture copy of the schema. It shares libraries
 * with the station's reader but none of its code.
 */
describe('independent decoding of an issued certificate', () => {
  it('decodes, verifies with WebCrypto and matches the schema', async () => {
    const issued = issue();
    expect(issued.hc1.slice(0, 4)).toBe('HC1:');
    const cose = new Decoder().decode(inflateSync(base45Decode(issued.hc1.slice(4)))) as unknown;
    expect(cose).toBeInstanceOf(Tag);
    expect((cose as Tag).tag).toBe(18);
    const [protectedBytes, unprotected, payload, signature] = (cose as Tag).value as [Uint8Array, unknown, Uint8Array, Uint8Array];

    // Protected header: ES256 and kid = first 8 bytes of SHA-256 over the certificate DER.
    const header = new Decoder({ mapsAsObjects: false }).decode(protectedBytes) as Map<number, unknown>;
    const expectedKid = createHash('sha256').update(identity.certificateDer).digest().subarray(0, 8);
    expect(header.get(1)).toBe(-7);
    expect(Buffer.from(header.get(4) as Uint8Array).equals(expectedKid)).toBe(true);
    expect(unprotected instanceof Map ? unprotected.size : Object.keys(unprotected as object).length).toBe(0);

    const sigStructure = new Encoder({ tagUint8Array: false }).encode([
      'Signature1',
      protectedBytes,
      new Uint8Array(0),
      payload,
    ]);
    const certificate = new x509.X509Certificate(new Uint8Array(identity.certificateDer));
    const publicKey = await certificate.publicKey.export(
      { name: 'ECDSA', namedCurve: 'P-256' },
      ['verify'],
      webcrypto as unknown as Crypto,
    );
    const good = await webcrypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, publicKey, signature, sigStructure);
    expect(good).toBe(true);

    // cbor-x's plain decode turns maps into objects; integer claim keys become property names.
    const claims = decode(payload) as Record<string, unknown>;
    expect(claims['1']).toBe('VN');
    expect(claims['6']).toBe(issued.issuedAt);
    expect(claims['4']).toBe(issued.expiresAt);
    const hcert = (claims['-260'] as Record<string, unknown>)['1'];
    expect(hcert).toEqual(issued.payload);

    const schema = JSON.parse(
      readFileSync(new URL('../../fixtures/eu-dcc/eu-dcc-schema/DCC.combined-schema.json', import.meta.url), 'utf8'),
    ) as object;
    const ajv = new Ajv2020({ strict: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    expect(validate(hcert), JSON.stringify(validate.errors)).toBe(true);
  });
});

describe('the signer', () => {
  it('refuses a key that is not the certificate key', () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    expect(createDccSigner({ privateKey, certificateDer: identity.certificateDer })).toMatchObject({
      ok: false,
      error: { code: 'DCC_SIGNER_KEY_MISMATCH' },
    });
  });

  it('refuses a key that cannot make ES256 signatures', () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    expect(createDccSigner({ privateKey, certificateDer: identity.certificateDer })).toMatchObject({
      ok: false,
      error: { code: 'DCC_SIGNER_KEY_MISMATCH' },
    });
  });

  it('refuses a certificate that will not parse', () => {
    expect(createDccSigner({ privateKey: identity.privateKey, certificateDer: new Uint8Array([1, 2, 3]) })).toMatchObject({
      ok: false,
      error: { code: 'DCC_SIGNER_CERTIFICATE_INVALID' },
    });
  });

  it('names the site as provisional in the certificate subject and restricts it to vaccination', () => {
    const trusted = trustedSigner(identity.certificateDer);
    expect(trusted.certificate.subject).toContain('CN=Provisional DSC - Tram Y te Ben Nghe');
    expect(trusted.extendedKeyUsage).toEqual(['1.3.6.1.4.1.1847.2021.1.2']);
  });

  it('will not sign a test certificate with a vaccination-only key', () => {
    const payload = {
      ver: '1.3.0',
      nam: { fnt: 'NGUYEN' },
      dob: '1990-01-01',
      t: [
        {
          tg: '840539006',
          tt: 'LP6464-4',
          sc: '2025-02-10T03:00:00Z',
          tr: '260415000',
          co: 'VN',
          is: 'Trạm Y tế',
          ci: 'URN:UVCI:01:AT:10807843F94AEE0EE5093FBC254BD813#B',
        },
      ],
    };
    expect(signDcc(signer, payload, { issuedAt: ISSUED_AT })).toMatchObject({
      ok: false,
      error: { code: 'DCC_KEY_USAGE_MISMATCH' },
    });
  });

  it('will not sign a payload the schema refuses', () => {
    const issued = issue();
    const bad = { ...issued.payload, dob: '10/05/1990' };
    expect(signDcc(signer, bad, { issuedAt: ISSUED_AT })).toMatchObject({ ok: false, error: { code: 'DCC_SCHEMA_INVALID' } });
  });

  it('will not sign outside its certificate validity', () => {
    const issued = issue();
    expect(signDcc(signer, issued.payload, { issuedAt: new Date('2030-01-01T00:00:00Z') })).toMatchObject({
      ok: false,
      error: { code: 'DCC_SIGNER_CERTIFICATE_INVALID' },
    });
  });
});

function trustedSigner(der: Uint8Array) {
  const trusted = trustedSignerFromDer(der);
  if (!trusted.ok) throw new Error(trusted.error.code);
  return trusted.value;
}

/** Decodes an HC1 text, lets `edit` change the COSE array, and encodes it again (the signature is kept as it was). */
function reassemble(hc1: string, edit: (cose: unknown[]) => void): string {
  const cose = new Decoder({ mapsAsObjects: false }).decode(inflateSync(base45Decode(hc1.slice(4)))) as Tag;
  const parts = cose.value as unknown[];
  edit(parts);
  const bytes = new Encoder(CBOR_ENCODING).encode(new Tag(parts, 18));
  return `HC1:${base45Encode(deflateSync(bytes))}`;
}
