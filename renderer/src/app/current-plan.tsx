import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import type { PlanDetail } from '../../../preload/contract';
import { station } from '../station';

interface CurrentPlanValue {
  current: PlanDetail | null;
  loaded: boolean;
  reload(): Promise<void>;
}

const CurrentPlanContext = createContext<CurrentPlanValue>({ current: null, loaded: false, reload: async () => {} });

/** Today's open session, kept fresh by the core's plan:changed events. */
export function CurrentPlanProvider({ children }: { children: ReactNode }) {
  const [current, setCurrent] = useState<PlanDetail | null>(null);
  const [loaded, setLoaded] = useState(false);
  const reload = useCallback(async () => {
    const result = await station.plan.current({});
    if (result.ok) setCurrent(result.value);
    setLoaded(true);
  }, []);
  useEffect(() => {
    void reload();
    return station.on('plan:changed', () => void reload());
  }, [reload]);
  return <CurrentPlanContext.Provider value={{ current, loaded, reload }}>{children}</CurrentPlanContext.Provider>;
}

export function useCurrentPlan(): CurrentPlanValue {
  return useContext(CurrentPlanContext);
}
