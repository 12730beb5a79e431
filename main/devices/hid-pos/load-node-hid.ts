import type { HidDeviceInfo } from './scanner-devices';

/**
 * node-hid, loaded only when scanners are wanted. It is a native module (and
 * on Linux needs libusb/hidraw at run time); if it cannot load, the station
 * runs on without USB-POS scanners and says why, instead of failing to start.
 */
export interface HidHandle {
  on(event: 'data', listener: (data: Buffer | Uint8Array) => void): unknown;
  on(event: 'error', listener: (error: unknown) => void): unknown;
  close(): void;
}

export interface HidModule {
  devices(): HidDeviceInfo[];
  HID: new (path: string) => HidHandle;
}

export type HidLoad = { ok: true; hid: HidModule } | { ok: false; reason: string };

export async function loadNodeHid(): Promise<HidLoad> {
  try {
    const mod = (await import('node-hid')) as unknown as HidModule & { default?: HidModule };
    const hid = typeof mod.devices === 'function' ? mod : mod.default;
    if (!hid || typeof hid.devices !== 'function') return { ok: false, reason: 'node-hid has no devices()' };
    // node-hid loads its native binding on first use; list once so a broken binding shows up here.
    hid.devices();
    return { ok: true, hid };
  } catch (error) {
    return { ok: false, reason: errorText(error) };
  }
}

export function errorText(error: unknown): string {
  if (error instanceof Error) return error.message;
  return typeof error === 'string' ? error : 'unknown error';
}
