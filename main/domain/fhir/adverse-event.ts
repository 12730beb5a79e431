import { siteRecordSystem, stationCodeSystem, SYSTEM } from './systems';
import type { Identifier, Resource } from './types';

export interface AefiForFhir {
  id: string;
  symptoms: readonly string[];
  otherSymptoms: string | null;
  onsetAt: string;
  severity: 'mild' | 'moderate' | 'severe';
  serious: boolean;
  seriousness: readonly string[];
  actionTaken: string;
  referredTo: string | null;
  notes: string | null;
  recordedAt: string;
  /** The latest follow-up, once one is recorded: what became of the citizen. */
  followUp?: { outcome: AefiFollowUpOutcome; note: string | null; recordedAt: string } | null;
}

/** The station's follow-up outcomes (the contract's AefiOutcome). */
export type AefiFollowUpOutcome = 'recovering' | 'recovered' | 'recovered_with_sequelae' | 'not_recovered' | 'referred' | 'died' | 'unknown';

/**
 * R4's adverse-event-outcome codes for the station's follow-ups. A referral
 * is still ongoing for the platform; the station's own word travels beside it.
 */
const OUTCOME: Readonly<Record<AefiFollowUpOutcome, { code: string; display: string }>> = {
  recovering: { code: 'recovering', display: 'Recovering' },
  recovered: { code: 'resolved', display: 'Resolved' },
  recovered_with_sequelae: { code: 'resolvedWithSequelae', display: 'Resolved with Sequelae' },
  not_recovered: { code: 'ongoing', display: 'Ongoing' },
  referred: { code: 'ongoing', display: 'Ongoing' },
  died: { code: 'fatal', display: 'Fatal' },
  unknown: { code: 'unknown', display: 'Unknown' },
};

export function adverseEventIdentifier(siteCode: string, aefiId: string): Identifier {
  return { system: siteRecordSystem(siteCode, 'adverse-event'), value: aefiId };
}

const SYMPTOMS = stationCodeSystem('aefi-symptom');
const CRITERIA = stationCodeSystem('aefi-seriousness-criterion');
const FOLLOW_UP = stationCodeSystem('aefi-follow-up-outcome');

/**
 * An adverse event following immunization: the event (the symptoms, one
 * coding each), when it began, how severe, serious or not (with the WHO
 * criteria met), the dose suspected, where and who recorded it. What was done
 * and where the citizen was referred travel as text extensions.
 */
export function toAdverseEvent(
  e: AefiForFhir,
  links: { patient: string; immunization: string; location: string | null; recorder: string | null },
  siteCode: string,
): Resource {
  const text = [...e.symptoms.filter((s) => s !== 'other'), ...(e.otherSymptoms ? [e.otherSymptoms] : [])].join(', ');
  const ae: Resource = {
    resourceType: 'AdverseEvent',
    identifier: adverseEventIdentifier(siteCode, e.id),
    actuality: 'actual',
    category: [{ coding: [{ system: SYSTEM.aeCategory, code: 'medication-mishap', display: 'Medication Mishap' }], text: 'AEFI' }],
    event: { coding: e.symptoms.map((code) => ({ system: SYMPTOMS, code })), text: text || 'AEFI' },
    subject: { reference: links.patient },
    date: e.onsetAt,
    recordedDate: e.recordedAt,
    seriousness: { coding: [{ system: SYSTEM.aeSeriousness, code: e.serious ? 'serious' : 'non-serious', display: e.serious ? 'Serious' : 'Non-serious' }] },
    severity: { coding: [{ system: SYSTEM.aeSeverity, code: e.severity }] },
    suspectEntity: [{ instance: { reference: links.immunization } }],
  };
  if (links.location) ae.location = { reference: links.location };
  if (links.recorder) ae.recorder = { reference: links.recorder };
  const extension = [{ url: `${SYSTEM.stationCodes}/aefi-action-taken`, valueString: e.actionTaken }];
  if (e.referredTo) extension.push({ url: `${SYSTEM.stationCodes}/aefi-referred-to`, valueString: e.referredTo });
  if (e.notes) extension.push({ url: `${SYSTEM.stationCodes}/aefi-notes`, valueString: e.notes });
  for (const c of e.seriousness) extension.push({ url: CRITERIA, valueString: c });
  if (e.followUp) {
    const outcome = OUTCOME[e.followUp.outcome];
    ae.outcome = { coding: [{ system: SYSTEM.aeOutcome, ...outcome }, { system: FOLLOW_UP, code: e.followUp.outcome }] };
    extension.push({ url: `${SYSTEM.stationCodes}/aefi-follow-up-at`, valueString: e.followUp.recordedAt });
    if (e.followUp.note) extension.push({ url: `${SYSTEM.stationCodes}/aefi-follow-up-note`, valueString: e.followUp.note });
  }
  ae.extension = extension;
  return ae;
}
