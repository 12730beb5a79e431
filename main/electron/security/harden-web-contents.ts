import type { App, WebContents } from 'electron';
import { blockForeignNavigation } from './navigation';
import { refuseWebviews } from './webview';
import { denyNewWindows } from './window-open';

/** The per-page rules, applied together so no page is missed one. */
export function hardenWebContents(contents: WebContents): void {
  blockForeignNavigation(contents);
  denyNewWindows(contents);
  refuseWebviews(contents);
}

/**
 * Threat: a webContents the shell did not create itself (a devtools page, a
 * future helper window) escaping the rules. Hooking creation covers them all.
 */
export function hardenEveryWebContents(app: App): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
}
