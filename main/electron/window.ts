import { BrowserWindow } from 'electron';
import { APP_START_URL } from './app-origin';
import { secureWebPreferences } from './security/web-preferences';

/** A desk window. Sized for the site's laptops (1366×768); below 1024×700 the desk layouts stop fitting. */
export function createDeskWindow(preloadFile: string, options: { packaged: boolean } = { packaged: true }): BrowserWindow {
  const win = new BrowserWindow({
    width: 1366,
    height: 768,
    minWidth: 1024,
    minHeight: 700,
    title: 'Vaccination Station',
    // Shown once painted, so staff never see a blank white frame.
    show: false,
    autoHideMenuBar: true,
    webPreferences: secureWebPreferences(preloadFile, options),
  });
  win.once('ready-to-show', () => win.show());
  win.loadURL(APP_START_URL).catch((err: unknown) => console.error('[shell] the station page did not load', err));
  return win;
}
