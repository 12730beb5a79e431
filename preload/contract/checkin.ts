import { z } from 'zod';
import { queueOps, VisitStep } from './checkin/queue';
import { registrationOps } from './checkin/registration';
import { scanOps } from './checkin/scan';
import { scannerEvents, scannerOps } from './checkin/scanners';

/**
 * Check-in desk: scanning and matching identities, walk-ins, foreigners,
 * people without a card, corrections from the card, USB scanners, and the
 * queue every desk works from.
 */
export * from './checkin/queue';
export * from './checkin/scan';
export * from './checkin/registration';
export * from './checkin/scanners';

export const checkinOps = {
  ...queueOps,
  ...scanOps,
  ...registrationOps,
  ...scannerOps,
};

/** Events this area pushes to desks. */
export const checkinEvents = {
  /** A visit was created or moved to another step; queues refresh. */
  'queue:changed': z.object({ planId: z.string(), visitId: z.string(), step: VisitStep }),
  ...scannerEvents,
};
