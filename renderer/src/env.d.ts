/// <reference types="vite/client" />
import type { StationApi } from '../../preload/contract';

declare global {
  interface Window {
    /** Installed by the Electron preload or, in browser mode, by web-preload.js. */
    readonly station: StationApi;
  }
}
export {};
