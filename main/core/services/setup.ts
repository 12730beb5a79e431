import type { Site, SiteInput } from '../../../preload/contract';
import { hashPin } from '../auth/pin';
import { siteToday } from '../clock';
import { StationError } from '../errors';
import { newId } from '../ids';
import type { Actor, Store } from '../store';
import { toSummary } from './staff';

/** First run: the site and its first supervisor, created together or not at all. */
export class SetupService {
  constructor(private readonly store: Store) {}

  status() {
    const site = this.store.q.site.get();
    return { needsSetup: site === null, site, siteToday: siteToday(this.store.clock) };
  }

  /**
   * The site's details as the supervisor corrects them (a typo at setup, a
   * renamed commune). Records already queued for upload keep the code they
   * were queued with; the audit row keeps the old details.
   */
  updateSite(actor: Actor, site: SiteInput): Site {
    return this.store.write(actor, (w) => {
      const before = w.q.site.get();
      if (!before) throw new StationError('SETUP_REQUIRED', 'the station is not set up yet');
      const after: Site = { ...before, ...site };
      w.q.site.update(after);
      w.audit('setup:updateSite', 'site', before.id, before, after);
      return after;
    });
  }

  async initialize(site: SiteInput, supervisor: { fullName: string; username: string; pin: string }): Promise<Site> {
    if (this.store.q.site.get()) throw new StationError('SETUP_ALREADY_DONE', 'this station is already set up');
    const pinHash = await hashPin(supervisor.pin);
    return this.store.write(null, (w) => {
      if (w.q.site.get()) throw new StationError('SETUP_ALREADY_DONE', 'this station is already set up');
      const row: Site = { id: newId(), ...site, createdAt: w.at };
      w.q.site.insert(row);
      const staff = {
        id: newId(),
        username: supervisor.username,
        fullName: supervisor.fullName,
        role: 'supervisor' as const,
        pinHash,
        active: true,
        createdAt: w.at,
        updatedAt: w.at,
      };
      w.q.staff.insert(staff);
      w.audit('setup:initialize', 'site', row.id, null, row);
      w.audit('staff:create', 'staff', staff.id, null, toSummary({ ...staff, failedAttempts: 0, lockedUntil: null }));
      return row;
    });
  }
}
