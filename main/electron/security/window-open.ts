import type { WebContents } from 'electron';

/**
 * Threat: `window.open` or a target=_blank link creating a new window the
 * shell did not build, with default (weaker) settings. The station has no
 * pop-ups and no reason to open the web, so every request is denied.
 */
export function denyNewWindows(contents: WebContents): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
