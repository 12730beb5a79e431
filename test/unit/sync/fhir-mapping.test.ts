import { describe, expect, it } from 'vitest';
import {
  conditionalCreate,
  immunizationIdentifier,
  passportSystem,
  patientMatchIdentifier,
  reasonFrom,
  siteRecordSystem,
  SYSTEM,
  toAdverseEvent,
  toCertificateDocument,
  toImmunization,
  toLocation,
  toNotGiven,
  toPatient,
  toPractitioner,
  toVialDiscard,
  toDayManifest,
  dayManifestIdentifier,
  type CitizenForFhir,
  type DoseForFhir,
} from '../../../main/domain/fhir';
import { validateR4 } from '../../support/fhir-server/validator';

/**
 * The pure mapping from station records to FHIR R4, each resource checked
 * against the R4 structure definitions (Medplum's validator), with the
 * references a server would hold after rewriting urn:uuid full URLs.
 */
const SITE = 'TYT-79-26734';
const AN: CitizenForFhir = {
  id: '01951234-5678-7abc-8def-0123456789ab',
  idNumber: '001094123456',
  oldIdNumber: '012345678',
  passportNumber: null,
  nationality: null,
  fullName: 'Nguyễn Văn An',
  dateOfBirth: '1994-03-15',
  sex: 'male',
  address: 'Số 1 Phố Huế, Hàng Bài, Hoàn Kiếm, Hà Nội',
  phone: '0912345678',
  verification: 'card',
};
const DOSE: DoseForFhir = {
  recordId: '01951234-0000-7000-8000-000000000001',
  source: 'station',
  dcc: { mp: 'EU/1/20/1528', ma: 'ORG-100030215', vp: '1119349007', tg: '840539006' },
  productName: 'Comirnaty',
  lotNumber: 'FK5127',
  lotExpiryDate: '2026-06-30',
  doseNumber: 2,
  seriesDoses: 2,
  givenOn: '2026-03-10',
  givenAt: '2026-03-10T02:31:00.000Z',
  recordedAt: '2026-03-10T02:31:00.000Z',
  injectionSite: 'left_deltoid',
  country: 'VN',
  issuer: null,
};
const LINKS = { patient: 'Patient/p1', location: 'Location/l1', performer: 'Practitioner/n1' };

const valid = (r: unknown) => expect(validateR4(r)).toEqual([]);

describe('citizens as Patients', () => {
  it('carries the CCCD, the old CMND, the site id, the name family-first, the birth date and gender; valid R4', () => {
    const p = toPatient(AN, SITE);
    valid(p);
    expect(p.identifier).toEqual([
      expect.objectContaining({ system: SYSTEM.cccd, value: '001094123456', use: 'official' }),
      expect.objectContaining({ system: SYSTEM.cmnd, value: '012345678', use: 'old' }),
      expect.objectContaining({ system: siteRecordSystem(SITE, 'citizen'), value: AN.id }),
    ]);
    expect(p.name).toEqual([{ use: 'official', text: 'Nguyễn Văn An', family: 'Nguyễn', given: ['Văn', 'An'] }]);
    expect(p).toMatchObject({ birthDate: '1994-03-15', gender: 'male' });
    expect(patientMatchIdentifier(AN, SITE).system).toBe(SYSTEM.cccd);
  });

  it('keeps a date of birth known only to the year or month as such', () => {
    valid(toPatient({ ...AN, dateOfBirth: '1955' }, SITE));
    expect(toPatient({ ...AN, dateOfBirth: '1955-07' }, SITE).birthDate).toBe('1955-07');
  });

  it('identifies a foreigner by passport (ISO alpha-3 system) and nationality; matches on the passport', () => {
    const foreigner = { ...AN, idNumber: null, oldIdNumber: null, passportNumber: 'C01234567', nationality: 'DE', fullName: 'Mustermann Erika', sex: 'female' as const, verification: 'site_verified' as const };
    const p = toPatient(foreigner, SITE);
    valid(p);
    expect(patientMatchIdentifier(foreigner, SITE)).toMatchObject({ system: passportSystem('DEU'), value: 'C01234567' });
    expect(JSON.stringify(p.extension)).toContain('"code":"DE"');
  });

  it('identifies someone without any document by the site citizen id', () => {
    const nobody = { ...AN, idNumber: null, oldIdNumber: null, verification: 'unverified' as const, sex: null };
    const p = toPatient(nobody, SITE);
    valid(p);
    expect(p.gender).toBe('unknown');
    expect(patientMatchIdentifier(nobody, SITE)).toMatchObject({ system: siteRecordSystem(SITE, 'citizen'), value: AN.id });
  });

  it('refuses to make a Patient from an impossible date rather than send it', () => {
    expect(() => toPatient({ ...AN, dateOfBirth: '15/03/1994' }, SITE)).toThrow(/dateOfBirth/);
  });
});

describe('doses as Immunizations', () => {
  it('has the DDCC:VS elements: status, SNOMED + ICD-11 + EU product codes, lot and expiry, when, where, who, protocol; valid R4', () => {
    const imm = toImmunization(DOSE, LINKS, SITE);
    valid(imm);
    expect(imm).toMatchObject({
      status: 'completed',
      identifier: [immunizationIdentifier(SITE, DOSE.recordId)],
      lotNumber: 'FK5127',
      expirationDate: '2026-06-30',
      occurrenceDateTime: '2026-03-10T02:31:00.000Z',
      primarySource: true,
      location: { reference: 'Location/l1' },
      protocolApplied: [{ doseNumberPositiveInt: 2, seriesDosesPositiveInt: 2 }],
    });
    const codes = (imm.vaccineCode as { coding: { system: string; code: string }[] }).coding.map((c) => `${c.system}|${c.code}`);
    expect(codes).toEqual([`${SYSTEM.snomed}|1119349007`, `${SYSTEM.icd11}|XM0GQ8`, `${SYSTEM.euProduct}|EU/1/20/1528`]);
    expect(JSON.stringify(imm.protocolApplied)).toContain('840539006');
  });

  it('says entered-in-error with the reason for a voided dose, and not-from-a-primary-source for one reported elsewhere', () => {
    const voided = toImmunization(DOSE, LINKS, SITE, { status: 'entered-in-error', note: 'Voided: wrong person' });
    valid(voided);
    expect(voided.status).toBe('entered-in-error');
    const reported = toImmunization({ ...DOSE, source: 'reported_elsewhere', givenAt: null, lotNumber: null, lotExpiryDate: null, injectionSite: null, country: 'DE', issuer: 'Robert Koch-Institut' }, { patient: 'Patient/p1', location: null, performer: null }, SITE);
    valid(reported);
    expect(reported).toMatchObject({ primarySource: false, occurrenceDateTime: '2026-03-10' });
  });

  it('a deferral is Immunization.status not-done with its reason', () => {
    const imm = toNotGiven({ id: '01951234-0000-7000-8000-0000000000aa', at: '2026-03-10T02:00:00.000Z', reason: 'postpone', returnDate: '2026-03-17' }, LINKS, SITE);
    valid(imm);
    expect(imm).toMatchObject({ status: 'not-done', statusReason: { coding: [{ code: 'MEDPREC' }] } });
  });
});

describe('the other records', () => {
  it('an adverse event, a vial discard, the site, a nurse and a certificate are valid R4', () => {
    valid(
      toAdverseEvent(
        { id: 'a1', symptoms: ['fever', 'anaphylaxis'], otherSymptoms: null, onsetAt: '2026-03-10T02:45:00.000Z', severity: 'severe', serious: true, seriousness: ['life_threatening'], actionTaken: 'Adrenaline IM', referredTo: 'Bệnh viện Chợ Rẫy', notes: null, recordedAt: '2026-03-10T02:50:00.000Z' },
        { patient: 'Patient/p1', immunization: 'Immunization/i1', location: 'Location/l1', recorder: 'Practitioner/n1' },
        SITE,
      ),
    );
    valid(
      toVialDiscard(
        { vialId: 'v1', productCode: 'comirnaty', productName: 'Comirnaty', dccProduct: 'EU/1/20/1528', lotNumber: 'FK5127', dosesTotal: 6, dosesDrawn: 4, dosesWasted: 2, openedAt: '2026-03-10T01:00:00.000Z', closedAt: '2026-03-10T07:00:00.000Z', reason: 'in_use_time_over', note: null },
        { location: 'Location/l1', performer: 'Practitioner/n1' },
        SITE,
      ),
    );
    valid(toLocation({ id: 's', code: SITE, name: 'Trạm Y tế Phường Bến Nghé', province: 'Hồ Chí Minh', district: 'Quận 1', commune: 'Phường Bến Nghé' }));
    valid(toPractitioner({ id: 'n1', fullName: 'Lê Văn Y Tá' }, SITE));
    valid(
      toCertificateDocument(
        { uvci: 'URN:UVCI:01:VN:0N4Q#K', hc1: 'HC1:6BF...', provisional: true, issuedAt: '2026-03-10T03:00:00.000Z', expiresAt: '2027-03-10T03:00:00.000Z', status: 'active' },
        { patient: 'Patient/p1', immunization: 'Immunization/i1' },
        (t) => Buffer.from(t).toString('base64'),
      ),
    );
  });

  it("an adverse event's follow-up carries R4's outcome code beside the station's own word; valid R4", () => {
    const ae = toAdverseEvent(
      { id: 'a1', symptoms: ['anaphylaxis'], otherSymptoms: null, onsetAt: '2026-03-10T02:45:00.000Z', severity: 'severe', serious: true, seriousness: ['hospitalization'], actionTaken: 'Adrenaline IM', referredTo: 'Bệnh viện Chợ Rẫy', notes: null, recordedAt: '2026-03-10T02:50:00.000Z', followUp: { outcome: 'recovered', note: 'Xuất viện ngày 12/03', recordedAt: '2026-03-12T03:00:00.000Z' } },
      { patient: 'Patient/p1', immunization: 'Immunization/i1', location: 'Location/l1', recorder: 'Practitioner/n1' },
      SITE,
    );
    valid(ae);
    expect((ae.outcome as { coding: { system: string; code: string }[] }).coding).toEqual([
      { system: SYSTEM.aeOutcome, code: 'resolved', display: 'Resolved' },
      { system: `${SYSTEM.stationCodes}/aefi-follow-up-outcome`, code: 'recovered' },
    ]);
  });

  it("a closed day's signed manifest is a DocumentReference holding the JWS and the doses it covers; a later revision replaces the one before; valid R4", () => {
    const jws = 'eyJhbGciOiJFUzI1NiJ9.eyJmb3JtYXQiOiJ4In0.c2ln';
    const doc = toDayManifest(
      { planId: 'p1', sessionDate: '2026-03-10', revision: 2, reason: 'amendment', jws, statementSha256: 'ab'.repeat(32), recordsSha256: 'cd'.repeat(32), doseIds: ['d1', 'd2'], signedAt: '2026-03-10T10:00:00.000Z' },
      { location: 'Location/l1', previous: dayManifestIdentifier(SITE, 'p1', 1) },
      (t) => Buffer.from(t).toString('base64'),
      SITE,
    );
    valid(doc);
    const content = doc.content as { attachment: { contentType: string; data: string } }[];
    expect(Buffer.from(content[0]!.attachment.data, 'base64').toString()).toBe(jws);
    expect(JSON.parse(Buffer.from(content[1]!.attachment.data, 'base64').toString())).toEqual({ planId: 'p1', revision: 2, doseIds: ['d1', 'd2'] });
    expect(doc.identifier).toContainEqual({ system: siteRecordSystem(SITE, 'day-manifest'), value: 'p1/2' });
    expect(doc.relatesTo).toEqual([{ code: 'replaces', target: { identifier: { system: siteRecordSystem(SITE, 'day-manifest'), value: 'p1/1' } } }]);
  });

  it('every create is conditional on the identifier, with a urn:uuid full URL', () => {
    const e = conditionalCreate(toPatient(AN, SITE), patientMatchIdentifier(AN, SITE), AN.id);
    expect(e.fullUrl).toBe(`urn:uuid:${AN.id}`);
    expect(e.request).toEqual({ method: 'POST', url: 'Patient', ifNoneExist: `identifier=${encodeURIComponent(SYSTEM.cccd)}|001094123456` });
  });
});

describe("reading the platform's OperationOutcome", () => {
  it('keeps the codes and the words, without control characters, and copes with nonsense', () => {
    expect(
      reasonFrom(422, {
        resourceType: 'OperationOutcome',
        issue: [{ severity: 'error', code: 'business-rule', details: { coding: [{ system: 'x', code: 'UNKNOWN_LOT' }], text: 'Lot\u0007 BAD is unknown' }, expression: ['Immunization.lotNumber'] }],
      }),
    ).toEqual({ status: 422, issueCode: 'business-rule', detailCode: 'UNKNOWN_LOT', detailSystem: 'x', text: 'Lot  BAD is unknown', expression: 'Immunization.lotNumber' });
    expect(reasonFrom(400, '<html>')).toMatchObject({ status: 400, issueCode: null, text: null });
    expect(reasonFrom(400, { resourceType: 'OperationOutcome', issue: 'x' })).toMatchObject({ issueCode: null });
  });
});
