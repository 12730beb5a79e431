import type { Result } from '../../preload/contract';
import { syntheticPeople } from '../../main/core/services/synthetic-people';
import { adultAnswers } from './screening-answers';

export interface FlowOptions {
  seconds: number;
  lotId: string;
  dosesPerVial: number;
  seed: number;
  login: { username: string; pin: string };
  /** How much faster than real time the hub's clock runs (the bench speeds it so observation ends within the run). */
  clockSpeed: number;
}

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

/**
 * One desk of the LAN bench (and its in-process baseline), as fast as it can: check a person in, screen them,
 * give the dose, and release whoever's observation time is over, over and
 * over for `seconds`. Every call is timed; every refusal is counted.
 */
export async function runDeskFlow(send: (op: string, request: unknown) => Promise<Result<unknown>>, m: FlowOptions): Promise<FlowStats> {
  const stats: FlowStats = { flows: 0, calls: 0, errors: [], latencies: [], doseIds: [], released: [] };
  const call = async <T>(op: string, request: unknown): Promise<T | null> => {
    const started = performance.now();
    const result = (await send(op, request)) as Result<T>;
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
  // Released once their observation is over by the hub's clock, a little after it to be sure: the desk has no clock of the hub's.
  const observing: { visitId: string; releaseAt: number }[] = [];
  let vialId: string | null = null;
  let vialDoses = 0;
  const until = performance.now() + m.seconds * 1000;
  while (performance.now() < until) {
    const due = observing[0];
    if (due && due.releaseAt <= performance.now()) {
      observing.shift();
      if (await call('observation:release', { visitId: due.visitId })) stats.released.push(due.visitId);
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
    const dose = await call<{ dose: { id: string; recordedAt: string }; observation: { dueAt: string } }>('doses:record', { visitId, lotId: m.lotId, vialId });
    vialDoses++;
    if (!dose) continue;
    stats.doseIds.push(dose.dose.id);
    const observeMs = Date.parse(dose.observation.dueAt) - Date.parse(dose.dose.recordedAt);
    observing.push({ visitId, releaseAt: performance.now() + observeMs / m.clockSpeed + 500 });
    stats.flows++;
  }
  return stats;
}
