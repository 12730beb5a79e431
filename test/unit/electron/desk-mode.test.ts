import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { Result } from '../../../preload/contract';
import type { LinkStatus } from '../../../preload/hub-transport';
import type { DeskPairing } from '../../../main/desk/hub-pairing';
import { ok } from '../../support/station';

// The desk-mode shell touches no Electron API itself; the module is mocked as for the rest of the shell.
vi.mock('electron', () => ({}));

const { createStationLink } = await import('../../../main/electron/desk-mode/station-link');
const { loadDeskPairing, saveDeskPairing } = await import('../../../main/electron/desk-mode/desk-pairing-store');
const { createHubDesk } = await import('../../../main/electron/desk-mode/hub-desk');

const FP = Array.from({ length: 32 }, (_, i) => (i * 7).toString(16).padStart(2, '0').toUpperCase().slice(-2)).join(':');
const PAIRING: DeskPairing = { hubAddress: '192.168.1.10:8443', fingerprint: FP, certificatePem: '-----BEGIN CERTIFICATE-----\nMII\n-----END CERTIFICATE-----\n', deskId: 'd1', deskName: 'Tiêm 2', credential: 'd1.secret' };

function fakes(options: { pairing?: DeskPairing | null; localSite?: boolean } = {}) {
  const log: string[] = [];
  let saved: DeskPairing | null = options.pairing ?? null;
  const core = {
    ready: Promise.resolve(),
    call: async (op: string): Promise<Result<unknown>> => {
      log.push(`core:${op}`);
      return op === 'setup:status' ? { ok: true, value: { site: options.localSite ? { code: 'X' } : null } } : { ok: true, value: 'local' };
    },
    connectionClosed: (id: string) => log.push(`core:closed:${id}`),
    shutdown: async () => void log.push('core:shutdown'),
  };
  const status: LinkStatus & { refusal: LinkStatus['refusal'] } = { state: 'online', since: '2026-03-10T02:00:00.000Z', refusal: null, desk: { id: 'd1', name: 'Tiêm 2', roles: ['nurse'] }, settled: true };
  const link = createStationLink({
    startLocalCore: () => {
      log.push('core:start');
      return core;
    },
    startHubDesk: (p) => {
      log.push(`desk:start:${p.hubAddress}`);
      return {
        call: async (op, _r, id) => {
          log.push(`hub:${op}:${id}`);
          return { ok: true, value: 'hub' };
        },
        connectionClosed: (id) => log.push(`hub:closed:${id}`),
        status: () => status,
        settled: async () => status,
        close: () => log.push('desk:close'),
      };
    },
    loadPairing: () => saved,
    savePairing: (p) => {
      saved = p;
      log.push('saved');
    },
    forgetPairing: () => {
      saved = null;
      log.push('forgotten');
    },
    probe: async (address) => ({ address, fingerprint: FP }),
    pair: async (o) => {
      log.push(`pair:${o.address}:${o.code}`);
      return { ...PAIRING, hubAddress: o.address, deskName: o.deskName };
    },
    discover: async () => [],
    onModeChanged: () => log.push('mode-changed'),
  });
  return { link, log, status };
}

describe('the desktop app as a desk of a hub', () => {
  it('starts its own core when not paired, and says so to desk:link', async () => {
    const { link, log } = fakes();
    expect(link.mode()).toBe('local');
    expect(await link.call('desk:link', {}, 'wc-1')).toMatchObject({ ok: true, value: { mode: 'local', needsAddress: true, canDiscover: true } });
    expect(await link.call('queue:list', {}, 'wc-1')).toEqual({ ok: true, value: 'local' });
    expect(log).toEqual(['core:start', 'core:queue:list']);
  });

  it('pairing a new station stops its core and sends every window to the hub; forgetting turns it back', async () => {
    const { link, log } = fakes();
    const paired = await link.call('desk:pair', { address: '192.168.1.10:8443', fingerprint: FP.toLowerCase(), code: '482 913', deskName: 'Tiêm 2' }, 'wc-1');
    expect(paired).toMatchObject({ ok: true, value: { mode: 'desk', state: 'online', deskName: 'Tiêm 2', hubAddress: '192.168.1.10:8443' } });
    expect(log).toEqual(['core:start', 'core:setup:status', 'pair:192.168.1.10:8443:482913', 'saved', 'core:shutdown', 'desk:start:192.168.1.10:8443', 'mode-changed']);
    expect(await link.call('doses:record', { visitId: 'v' }, 'wc-1')).toEqual({ ok: true, value: 'hub' });
    link.connectionClosed('wc-1');
    expect(log.slice(-2)).toEqual(['hub:doses:record:wc-1', 'hub:closed:wc-1']);
    expect(await link.call('desk:forget', {}, 'wc-2')).toMatchObject({ ok: true, value: { mode: 'local' } });
    expect(link.mode()).toBe('local');
  });

  it('starts as a desk when a pairing is kept, and refuses to pair a station that holds a site', async () => {
    const asDesk = fakes({ pairing: PAIRING });
    expect(asDesk.link.mode()).toBe('desk');
    expect(asDesk.log).toEqual(['desk:start:192.168.1.10:8443']);
    const pairAgain = { address: '192.168.1.11:8443', fingerprint: FP, code: '111222', deskName: 'Tiêm 2' };
    expect(await asDesk.link.call('desk:pair', pairAgain, 'wc-1')).toMatchObject({ ok: false, error: { code: 'DESK_MODE_UNAVAILABLE' } });
    // Revoked at the hub: the desk pairs again, with its new code, and drops the old link.
    asDesk.status.refusal = 'revoked';
    ok(await asDesk.link.call('desk:pair', pairAgain, 'wc-1'));
    expect(asDesk.log.slice(-4)).toEqual(['saved', 'desk:close', 'desk:start:192.168.1.11:8443', 'mode-changed']);
    const withSite = fakes({ localSite: true });
    expect(await withSite.link.call('desk:pair', { address: 'h:8443', fingerprint: FP, code: '482913', deskName: 'Tiêm 2' }, 'wc-1')).toMatchObject({ ok: false, error: { code: 'DESK_HAS_LOCAL_DATA' } });
    expect(await withSite.link.call('desk:pair', { code: '12', deskName: 'x' }, 'wc-1')).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(withSite.log).not.toContain('saved');
  });

  it('keeps the credential sealed by the OS key store where there is one, in a file only this user reads', () => {
    const dir = mkdtempSync(join(tmpdir(), 'desk-pairing-'));
    const file = join(dir, 'hub-desk.json');
    const safeStorage = {
      isEncryptionAvailable: () => true,
      encryptString: (s: string) => Buffer.from(`sealed:${s}`),
      decryptString: (b: Buffer) => b.toString().replace(/^sealed:/, ''),
    };
    saveDeskPairing(safeStorage, file, PAIRING);
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain('d1.secret');
    expect(statSync(file).mode & 0o077).toBe(0);
    expect(loadDeskPairing(safeStorage, file)).toEqual(PAIRING);
    // Another user's or a damaged file: the app starts as a local station rather than crash.
    expect(loadDeskPairing({ ...safeStorage, decryptString: () => { throw new Error('not ours'); } }, file)).toBeNull();
  });

  it('gives each window its own link and sign-in at the hub, and its own events', async () => {
    const sockets: { query: URLSearchParams; sent: string[]; closed: number | null; s: Record<string, unknown> }[] = [];
    const events: [string, string][] = [];
    const desk = createHubDesk(PAIRING, (id, event) => events.push([id, event]), (q) => {
      const entry = { query: new URLSearchParams(q), sent: [] as string[], closed: null as number | null, s: {} as Record<string, unknown> };
      const socket = {
        readyState: 1,
        send: (d: string) => entry.sent.push(d),
        close: (code?: number) => void (entry.closed = code ?? 1000),
        onopen: null,
        onmessage: null,
        onclose: null,
        onerror: null,
      };
      entry.s = socket as unknown as Record<string, unknown>;
      sockets.push(entry);
      return socket;
    });
    const accept = (i: number) => {
      const on = sockets[i]!.s.onmessage as (e: { data: string }) => void;
      on({ data: JSON.stringify({ type: 'welcome', epoch: 'E', seq: 0, replayed: 0, desk: null }) });
      on({ data: JSON.stringify({ type: 'caught-up' }) });
      on({ data: JSON.stringify({ type: 'event', event: 'queue:changed', payload: {}, seq: 1 }) });
    };
    const first = desk.call('queue:list', {}, 'wc-1');
    const second = desk.call('queue:list', {}, 'wc-2');
    accept(0);
    accept(1);
    expect(sockets[0]!.query.get('window')).not.toBe(sockets[1]!.query.get('window'));
    const answer = (i: number) => {
      const frame = JSON.parse(sockets[i]!.sent[0]!) as { id: number };
      (sockets[i]!.s.onmessage as (e: { data: string }) => void)({ data: JSON.stringify({ type: 'result', id: frame.id, result: { ok: true, value: i } }) });
    };
    answer(0);
    answer(1);
    expect(await first).toEqual({ ok: true, value: 0 });
    expect(await second).toEqual({ ok: true, value: 1 });
    expect(events.filter(([, e]) => e === 'queue:changed')).toEqual([['wc-1', 'queue:changed'], ['wc-2', 'queue:changed']]);
    desk.connectionClosed('wc-1');
    expect(sockets[0]!.closed).toBe(1000);
    expect(sockets[1]!.closed).toBeNull();
    desk.close();
  });
});
