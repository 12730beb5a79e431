import BetterSqlite3 from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckInResult, DoseListEntry, HubStatus, QueueEntry, StationApi } from '../../preload/contract';
import { siteDay } from '../../main/domain/site-time';
import { adultAnswers, openToday } from '../support/clinical-fixtures';
import { CuttableLink } from '../support/cuttable-link';
import { loopbackDesk, requireBuiltStation, startHubProcess, type HubProcess } from '../support/hub-process';
import { DeskProcess } from '../support/lan-desks';
import type { DeskPairing } from '../../main/desk/hub-pairing';
import { ok, SITE } from '../support/station';

/**
 * The site's LAN as it runs: the hub (the built station, browser mode's
 * server hosting the hub) in one process, three desks in three more, over
 * real TLS sockets on loopback. Each desk reaches the hub through a relay
 * the test can cut, as a pulled cable or a dropped Wi-Fi would.
 */
const FORM = { formId: 'covid19-adult', formVersion: 1 };

let dir: string;
let hub: HubProcess;
let sup: StationApi;
let closeSup: () => void;
/** Each desk's own network to the hub, on its own loopback address. */
const links: CuttableLink[] = [];
let status: HubStatus;
const desks: DeskProcess[] = [];
const pairings = new Map<DeskProcess, DeskPairing>();
let checkin: DeskProcess;
let screening: DeskProcess;
let injection: DeskProcess;
let lotId: string;

const auditOps = () => {
  const db = new BetterSqlite3(join(dir, 'station.sqlite'), { readonly: true });
  try {
    return db.prepare('SELECT operation, entity_id AS entityId, after_json AS after FROM audit_log ORDER BY rowid').all() as { operation: string; entityId: string | null; after: string | null }[];
  } finally {
    db.close();
  }
};

async function pairedDesk(name: string, login: { username: string; pin: string }, roles: ('nurse' | 'supervisor')[] = ['nurse']): Promise<DeskProcess> {
  const link = new CuttableLink(`127.0.0.${links.length + 2}`, { host: '127.0.0.1', port: status.port });
  await link.start();
  links.push(link);
  const desk = new DeskProcess();
  desks.push(desk);
  const shown = ok(await sup.hub.startPairing({ roles }));
  const pairing = await desk.pair({ address: link.address, fingerprint: status.fingerprint!, code: shown.pairing!.code, deskName: name });
  pairings.set(desk, pairing);
  await desk.open(pairing);
  ok(await desk.call('auth:login', login));
  return desk;
}

beforeAll(async () => {
  requireBuiltStation();
  dir = mkdtempSync(join(tmpdir(), 'station-lan-'));
  // Desks reach the hub by a second loopback address, through the relay; the hub accepts that name as its own.
  hub = await startHubProcess(join(dir, 'station.sqlite'), { bind: '127.0.0.1', names: ['127.0.0.2', '127.0.0.3', '127.0.0.4'] });
  ({ api: sup, close: closeSup } = await loopbackDesk(hub.launchUrl));
  ok(await sup.setup.initialize({ site: SITE, supervisor: { fullName: 'Trần Thị Giám Sát', username: 'giamsat', pin: '2468' } }));
  ok(await sup.auth.login({ username: 'giamsat', pin: '2468' }));
  for (const [i, name] of ['Lê Văn Đón', 'Phạm Thị Khám', 'Võ Thị Tiêm'].entries()) ok(await sup.staff.create({ fullName: name, username: `yta${i + 1}`, role: 'nurse', pin: '1357' }));
  const plan = await openToday(sup, siteDay(new Date()));
  lotId = plan.lots[0]!.id;
  status = ok(await sup.hub.configure({ enabled: true }));
  expect(status.listening).toBe(true);
  checkin = await pairedDesk('Đón tiếp 1', { username: 'yta1', pin: '1357' });
  screening = await pairedDesk('Khám sàng lọc 1', { username: 'yta2', pin: '1357' });
  injection = await pairedDesk('Tiêm 1', { username: 'yta3', pin: '1357' });
}, 120_000);

afterAll(async () => {
  await Promise.all(desks.map((d) => d.close()));
  closeSup?.();
  await Promise.all(links.map((l) => l.stop()));
  await hub?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('a hub and three desks in separate processes over TLS', () => {
  it('pairs each desk by code and lists them at the hub, each pairing audited', async () => {
    const paired = ok(await sup.hub.desks({}));
    expect(paired.map((d) => d.name)).toEqual(['Đón tiếp 1', 'Khám sàng lọc 1', 'Tiêm 1']);
    expect(paired.every((d) => d.connected === 1 && d.roles.join() === 'nurse' && d.pairedBy === 'Trần Thị Giám Sát')).toBe(true);
    expect(auditOps().filter((a) => a.operation === 'hub:pair').map((a) => a.entityId)).toEqual(paired.map((d) => d.id));
  });

  it('a citizen checked in at desk A appears in desk B\'s queue, is screened there and vaccinated at desk C; a dropped link mid-dose and its retry record the dose once', async () => {
    const done = ok(await checkin.call<CheckInResult>('checkin:registerManual', { fullName: 'Nguyễn Thị Lan', dateOfBirth: '1985-04-12', sex: 'female', idNumber: null }));
    const visitId = done.visit.visitId;
    // Desk B hears about it without asking, and finds the citizen in its queue.
    await screening.waitForEvent((e) => e.event === 'queue:changed' && (e.payload as { visitId: string }).visitId === visitId);
    const queue = ok(await screening.call<QueueEntry[]>('queue:list', { steps: ['screening'] }));
    expect(queue.map((q) => q.citizen.fullName)).toContain('Nguyễn Thị Lan');
    ok(await screening.call('screening:record', { visitId, ...FORM, answers: adultAnswers({ 'bp-systolic': 120, 'bp-diastolic': 80 }, 'female') }));
    await injection.waitForEvent((e) => e.event === 'queue:changed' && (e.payload as { visitId: string; step: string }).step === 'injection');
    ok(await injection.call('vials:open', { lotId }));

    // The network between desk C and the hub goes down the moment the hub starts answering the dose.
    const link = links[2]!;
    const cut = link.cutAfterNextCall();
    const recording = injection.call<{ dose: { id: string } }>('doses:record', { visitId, lotId });
    await cut;
    // The hub recorded it; the desk never heard so.
    const atHub = ok(await sup.doses.list({})).filter((d: DoseListEntry) => d.dose.visitId === visitId);
    expect(atHub).toHaveLength(1);
    // While the link is down the desk says so at once rather than waiting.
    const whileDown = await injection.call('queue:list', {});
    expect(whileDown).toMatchObject({ ok: false, error: { code: 'HUB_UNREACHABLE' } });
    expect((await injection.status()).state).toBe('offline');

    // The network comes back: the desk reconnects by itself, still signed in, and resends the dose with the same request id.
    link.release();
    const recorded = ok(await recording);
    expect(recorded.dose.id).toBe(atHub[0]!.dose.id);
    const after = ok(await sup.doses.list({})).filter((d: DoseListEntry) => d.dose.visitId === visitId);
    expect(after.map((d) => d.dose.id)).toEqual([recorded.dose.id]);
    expect((await injection.status()).state).toBe('online');
    const board = ok(await injection.call<{ entries: { visitId: string }[] }>('observation:board', {}));
    expect(board.entries.map((e) => e.visitId)).toContain(visitId);
    // The desk that was away caught up on what it missed: the dose's own events came to it after the reconnect.
    await injection.waitForEvent((e) => e.event === 'doses:changed' && (e.payload as { visitId: string }).visitId === visitId);
  });

  it('the upload state, the day\'s figures and a visit\'s outcome reach every desk, also one that was away', async () => {
    const done = ok(await checkin.call<CheckInResult>('checkin:registerManual', { fullName: 'Trần Văn Hải', dateOfBirth: '1979-09-02', sex: 'male', idNumber: null }));
    const visitId = done.visit.visitId;
    ok(await screening.call('screening:record', { visitId, ...FORM, answers: adultAnswers({ 'bp-systolic': 118, 'bp-diastolic': 76 }, 'male') }));
    await injection.waitForEvent((e) => e.event === 'queue:changed' && (e.payload as { visitId: string; step: string }).visitId === visitId && (e.payload as { step: string }).step === 'injection');
    const seenBefore = checkin.events.length;
    const { dose } = ok(await injection.call<{ dose: { id: string } }>('doses:record', { visitId, lotId }));
    // The dose queued an upload: the check-in desk, which did not record it, hears the upload state.
    await checkin.waitForEvent((e) => checkin.events.indexOf(e) >= seenBefore && e.event === 'sync:status');
    expect(ok(await checkin.call<{ queued: number }>('sync:status', {})).queued).toBeGreaterThan(0);

    // The screening desk's link is down while the day's figures change and the visit ends as referred.
    const away = links[1]!;
    away.hold();
    away.cutAll();
    await screening.waitForEvent((e) => e.event === 'link:state' && (e.payload as { state: string }).state === 'offline');
    const missedFrom = screening.events.length;
    ok(await injection.call('doses:requestCorrection', { doseId: dose.id, reason: 'Ghi nhầm lô vắc xin' }));
    ok(await injection.call('observation:refer', { visitId, referredTo: 'Bệnh viện Quận 1' }));
    await checkin.waitForEvent((e) => e.event === 'day:changed');
    await checkin.waitForEvent((e) => e.event === 'queue:changed' && (e.payload as { visitId: string; step: string }).visitId === visitId && (e.payload as { step: string }).step === 'referred');

    // Back on the network, it catches up on both without a reload.
    away.release();
    const missed = (match: (e: { event: string; payload: unknown }) => boolean) => screening.waitForEvent((e) => screening.events.indexOf(e) >= missedFrom && match(e));
    await missed((e) => e.event === 'day:changed');
    await missed((e) => e.event === 'queue:changed' && (e.payload as { visitId: string; step: string }).visitId === visitId && (e.payload as { step: string }).step === 'referred');
    expect((await screening.status()).state).toBe('online');
    const outcomes = ok(await screening.call<{ visitId: string; outcome: string }[]>('queue:outcomes', {}));
    expect(outcomes.find((o) => o.visitId === visitId)).toMatchObject({ outcome: 'referred' });
  });

  it('enforces each desk\'s roles at the hub, per call, and audits the refusals', async () => {
    // A supervisor account at a desk paired for nurses only: refused, whatever the PIN.
    expect(await checkin.call('auth:login', { username: 'giamsat', pin: '2468' })).toMatchObject({ ok: false, error: { code: 'DESK_ROLE_NOT_ALLOWED' } });
    ok(await checkin.call('auth:login', { username: 'yta1', pin: '1357' }));
    expect(await checkin.call('hub:desks', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_ROLE' } });
    const refused = auditOps().filter((a) => a.operation === 'hub:refused:call');
    expect(refused.some((a) => JSON.parse(a.after!).code === 'FORBIDDEN_ROLE')).toBe(true);
  });

  it('a revoked desk is disconnected at once and refused from then on, with an audit row', async () => {
    const desk = ok(await sup.hub.desks({})).find((d) => d.name === 'Đón tiếp 1')!;
    ok(await sup.hub.revokeDesk({ id: desk.id }));
    await checkin.waitForEvent((e) => e.event === 'link:state' && (e.payload as { state: string }).state === 'refused');
    expect(await checkin.call('queue:list', {})).toMatchObject({ ok: false, error: { code: 'DESK_REVOKED' } });
    expect((await checkin.status()).refusal).toBe('revoked');
    // The other desks work on.
    ok(await screening.call('queue:list', {}));
    // The same credential from anywhere, later: nothing but a refusal.
    const again = new DeskProcess();
    desks.push(again);
    await again.open(pairings.get(checkin)!);
    expect((await again.status())).toMatchObject({ state: 'refused', refusal: 'revoked' });
    expect(await again.call('station:health', {})).toMatchObject({ ok: false, error: { code: 'DESK_REVOKED' } });
    const ops = auditOps().map((a) => a.operation);
    expect(ops).toContain('hub:revokeDesk');
    expect(ops).toContain('hub:refused:revoked-desk');
    expect(ok(await sup.hub.desks({})).map((d) => d.name)).toEqual(['Khám sàng lọc 1', 'Tiêm 1']);
  });
});
