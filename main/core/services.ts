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
import { VisitOutcomes } from './services/visit-outcomes';
import { createCheckinServices, type UsbScannerHost } from './services/checkin';
import { createClinicalServices } from './services/clinical';
import { createCertificateServices } from './services/certificates';
import { HubService } from './services/hub/hub-service';
import { createCloseOfDayServices } from './services/close-of-day';
import type { Logger } from './dispatch';
import { ConnectionSettings } from './sync/connection';
import { SyncService, type SyncTuning } from './sync/service';

/** Where services report what they cannot return to a caller (a step after a close that failed). */
const stderrLogger: Logger = {
  info: () => {},
  warn: (m, d) => console.warn(`[core] ${m}`, d ?? ''),
  error: (m, d) => console.error(`[core] ${m}`, d ?? ''),
};

/** Every service of the core, built once per station over one store. */
export function createServices(store: Store, options: { usbScanners?: UsbScannerHost; health: StorageHealth; log?: Logger; sync?: SyncTuning }) {
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
  const certificates = createCertificateServices(store);
  const closeOfDay = createCloseOfDayServices(store, certificates.keys, certificates.printing, options.log ?? stderrLogger);
  return {
    store,
    health: options.health,
    settings,
    setup,
    staff,
    plans,
    imports,
    visits,
    outcomes,
    checkin: createCheckinServices(store, visits, settings, options.usbScanners ?? null, closeOfDay.conflicts),
    clinical: createClinicalServices(store, visits, closeOfDay.amendments, outcomes),
    certificates,
    closeOfDay,
    sync: new SyncService(
      store,
      new ConnectionSettings(store),
      { importNationalCertificate: (hc1, citizenId) => certificates.verification.importNational(null, hc1, citizenId) },
      options.sync,
    ),
    hub: new HubService(store),
    sessions,
    seedDemo: (targets: number) => seedDemo({ store, setup, staff, plans, imports }, targets),
  };
}
export type Services = ReturnType<typeof createServices>;
