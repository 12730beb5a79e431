import { z } from 'zod';
import { Sex, op } from '../common';

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

export const queueOps = {
  'queue:list': op({
    summary: "Today's visits, in queue order, optionally only those at some steps",
    request: z.object({ steps: z.array(VisitStep).optional() }),
    response: z.array(QueueEntry),
  }),
  'queue:get': op({ summary: 'One visit of today', request: z.object({ visitId: z.string() }), response: QueueEntry }),
  'queue:markLeft': op({
    summary: 'A citizen waiting for screening or injection went home: the visit ends as left, with a reason',
    request: z.object({ visitId: z.string(), reason: z.string().max(1000) }),
    response: QueueEntry,
  }),
};
