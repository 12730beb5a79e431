import type { QueueEntry, Vial } from '../../preload/contract';
import { newId } from '../../main/core/ids';
import { idempotencyKey, PAYLOAD_VERSIONS } from '../../main/domain/outbox';
import { newStationDose } from '../../main/core/services/clinical/station-dose';
import { openTodayByCall, seedScreenedVisits } from '../../test/support/clinical-fixtures';
import { BENCH_TODAY, openBenchStation, setUpSite, type BenchStation } from './station';

export const DOSES_PER_VIAL = 50;

export interface InjectionDesk {
  b: BenchStation;
  lotId: string;
  visits: QueueEntry[];
  /** Opens enough vials for the next `doses` doses (a desk keeps one or two open), returning them in draw order. */
  openVialsFor(doses: number): Promise<Vial[]>;
}

/**
 * A station whose injection desk has `count` citizens waiting, screened
 * eligible (every third with an earlier dose), and today's lot in 50-dose
 * vials so opening one is rare. Built untimed, through the contract where a
 * desk would use it and straight into the tables for the queue.
 */
export async function injectionDesk(dir: string, count: number): Promise<InjectionDesk> {
  const b = openBenchStation(dir);
  await setUpSite(b);
  const plan = await openTodayByCall(b.call, BENCH_TODAY, 100);
  const lotId = plan.lots[0]!.id;
  await b.call('plan:updateLot', { lotId, dosesPerVial: DOSES_PER_VIAL });
  const visits = seedScreenedVisits(b.station, count, { earlierDoseEvery: 3 });
  return {
    b,
    lotId,
    visits,
    async openVialsFor(doses) {
      const vials: Vial[] = [];
      for (let i = 0; i < Math.ceil(doses / DOSES_PER_VIAL); i++) vials.push(await b.call<Vial>('vials:open', { lotId }));
      return vials;
    },
  };
}

/**
 * The rows one dose writes (dose, vial draw, observation, visit step, two
 * audit rows, upload row) with the same prepared statements, in one durable
 * transaction, and nothing else: no request checks, no reads, no rules, no
 * answer. What SQLite itself costs for a dose's writes on this disk.
 */
export function sameRowsBare(desk: InjectionDesk): (visit: QueueEntry, vialId: string) => void {
  const { store } = desk.b.station.services;
  const q = store.q;
  const staffId = store.db.prepare(`SELECT id FROM staff ORDER BY created_at LIMIT 1`).pluck().get() as string;
  const product = q.products.all().find((p) => p.code === 'comirnaty')!;
  const write = store.db.transaction((visit: QueueEntry, vialId: string) => {
    const at = new Date().toISOString();
    const dose = newStationDose({
      citizenId: visit.citizen.id,
      visitId: visit.visitId,
      product,
      lot: { id: desk.lotId, lotNumber: 'FK5127' },
      vialId,
      doseNumber: 1,
      seriesDoses: 2,
      givenOn: BENCH_TODAY,
      at,
      staffId,
      injectionSite: null,
      rules: { id: 'vn-covid19', version: 1 },
    });
    const { id } = dose;
    q.doses.insert(dose);
    q.vials.draw(vialId, at, staffId);
    q.observations.insert({ visitId: visit.visitId, doseId: id, startedAt: at, dueAt: at });
    q.visits.setStep(visit.visitId, 'injection', 'observation', at);
    q.audit.insert({ id: newId(), at, staffId, operation: 'visit:step', entity: 'visit', entityId: visit.visitId, before: { step: 'injection' }, after: { step: 'observation' } });
    q.audit.insert({ id: newId(), at, staffId, operation: 'dose:record', entity: 'dose', entityId: id, before: null, after: dose });
    q.outbox.insert({
      id: newId(),
      kind: 'dose.recorded',
      entityId: id,
      entityVersion: 1,
      subjectId: dose.citizenId,
      idempotencyKey: idempotencyKey('dose.recorded', id, 1),
      payloadVersion: PAYLOAD_VERSIONS['dose.recorded'],
      payload: { dose, citizen: visit.citizen, siteCode: 'BENCH' },
      createdAt: at,
    });
  });
  return (visit, vialId) => write.immediate(visit, vialId);
}
