import type { Event, WebContents } from 'electron';
import { isAppUrl } from '../app-origin';

/**
 * Threat: the station window being steered to another site (a link in
 * imported text, a redirect) that would then inherit the preload and with it
 * `window.station`. Only app://station pages may load in a station window.
 */
export function blockForeignNavigation(contents: WebContents): void {
  const refuseForeign = (event: Event, url: string) => {
    if (!isAppUrl(url)) event.preventDefault();
  };
  contents.on('will-navigate', (event) => refuseForeign(event, event.url));
  contents.on('will-frame-navigate', (event) => refuseForeign(event, event.url));
  contents.on('will-redirect', (event) => refuseForeign(event, event.url));
}
