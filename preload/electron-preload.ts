import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { createStationApi, type Transport } from './api';
import { DISCONNECTED_CHANNEL, EVENT_CHANNEL, type EventMessage } from './electron-channel';

/**
 * Electron's preload: installs `window.station` over IPC, one channel per
 * operation. Sandboxed, so only 'electron' can be required; the contract and
 * zod are bundled in by scripts/build.mjs. The page never sees ipcRenderer.
 */
const transport: Transport = {
  call: (op, request) => ipcRenderer.invoke(op, request),
  subscribe(listener) {
    const onEvent = (_e: IpcRendererEvent, message: EventMessage | undefined) => {
      if (message && typeof message.event === 'string') listener(message.event, message.payload);
    };
    ipcRenderer.on(EVENT_CHANNEL, onEvent);
    return () => ipcRenderer.removeListener(EVENT_CHANNEL, onEvent);
  },
};

// Same signal browser mode gives when its socket drops: the app returns to sign-in.
ipcRenderer.on(DISCONNECTED_CHANNEL, () => window.dispatchEvent(new CustomEvent('station:disconnected')));

contextBridge.exposeInMainWorld('station', createStationApi(transport));
