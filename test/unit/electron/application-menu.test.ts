import { describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { applicationMenu, installApplicationMenu } from '../../../main/electron/security/application-menu';

/** Every role anywhere in a menu template, submenus included. */
function roles(items: MenuItemConstructorOptions[]): string[] {
  return items.flatMap((i) => [...(i.role ? [i.role] : []), ...(Array.isArray(i.submenu) ? roles(i.submenu) : [])]);
}

describe('application menu', () => {
  it('is none at all on Windows and Linux', () => {
    for (const platform of ['win32', 'linux'] as const) {
      expect(applicationMenu(platform)).toBeNull();
      let installed: unknown = 'untouched';
      installApplicationMenu({ setApplicationMenu: (m) => void (installed = m), buildFromTemplate: () => ({}) as never }, platform);
      // null, not undefined: Electron keeps its default menu (with Toggle Developer Tools) unless told null.
      expect(installed).toBeNull();
    }
  });

  it('on macOS holds only Quit and Edit: no View menu, developer tools or reload', () => {
    const template = applicationMenu('darwin')!;
    expect(roles(template)).toEqual(['appMenu', 'editMenu']);
    for (const forbidden of ['viewMenu', 'toggleDevTools', 'reload', 'forceReload', 'windowMenu']) expect(roles(template)).not.toContain(forbidden);
  });
});
