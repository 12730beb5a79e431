import { splitVietnameseFullName } from '../dcc/vaccination-payload';
import { alpha3Of } from './countries';
import { EXTENSION, passportSystem, siteRecordSystem, SYSTEM } from './systems';
import type { Identifier, Resource } from './types';

/** A citizen as the station knows them: what a Patient is made from. */
export interface CitizenForFhir {
  id: string;
  idNumber: string | null;
  oldIdNumber: string | null;
  passportNumber: string | null;
  /** ISO 3166 alpha-2. */
  nationality: string | null;
  fullName: string;
  /** yyyy-MM-dd, or yyyy-MM / yyyy when the card gives no more. */
  dateOfBirth: string;
  sex: 'male' | 'female' | null;
  address: string | null;
  phone: string | null;
  verification: 'card' | 'site_verified' | 'imported' | 'unverified';
}

const identifierType = (code: 'NI' | 'PPN' | 'RI' | 'NNVNM', display: string) => ({
  coding: [{ system: SYSTEM.v2IdentifierType, code, display }],
});

/** A FHIR date with the precision the card gave: year, year-month or full date. */
const FHIR_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

/**
 * The identifiers of a citizen, strongest first: the CCCD number, a passport
 * (by its issuing country), the old CMND number, and always the site's own
 * citizen id, so a person registered without any document is still one
 * Patient on every upload.
 */
export function citizenIdentifiers(c: CitizenForFhir, siteCode: string): Identifier[] {
  const ids: Identifier[] = [];
  if (c.idNumber) ids.push({ use: 'official', type: identifierType('NI', 'National unique individual identifier'), system: SYSTEM.cccd, value: c.idNumber });
  if (c.passportNumber && c.nationality) {
    const alpha3 = alpha3Of(c.nationality);
    if (alpha3) ids.push({ use: 'official', type: identifierType('PPN', 'Passport number'), system: passportSystem(alpha3), value: c.passportNumber });
  }
  if (c.oldIdNumber) ids.push({ use: 'old', type: identifierType('NNVNM', 'National Person Identifier (Viet Nam)'), system: SYSTEM.cmnd, value: c.oldIdNumber });
  ids.push({ use: 'secondary', type: identifierType('RI', 'Resource identifier'), system: siteRecordSystem(siteCode, 'citizen'), value: c.id });
  return ids;
}

/** The identifier a conditional create matches on: the first of citizenIdentifiers. */
export function patientMatchIdentifier(c: CitizenForFhir, siteCode: string): Identifier {
  return citizenIdentifiers(c, siteCode)[0]!;
}

/**
 * The Patient: identifiers, the name as written on the card (family name
 * first in Vietnamese: "Nguyễn Văn An" is family Nguyễn, given Văn An), the
 * date of birth with its precision, gender, address, phone and nationality.
 */
export function toPatient(c: CitizenForFhir, siteCode: string): Resource {
  if (!FHIR_DATE.test(c.dateOfBirth)) throw new FhirMappingError('citizen.dateOfBirth', `not a FHIR date: ${c.dateOfBirth}`);
  const { familyName, givenName } = splitVietnameseFullName(c.fullName);
  if (!familyName) throw new FhirMappingError('citizen.fullName', 'the name is empty');
  const patient: Resource = {
    resourceType: 'Patient',
    identifier: citizenIdentifiers(c, siteCode),
    name: [{ use: 'official', text: c.fullName.trim(), family: familyName, ...(givenName ? { given: givenName.split(' ') } : {}) }],
    gender: c.sex ?? 'unknown',
    birthDate: c.dateOfBirth,
  };
  if (c.phone) patient.telecom = [{ system: 'phone', value: c.phone, use: 'mobile' }];
  if (c.address) patient.address = [{ use: 'home', text: c.address }];
  const extension = [{ url: EXTENSION.identityVerification, valueCode: c.verification }] as Resource['extension'] & object[];
  if (c.nationality) {
    extension.push({ url: EXTENSION.nationality, extension: [{ url: 'code', valueCodeableConcept: { coding: [{ system: SYSTEM.iso3166, code: c.nationality }] } }] });
  }
  patient.extension = extension;
  return patient;
}

/** A record that cannot be expressed in FHIR as it stands (it is held back with this reason, never sent half-made). */
export class FhirMappingError extends Error {
  constructor(
    readonly field: string,
    detail: string,
  ) {
    super(`${field}: ${detail}`);
    this.name = 'FhirMappingError';
  }
}
