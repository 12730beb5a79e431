import { protocol } from 'electron';
import { APP_SCHEME } from './app-origin';
import { createRendererHandler } from './renderer-files';

/**
 * The UI is served from app://station, not file://. Threat: file:// pages
 * share one origin with every file on disk and can read them; a privileged
 * standard scheme gives the station a real origin of its own that CSP,
 * permissions and the IPC check can name. Must run before `app` is ready.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** After `app` is ready: answer app:// requests from the built UI folder only. */
export function serveRendererFiles(rendererDir: string): void {
  protocol.handle(APP_SCHEME, createRendererHandler(rendererDir));
}
