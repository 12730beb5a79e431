import { newId } from '../../main/core/ids';
import { newStationDose } from '../../main/core/services/clinical/station-dose';
import { syntheticPeople } from '../../main/core/services/synthetic-people';
import type { Store } from '../../main/core/store';
import { nameKey } from '../../main/domain/names';
import { addDays, siteDay } from '../../main/domain/site-time';

/**
 * A week offline: `doses` doses given to `people` citizens over the seven
 * days up to today (one closed session a day, one lot, one vial per day),
 * each dose queued for the platform through WriteScope.enqueue exactly as the
 * injection desk queues it. A citizen's second dose falls on a later day than
 * the first. Written in large transactions, untimed: for the upload's tests,
 * the chaos test and the bench.
 */
export interface OfflineWeek {
  planIds: string[];
  doseIds: string[];
  citizenIds: string[];
  lotNumbers: string[];
}

export function seedOfflineWeek(
  store: Store,
  options: { doses: number; people: number; seed?: number; lotNumbers?: (day: number) => string; /** Leave the days open (corrections then need no amendment). */ leaveOpen?: boolean },
): OfflineWeek {
  const { doses, people } = options;
  if (Math.ceil(doses / people) > 7) throw new Error('at most seven doses a citizen in a week');
  const db = store.db;
  const staffId = db.prepare(`SELECT id FROM staff ORDER BY created_at LIMIT 1`).pluck().get() as string;
  if (!staffId) throw new Error('set the site up first');
  const product = store.q.products.all().find((p) => p.code === 'comirnaty')!;
  const today = siteDay(store.clock.now());
  const at = store.clock.now().toISOString();
  const days = Math.max(1, Math.ceil(doses / people));
  const plans: { id: string; lotId: string; lotNumber: string; vialId: string; date: string }[] = [];
  store.write(null, (w) => {
    for (let d = 0; d < days; d++) {
      const date = addDays(today, d - days + 1);
      const id = newId();
      w.q.plans.insert({ id, sessionDate: date, period: 'all_day', location: 'Hội trường Trạm Y tế', plannedCapacity: 100_000, targetGroups: [], notes: '', createdBy: staffId, createdAt: at, updatedAt: at });
      const lotId = newId();
      const lotNumber = options.lotNumbers?.(d) ?? 'FK5127';
      w.q.lots.insert({ id: lotId, planId: id, productCode: 'comirnaty', lotNumber, expiryDate: addDays(today, 90), dosesPerVial: 6, vialsReceived: 100_000, createdAt: at, updatedAt: at });
      const vialId = newId();
      w.q.vials.insert({ id: vialId, lotId, dosesTotal: 1_000_000, openedAt: at, openedBy: staffId, expiresAt: addDays(today, 1) + 'T00:00:00.000Z' });
      plans.push({ id, lotId, lotNumber, vialId, date });
    }
  });
  const citizenIds: string[] = [];
  const insertCitizen = db.prepare(`INSERT INTO citizen (id, id_number, full_name, name_key, date_of_birth, sex, address, verification, created_at, created_by, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, 'card', ?, ?, ?)`);
  const CHUNK = 5000;
  const generator = syntheticPeople(people, options.seed ?? 11);
  for (let start = 0; start < people; start += CHUNK) {
    store.write(null, () => {
      for (let i = start; i < Math.min(people, start + CHUNK); i++) {
        const p = generator.next().value!;
        const id = newId();
        insertCitizen.run(id, p.idNumber, p.fullName, nameKey(p.fullName), p.dateOfBirth, p.sex, p.address ?? null, at, staffId, at);
        citizenIds.push(id);
      }
    });
  }
  const doseIds: string[] = [];
  const queueNumbers = new Map<string, number>();
  for (let start = 0; start < doses; start += CHUNK) {
    store.write(null, (w) => {
      for (let i = start; i < Math.min(doses, start + CHUNK); i++) {
        const citizenId = citizenIds[i % people]!;
        const k = Math.floor(i / people);
        const plan = plans[k]!;
        const queueNumber = (queueNumbers.get(plan.id) ?? 0) + 1;
        queueNumbers.set(plan.id, queueNumber);
        const visitId = newId();
        const givenAt = `${plan.date}T0${2 + (i % 7)}:${String(i % 60).padStart(2, '0')}:00.000Z`;
        w.q.visits.insert({ id: visitId, planId: plan.id, citizenId, targetId: null, queueNumber, step: 'released', stepAt: givenAt, checkinSource: 'card_scanner', checkedInAt: givenAt, checkedInBy: staffId });
        const dose = newStationDose({
          citizenId,
          visitId,
          product,
          lot: { id: plan.lotId, lotNumber: plan.lotNumber },
          vialId: plan.vialId,
          doseNumber: k + 1,
          seriesDoses: Math.max(2, k + 1),
          givenOn: plan.date,
          at: givenAt,
          staffId,
          injectionSite: i % 2 ? 'left_deltoid' : 'right_deltoid',
          rules: { id: 'covid19-vn', version: 1 },
        });
        w.q.doses.insert(dose);
        w.enqueue({ kind: 'dose.recorded', entityId: dose.id, subjectId: citizenId, sessionId: plan.id, payload: { dose } });
        doseIds.push(dose.id);
      }
    });
  }
  // The days are over: closed last, since a closed session's records are read-only (the lock triggers of migration 0010).
  const close = db.prepare(`UPDATE session_plan SET state = 'closed', opened_at = ?, opened_by = ?, closed_at = ?, closed_by = ? WHERE id = ?`);
  const open = db.prepare(`UPDATE session_plan SET state = 'open', opened_at = ?, opened_by = ? WHERE id = ?`);
  store.write(null, () => {
    for (const p of plans) {
      if (options.leaveOpen) open.run(at, staffId, p.id);
      else close.run(at, staffId, at, staffId, p.id);
    }
  });
  return { planIds: plans.map((p) => p.id), doseIds, citizenIds, lotNumbers: plans.map((p) => p.lotNumber) };
}
