/**
 * A desk of the LAN hub in a process of its own, for the multi-process
 * integration test and the 12-desk bench: pairs with the hub over pinned
 * TLS, opens the LAN transport and answers its parent's commands over IPC.
 * The test bundles it on first use (main/core/workers/worker-script.ts); the
 * bench build bundles it to dist/bench/lan-desk-process.cjs.
 */
import type { Result } from '../../preload/contract';
import { createHubTransport, type HubTransport } from '../../preload/hub-transport';
import { hubSocketOpener, pairWithHub, type DeskPairing } from '../../main/desk/hub-pairing';
import { runDeskFlow, type FlowOptions, type FlowStats } from './lan-desk-flow';

export type DeskCommand =
  | { cmd: 'pair'; address: string; fingerprint: string; code: string; deskName: string }
  | { cmd: 'open'; pairing: DeskPairing; forwardEvents: boolean; windowId?: string }
  | { cmd: 'call'; id: number; op: string; request: unknown }
  | { cmd: 'status'; id: number }
  | ({ cmd: 'flow'; id: number } & FlowOptions)
  | { cmd: 'close' };

export type DeskReply =
  | { type: 'paired'; pairing: DeskPairing }
  | { type: 'opened' }
  | { type: 'result'; id: number; result: unknown; ms: number }
  | { type: 'status'; id: number; status: ReturnType<HubTransport['status']> }
  | { type: 'event'; event: string; payload: unknown }
  | { type: 'flow'; id: number; stats: FlowStats }
  | { type: 'error'; message: string };

export type { FlowStats };

let transport: HubTransport | null = null;
const reply = (m: DeskReply): void => void process.send?.(m);

process.on('message', (raw) => void handle(raw as DeskCommand));
process.on('disconnect', () => process.exit(0));

async function handle(m: DeskCommand): Promise<void> {
  try {
    switch (m.cmd) {
      case 'pair':
        return reply({ type: 'paired', pairing: await pairWithHub(m) });
      case 'open': {
        transport = createHubTransport({ open: hubSocketOpener(m.pairing), ...(m.windowId ? { windowId: m.windowId } : {}) });
        if (m.forwardEvents) transport.subscribe((event, payload) => reply({ type: 'event', event, payload }));
        await transport.settled();
        return reply({ type: 'opened' });
      }
      case 'call': {
        const started = performance.now();
        const result = await transport!.call(m.op as never, m.request);
        return reply({ type: 'result', id: m.id, result, ms: performance.now() - started });
      }
      case 'status':
        return reply({ type: 'status', id: m.id, status: transport!.status() });
      case 'flow':
        return reply({ type: 'flow', id: m.id, stats: await runDeskFlow((op, request) => transport!.call(op as never, request) as Promise<Result<unknown>>, m) });
      case 'close':
        transport?.close();
        setTimeout(() => process.exit(0), 50);
        return;
    }
  } catch (err) {
    reply({ type: 'error', message: err instanceof Error ? `${(err as { code?: string }).code ?? ''} ${err.message}` : String(err) });
  }
}

