import type { Store } from '../../store';
import type { IdentityConflicts } from '../close-of-day/conflicts';
import type { SettingsService } from '../settings';
import type { VisitQueue } from '../visits';
import { CardCheckIn } from './card-checkin';
import { CitizenSearch } from './citizen-search';
import { PeopleWithoutCard } from './people-without-card';
import { RecentScans } from './recent-scans';
import { UsbScanners, type UsbScannerHost } from './usb-scanners';

export type { UsbScannerHost } from './usb-scanners';

/** The check-in desk's services over one store: card check-in, people without a card, search, USB scanners. */
export function createCheckinServices(store: Store, visits: VisitQueue, settings: SettingsService, usbHost: UsbScannerHost | null, conflicts: IdentityConflicts) {
  const cards = new CardCheckIn(store, visits, new RecentScans(), conflicts);
  return {
    cards,
    withoutCard: new PeopleWithoutCard(store, visits),
    search: new CitizenSearch(store),
    scanners: new UsbScanners(store, settings, cards, usbHost),
  };
}
export type CheckinServices = ReturnType<typeof createCheckinServices>;
