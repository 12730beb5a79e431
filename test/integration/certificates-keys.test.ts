import { createPrivateKey, webcrypto } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createDccSigner } from '../../main/certificates/dcc/sign';
import { newId } from '../../main/core/ids';
import { issueVaccinationCertificate } from '../../main/certificates/dcc/issue';
import { x509 } from '../../main/certificates/dcc/x509';
import { DCC_KEY_USAGE_OIDS } from '../../main/domain/dcc/key-usage';
import { createTestAuthority, otherPublicKey } from '../support/certificate-authority';
import { seedCitizen, TWO_DOSES } from '../support/certificate-fixtures';
import { errorCode, ok, setUpSite, SITE_MORNING, startTestStation, type TestStation } from '../support/station';

let t: TestStation;
afterEach(() => t?.close());

const PASSPHRASE = 'mật khẩu trạm tiêm 2026';
const AN = { fullName: 'Nguyễn Thị Ánh Tuyết', dateOfBirth: '1990-05-17', idNumber: '079190001234' };
const DAY = 86_400_000;

describe('the signing key, sealed at rest', () => {
  it('with a passphrase (browser mode, plain Node): locked after a restart until a supervisor unlocks it', async () => {
    t = startTestStation();
    const { sup, nurse } = await setUpSite(t);
    expect(ok(await sup.certificates.status({})).key).toBe('none');
    expect(errorCode(await sup.certificates.createSigningKey({}))).toBe('CERT_PASSPHRASE_REQUIRED');
    const created = ok(await sup.certificates.createSigningKey({ passphrase: PASSPHRASE }));
    expect(created).toMatchObject({ key: 'ready', protection: { os: false, passphrase: true }, provisional: true, nationalCertificate: null });
    expect(created.provisionalCertificate?.subject).toContain('Provisional DSC');
    expect(errorCode(await sup.certificates.createSigningKey({ passphrase: PASSPHRASE }))).toBe('CERT_SIGNING_KEY_EXISTS');

    // Nothing of the key is stored in clear: only sealed blobs.
    const row = t.station.services.store.db.prepare('SELECT sealed_private_key AS k, data_key_sealed_passphrase AS p FROM signing_key').get() as { k: string; p: string };
    expect(Object.keys(JSON.parse(row.k)).sort()).toEqual(['data', 'iv', 'tag', 'v']);
    expect(JSON.parse(row.p).kdf).toMatchObject({ name: 'scrypt', N: 32768, r: 8, p: 1 });
    expect(row.k).not.toContain('PRIVATE KEY');

    t.restart();
    const { citizenId } = seedCitizen(t, AN, TWO_DOSES);
    const sup2 = t.desk();
    ok(await sup2.auth.login({ username: 'giamsat', pin: '2468' }));
    expect(ok(await sup2.certificates.status({})).key).toBe('locked');
    expect(errorCode(await sup2.certificates.issueForCitizen({ citizenId }))).toBe('CERT_SIGNING_LOCKED');
    expect(errorCode(await sup2.certificates.unlockSigning({ passphrase: 'not the passphrase' }))).toBe('CERT_PASSPHRASE_WRONG');
    expect(ok(await sup2.certificates.unlockSigning({ passphrase: PASSPHRASE })).key).toBe('ready');
    ok(await sup2.certificates.issueForCitizen({ citizenId }));
    void nurse;
  });

  it('with the OS key store (Electron safeStorage through the shell): opens by itself on every start with the same key', async () => {
    t = startTestStation();
    const { sup } = await setUpSite(t);
    const osKey = Buffer.alloc(32, 7);
    t.station.services.certificates.keys.provideOsKey(osKey);
    const created = ok(await sup.certificates.createSigningKey({}));
    expect(created).toMatchObject({ key: 'ready', osProtectionAvailable: true, protection: { os: true, passphrase: false } });

    t.restart();
    const desk = t.desk();
    ok(await desk.auth.login({ username: 'giamsat', pin: '2468' }));
    expect(ok(await desk.certificates.status({})).key).toBe('locked');
    // Another machine's (or user's) OS key does not open it, and there is no passphrase to fall back on.
    t.station.services.certificates.keys.provideOsKey(Buffer.alloc(32, 9));
    expect(ok(await desk.certificates.status({})).key).toBe('locked');
    expect(errorCode(await desk.certificates.unlockSigning({ passphrase: PASSPHRASE }))).toBe('CERT_OS_PROTECTION_UNAVAILABLE');
    t.station.services.certificates.keys.provideOsKey(osKey);
    expect(ok(await desk.certificates.status({})).key).toBe('ready');
  });

  it('exports a certificate request signed by the station key, for vaccination certificates', async () => {
    t = startTestStation();
    const { sup } = await setUpSite(t);
    const status = ok(await sup.certificates.createSigningKey({ passphrase: PASSPHRASE }));
    const { pem, fileName } = ok(await sup.certificates.exportCsr({}));
    expect(fileName).toBe('TYT-79-26734-dsc-request.csr');
    const request = new x509.Pkcs10CertificateRequest(pem);
    expect(await request.verify()).toBe(true);
    expect(request.subject).toContain('CN=DSC TYT-79-26734');
    const eku = request.extensions.find((e) => e.type === '2.5.29.37');
    expect(new x509.ExtendedKeyUsageExtension(eku!.rawData).usages).toEqual([DCC_KEY_USAGE_OIDS.v[0]]);
    const provisional = new x509.X509Certificate(Buffer.from(await exportDer(status.provisionalCertificate!.fingerprint, t)));
    expect(Buffer.from(request.publicKey.rawData)).toEqual(Buffer.from(provisional.publicKey.rawData));
  });
});

async function exportDer(fingerprint: string, station: TestStation): Promise<Buffer> {
  return station.station.services.store.db.prepare('SELECT certificate_der FROM trust_entry WHERE fingerprint = ?').pluck().get(fingerprint) as Buffer;
}

describe('the national document-signer certificate', () => {
  async function withRequest() {
    t = startTestStation();
    const desks = await setUpSite(t);
    ok(await desks.sup.certificates.createSigningKey({ passphrase: PASSPHRASE }));
    const { pem } = ok(await desks.sup.certificates.exportCsr({}));
    return { ...desks, csrPem: pem, authority: await createTestAuthority() };
  }

  it('refuses one that is not ours, expired, not yet valid, for tests only, or unreadable, and replaces nothing', async () => {
    const { sup, csrPem, authority } = await withRequest();
    const now = SITE_MORNING;
    const valid = { notBefore: new Date(now.getTime() - DAY), notAfter: new Date(now.getTime() + 700 * DAY) };
    const cases: [Promise<{ pem: string }>, string][] = [
      [authority.issue({ ...valid, publicKey: await otherPublicKey() }), 'CERT_DSC_KEY_MISMATCH'],
      [authority.issue({ csrPem, notBefore: new Date(now.getTime() - 800 * DAY), notAfter: new Date(now.getTime() - DAY) }), 'CERT_DSC_EXPIRED'],
      [authority.issue({ csrPem, notBefore: new Date(now.getTime() + 10 * DAY), notAfter: new Date(now.getTime() + 700 * DAY) }), 'CERT_DSC_NOT_YET_VALID'],
      [authority.issue({ csrPem, ...valid, extendedKeyUsage: [DCC_KEY_USAGE_OIDS.t[0]!] }), 'CERT_DSC_KEY_USAGE'],
      [Promise.resolve({ pem: '-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----' }), 'CERT_DSC_UNREADABLE'],
      [Promise.resolve({ pem: 'hello' }), 'CERT_DSC_UNREADABLE'],
    ];
    for (const [certificate, code] of cases) {
      expect(errorCode(await sup.certificates.importSignerCertificate({ certificate: (await certificate).pem })), code).toBe(code);
    }
    const status = ok(await sup.certificates.status({}));
    expect(status.provisional).toBe(true);
    expect(status.nationalCertificate).toBeNull();
  });

  it('imports ours (DER too): new certificates are signed under it and are no longer provisional', async () => {
    const { sup, nurse, csrPem, authority } = await withRequest();
    const { citizenId } = seedCitizen(t, AN, TWO_DOSES);
    const before = ok(await nurse.certificates.issueForCitizen({ citizenId }));
    expect(before.provisional).toBe(true);

    // An EKU-less (unrestricted) certificate, sent as a DER file would be: base64.
    const national = await authority.issue({ csrPem, notBefore: new Date(SITE_MORNING.getTime() - DAY), notAfter: new Date(SITE_MORNING.getTime() + 700 * DAY), extendedKeyUsage: null });
    const status = ok(await sup.certificates.importSignerCertificate({ certificate: national.der.toString('base64') }));
    expect(status).toMatchObject({ provisional: false, nationalCertificate: { kind: 'national', subject: expect.stringContaining('DSC TYT-79-26734') } });

    const after = ok(await sup.certificates.reissue({ certificateId: before.id }));
    expect(after.provisional).toBe(false);
    const verified = ok(await nurse.certificates.verify({ hc1: after.hc1 }));
    expect(verified).toMatchObject({ valid: true, signer: { source: 'own_national' } });
    // Paper signed under the provisional certificate still verifies here.
    expect(ok(await nurse.certificates.verify({ hc1: before.hc1 })).signatureVerified).toBe(true);
  });

  it('a nurse cannot manage keys or the trust list', async () => {
    const { nurse } = await withRequest();
    expect(errorCode(await nurse.certificates.importSignerCertificate({ certificate: 'x' }))).toBe('FORBIDDEN_ROLE');
    expect(errorCode(await nurse.certificates.exportCsr({}))).toBe('FORBIDDEN_ROLE');
    expect(errorCode(await nurse.certificates.addTrusted({ certificate: 'x' }))).toBe('FORBIDDEN_ROLE');
  });
});

describe('a nationally signed certificate returned later', () => {
  it('supersedes the provisional one, stays reprintable, and must belong to the citizen', async () => {
    t = startTestStation();
    const { sup, nurse } = await setUpSite(t);
    ok(await sup.certificates.createSigningKey({ passphrase: PASSPHRASE }));
    const { citizenId } = seedCitizen(t, AN, TWO_DOSES);
    const provisional = ok(await nurse.certificates.issueForCitizen({ citizenId }));

    // The national platform signs with its own document signer, which the station trusts.
    const authority = await createTestAuthority();
    const keys = (await webcrypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify'])) as CryptoKeyPair;
    const dsc = await authority.issue({ publicKey: keys.publicKey, notBefore: new Date(SITE_MORNING.getTime() - DAY), notAfter: new Date(SITE_MORNING.getTime() + 700 * DAY), subject: 'CN=DSC National Platform, C=VN' });
    const signer = createDccSigner({ privateKey: createPrivateKey({ key: Buffer.from(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey)), format: 'der', type: 'pkcs8' }), certificateDer: dsc.der });
    if (!signer.ok) throw new Error(signer.error.code);
    const today = t.station.services.store.db.prepare(`SELECT given_on FROM dose WHERE citizen_id = ? AND dose_number = 2`).pluck().get(citizenId) as string;
    const national = issueVaccinationCertificate(
      signer.value,
      { uuid: newId(), familyName: 'Nguyễn', givenName: 'Thị Ánh Tuyết', dateOfBirth: '1990-05-17', issuer: 'Ministry of Health', dose: { vaccineType: '1119349007', product: 'EU/1/20/1528', manufacturer: 'ORG-100030215', doseNumber: 2, seriesDoses: 2, date: today } },
      { issuedAt: t.clock.now() },
    );
    if (!national.ok) throw new Error(national.error.code);

    expect(errorCode(await sup.certificates.importNational({ hc1: national.value.hc1, citizenId }))).toBe('DCC_KID_UNKNOWN');
    ok(await sup.certificates.addTrusted({ certificate: dsc.pem, label: 'Cổng quốc gia' }));
    expect(errorCode(await sup.certificates.addTrusted({ certificate: dsc.pem }))).toBe('CERT_TRUST_DUPLICATE');
    // Our own provisional certificate is not a national one.
    expect(errorCode(await sup.certificates.importNational({ hc1: provisional.hc1, citizenId }))).toBe('CERT_NOT_NATIONAL');
    const stranger = seedCitizen(t, { fullName: 'Trần Văn Bảy', dateOfBirth: '1985-01-02', idNumber: '001085000777' }, TWO_DOSES);
    const mismatch = await sup.certificates.importNational({ hc1: national.value.hc1, citizenId: stranger.citizenId });
    expect(errorCode(mismatch)).toBe('CERT_HOLDER_MISMATCH');

    const linked = ok(await sup.certificates.importNational({ hc1: national.value.hc1, citizenId }));
    expect(linked).toMatchObject({ national: true, provisional: false, status: 'active', uvci: national.value.uvci });
    const history = ok(await nurse.certificates.forCitizen({ citizenId }));
    expect(history.currentId).toBe(linked.id);
    expect(history.certificates.find((c) => c.id === provisional.id)).toMatchObject({ status: 'superseded', supersededBy: linked.id });
    expect(Buffer.from(ok(await nurse.certificates.preview({ certificateId: linked.id })).pdfBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    // Asking for the citizen's certificate now gives the national one, not a new provisional.
    expect(ok(await nurse.certificates.issueForCitizen({ citizenId })).id).toBe(linked.id);
  });
});
