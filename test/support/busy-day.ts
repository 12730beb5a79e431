import type { OpName, PlanDetail } from '../../preload/contract';
import { newId } from '../../main/core/ids';
import { newStationDose } from '../../main/core/services/clinical/station-dose';
import type { Station } from '../../main/core/station';
import { addDays, siteDay } from '../../main/domain/site-time';
import { seedScreenedVisits } from './clinical-fixtures';

/**
 * A busy day's records, built fast and untimed for the close-of-day
 * benchmark and the SIGKILL test: `doses` citizens checked in and screened
 * (seedScreenedVisits), each given a dose from today's Comirnaty lot,
 * observed and released, every vial used up or discarded at the end. The
 * rows are the ones the desks write (dose, vial draw, observation, visit
 * step, audit and upload rows), written in one transaction per 500 doses
 * straight through the store, without the desks' checks.
 */
export const BUSY_DAY_PASSPHRASE = 'mật khẩu trạm tiêm 2026';

export async function seedBusyDay(station: Station, call: <T>(op: OpName, request: unknown) => Promise<T>, doses: number): Promise<PlanDetail> {
  const store = station.services.store;
  const today = siteDay(store.clock.now());
  const dosesPerVial = 6;
  const vials = Math.ceil(doses / dosesPerVial);
  let plan = await call<PlanDetail>('plan:create', { sessionDate: today, period: 'all_day', location: 'Hội trường Trạm Y tế', plannedCapacity: doses + 500 });
  await call('plan:addLot', { planId: plan.id, productCode: 'comirnaty', lotNumber: 'FK5127', expiryDate: addDays(today, 90), vialsReceived: vials + 20, dosesPerVial });
  plan = await call<PlanDetail>('plan:open', { id: plan.id });
  await call('certificates:createSigningKey', { passphrase: BUSY_DAY_PASSPHRASE });
  const lot = plan.lots[0]!;
  const visits = seedScreenedVisits(station, doses);
  const product = store.q.products.all().find((p) => p.code === 'comirnaty')!;
  const staffId = store.db.prepare(`SELECT id FROM staff ORDER BY created_at LIMIT 1`).pluck().get() as string;
  const start = store.clock.now().getTime();
  let vialId = '';
  for (let from = 0; from < visits.length; from += 500) {
    store.write({ staffId, username: 'seed', role: 'supervisor' }, (w) => {
      for (let i = from; i < Math.min(from + 500, visits.length); i++) {
        const visit = visits[i]!;
        // Spread over eight hours, so the day has its doses per hour.
        const at = new Date(start + Math.floor((i / visits.length) * 8 * 3_600_000)).toISOString();
        if (i % dosesPerVial === 0) {
          vialId = newId();
          w.q.vials.insert({ id: vialId, lotId: lot.id, dosesTotal: dosesPerVial, openedAt: at, openedBy: staffId, expiresAt: new Date(Date.parse(at) + 6 * 3_600_000).toISOString() });
        }
        const dose = newStationDose({
          citizenId: visit.citizen.id,
          visitId: visit.visitId,
          product,
          lot: { id: lot.id, lotNumber: lot.lotNumber },
          vialId,
          doseNumber: 1,
          seriesDoses: 2,
          givenOn: today,
          at,
          staffId,
          injectionSite: 'left_deltoid',
          rules: { id: 'vn-covid19', version: 1 },
        });
        w.q.doses.insert(dose);
        w.q.vials.draw(vialId, at, staffId);
        const due = new Date(Date.parse(at) + 30 * 60_000).toISOString();
        w.q.observations.insert({ visitId: visit.visitId, doseId: dose.id, startedAt: at, dueAt: due });
        w.q.observations.release(visit.visitId, due, staffId, null);
        w.q.visits.setStep(visit.visitId, 'injection', 'released', due);
        w.audit('dose:record', 'dose', dose.id, null, dose);
        w.enqueue({ kind: 'dose.recorded', entityId: dose.id, subjectId: dose.citizenId, payload: { dose, citizen: visit.citizen } });
      }
    });
  }
  // The last vial of the day, if not used up, is discarded at closing time.
  store.write({ staffId, username: 'seed', role: 'supervisor' }, (w) => {
    const last = w.q.vials.byId(vialId)!;
    if (last.state === 'open') w.q.vials.discard(vialId, 'end_of_session', null, last.openedAt, staffId);
  });
  return plan;
}
