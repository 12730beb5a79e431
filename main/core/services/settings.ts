import { UsbScannerModel, type Settings } from '../../../preload/contract';
import type { Actor, Store } from '../store';

const DEFAULTS: Settings = { idleLockMinutes: 5, usbScanners: true, usbScannerModels: [] };

/** Station-wide settings, stored as key/value rows with defaults for unset keys. */
export class SettingsService {
  private cache: Settings | null = null;
  private readonly listeners: ((after: Settings, before: Settings) => void)[] = [];

  constructor(private readonly store: Store) {}

  get(): Settings {
    if (!this.cache) {
      const raw = (key: keyof Settings) => this.store.q.settings.get(key);
      const idle = raw('idleLockMinutes');
      const usb = raw('usbScanners');
      this.cache = {
        idleLockMinutes: idle ? Number(idle) : DEFAULTS.idleLockMinutes,
        usbScanners: usb ? usb === 'true' : DEFAULTS.usbScanners,
        usbScannerModels: parseModels(raw('usbScannerModels')),
      };
    }
    return { ...this.cache };
  }

  update(actor: Actor, patch: Partial<Settings>): Settings {
    const before = this.get();
    const after = { ...before, ...patch };
    this.store.write(actor, (w) => {
      for (const [key, value] of Object.entries(patch)) w.q.settings.put(key, typeof value === 'object' ? JSON.stringify(value) : String(value));
      w.audit('settings:update', 'setting', null, before, after);
    });
    this.cache = after;
    for (const listener of this.listeners) listener(after, before);
    return after;
  }

  /** Services that follow a setting (the USB scanner watcher) hear each change after it is saved. */
  onChange(listener: (after: Settings, before: Settings) => void): void {
    this.listeners.push(listener);
  }
}

/** A stored list that no longer parses is treated as empty rather than failing every settings read. */
function parseModels(raw: string | null): Settings['usbScannerModels'] {
  if (!raw) return [];
  try {
    const parsed = UsbScannerModel.array().safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}
