import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { seedCitizen, TWO_DOSES } from '../support/certificate-fixtures';
import { errorCode, ok, setUpSite, startTestStation, type TestStation } from '../support/station';

let t: TestStation;
afterEach(() => t?.close());

/** Germany's conformance case DE/1: Erika Mustermann, Spikevax 2/2 on 2021-05-29, with its document signer. */
const DE1 = JSON.parse(readFileSync(join(__dirname, '../fixtures/eu-dcc/dgc-testdata/DE/2DCode/raw/1.json'), 'utf8')) as {
  PREFIX: string;
  TESTCTX: { CERTIFICATE: string; VALIDATIONCLOCK: string };
};
const ERIKA = { fullName: 'Erika Mustermann', dateOfBirth: '1964-08-12', passportNumber: 'C01X00T47', nationality: 'DE' };

async function station() {
  t = startTestStation(new Date(DE1.TESTCTX.VALIDATIONCLOCK));
  return setUpSite(t);
}

describe('verifying any HC1 QR', () => {
  it("shows another country's certificate once its document signer is trusted", async () => {
    const { sup, nurse } = await station();
    const unknown = ok(await nurse.certificates.verify({ hc1: DE1.PREFIX }));
    expect(unknown).toMatchObject({ valid: false, signatureVerified: false, failure: { stage: 'VERIFY', code: 'DCC_KID_UNKNOWN' } });
    // Who it names is shown even before the signer is known; the screen says it is unverified.
    expect(unknown.holder?.familyName).toBe('Mustermann');

    ok(await sup.certificates.addTrusted({ certificate: DE1.TESTCTX.CERTIFICATE, label: 'DE test signer' }));
    const result = ok(await nurse.certificates.verify({ hc1: `  ${DE1.PREFIX}\r\n` }));
    expect(result).toMatchObject({ valid: true, signatureVerified: true, issuerCountry: 'DE', signer: { source: 'imported', label: 'DE test signer' } });
    expect(result.holder).toEqual({ familyName: 'Mustermann', givenName: 'Erika', familyNameIcao: 'MUSTERMANN', givenNameIcao: 'ERIKA', dateOfBirth: '1964-08-12' });
    expect(result.vaccinations).toEqual([expect.objectContaining({ doseNumber: 2, seriesDoses: 2, date: '2021-05-29', productName: 'Spikevax', country: 'DE' })]);
    expect(result.stages.map((s) => s.stage)).toEqual(['UNPREFIX', 'B45DECODE', 'COMPRESSION', 'DECODE', 'VERIFY', 'SCHEMAVALIDATION', 'EXPIRATIONCHECK', 'KEYUSAGE']);
    expect(result.station).toBeNull();
  });

  it('refuses input that is not a certificate with the stage and reason, and oversize input at the boundary', async () => {
    const { nurse } = await station();
    expect(ok(await nurse.certificates.verify({ hc1: 'hello' })).failure).toEqual({ stage: 'UNPREFIX', code: 'DCC_PREFIX_MISSING' });
    expect(ok(await nurse.certificates.verify({ hc1: 'HC1:%%%' })).failure).toEqual({ stage: 'B45DECODE', code: 'DCC_BASE45_INVALID' });
    expect(ok(await nurse.certificates.verify({ hc1: `HC1:${'A'.repeat(6000)}` })).failure).toEqual({ stage: 'UNPREFIX', code: 'DCC_INPUT_TOO_LARGE' });
    expect(errorCode(await nurse.certificates.verify({ hc1: `HC1:${'A'.repeat(20_000)}` }))).toBe('VALIDATION_FAILED');
    expect(errorCode(await nurse.certificates.verify({ hc1: '   ' }))).toBe('VALIDATION_FAILED');
    expect(errorCode(await nurse.certificates.importDoses({ hc1: DE1.PREFIX, citizenId: 'x'.repeat(65) }))).toBe('VALIDATION_FAILED');
  });
});

describe("importing a verified certificate's doses at check-in", () => {
  it("records them as 'reported elsewhere', once, for the certificate's holder only", async () => {
    const { sup, nurse } = await station();
    const erika = seedCitizen(t, ERIKA, [], 'observation');
    expect(errorCode(await nurse.certificates.importDoses({ hc1: DE1.PREFIX, citizenId: erika.citizenId }))).toBe('DCC_KID_UNKNOWN');
    ok(await sup.certificates.addTrusted({ certificate: DE1.TESTCTX.CERTIFICATE }));

    const someoneElse = seedCitizen(t, { fullName: 'Erika Musterfrau', dateOfBirth: '1964-08-12', passportNumber: 'C01X00T48', nationality: 'DE' }, []);
    const refused = await nurse.certificates.importDoses({ hc1: DE1.PREFIX, citizenId: someoneElse.citizenId });
    expect(errorCode(refused)).toBe('CERT_HOLDER_MISMATCH');
    const wrongBirth = seedCitizen(t, { ...ERIKA, dateOfBirth: '1964-08-13', passportNumber: 'C01X00T49' }, []);
    expect(errorCode(await nurse.certificates.importDoses({ hc1: DE1.PREFIX, citizenId: wrongBirth.citizenId }))).toBe('CERT_HOLDER_MISMATCH');

    expect(ok(await nurse.certificates.importDoses({ hc1: DE1.PREFIX, citizenId: erika.citizenId }))).toEqual({ imported: 1, skipped: 0 });
    expect(ok(await nurse.certificates.importDoses({ hc1: DE1.PREFIX, citizenId: erika.citizenId }))).toEqual({ imported: 0, skipped: 1 });

    const doses = ok(await nurse.certificates.forCitizen({ citizenId: erika.citizenId })).doses;
    expect(doses).toEqual([
      expect.objectContaining({ source: 'reported_elsewhere', doseNumber: 2, seriesDoses: 2, givenOn: '2021-05-29', productName: 'Spikevax', country: 'DE', place: expect.stringContaining('(DE)') }),
    ]);
    const upload = t.station.services.store.db.prepare(`SELECT kind FROM outbox WHERE entity_id = ?`).pluck().all(doses[0]!.doseId);
    expect(upload).toEqual(['dose.reported']);
    void TWO_DOSES;
  });
});
