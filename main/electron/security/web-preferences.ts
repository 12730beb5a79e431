import type { WebPreferences } from 'electron';

/**
 * Every station window's renderer settings. Threat: a script that gets into
 * the page (crafted data, a compromised dependency) reaching Node, the file
 * system or the preload's internals. The page gets only `window.station`.
 */
export function secureWebPreferences(preloadFile: string, options: { packaged: boolean } = { packaged: true }): WebPreferences {
  return {
    preload: preloadFile,
    // An installed station has no developer tools: their console reaches window.station as the signed-in person.
    devTools: !options.packaged,
    // The preload's world and the page's world stay apart; only contextBridge crosses.
    contextIsolation: true,
    // The renderer runs in Chromium's OS sandbox; the preload may require only 'electron'.
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    // Same-origin policy stays on: no reading other origins' responses.
    webSecurity: true,
    allowRunningInsecureContent: false,
    // <webview> would embed a second, less-restricted page.
    webviewTag: false,
    // Spellcheck would send typed names (patient data) to a dictionary service on some platforms.
    spellcheck: false,
    navigateOnDragDrop: false,
    experimentalFeatures: false,
  };
}
