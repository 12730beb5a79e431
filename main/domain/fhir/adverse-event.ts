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
}

export function adverseEventIdentifier(siteCode: string, aefiId: string): Identifier {
  return { system: siteRecordSystem(siteCode, 'adverse-event'), value: aefiId };
}

const SYMPTOMS = stationCodeSystem('aefi-symptom');
const CRITERIA = stationCodeSystem('aefi-seriousness-criterion');

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
  ae.extension = extension;
  return ae;
}
