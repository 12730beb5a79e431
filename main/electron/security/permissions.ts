import type { Session } from 'electron';
import { isAppUrl } from '../app-origin';

/**
 * Threat: the page (or anything injected into it) switching on the
 * microphone, location, notifications, USB/HID/serial devices and so on.
 * The station needs exactly one thing: the camera, to read QR codes, on its
 * own pages. Everything else is refused, for requests and for checks alike.
 */
export function isCameraForStation(permission: string, origin: string | undefined, mediaTypes: readonly string[]): boolean {
  return permission === 'media' && isAppUrl(origin) && mediaTypes.length > 0 && mediaTypes.every((t) => t === 'video');
}

export function restrictPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const media = details as { mediaTypes?: string[]; securityOrigin?: string };
    callback(isCameraForStation(permission, media.securityOrigin ?? details.requestingUrl, media.mediaTypes ?? []));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    isCameraForStation(permission, details.securityOrigin ?? requestingOrigin, details.mediaType ? [details.mediaType] : []),
  );
  // Device pickers (HID, serial, USB) from the page: none; the station's pages never ask for one.
  session.setDevicePermissionHandler(() => false);
}
