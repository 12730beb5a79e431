import type { checkinOps } from '../../../preload/contract';
import type { Handlers } from '../handler-types';
import type { Services } from '../services';

type CheckInOps = keyof typeof checkinOps;

export function checkinHandlers(_s: Services): Handlers<CheckInOps> {
  return {};
}
