import { z } from 'zod';
import { PlanState, targetEvents } from './plan';
import { checkinEvents } from './checkin';
import { clinicalEvents } from './clinical';
import { certificatesEvents } from './certificates';
import { stationEvents } from './station';
import { closeOfDayEvents } from './close-of-day';
import { syncEvents } from './sync';
import { hubEvents } from './hub';

/** Events the core pushes to every connected desk. Validated on both sides like operations. */
export const events = {
  /** A plan, its lots or its target list changed; desks showing it refresh. */
  'plan:changed': z.object({ planId: z.string(), state: PlanState }),
  ...checkinEvents,
  ...clinicalEvents,
  ...certificatesEvents,
  ...stationEvents,
  ...targetEvents,
  ...closeOfDayEvents,
  ...syncEvents,
  ...hubEvents,
};
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.infer<(typeof events)[E]>;
