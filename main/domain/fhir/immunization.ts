import { ANY_COVID19_VACCINE, manufacturerReference, targetDisease, vaccineCode } from './vaccines';
import { FhirMappingError } from './patient';
import { siteRecordSystem, SYSTEM } from './systems';
import type { CodeableConcept, Identifier, Resource } from './types';

/** A dose version as the station recorded it, with what its Immunization names. */
export interface DoseForFhir {
  recordId: string;
  source: 'station' | 'reported_elsewhere' | 'national';
  dcc: { mp: string; ma: string; vp: string; tg: string };
  productName: string | null;
  lotNumber: string | null;
  /** The lot's expiry date (yyyy-MM-dd), when the lot is one of ours. */
  lotExpiryDate: string | null;
  doseNumber: number;
  seriesDoses: number;
  /** Site calendar day. */
  givenOn: string;
  /** The instant, when the station recorded it as given (its own doses). */
  givenAt: string | null;
  recordedAt: string;
  injectionSite: 'left_deltoid' | 'right_deltoid' | 'left_thigh' | 'right_thigh' | null;
  country: string;
  issuer: string | null;
}

/** Who and where: references to entries of the same bundle (full URLs) or logical references. */
export interface ImmunizationLinks {
  patient: string;
  location: string | null;
  performer: string | null;
}

const SITES: Record<NonNullable<DoseForFhir['injectionSite']>, { code: string; display: string }> = {
  left_deltoid: { code: 'LD', display: 'left deltoid' },
  right_deltoid: { code: 'RD', display: 'right deltoid' },
  left_thigh: { code: 'LT', display: 'left thigh' },
  right_thigh: { code: 'RT', display: 'right thigh' },
};

/** The Immunization's identifier: the station's UUIDv7 record id, in the site's namespace. */
export function immunizationIdentifier(siteCode: string, recordId: string): Identifier {
  return { system: siteRecordSystem(siteCode, 'immunization'), value: recordId };
}

/**
 * A dose as an Immunization with the WHO SMART Immunizations / DDCC:VS
 * elements: status, vaccine codes, lot and its expiry, when, where, who gave
 * it, and the protocol applied (disease, dose number, series doses). A dose
 * voided by a supervisor goes as `entered-in-error` with the reason as a note;
 * a dose reported from another issuer's certificate is not from a primary
 * source and says so.
 */
export function toImmunization(
  dose: DoseForFhir,
  links: ImmunizationLinks,
  siteCode: string,
  correction: { status: 'completed' | 'entered-in-error'; note?: string | null } = { status: 'completed' },
): Resource {
  if (!Number.isInteger(dose.doseNumber) || dose.doseNumber < 1) throw new FhirMappingError('dose.doseNumber', String(dose.doseNumber));
  if (!Number.isInteger(dose.seriesDoses) || dose.seriesDoses < 1) throw new FhirMappingError('dose.seriesDoses', String(dose.seriesDoses));
  const ours = dose.source === 'station';
  const imm: Resource = {
    resourceType: 'Immunization',
    identifier: [immunizationIdentifier(siteCode, dose.recordId)],
    status: correction.status,
    vaccineCode: vaccineCode(dose.dcc, dose.productName),
    patient: { reference: links.patient },
    occurrenceDateTime: dose.givenAt ?? dose.givenOn,
    recorded: dose.recordedAt,
    primarySource: ours,
    manufacturer: manufacturerReference(dose.dcc.ma),
  };
  if (!ours) imm.reportOrigin = { coding: [{ system: SYSTEM.immunizationOrigin, code: 'record', display: 'Written Record' }] };
  if (links.location) imm.location = { reference: links.location };
  if (dose.lotNumber) imm.lotNumber = dose.lotNumber;
  if (dose.lotExpiryDate) imm.expirationDate = dose.lotExpiryDate;
  if (dose.injectionSite) {
    const site = SITES[dose.injectionSite];
    imm.site = { coding: [{ system: SYSTEM.v3ActSite, ...site }] };
    imm.route = { coding: [{ system: SYSTEM.v3Route, code: 'IM', display: 'Injection, intramuscular' }] };
  }
  if (links.performer) {
    imm.performer = [{ function: { coding: [{ system: SYSTEM.v2PerformerFunction, code: 'AP', display: 'Administering Provider' }] }, actor: { reference: links.performer } }];
  }
  if (correction.note) imm.note = [{ text: correction.note }];
  imm.protocolApplied = [
    {
      ...(dose.issuer && !ours ? { authority: { display: `${dose.issuer} (${dose.country})` } } : {}),
      targetDisease: [targetDisease(dose.dcc.tg)],
      doseNumberPositiveInt: dose.doseNumber,
      seriesDosesPositiveInt: dose.seriesDoses,
    },
  ];
  return imm;
}

/** Why a vaccination did not happen, from the screening conclusion (HL7 v3 ActReason). */
export type NotGivenReason = 'postpone' | 'contraindicated' | 'refer' | 'refused';

const NOT_GIVEN: Record<NotGivenReason, CodeableConcept> = {
  postpone: { coding: [{ system: SYSTEM.v3ActReason, code: 'MEDPREC', display: 'medical precaution' }], text: 'Hoãn tiêm / Postponed' },
  contraindicated: { coding: [{ system: SYSTEM.v3ActReason, code: 'MEDPREC', display: 'medical precaution' }], text: 'Chống chỉ định / Contraindicated' },
  refer: { coding: [{ system: SYSTEM.v3ActReason, code: 'MEDPREC', display: 'medical precaution' }], text: 'Chuyển viện / Referred to hospital' },
  refused: { coding: [{ system: SYSTEM.v3ActReason, code: 'PATOBJ', display: 'patient objection' }], text: 'Từ chối / Refused' },
};

/** A deferral or refusal: Immunization.status = not-done with its reason, identified by the screening record. */
export function toNotGiven(
  screening: { id: string; at: string; reason: NotGivenReason; returnDate: string | null },
  links: ImmunizationLinks,
  siteCode: string,
): Resource {
  const imm: Resource = {
    resourceType: 'Immunization',
    identifier: [{ system: siteRecordSystem(siteCode, 'screening'), value: screening.id }],
    status: 'not-done',
    statusReason: NOT_GIVEN[screening.reason],
    vaccineCode: ANY_COVID19_VACCINE,
    patient: { reference: links.patient },
    occurrenceDateTime: screening.at,
    recorded: screening.at,
    primarySource: true,
  };
  if (links.location) imm.location = { reference: links.location };
  if (links.performer) imm.performer = [{ actor: { reference: links.performer } }];
  if (screening.returnDate) imm.note = [{ text: `Hẹn tiêm lại / Return on ${screening.returnDate}` }];
  return imm;
}
