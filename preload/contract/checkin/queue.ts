import { z } from 'zod';
import { Empty, Instant, Sex, op } from '../common';

/** Where a visit stands in the Ministry of Health's four steps, or how it ended. */
export const VisitStep = z.enum(['screening', 'injection', 'observation', 'released', 'postponed', 'referred', 'contraindicated', 'left']);
export type VisitStep = z.infer<typeof VisitStep>;

/** How a citizen's identity was established: read from the card, checked by a person, imported, or typed unverified. */
export const Verification = z.enum(['card', 'site_verified', 'imported', 'unverified']);
export type Verification = z.infer<typeof Verification>;

export const CitizenSummary = z.object({
  id: z.string(),
  idNumber: z.string().nullable(),
  passportNumber: z.string().nullable(),
  nationality: z.string().nullable(),
  fullName: z.string(),
  /** yyyy-MM-dd; yyyy-MM or yyyy when the person's card or papers state only that (read the precision from the length). */
  dateOfBirth: z.string(),
  sex: Sex.nullable(),
  verification: Verification,
});
export type CitizenSummary = z.infer<typeof CitizenSummary>;

export const QueueEntry = z.object({
  visitId: z.string(),
  planId: z.string(),
  queueNumber: z.number().int(),
  step: VisitStep,
  stepAt: z.string(),
  checkedInAt: z.string(),
  citizen: CitizenSummary,
});
export type QueueEntry = z.infer<typeof QueueEntry>;

/**
 * How a visit ended when it was not released: referred to a hospital (with
 * where), left before the dose or before release, not there when called, or
 * still waiting when the queue was cleared at the end of the day.
 */
export const VisitOutcomeKind = z.enum(['referred', 'left', 'no_show', 'queue_cleared']);
export type VisitOutcomeKind = z.infer<typeof VisitOutcomeKind>;

export const VisitOutcome = z.object({
  visitId: z.string(),
  queueNumber: z.number().int(),
  citizen: CitizenSummary,
  outcome: VisitOutcomeKind,
  /** The step the visit was at when it ended. */
  fromStep: z.enum(['screening', 'injection', 'observation']),
  referredTo: z.string().nullable(),
  aefiId: z.string().nullable(),
  note: z.string().nullable(),
  recordedAt: Instant,
  recordedBy: z.string(),
  /** A dose was given: the citizen's certificate waits for the supervisor (no automatic print). */
  doseGiven: z.boolean(),
});
export type VisitOutcome = z.infer<typeof VisitOutcome>;

export const queueOps = {
  'queue:list': op({
    summary: "Today's visits, in queue order, optionally only those at some steps",
    request: z.object({ steps: z.array(VisitStep).optional() }),
    response: z.array(QueueEntry),
  }),
  'queue:get': op({ summary: 'One visit of today', request: z.object({ visitId: z.string() }), response: QueueEntry }),
  'queue:leave': op({
    summary: 'End a visit that will not get (or finish) its dose: the person left, or was not there when called',
    request: z.object({ visitId: z.string(), outcome: z.enum(['left', 'no_show']), note: z.string().trim().max(500).optional() }),
    response: VisitOutcome,
  }),
  'queue:clear': op({
    summary: 'Supervisor, end of the day: everyone still waiting for screening or injection is recorded as not served',
    request: Empty,
    response: z.object({ cleared: z.number().int(), stillInObservation: z.number().int() }),
  }),
  'queue:outcomes': op({ summary: "Today's visits that ended without a release (referrals, left, no-show, cleared)", request: Empty, response: z.array(VisitOutcome) }),
};
