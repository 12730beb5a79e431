import { join } from 'node:path';
import { app, BrowserWindow, dialog, Menu, safeStorage, session } from 'electron';
import { registerAppScheme, serveRendererFiles } from './app-protocol';
import { startCoreHost } from './core-host';
import { createStationLink, type StationLink } from './desk-mode/station-link';
import { createHubDesk } from './desk-mode/hub-desk';
import { forgetDeskPairing, loadDeskPairing, saveDeskPairing } from './desk-mode/desk-pairing-store';
import { pairWithHub, probeHub } from '../desk/hub-pairing';
import { discoverHubs } from '../hub/discovery';
import { createIpcRelay, type IpcRelay } from './ipc-relay';
import { distPaths, stationDatabasePath } from './paths';
import { installApplicationMenu } from './security/application-menu';
import { hardenEveryWebContents } from './security/harden-web-contents';
import { restrictPermissions } from './security/permissions';
import { createDeskWindow } from './window';
import { loadSigningDataKey } from './signing-data-key';

/**
 * The Electron main process: a thin shell. It serves the UI, starts the core
 * in its own process, relays calls and applies the security rules; it holds
 * no station logic and never touches the database.
 */
const TITLE = 'Trạm tiêm chủng / Vaccination Station';

// Privileged schemes must be declared before the app is ready.
registerAppScheme();
// Every renderer sandboxed, including any the shell did not create itself.
app.enableSandbox();

// Threat: two copies of the station each running a core on the same database,
// with sign-ins and in-memory state that disagree. The second launch only
// brings the first window forward.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  startShell();
}

function startShell(): void {
  const paths = distPaths(__dirname);
  let core: StationLink | null = null;
  let relay: IpcRelay | null = null;
  let coreStopped = false;

  hardenEveryWebContents(app);

  const openDesk = () => {
    const win = createDeskWindow(paths.preloadFile, { packaged: app.isPackaged });
    relay?.attachDesk(win.webContents);
    return win;
  };

  app.on('second-instance', () => {
    const win = BrowserWindow.getAllWindows()[0];
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });

  app.on('window-all-closed', () => app.quit());

  // Quit only after the core has closed the database (optimize + WAL checkpoint).
  app.on('before-quit', (event) => {
    if (!core || coreStopped) return;
    event.preventDefault();
    const stopping = core;
    core = null;
    void stopping.shutdown().finally(() => {
      coreStopped = true;
      relay?.dispose();
      app.quit();
    });
  });

  app.whenReady().then(async () => {
    installApplicationMenu(Menu, process.platform);
    restrictPermissions(session.defaultSession);
    serveRendererFiles(paths.rendererDir);
    const databasePath = stationDatabasePath(app.getPath('userData'), process.env);
    // safeStorage works only once the app is ready; the key file sits beside the database it belongs to.
    const dataKey = loadSigningDataKey(safeStorage, join(app.getPath('userData'), 'signing-data-key.bin'));
    if (dataKey.key === null) console.warn(`[shell] no OS key store for the signing key (${dataKey.reason}); signing needs a supervisor passphrase`);
    // A desk of a site's hub when this computer was paired with one (desk-mode/), else the station core on this computer.
    const pairingFile = join(app.getPath('userData'), 'hub-desk.json');
    core = createStationLink({
      startLocalCore: () =>
        startCoreHost({
          modulePath: paths.coreProcessFile,
          databasePath,
          signingDataKey: dataKey.key,
          onEvent: (event, payload) => relay?.broadcast(event, payload),
          onCrash: (crash) => {
            console.error('[shell] station core crashed', crash);
            if (crash.restarted) {
              relay?.broadcastDisconnected();
              return;
            }
            dialog.showErrorBox(TITLE, 'Lõi trạm đã dừng và không khởi động lại được. Dữ liệu đã lưu vẫn an toàn; hãy mở lại ứng dụng.\n\nThe station core stopped and could not be restarted. Data already saved is safe; please start the station again.');
            app.quit();
          },
        }),
      startHubDesk: (pairing) => createHubDesk(pairing, (connectionId, event, payload) => relay?.sendTo(connectionId, event, payload)),
      loadPairing: () => loadDeskPairing(safeStorage, pairingFile),
      savePairing: (pairing) => saveDeskPairing(safeStorage, pairingFile, pairing),
      forgetPairing: () => forgetDeskPairing(pairingFile),
      probe: probeHub,
      pair: pairWithHub,
      discover: () => discoverHubs(),
      onModeChanged: () => relay?.broadcastDisconnected(),
    });
    relay = createIpcRelay(core);
    await core.ready;
    openDesk();
  }).catch((err: unknown) => {
    // The core could not open the database (or could not be started at all): nothing useful can run.
    const reason = err instanceof Error ? err.message : String(err);
    dialog.showErrorBox(TITLE, `Không mở được cơ sở dữ liệu của trạm.\nThe station database could not be opened.\n\n${reason}`);
    coreStopped = true;
    app.exit(1);
  });
}
