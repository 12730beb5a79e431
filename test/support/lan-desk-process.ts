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
import { syntheticPeople } from '../../main/core/services/synthetic-people';
import { adultAnswers } from '../support/screening-answers';

export type DeskCommand =
  | { cmd: 'pair'; address: string; fingerprint: string; code: string; deskName: string }
  | { cmd: 'open'; pairing: DeskPairing; forwardEvents: boolean; windowId?: string }
  | { cmd: 'call'; id: number; op: string; request: unknown }
  | { cmd: 'status'; id: number }
  | { cmd: 'flow'; id: number; seconds: number; lotId: string; dosesPerVial: number; seed: number; login: { username: string; pin: string } }
  | { cmd: 'close' };

export type DeskReply =
  | { type: 'paired'; pairing: DeskPairing }
  | { type: 'opened' }
  | { type: 'result'; id: number; result: unknown; ms: number }
  | { type: 'status'; id: number; status: ReturnType<HubTransport['status']> }
  | { type: 'event'; event: string; payload: unknown }
  | { type: 'flow'; id: number; stats: FlowStats }
  | { type: 'error'; message: string };

export interface FlowStats {
  flows: number;
  calls: number;
  errors: { op: string; code: string }[];
  /** Every call's time, ms, in the order made. */
  latencies: number[];
  doseIds: string[];
  released: string[];
}

const FORM = { formId: 'covid19-adult', formVersion: 1 };

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
        return reply({ type: 'flow', id: m.id, stats: await flow(m) });
      case 'close':
        transport?.close();
        setTimeout(() => process.exit(0), 50);
        return;
    }
  } catch (err) {
    reply({ type: 'error', message: err instanceof Error ? `${(err as { code?: string }).code ?? ''} ${err.message}` : String(err) });
  }
}

/**
 * One desk of the bench, as fast as it can: check a person in, screen them,
 * give the dose, and release whoever's observation time is over, over and
 * over for `seconds`. Every call is timed; every refusal is counted.
 */
async function flow(m: Extract<DeskCommand, { cmd: 'flow' }>): Promise<FlowStats> {
  const stats: FlowStats = { flows: 0, calls: 0, errors: [], latencies: [], doseIds: [], released: [] };
  const call = async <T>(op: string, request: unknown): Promise<T | null> => {
    const started = performance.now();
    const result = (await transport!.call(op as never, request)) as Result<T>;
    stats.latencies.push(performance.now() - started);
    stats.calls++;
    if (!result.ok) {
      stats.errors.push({ op, code: result.error.code });
      return null;
    }
    return result.value;
  };
  await call('auth:login', m.login);
  const people = syntheticPeople(1_000_000, m.seed);
  const observing: { visitId: string; dueAt: string }[] = [];
  let vialId: string | null = null;
  let vialDoses = 0;
  const until = performance.now() + m.seconds * 1000;
  while (performance.now() < until) {
    const due = observing[0];
    if (due) {
      const board = await call<{ now: string }>('observation:board', {});
      if (board && board.now >= due.dueAt) {
        observing.shift();
        if (await call('observation:release', { visitId: due.visitId })) stats.released.push(due.visitId);
      }
    }
    const person = people.next().value!;
    const checkedIn = await call<{ visit: { visitId: string } }>('checkin:registerManual', { fullName: person.fullName, dateOfBirth: person.dateOfBirth, sex: person.sex, idNumber: null, notDuplicate: true });
    if (!checkedIn) continue;
    const visitId = checkedIn.visit.visitId;
    if (!(await call('screening:record', { visitId, ...FORM, answers: adultAnswers({ 'bp-systolic': 120, 'bp-diastolic': 80 }, person.sex) }))) continue;
    if (!vialId || vialDoses >= m.dosesPerVial) {
      const vial = await call<{ id: string }>('vials:open', { lotId: m.lotId });
      if (!vial) continue;
      vialId = vial.id;
      vialDoses = 0;
    }
    const dose = await call<{ dose: { id: string }; observation: { dueAt: string } }>('doses:record', { visitId, lotId: m.lotId, vialId });
    vialDoses++;
    if (!dose) continue;
    stats.doseIds.push(dose.dose.id);
    observing.push({ visitId, dueAt: dose.observation.dueAt });
    stats.flows++;
  }
  return stats;
}
