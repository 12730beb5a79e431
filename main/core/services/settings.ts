import type { Settings } from '../../../preload/contract';
import type { Actor, Store } from '../store';

const DEFAULTS: Settings = { idleLockMinutes: 5 };

/** Station-wide settings, stored as key/value rows with defaults for unset keys. */
export class SettingsService {
  private cache: Settings | null = null;

  constructor(private readonly store: Store) {}

  get(): Settings {
    if (!this.cache) {
      const raw = this.store.q.settings.get('idleLockMinutes');
      this.cache = { idleLockMinutes: raw ? Number(raw) : DEFAULTS.idleLockMinutes };
    }
    return { ...this.cache };
  }

  update(actor: Actor, patch: Partial<Settings>): Settings {
    const before = this.get();
    const after = { ...before, ...patch };
    this.store.write(actor, (w) => {
      for (const [key, value] of Object.entries(patch)) w.q.settings.put(key, String(value));
      w.audit('settings:update', 'setting', null, before, after);
    });
    this.cache = after;
    return after;
  }
}
