import { createContext, useContext, type ReactNode } from 'react';
import type { PlanDetail } from '../../../preload/contract';
import { useCoreQuery } from '../components/use-core-query';
import { station } from '../station';

interface CurrentPlanValue {
  current: PlanDetail | null;
  loaded: boolean;
  reload(): void;
}

const CurrentPlanContext = createContext<CurrentPlanValue>({ current: null, loaded: false, reload: () => {} });

/**
 * Today's open session, kept fresh by the core's events: a plan change, and
 * every vial opened or dose recorded (the doses on hand count down).
 */
export function CurrentPlanProvider({ children }: { children: ReactNode }) {
  const query = useCoreQuery(() => station.plan.current({}), [], ['plan:changed', 'vials:changed', 'doses:changed']);
  return <CurrentPlanContext.Provider value={{ current: query.data, loaded: query.loaded, reload: query.reload }}>{children}</CurrentPlanContext.Provider>;
}

export function useCurrentPlan(): CurrentPlanValue {
  return useContext(CurrentPlanContext);
}
