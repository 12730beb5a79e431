import { DeskSessions } from './auth/desk-sessions';
import { seedDemo } from './services/demo';
import { PlanService } from './services/plans';
import { SettingsService } from './services/settings';
import { SetupService } from './services/setup';
import { StaffService } from './services/staff';
import { TargetImportService } from './services/targets/target-import';
import type { Store } from './store';
import type { StorageHealth } from './storage/health';
import { VisitQueue } from './services/visits';
import { createCheckinServices, type UsbScannerHost } from './services/checkin';
import { createClinicalServices } from './services/clinical';
import { createCertificateServices } from './services/certificates';
import { HubService } from './services/hub/hub-service';

/** Every service of the core, built once per station over one store. */
export function createServices(store: Store, options: { usbScanners?: UsbScannerHost; health: StorageHealth }) {
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
    health: options.health,
    settings,
    setup,
    staff,
    plans,
    imports,
    visits,
    checkin: createCheckinServices(store, visits, settings, options.usbScanners ?? null),
    clinical: createClinicalServices(store, visits),
    certificates: createCertificateServices(store),
    hub: new HubService(store),
    sessions,
    seedDemo: (targets: number) => seedDemo({ store, setup, staff, plans, imports }, targets),
  };
}
export type Services = ReturnType<typeof createServices>;
