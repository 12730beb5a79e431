import type { clinicalOps } from '../../../preload/contract';
import type { Handlers } from '../handler-types';
import type { Services } from '../services';

type ClinicalOps = keyof typeof clinicalOps;

export function clinicalHandlers(_s: Services): Handlers<ClinicalOps> {
  return {};
}
