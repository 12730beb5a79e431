import { sign as cryptoSign, verify as cryptoVerify } from 'node:crypto';
import { createDccSigner, type DccSigner } from '../../main/certificates/dcc/sign';
import { createProvisionalIdentity } from '../../main/certificates/dcc/provisional';
import { issueVaccinationCertificate } from '../../main/certificates/dcc/issue';
import { createTrustList, trustedSignerFromDer } from '../../main/certificates/dcc/trust-list';
import { toQrMatrix } from '../../main/certificates/dcc/qr';
import { verifyHc1 } from '../../main/certificates/dcc/verify';
import { renderCertificatePdf } from '../../main/certificates/pdf/certificate-pdf';
import { syntheticPeople } from '../../main/core/services/synthetic-people';
import { newId } from '../../main/core/ids';
import type { VaccinationCertificateInput } from '../../main/domain/dcc/vaccination-payload';
import { splitVietnameseFullName } from '../../main/domain/dcc/vaccination-payload';
import { seedCitizen, TWO_DOSES } from '../../test/support/certificate-fixtures';
import { summarize, timed, type Figure, type Scenario } from '../harness';
import { BENCH_MORNING, openBenchStation, setUpSite } from '../support/station';

/**
 * The certificates issue's figures: 1,000 certificates (sign + QR + PDF,
 * stored durably through the core) next to the same work without the
 * database; HC1 signing alone and verification alone, each next to the bare
 * ES256 operation on Node's crypto that it wraps.
 */

const CERTIFICATES = 1_000;
const SIGNS = 20_000;
const VERIFIES = 20_000;

const PEOPLE = Array.from(syntheticPeople(CERTIFICATES, 2026));

function person(i: number): Omit<VaccinationCertificateInput, 'uvci'> {
  const p = PEOPLE[i % PEOPLE.length]!;
  return {
    ...splitVietnameseFullName(p.fullName),
    dateOfBirth: p.dateOfBirth,
    issuer: 'Trạm Y tế Phường Bến Nghé',
    dose: { vaccineType: '1119349007', product: 'EU/1/20/1528', manufacturer: 'ORG-100030215', doseNumber: 2, seriesDoses: 2, date: '2026-03-10' },
  };
}

async function provisionalSigner(): Promise<{ signer: DccSigner; der: Uint8Array }> {
  const identity = await createProvisionalIdentity({ siteName: 'Tram Y te Ben Nghe', now: BENCH_MORNING });
  const created = createDccSigner({ privateKey: identity.privateKey, certificateDer: identity.certificateDer });
  if (!created.ok) throw new Error(created.error.code);
  return { signer: created.value, der: identity.certificateDer };
}

const issueThousand: Scenario = {
  name: 'certificates-1000',
  area: 'certificates',
  title: '1,000 certificates: sign + QR + PDF, stored durably through the core (one transaction each)',
  async run({ sutDir, note }): Promise<Figure[]> {
    const b = openBenchStation(sutDir);
    try {
      await setUpSite(b);
      await b.call('certificates:createSigningKey', { passphrase: 'bench passphrase 2026' });
      note(`seeding ${CERTIFICATES} released citizens with two doses each`);
      const ids = PEOPLE.map((p, i) => seedCitizen(b, { fullName: p.fullName, dateOfBirth: p.dateOfBirth, idNumber: p.idNumber, passportNumber: p.idNumber ? null : `B${i}`, nationality: 'VN' }, TWO_DOSES).citizenId);
      // No warm-up: the first certificate pays for loading the fonts, as the first of a day does.
      note('issuing through the core');
      const perCertificate: number[] = [];
      const total = await timed(async () => {
        for (const citizenId of ids) {
          const one = await timed(() => b.call('certificates:issueForCitizen', { citizenId }));
          perCertificate.push(one.ms);
        }
      });

      note('the same pipeline without the database');
      const { signer } = await provisionalSigner();
      const bare: number[] = [];
      for (let i = 0; i < CERTIFICATES; i++) {
        const one = await timed(async () => {
          const issued = issueVaccinationCertificate(signer, { ...person(i), uuid: newId() }, { issuedAt: BENCH_MORNING });
          if (!issued.ok) throw new Error(issued.error.code);
          const p = PEOPLE[i]!;
          await renderCertificatePdf({
            paper: 'A5',
            provisional: true,
            holder: { fullName: p.fullName, dateOfBirth: p.dateOfBirth, idNumber: p.idNumber, passportNumber: null },
            doses: [
              { doseNumber: 1, seriesDoses: 2, givenOn: '2025-09-02', vaccine: 'Comirnaty', lot: 'EW0150', place: 'Trạm Y tế Phường Bến Nghé' },
              { doseNumber: 2, seriesDoses: 2, givenOn: '2026-03-10', vaccine: 'Comirnaty', lot: 'FK5127', place: 'Trạm Y tế Phường Bến Nghé' },
            ],
            issuedOn: '2026-03-10',
            validUntil: '2027-03-10',
            issuer: 'Trạm Y tế Phường Bến Nghé',
            uvci: issued.value.uvci,
            qr: toQrMatrix(issued.value.hc1),
          });
        });
        bare.push(one.ms);
      }
      const ours = summarize(perCertificate);
      const base = summarize(bare);
      const pdfBytes = b.station.services.store.db.prepare('SELECT avg(length(pdf)) FROM certificate_pdf').pluck().get() as number;
      return [
        { label: `total for ${CERTIFICATES} certificates`, value: total.ms, unit: 'ms', better: 'lower' },
        {
          label: 'per certificate (mean)',
          value: ours.mean,
          unit: 'ms',
          better: 'lower',
          baseline: { label: 'sign + QR + PDF without the database', value: base.mean },
          target: { kind: 'atMost', value: 15 },
          detail: { p50: ours.p50, p99: ours.p99, max: ours.max, baselineP50: base.p50, baselineP99: base.p99, pdfBytes },
        },
        { label: 'per certificate (p99)', value: ours.p99, unit: 'ms', better: 'lower' },
      ];
    } finally {
      b.close();
    }
  },
};

const hc1Signing: Scenario = {
  name: 'certificates-hc1-sign',
  area: 'certificates',
  title: 'HC1 signing alone (payload check, CBOR, COSE ES256, zlib, Base45)',
  async run(): Promise<Figure[]> {
    const { signer } = await provisionalSigner();
    const inputs = Array.from({ length: 200 }, (_, i) => person(i));
    for (let i = 0; i < 500; i++) issueVaccinationCertificate(signer, { ...inputs[i % 200]!, uuid: newId() }, { issuedAt: BENCH_MORNING });
    const ours = await timed(() => {
      for (let i = 0; i < SIGNS; i++) {
        const issued = issueVaccinationCertificate(signer, { ...inputs[i % 200]!, uuid: newId() }, { issuedAt: BENCH_MORNING });
        if (!issued.ok) throw new Error(issued.error.code);
      }
    });
    // Baseline: the ES256 signature alone over a message of a signed certificate's size.
    const message = Buffer.alloc(400, 7);
    const bare = await timed(() => {
      for (let i = 0; i < SIGNS; i++) cryptoSign('sha256', message, { key: signer.privateKey, dsaEncoding: 'ieee-p1363' });
    });
    const rate = (ms: number) => SIGNS / (ms / 1000);
    return [
      {
        label: 'HC1 signatures',
        value: rate(ours.ms),
        unit: 'certificates/s',
        better: 'higher',
        baseline: { label: 'bare ES256 sign (node:crypto)', value: rate(bare.ms) },
        target: { kind: 'atLeast', value: 5000 },
        detail: { n: SIGNS },
      },
    ];
  },
};

const hc1Verification: Scenario = {
  name: 'certificates-verify',
  area: 'certificates',
  title: 'Verification of an HC1 text (all eight stages) against a trust list',
  async run(): Promise<Figure[]> {
    const { signer, der } = await provisionalSigner();
    const trusted = trustedSignerFromDer(der);
    if (!trusted.ok) throw new Error(trusted.error.code);
    const trustList = createTrustList([trusted.value]);
    const texts = Array.from({ length: 200 }, (_, i) => {
      const issued = issueVaccinationCertificate(signer, { ...person(i), uuid: newId() }, { issuedAt: BENCH_MORNING });
      if (!issued.ok) throw new Error(issued.error.code);
      return issued.value.hc1;
    });
    const now = new Date(BENCH_MORNING.getTime() + 86_400_000);
    for (let i = 0; i < 500; i++) verifyHc1(texts[i % 200]!, { trustList, now });
    const ours = await timed(() => {
      for (let i = 0; i < VERIFIES; i++) {
        if (!verifyHc1(texts[i % 200]!, { trustList, now }).valid) throw new Error('a certificate did not verify');
      }
    });
    const message = Buffer.alloc(400, 7);
    const signature = cryptoSign('sha256', message, { key: signer.privateKey, dsaEncoding: 'ieee-p1363' });
    const publicKey = trusted.value.publicKey;
    const bare = await timed(() => {
      for (let i = 0; i < VERIFIES; i++) cryptoVerify('sha256', message, { key: publicKey, dsaEncoding: 'ieee-p1363' }, signature);
    });
    const rate = (ms: number) => VERIFIES / (ms / 1000);
    return [
      {
        label: 'verifications',
        value: rate(ours.ms),
        unit: 'certificates/s',
        better: 'higher',
        baseline: { label: 'bare ES256 verify (node:crypto)', value: rate(bare.ms) },
        target: { kind: 'atLeast', value: 5000 },
        detail: { n: VERIFIES },
      },
    ];
  },
};

export const certificateScenarios: readonly Scenario[] = [issueThousand, hc1Signing, hc1Verification];
