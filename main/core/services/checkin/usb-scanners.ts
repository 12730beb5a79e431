import type { ScannerStatus } from '../../../../preload/contract';
import { createScannerWatcher, type ScannerEvent, type ScannerWatcher, type ScannerWatcherOptions } from '../../../devices/hid-pos';
import type { Store } from '../../store';
import type { SettingsService } from '../settings';
import type { CardCheckIn } from './card-checkin';

/** How the hosting process lets the core reach USB devices; tests pass a fake node-hid. */
export interface UsbScannerHost {
  loadHid?: ScannerWatcherOptions['loadHid'];
  pollMs?: number;
  timers?: ScannerWatcherOptions['timers'];
}

/**
 * USB HID-POS scanners, wired into check-in. A scan is read by the same
 * parser as a keyboard-wedge burst and kept with the other scans; desks hear
 * `scanner:scan` with its id only, because events reach every connected desk
 * and the identity should go only to a signed-in one (`checkin:getScan`).
 * Runs whenever the station is hosted with devices and the setting is on; a
 * settings change restarts it with the new scanner models.
 */
export class UsbScanners {
  private watcher: ScannerWatcher | null = null;
  private lastError: ScannerStatus['lastError'] = null;

  constructor(
    private readonly store: Store,
    private readonly settings: SettingsService,
    private readonly cards: CardCheckIn,
    private readonly host: UsbScannerHost | null,
  ) {
    settings.onChange((after, before) => {
      if (after.usbScanners !== before.usbScanners || JSON.stringify(after.usbScannerModels) !== JSON.stringify(before.usbScannerModels)) {
        this.stop();
        void this.start();
      }
    });
  }

  async start(): Promise<void> {
    if (!this.host || this.watcher || !this.settings.get().usbScanners) return;
    const watcher = createScannerWatcher({
      loadHid: this.host.loadHid,
      pollMs: this.host.pollMs,
      timers: this.host.timers,
      configured: this.settings.get().usbScannerModels,
    });
    this.watcher = watcher;
    watcher.onEvent((event) => this.handle(event));
    this.changed();
    await watcher.start();
    this.changed();
  }

  stop(): void {
    if (!this.watcher) return;
    this.watcher.stop();
    this.watcher = null;
    this.changed();
  }

  status(): ScannerStatus {
    const s = this.watcher?.status() ?? { state: 'stopped' as const };
    switch (s.state) {
      case 'stopped':
        return { state: 'off', reason: this.host ? null : 'not-hosted', devices: [], lastError: this.lastError };
      case 'starting':
        return { state: 'starting', reason: null, devices: [], lastError: this.lastError };
      case 'unavailable':
        return { state: 'unavailable', reason: s.reason, devices: [], lastError: this.lastError };
      case 'watching':
        return {
          state: 'watching',
          reason: null,
          devices: s.devices.map((d) => ({ ...d, lastScanAt: d.lastScanAt === null ? null : new Date(d.lastScanAt).toISOString() })),
          lastError: this.lastError,
        };
    }
  }

  private handle(event: ScannerEvent): void {
    if (event.type === 'scan') {
      const scan = this.cards.read(event.text, 'hid');
      this.store.notify('scanner:scan', { scanId: scan.id, device: event.device.name });
      return;
    }
    if (event.type === 'error') {
      this.lastError = { code: event.code, message: event.message, device: event.device?.name ?? null, at: this.store.clock.now().toISOString() };
    }
    this.changed();
  }

  private changed(): void {
    this.store.notify('scanner:changed', { state: this.status().state });
  }
}
