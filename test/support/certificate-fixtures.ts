import { newId } from '../../main/core/ids';
import { siteToday } from '../../main/core/clock';
import type { PrintSystem } from '../../main/certificates/printing/print-system';
import type { TestStation } from './station';

/**
 * Citizens, visits and doses written straight into the database through the
 * store, so certificate tests do not depend on how the check-in and clinical
 * desks get there. A released citizen is what those desks leave behind.
 */
export interface SeedDose {
  productCode?: string;
  doseNumber: number;
  seriesDoses: number;
  /** yyyy-MM-dd; today's dose (the one of the visit) when omitted. */
  givenOn?: string;
  lotNumber?: string;
  source?: 'station' | 'reported_elsewhere' | 'national';
  country?: string;
  issuer?: string;
}

export interface SeededCitizen {
  citizenId: string;
  visitId: string;
  planId: string;
  doseIds: string[];
}

function staffId(t: Pick<TestStation, 'station'>): string {
  return t.station.services.store.db.prepare(`SELECT id FROM staff ORDER BY created_at LIMIT 1`).pluck().get() as string;
}

/** Today's session plan (open), created once. */
export function todaysPlan(t: Pick<TestStation, 'station'>): string {
  const store = t.station.services.store;
  const today = siteToday(store.clock);
  const existing = store.db.prepare(`SELECT id FROM session_plan WHERE session_date = ? AND state = 'open'`).pluck().get(today) as string | undefined;
  if (existing) return existing;
  const id = newId();
  const at = store.clock.now().toISOString();
  store.db
    .prepare(`INSERT INTO session_plan (id, session_date, period, location, planned_capacity, state, created_by, created_at, updated_at, opened_at, opened_by)
      VALUES (?, ?, 'all_day', 'Hội trường', 300, 'open', ?, ?, ?, ?, ?)`)
    .run(id, today, staffId(t), at, at, at, staffId(t));
  return id;
}

/**
 * A citizen checked in today with the given doses; the last dose without a
 * date is today's, given at this visit. `step` says where the visit stands
 * (released by default).
 */
export function seedCitizen(
  t: Pick<TestStation, 'station'>,
  person: { fullName: string; dateOfBirth: string; idNumber?: string | null; passportNumber?: string | null; nationality?: string | null },
  doses: readonly SeedDose[],
  step: 'observation' | 'released' = 'released',
): SeededCitizen {
  const store = t.station.services.store;
  const planId = todaysPlan(t);
  const today = siteToday(store.clock);
  const citizenId = newId();
  const visitId = newId();
  const staff = staffId(t);
  const doseIds: string[] = [];
  store.write(null, () => {
    const at = store.clock.now().toISOString();
    store.db
      .prepare(`INSERT INTO citizen (id, id_number, passport_number, nationality, full_name, name_key, date_of_birth, verification, created_at, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, 'card', ?, ?)`)
      .run(citizenId, person.idNumber ?? null, person.passportNumber ?? null, person.nationality ?? null, person.fullName, person.fullName.toLowerCase(), person.dateOfBirth, at, at);
    const queueNumber = (store.db.prepare(`SELECT coalesce(max(queue_number), 0) + 1 FROM visit WHERE plan_id = ?`).pluck().get(planId) as number);
    store.db
      .prepare(`INSERT INTO visit (id, plan_id, citizen_id, queue_number, step, step_at, checkin_source, checked_in_at, checked_in_by)
        VALUES (?, ?, ?, ?, ?, ?, 'card_scanner', ?, ?)`)
      .run(visitId, planId, citizenId, queueNumber, step, at, at, staff);
    for (const dose of doses) {
      const product = store.db
        .prepare(`SELECT code, dcc_product AS mp, dcc_manufacturer AS ma, dcc_prophylaxis AS vp, dcc_disease AS tg FROM vaccine_product WHERE code = ?`)
        .get(dose.productCode ?? 'comirnaty') as { code: string; mp: string; ma: string; vp: string; tg: string };
      const id = newId();
      const atVisit = dose.givenOn === undefined;
      store.db
        .prepare(`INSERT INTO dose (id, record_id, citizen_id, visit_id, source, product_code, dcc_product, dcc_manufacturer, dcc_prophylaxis,
          dcc_disease, lot_number, dose_number, series_doses, given_on, country, issuer, recorded_by, recorded_at)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
        .run(
          id,
          newId(),
          citizenId,
          atVisit ? visitId : null,
          dose.source ?? 'station',
          product.code,
          product.mp,
          product.ma,
          product.vp,
          product.tg,
          dose.lotNumber ?? (atVisit ? 'FK5127' : null),
          dose.doseNumber,
          dose.seriesDoses,
          dose.givenOn ?? today,
          dose.country ?? 'VN',
          dose.issuer ?? null,
          staff,
          at,
        );
      doseIds.push(id);
    }
  });
  return { citizenId, visitId, planId, doseIds };
}

/** Moves a visit from observation to released the way the observation desk does (the queue's own step change). */
export function releaseVisit(t: TestStation, visitId: string): void {
  const { store, visits } = t.station.services;
  store.write(null, (w) => visits.advance(w, visitId, ['observation'], 'released'));
}

/** A print system that records jobs instead of printing, with a fixed list of printers. */
export function recordingPrintSystem(printers: string[] = ['Quay-1', 'PDF']): PrintSystem & { jobs: { printer: string; bytes: number; paper: string }[] } {
  const jobs: { printer: string; bytes: number; paper: string }[] = [];
  let n = 0;
  return {
    kind: 'cups',
    jobs,
    list: () => Promise.resolve({ printers: printers.map((name, i) => ({ name, isDefault: i === 0, state: 'idle' })), problem: null }),
    print: async (file, printer, options) => {
      const { statSync } = await import('node:fs');
      jobs.push({ printer, bytes: statSync(file).size, paper: options.paper });
      return { jobId: `${printer}-${++n}` };
    },
  };
}

/** Two doses of Comirnaty: one last year elsewhere in Viet Nam, one today at this visit. */
export const TWO_DOSES: readonly SeedDose[] = [
  { doseNumber: 1, seriesDoses: 2, givenOn: '2025-09-02', lotNumber: 'EW0150' },
  { doseNumber: 2, seriesDoses: 2 },
];
