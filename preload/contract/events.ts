import { z } from 'zod';
import { PlanState } from './plan';

/** Events the core pushes to every connected desk. Validated on both sides like operations. */
export const events = {
  /** A plan, its lots or its target list changed; desks showing it refresh. */
  'plan:changed': z.object({ planId: z.string(), state: PlanState }),
  /** This desk's sign-in state changed (idle lock, sign-out elsewhere). */
  'auth:changed': z.object({ reason: z.enum(['login', 'logout', 'locked', 'unlocked', 'expired']) }),
};
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.infer<(typeof events)[E]>;
