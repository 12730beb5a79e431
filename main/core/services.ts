import { DeskSessions } from './auth/desk-sessions';
import { seedDemo } from './services/demo';
import { PlanService } from './services/plans';
import { SettingsService } from './services/settings';
import { SetupService } from './services/setup';
import { StaffService } from './services/staff';
import { TargetImportService } from './services/target-import';
import type { Store } from './store';
import { VisitQueue } from './services/visits';

/** Every service of the core, built once per station over one store. */
export function createServices(store: Store) {
  const settings = new SettingsService(store);
  const setup = new SetupService(store);
  const staff = new StaffService(store);
  const plans = new PlanService(store);
  const imports = new TargetImportService(store);
  const visits = new VisitQueue(store);
  const sessions = new DeskSessions(
    () => store.clock.now().getTime(),
    () => settings.get().idleLockMinutes,
  );
  return {
    store,
    settings,
    setup,
    staff,
    plans,
    imports,
    visits,
    sessions,
    seedDemo: (targets: number) => seedDemo({ store, setup, staff, plans, imports }, targets),
  };
}
export type Services = ReturnType<typeof createServices>;
