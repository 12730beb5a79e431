import type { Menu as ElectronMenu, MenuItemConstructorOptions } from 'electron';

/**
 * Threat: a nurse, or whoever sits at a shared desk PC, opening Electron's
 * default menu (View → Toggle Developer Tools, Ctrl+Shift+I, Reload) and from
 * the console calling the core as the signed-in supervisor, or reloading a
 * desk mid-dose. The station has no menu at all. macOS keeps only what its
 * keyboard needs (Quit, and Edit so Cmd+C/Cmd+V work in text fields): no View
 * menu, no developer tools, no reload.
 */
export function applicationMenu(platform: NodeJS.Platform): MenuItemConstructorOptions[] | null {
  if (platform !== 'darwin') return null;
  return [{ role: 'appMenu' }, { role: 'editMenu' }];
}

export function installApplicationMenu(Menu: Pick<typeof ElectronMenu, 'setApplicationMenu' | 'buildFromTemplate'>, platform: NodeJS.Platform): void {
  const template = applicationMenu(platform);
  Menu.setApplicationMenu(template ? Menu.buildFromTemplate(template) : null);
}
