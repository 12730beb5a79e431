/**
 * The URIs the station's FHIR resources use, in one place (docs/SYNC.md lists
 * them for the platform's side). Identifier systems under fhir.moh.gov.vn are
 * the Ministry's namespaces; a vaccination site's own record ids live in a
 * namespace of that site, so "everything this site uploaded" is one token
 * search (`identifier=<site system>|`).
 */
export const MOH = 'https://fhir.moh.gov.vn';

export const SYSTEM = {
  /** Số định danh cá nhân: the 12-digit personal identification number on the chip ID card (CCCD). */
  cccd: `${MOH}/sid/cccd`,
  /** The old 9-digit identity card number (CMND), kept as a secondary identifier. */
  cmnd: `${MOH}/sid/cmnd`,
  /** Vaccination sites (Location.identifier): the site code the Ministry assigned. */
  site: `${MOH}/sid/vaccination-site`,
  /** EU DCC unique vaccination certificate identifiers (URN:UVCI:01:VN:…). */
  uvci: `${MOH}/sid/uvci`,
  snomed: 'http://snomed.info/sct',
  icd11: 'http://id.who.int/icd/release/11/mms',
  euProduct: 'https://ec.europa.eu/health/documents/community-register/html/',
  euProductOther: 'http://ec.europa.eu/temp/vaccineproductname',
  euManufacturer: 'https://spor.ema.europa.eu/v1/organisations',
  euManufacturerOther: 'http://ec.europa.eu/temp/vaccinemanufacturer',
  iso3166: 'urn:iso:std:iso:3166',
  v2IdentifierType: 'http://terminology.hl7.org/CodeSystem/v2-0203',
  v2PerformerFunction: 'http://terminology.hl7.org/CodeSystem/v2-0443',
  v3ActReason: 'http://terminology.hl7.org/CodeSystem/v3-ActReason',
  v3ActSite: 'http://terminology.hl7.org/CodeSystem/v3-ActSite',
  v3Route: 'http://terminology.hl7.org/CodeSystem/v3-RouteOfAdministration',
  immunizationOrigin: 'http://terminology.hl7.org/CodeSystem/immunization-origin',
  aeSeriousness: 'http://terminology.hl7.org/CodeSystem/adverse-event-seriousness',
  aeSeverity: 'http://terminology.hl7.org/CodeSystem/adverse-event-severity',
  aeCategory: 'http://terminology.hl7.org/CodeSystem/adverse-event-category',
  aeOutcome: 'http://terminology.hl7.org/CodeSystem/adverse-event-outcome',
  observationCategory: 'http://terminology.hl7.org/CodeSystem/observation-category',
  ucum: 'http://unitsofmeasure.org',
  /** The station's own codes where no international one fits (AEFI symptoms, vial discard reasons, certificate kinds). */
  stationCodes: `${MOH}/CodeSystem`,
} as const;

/** Kinds of records a site numbers itself. */
export type SiteRecordKind = 'citizen' | 'immunization' | 'adverse-event' | 'vial' | 'staff' | 'screening' | 'certificate' | 'day-manifest';

/** The namespace of a site's own record ids of one kind, e.g. …/vaccination-site/79-26734/immunization. */
export function siteRecordSystem(siteCode: string, kind: SiteRecordKind): string {
  return `${SYSTEM.site}/${encodeURIComponent(siteCode)}/${kind}`;
}

/** FHIR's passport number systems are per issuing country, by ISO 3166 alpha-3. */
export function passportSystem(alpha3: string): string {
  return `http://hl7.org/fhir/sid/passport-${alpha3}`;
}

/** A station code system (AEFI symptoms, discard reasons…). */
export function stationCodeSystem(name: string): string {
  return `${SYSTEM.stationCodes}/${name}`;
}

/** Extensions the station writes. */
export const EXTENSION = {
  /** HL7's core extension for a patient's nationality (code = ISO 3166). */
  nationality: 'http://hl7.org/fhir/StructureDefinition/patient-nationality',
  /** How the citizen's identity was established at the site: card, site_verified, imported, unverified. */
  identityVerification: `${MOH}/StructureDefinition/identity-verification`,
  /** A target-list member's target group, planned product and dose number. */
  targetGroup: `${MOH}/StructureDefinition/target-group`,
  plannedProduct: `${MOH}/StructureDefinition/planned-product`,
  plannedDoseNumber: `${MOH}/StructureDefinition/planned-dose-number`,
  /** A session's period of the day (morning, afternoon, all_day) on a target list. */
  sessionPeriod: `${MOH}/StructureDefinition/session-period`,
} as const;

/** The tag the platform puts on a resource it corrected (pulled back as a correction). */
export const CORRECTED_TAG = { system: `${MOH}/CodeSystem/sync`, code: 'corrected-by-platform' } as const;

/** Certificate kinds on DocumentReference.type. */
export const CERTIFICATE_TYPE = {
  system: `${MOH}/CodeSystem/certificate-kind`,
  provisional: 'eu-dcc-provisional',
  national: 'eu-dcc-national',
} as const;
