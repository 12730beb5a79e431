import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));

const { restrictPermissions } = await import('../../../main/electron/security/permissions');

type RequestHandler = (wc: unknown, permission: string, callback: (granted: boolean) => void, details: Record<string, unknown>) => void;
type CheckHandler = (wc: unknown, permission: string, origin: string, details: Record<string, unknown>) => boolean;

function handlers() {
  let request!: RequestHandler;
  let check!: CheckHandler;
  let device!: () => boolean;
  const session = {
    setPermissionRequestHandler: (h: RequestHandler) => (request = h),
    setPermissionCheckHandler: (h: CheckHandler) => (check = h),
    setDevicePermissionHandler: (h: () => boolean) => (device = h),
  };
  restrictPermissions(session as never);
  const ask = (permission: string, details: Record<string, unknown>) => {
    let granted: boolean | undefined;
    request({}, permission, (g) => (granted = g), { isMainFrame: true, ...details });
    return granted;
  };
  return { ask, check, device };
}

const STATION = 'app://station/index.html';

describe('permissions', () => {
  it('grants the camera to the station page (the QR scanner)', () => {
    const { ask, check } = handlers();
    expect(ask('media', { requestingUrl: STATION, securityOrigin: 'app://station/', mediaTypes: ['video'] })).toBe(true);
    expect(check({}, 'media', 'app://station', { isMainFrame: true, mediaType: 'video', securityOrigin: 'app://station/' })).toBe(true);
  });

  it('refuses the microphone, alone or asked together with the camera', () => {
    const { ask, check } = handlers();
    expect(ask('media', { requestingUrl: STATION, securityOrigin: 'app://station/', mediaTypes: ['audio'] })).toBe(false);
    expect(ask('media', { requestingUrl: STATION, securityOrigin: 'app://station/', mediaTypes: ['video', 'audio'] })).toBe(false);
    expect(ask('media', { requestingUrl: STATION, securityOrigin: 'app://station/', mediaTypes: [] })).toBe(false);
    expect(check({}, 'media', 'app://station', { isMainFrame: true, mediaType: 'audio' })).toBe(false);
    expect(check({}, 'media', 'app://station', { isMainFrame: true, mediaType: 'unknown' })).toBe(false);
  });

  it.each(['geolocation', 'notifications', 'display-capture', 'clipboard-read', 'hid', 'serial', 'usb', 'midi', 'openExternal', 'fullscreen'])(
    'refuses %s even to the station page',
    (permission) => {
      const { ask, check } = handlers();
      expect(ask(permission, { requestingUrl: STATION, securityOrigin: 'app://station/', mediaTypes: ['video'] })).toBe(false);
      expect(check({}, permission, 'app://station', { isMainFrame: true, mediaType: 'video' })).toBe(false);
    },
  );

  it('refuses the camera to any other origin', () => {
    const { ask, check } = handlers();
    for (const origin of ['https://evil.example', 'http://127.0.0.1:5173', 'file:///', 'app://station.evil']) {
      expect(ask('media', { requestingUrl: `${origin}/x`, securityOrigin: origin, mediaTypes: ['video'] })).toBe(false);
      expect(check({}, 'media', origin, { isMainFrame: true, mediaType: 'video', securityOrigin: origin })).toBe(false);
    }
  });

  it('offers no device picker (HID, serial, USB) to pages', () => {
    expect(handlers().device()).toBe(false);
  });
});
