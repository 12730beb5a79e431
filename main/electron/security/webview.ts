import type { WebContents } from 'electron';

/**
 * Threat: a <webview> tag slipped into the page embedding content with its
 * own preferences. webviewTag is already off; this refuses any attach that
 * still gets through.
 */
export function refuseWebviews(contents: WebContents): void {
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
