import { KeyObject, webcrypto } from 'node:crypto';
import { v7 } from 'uuid';
import { issueVaccinationCertificate } from '../../../main/certificates/dcc/issue';
import { createDccSigner, type DccSigner } from '../../../main/certificates/dcc/sign';
import { CERTIFICATE_TYPE, SYSTEM, type Resource } from '../../../main/domain/fhir';
import { siteDay } from '../../../main/domain/site-time';
import { createTestAuthority } from '../certificate-authority';
import type { ResourceStore, Stored } from './store';

/**
 * The platform's national signer: when a station uploads a provisional
 * certificate, it signs a national EU DCC for the same dose with its own
 * document signer and publishes it as a DocumentReference of kind
 * `eu-dcc-national` that relates to the station's Immunization (by reference
 * and by the station's identifier), for the station to pull back.
 */
export interface NationalSigner {
  /** The document-signer certificate stations put on their trust list (PEM). */
  certificatePem: string;
  onWrite(stored: Stored): void;
}

type Coding = { system?: string; code?: string };

/** The national document signer's key and certificate: kept across restarts of a test server, as the Ministry's is. */
export interface NationalIdentity {
  signer: DccSigner;
  certificatePem: string;
}

export async function createNationalIdentity(now: () => Date = () => new Date()): Promise<NationalIdentity> {
  const authority = await createTestAuthority();
  const keys = (await webcrypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify'])) as CryptoKeyPair;
  const start = now();
  const dsc = await authority.issue({
    publicKey: keys.publicKey,
    notBefore: new Date(start.getTime() - 86_400_000),
    notAfter: new Date(start.getTime() + 2 * 365 * 86_400_000),
    subject: 'CN=DSC Bo Y te (test), O=Ministry of Health, C=VN',
  });
  const created = createDccSigner({ privateKey: KeyObject.from(keys.privateKey), certificateDer: new Uint8Array(dsc.der) });
  if (!created.ok) throw new Error(created.error.code);
  return { signer: created.value, certificatePem: dsc.pem };
}

export async function createNationalSigner(store: ResourceStore, now: () => Date = () => new Date(), identity?: NationalIdentity): Promise<NationalSigner & { identity: NationalIdentity }> {
  const id = identity ?? (await createNationalIdentity(now));
  const signer = id.signer;

  const resolve = (ref: unknown): Stored | null => {
    const r = (ref as { reference?: string } | undefined)?.reference;
    const m = r ? /^([A-Za-z]+)\/(.+)$/.exec(r) : null;
    return m ? store.get(m[1]!, m[2]!) : null;
  };

  return {
    identity: id,
    certificatePem: id.certificatePem,
    onWrite(stored) {
      const doc = stored.resource;
      if (doc.resourceType !== 'DocumentReference') return;
      const type = (doc.type as { coding?: Coding[] } | undefined)?.coding?.[0];
      if (type?.system !== CERTIFICATE_TYPE.system || type.code !== CERTIFICATE_TYPE.provisional) return;
      const patient = resolve(doc.subject)?.resource;
      const related = (doc.context as { related?: unknown[] } | undefined)?.related?.[0];
      const immunization = resolve(related);
      if (!patient || !immunization) return;
      const imm = immunization.resource;
      const name = (patient.name as { family?: string; given?: string[] }[])[0]!;
      const codes = ((imm.vaccineCode as { coding?: Coding[] }).coding ?? []) as Coding[];
      const vp = codes.find((c) => c.system === SYSTEM.snomed)?.code ?? 'J07BX03';
      const mp = codes.find((c) => c.system === SYSTEM.euProduct || c.system === SYSTEM.euProductOther)?.code;
      const ma = (imm.manufacturer as { identifier?: { value?: string } } | undefined)?.identifier?.value;
      const protocol = (imm.protocolApplied as { doseNumberPositiveInt?: number; seriesDosesPositiveInt?: number }[])[0]!;
      if (!mp || !ma) return;
      const issued = issueVaccinationCertificate(
        signer,
        {
          uuid: v7(),
          familyName: name.family ?? '',
          givenName: (name.given ?? []).join(' '),
          dateOfBirth: String(patient.birthDate),
          issuer: 'Bộ Y tế / Ministry of Health',
          dose: {
            targetDisease: '840539006',
            vaccineType: vp,
            product: mp,
            manufacturer: ma,
            doseNumber: protocol.doseNumberPositiveInt ?? 1,
            seriesDoses: protocol.seriesDosesPositiveInt ?? 1,
            date: vietnamDate(String(imm.occurrenceDateTime)),
            country: 'VN',
          },
        },
        { issuedAt: now() },
      );
      if (!issued.ok) return;
      const identifier = (imm.identifier as { system: string; value: string }[])[0]!;
      const national: Resource = {
        resourceType: 'DocumentReference',
        masterIdentifier: { system: SYSTEM.uvci, value: issued.value.uvci },
        status: 'current',
        docStatus: 'final',
        type: { coding: [{ system: CERTIFICATE_TYPE.system, code: CERTIFICATE_TYPE.national }], text: 'EU DCC' },
        subject: { reference: `Patient/${patient.id}` },
        date: now().toISOString(),
        relatesTo: [{ code: 'replaces', target: { reference: `DocumentReference/${doc.id}` } }],
        content: [{ attachment: { contentType: 'text/plain', data: Buffer.from(issued.value.hc1, 'utf8').toString('base64'), title: issued.value.uvci } }],
        context: { related: [{ reference: `Immunization/${imm.id}`, identifier }] },
      };
      store.put(national, store.newId());
    },
  };
}

/**
 * The day of vaccination as the platform records it: Viet Nam's calendar day of the instant given (a dose at
 * 00:30 in Hà Nội is 17:30 UTC the day before). A bare date is taken as it is.
 */
function vietnamDate(occurrence: string): string {
  const at = new Date(occurrence);
  return /^\d{4}-\d{2}-\d{2}$/.test(occurrence) || Number.isNaN(at.getTime()) ? occurrence.slice(0, 10) : siteDay(at);
}
