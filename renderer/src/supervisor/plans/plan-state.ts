import type { PlanState } from '../../../../preload/contract';

export function stateColor(state: PlanState): string {
  return state === 'open' ? 'teal' : state === 'planned' ? 'blue' : 'gray';
}
