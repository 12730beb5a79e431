import { DeskSessions } from './auth/desk-sessions';
import { seedDemo } from './services/demo';
import { PlanService } from './services/plans';
import { SettingsService } from './services/settings';
import { SetupService } from './services/setup';
import { StaffService } from './services/staff';
import { TargetImportService } from './services/target-import';
import type { Store } from './store';
import { VisitQueue } from './services/visits';
import { VisitOutcomes } from './services/visit-outcomes';
import { createCheckinServices, type UsbScannerHost } from './services/checkin';
import { createClinicalServices } from './services/clinical';
import { createCertificateServices } from './services/certificates';

/** Every service of the core, built once per station over one store. */
export function createServices(store: Store, options: { usbScanners?: UsbScannerHost } = {}) {
  const settings = new SettingsService(store);
  const setup = new SetupService(store);
  const staff = new StaffService(store);
  const plans = new PlanService(store);
  const imports = new TargetImportService(store);
  const visits = new VisitQueue(store);
  const outcomes = new VisitOutcomes(store, visits);
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
    outcomes,
    checkin: createCheckinServices(store, visits, settings, options.usbScanners ?? null),
    clinical: createClinicalServices(store, visits, outcomes),
    certificates: createCertificateServices(store),
    sessions,
    seedDemo: (targets: number) => seedDemo({ store, setup, staff, plans, imports }, targets),
  };
}
export type Services = ReturnType<typeof createServices>;
