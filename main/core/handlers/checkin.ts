import type { checkinOps } from '../../../preload/contract';
import type { Handlers } from '../handler-types';
import type { Services } from '../services';

type CheckInOps = keyof typeof checkinOps;

export function checkinHandlers(s: Services): Handlers<CheckInOps> {
  return {
    'queue:list': { access: 'signed-in', run: (req) => s.visits.list(req.steps) },
    'queue:get': { access: 'signed-in', run: (req) => s.visits.get(req.visitId) },
  };
}
