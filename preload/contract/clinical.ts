import { z } from 'zod';
import { doseOps } from './clinical/doses';
import { aefiOps, observationOps } from './clinical/observation';
import { screeningOps } from './clinical/screening';
import { vialOps } from './clinical/vials';

export * from './clinical/screening';
export * from './clinical/vials';
export * from './clinical/doses';
export * from './clinical/observation';

/** Screening, injection (vials, doses), observation and adverse events. */
export const clinicalOps = {
  ...screeningOps,
  ...vialOps,
  ...doseOps,
  ...observationOps,
  ...aefiOps,
};

/** Events this area pushes to desks. */
export const clinicalEvents = {
  /** A vial was opened, drawn from, wasted or discarded: injection desks refresh their stock. */
  'vials:changed': z.object({ planId: z.string() }),
  /** A dose was recorded, voided or superseded: histories showing this citizen refresh. */
  'doses:changed': z.object({
    citizenId: z.string(),
    visitId: z.string().nullable(),
    doseId: z.string(),
    change: z.enum(['recorded', 'voided', 'superseded']),
  }),
  /** Observation ended and the visit is over: the citizen is ready for a certificate. */
  'observation:released': z.object({
    planId: z.string(),
    visitId: z.string(),
    citizenId: z.string(),
    doseId: z.string(),
    early: z.boolean(),
  }),
  /** An adverse event was recorded; `serious` ones need the supervisor's attention. */
  'aefi:recorded': z.object({ aefiId: z.string(), visitId: z.string(), citizenId: z.string(), serious: z.boolean() }),
};
