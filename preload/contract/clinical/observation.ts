import { z } from 'zod';
import { Empty, Instant, op } from '../common';
import { CitizenSummary, VisitOutcome } from '../checkin';
import { NextDoseView } from './doses';

/**
 * Observation after the dose, and adverse events following immunization
 * (AEFI). The board sends instants from the core's clock; desks count down
 * from them, so every screen agrees on who is due.
 */

/** `referred` and `left` end a visit in the observation area without a release. */
export const ObservationState = z.enum(['waiting', 'due', 'overdue', 'released', 'referred', 'left']);
export type ObservationState = z.infer<typeof ObservationState>;

export const BoardEntry = z.object({
  visitId: z.string(),
  queueNumber: z.number().int(),
  citizen: CitizenSummary,
  doseId: z.string(),
  productName: z.string(),
  lotNumber: z.string().nullable(),
  doseNumber: z.number().int(),
  observationMinutes: z.number().int(),
  startedAt: Instant,
  dueAt: Instant,
  /** From this instant a citizen still not released is overdue (someone should go and look). */
  overdueAt: Instant,
  state: ObservationState,
  releasedAt: z.string().nullable(),
  releasedBy: z.string().nullable(),
  earlyReleaseReason: z.string().nullable(),
  aefiCount: z.number().int(),
  seriousAefi: z.boolean(),
  /** Referred to a hospital from observation: where to. */
  referredTo: z.string().nullable(),
  /** Left before release (no release, no automatic certificate). */
  left: z.boolean(),
  /** The appointment for the next primary dose, for the slip handed over at release. */
  nextDose: NextDoseView.nullable(),
});
export type BoardEntry = z.infer<typeof BoardEntry>;

/** What the citizen had, in the words of the Ministry's AEFI form (codes; the desk translates). */
export const AefiSymptom = z.enum([
  'injection_site_pain',
  'injection_site_swelling',
  'fever',
  'headache',
  'fatigue',
  'myalgia',
  'nausea_vomiting',
  'dizziness',
  'rash_urticaria',
  'angioedema',
  'dyspnoea_wheeze',
  'hypotension',
  'tachycardia',
  'chest_pain',
  'syncope',
  'seizure',
  'anaphylaxis',
  'other',
]);
export type AefiSymptom = z.infer<typeof AefiSymptom>;

export const AefiSeverity = z.enum(['mild', 'moderate', 'severe']);
export type AefiSeverity = z.infer<typeof AefiSeverity>;

/** WHO seriousness criteria: any one makes the event serious, whatever its severity. */
export const SeriousnessCriterion = z.enum(['death', 'life_threatening', 'hospitalisation', 'disability', 'congenital_anomaly', 'other_medically_important']);
export type SeriousnessCriterion = z.infer<typeof SeriousnessCriterion>;

/** What became of an adverse event after it was recorded (WHO AEFI outcome values). */
export const AefiOutcome = z.enum(['recovering', 'recovered', 'recovered_with_sequelae', 'not_recovered', 'referred', 'died', 'unknown']);
export type AefiOutcome = z.infer<typeof AefiOutcome>;

export const AefiFollowUp = z.object({
  id: z.string(),
  outcome: AefiOutcome,
  note: z.string().nullable(),
  recordedAt: Instant,
  recordedBy: z.string(),
});
export type AefiFollowUp = z.infer<typeof AefiFollowUp>;

export const Aefi = z.object({
  id: z.string(),
  visitId: z.string(),
  queueNumber: z.number().int(),
  citizen: CitizenSummary,
  doseId: z.string().nullable(),
  symptoms: z.array(AefiSymptom),
  otherSymptoms: z.string().nullable(),
  onsetAt: Instant,
  severity: AefiSeverity,
  serious: z.boolean(),
  seriousness: z.array(SeriousnessCriterion),
  actionTaken: z.string(),
  referredTo: z.string().nullable(),
  notes: z.string().nullable(),
  recordedAt: Instant,
  recordedBy: z.string(),
  /** The latest follow-up, or null while nobody has followed the event up. */
  followUp: AefiFollowUp.nullable(),
});
export type Aefi = z.infer<typeof Aefi>;

const Text = (max: number) => z.string().trim().max(max);

export const observationOps = {
  'observation:board': op({
    summary: "Today's observation board: waiting, due, overdue and released, with the core's clock",
    request: Empty,
    response: z.object({ now: Instant, entries: z.array(BoardEntry) }),
  }),
  'observation:release': op({
    summary: 'End the visit once the observation time is over; the citizen can have a certificate',
    request: z.object({ visitId: z.string() }),
    response: BoardEntry,
  }),
  'observation:releaseEarly': op({
    summary: 'Supervisor: release before the observation time is over (or after a serious adverse event), with a reason',
    request: z.object({ visitId: z.string(), reason: Text(1000) }),
    response: BoardEntry,
  }),
  'observation:refer': op({
    summary: 'Refer a citizen under observation to a hospital: the visit ends as referred and the automatic certificate print is held',
    request: z.object({ visitId: z.string(), referredTo: Text(200), note: Text(1000).optional() }),
    response: VisitOutcome,
  }),
};

export const aefiOps = {
  'aefi:record': op({
    summary: 'Record an adverse event after a dose; serious ones alert the supervisor and are queued for upload',
    request: z.object({
      visitId: z.string(),
      symptoms: z.array(AefiSymptom).min(1).max(AefiSymptom.options.length),
      otherSymptoms: Text(500).optional(),
      onsetAt: Instant,
      severity: AefiSeverity,
      seriousness: z.array(SeriousnessCriterion).max(SeriousnessCriterion.options.length).default([]),
      actionTaken: Text(1000),
      referredTo: Text(200).optional(),
      notes: Text(2000).optional(),
    }),
    response: Aefi,
  }),
  'aefi:list': op({
    summary: "Today's adverse events, optionally only serious ones or one visit's",
    request: z.object({ seriousOnly: z.boolean().optional(), visitId: z.string().optional() }),
    response: z.array(Aefi),
  }),
  'aefi:followUp': op({
    summary: "Record what became of an adverse event; on a closed day only a supervisor may, as an amendment",
    request: z.object({ aefiId: z.string(), outcome: AefiOutcome, note: Text(2000).optional(), reason: Text(1000).optional() }),
    response: Aefi,
  }),
};
