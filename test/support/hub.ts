import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createStationApi } from '../../preload/api';
import type { StationApi } from '../../preload/contract';
import { createHubTransport, type HubTransport, type HubTransportOptions } from '../../preload/hub-transport';
import { hubSocketOpener, pairWithHub, type DeskPairing } from '../../main/desk/hub-pairing';
import { hostHub, type HubHost, type HubHostOptions } from '../../main/hub/start-hub';
import { ok, type TestStation } from './station';

/** The hub's LAN server over a test station, on 127.0.0.1 and a free port, with a stand-in UI. */
export async function startTestHub(t: TestStation, sup: StationApi, options: Partial<HubHostOptions> = {}): Promise<{ host: HubHost; port: number; fingerprint: string; address: string }> {
  const rendererDir = join(t.dir, 'hub-renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><html><head><title>hub</title></head><body></body></html>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(t.dir, 'hub-preload.js'), '/* hub preload */');
  const host = hostHub(t.station, { rendererDir, hubPreloadFile: join(t.dir, 'hub-preload.js'), bindAddress: '127.0.0.1', port: 0, announce: false, log: () => {}, ...options });
  ok(await sup.hub.configure({ enabled: true }));
  await host.applied();
  const server = host.running();
  if (!server) throw new Error('the hub did not start');
  return { host, port: server.port, fingerprint: server.fingerprint, address: `127.0.0.1:${server.port}` };
}

/** Shows a pairing code at the hub and pairs a desk with it, as the desktop app does. */
export async function pairTestDesk(sup: StationApi, hub: { address: string; fingerprint: string }, deskName: string, roles: ('nurse' | 'supervisor')[] = ['nurse', 'supervisor']): Promise<DeskPairing> {
  const status = ok(await sup.hub.startPairing({ roles }));
  if (!status.pairing) throw new Error('no pairing code shown');
  return pairWithHub({ address: hub.address, fingerprint: hub.fingerprint, code: status.pairing.code, deskName });
}

/** A desk window over the LAN transport: the typed API and its transport. */
export function deskWindow(pairing: DeskPairing, options: Partial<HubTransportOptions> = {}): { api: StationApi; transport: HubTransport } {
  const transport = createHubTransport({ open: hubSocketOpener(pairing), ...options });
  return { api: createStationApi(transport), transport };
}
