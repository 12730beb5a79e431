import type { OpName, PlanDetail, QueueEntry, StationApi, VisitStep } from '../../preload/contract';
import { evaluateScreening, COVID19_ADULT_V1, decisionOf, type ScreeningAnswers } from '../../main/domain/screening';
import { nameKey } from '../../main/domain/names';
import { addDays, siteDay } from '../../main/domain/site-time';
import { newId } from '../../main/core/ids';
import type { Station } from '../../main/core/station';
import { syntheticPeople } from '../../main/core/services/synthetic-people';
import { ok } from './station';
import { adultAnswers as adultFormAnswers } from './screening-answers';

/** adultAnswers() as the contract takes them (the desk never sends an unanswered item as undefined). */
export function adultAnswers(changes: ScreeningAnswers = {}, sex: 'male' | 'female' = 'male'): Record<string, string | number | boolean | null> {
  return adultFormAnswers(changes, sex) as Record<string, string | number | boolean | null>;
}

/**
 * Citizens and visits for the clinical desks' tests, benchmarks and the
 * reliability test. Check-in has its own desk and operations; these fixtures
 * write the rows check-in would leave behind (a citizen, a visit at the
 * screening step, optionally a screening) straight through the store, so the
 * clinical services can be tested on their own.
 */

export interface Person {
  fullName: string;
  dateOfBirth: string;
  sex: 'male' | 'female';
  idNumber?: string | null;
}

export const AN: Person = { fullName: 'Nguyễn Văn An', dateOfBirth: '1994-03-15', sex: 'male', idNumber: '001094123456' };
export const BICH: Person = { fullName: 'Trần Thị Bích', dateOfBirth: '1990-09-02', sex: 'female', idNumber: '079190654321' };
export const DUNG: Person = { fullName: 'Phạm Văn Dũng', dateOfBirth: '1955-07-01', sex: 'male', idNumber: '036055001234' };


/** Today's session planned and opened through the contract by a supervisor's desk: Comirnaty and Vaxzevria on hand. */
export async function openToday(
  sup: StationApi,
  today: string,
  lots: { productCode: string; lotNumber: string; vialsReceived?: number; dosesPerVial?: number }[] = [
    { productCode: 'comirnaty', lotNumber: 'FK5127' },
    { productCode: 'vaxzevria', lotNumber: 'ABV5811' },
  ],
): Promise<PlanDetail> {
  const plan = ok(await sup.plan.create({ sessionDate: today, period: 'all_day', location: 'Hội trường Trạm Y tế', plannedCapacity: 300, targetGroups: [] }));
  for (const lot of lots) {
    ok(
      await sup.plan.addLot({
        planId: plan.id,
        productCode: lot.productCode,
        lotNumber: lot.lotNumber,
        expiryDate: addDays(today, 90),
        vialsReceived: lot.vialsReceived ?? 20,
        ...(lot.dosesPerVial ? { dosesPerVial: lot.dosesPerVial } : {}),
      }),
    );
  }
  return ok(await sup.plan.open({ id: plan.id }));
}

/** The same as openToday, for a core driven by raw dispatch calls (benchmarks, the reliability test). */
export async function openTodayByCall(call: <T>(op: OpName, request: unknown) => Promise<T>, today: string, vialsReceived = 500): Promise<PlanDetail> {
  const plan = await call<PlanDetail>('plan:create', { sessionDate: today, period: 'all_day', location: 'Hội trường Trạm Y tế', plannedCapacity: 5000 });
  await call('plan:addLot', { planId: plan.id, productCode: 'comirnaty', lotNumber: 'FK5127', expiryDate: addDays(today, 90), vialsReceived });
  return call<PlanDetail>('plan:open', { id: plan.id });
}

/**
 * What check-in leaves behind: the citizen (identity read from the card) and a
 * visit on today's open plan at `step`, with the next queue number.
 */
export function checkIn(station: Station, person: Person, step: VisitStep = 'screening'): QueueEntry {
  const store = station.services.store;
  const visitId = store.write(null, (w) => {
    const plan = w.q.plans.openOn(siteDay(new Date(w.at)));
    if (!plan) throw new Error('open a session first');
    const staffId = store.db.prepare(`SELECT id FROM staff ORDER BY created_at LIMIT 1`).pluck().get() as string;
    const citizenId = newId();
    store.db
      .prepare(
        `INSERT INTO citizen (id, id_number, full_name, name_key, date_of_birth, sex, verification, created_at, created_by, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, 'card', ?, ?, ?)`,
      )
      .run(citizenId, person.idNumber ?? null, person.fullName, nameKey(person.fullName), person.dateOfBirth, person.sex, w.at, staffId, w.at);
    const id = newId();
    w.q.visits.insert({
      id,
      planId: plan.id,
      citizenId,
      targetId: null,
      queueNumber: w.q.visits.nextQueueNumber(plan.id),
      step,
      stepAt: w.at,
      checkinSource: 'card_scanner',
      checkedInAt: w.at,
      checkedInBy: staffId,
    });
    return id;
  });
  return station.services.visits.get(visitId);
}

/** A dose the citizen had before (a paper card, another site), as it would sit in the dose table. */
export function addEarlierDose(
  station: Station,
  citizenId: string,
  dose: { productCode: string; givenOn: string; doseNumber?: number; source?: 'reported_elsewhere' | 'national' },
): string {
  const store = station.services.store;
  const product = store.q.products.all().find((p) => p.code === dose.productCode)!;
  const id = newId();
  store.write(null, (w) =>
    w.q.doses.insert({
      id,
      recordId: id,
      version: 1,
      supersedesId: null,
      citizenId,
      visitId: null,
      source: dose.source ?? 'reported_elsewhere',
      productCode: product.code,
      dccProduct: product.dccProduct,
      dccManufacturer: product.dccManufacturer,
      dccProphylaxis: product.dccProphylaxis,
      dccDisease: product.dccDisease,
      lotId: null,
      lotNumber: null,
      vialId: null,
      doseNumber: dose.doseNumber ?? 1,
      seriesDoses: 2,
      givenOn: dose.givenOn,
      givenAt: null,
      country: 'VN',
      issuer: 'Trạm Y tế Phường Đa Kao',
      injectionSite: null,
      status: 'valid',
      statusReason: null,
      statusBy: null,
      statusAt: null,
      recordedBy: null,
      recordedAt: w.at,
      rulesId: null,
      rulesVersion: null,
    }),
  );
  return id;
}

/**
 * `count` synthetic adults checked in and screened eligible (adult form,
 * nothing to report), waiting at the injection desk: what a busy morning
 * leaves for the injection desk. With `earlierDoseEvery: n`, every n-th has
 * had a first Comirnaty dose 60 days ago, so the rules have a history to read.
 * One transaction, untimed.
 */
export function seedScreenedVisits(station: Station, count: number, options: { seed?: number; earlierDoseEvery?: number } = {}): QueueEntry[] {
  const seed = options.seed ?? 7;
  const store = station.services.store;
  const people = [...syntheticPeople(count, seed)];
  const ids = store.write(null, (w) => {
    const plan = w.q.plans.openOn(siteDay(new Date(w.at)));
    if (!plan) throw new Error('open a session first');
    const staffId = store.db.prepare(`SELECT id FROM staff ORDER BY created_at LIMIT 1`).pluck().get() as string;
    const today = siteDay(new Date(w.at));
    const insertCitizen = store.db.prepare(
      `INSERT INTO citizen (id, id_number, full_name, name_key, date_of_birth, sex, verification, created_at, created_by, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, 'card', ?, ?, ?)`,
    );
    const visitIds: string[] = [];
    const earlier: string[] = [];
    let queueNumber = w.q.visits.nextQueueNumber(plan.id);
    for (const p of people) {
      const citizenId = newId();
      insertCitizen.run(citizenId, p.idNumber, p.fullName, nameKey(p.fullName), p.dateOfBirth, p.sex, w.at, staffId, w.at);
      const visitId = newId();
      w.q.visits.insert({ id: visitId, planId: plan.id, citizenId, targetId: null, queueNumber: queueNumber++, step: 'injection', stepAt: w.at, checkinSource: 'card_scanner', checkedInAt: w.at, checkedInBy: staffId });
      const answers = adultAnswers({ 'bp-systolic': 120, 'bp-diastolic': 80 }, p.sex);
      const evaluation = evaluateScreening(COVID19_ADULT_V1, answers, { today, dateOfBirth: p.dateOfBirth, sex: p.sex });
      if (!evaluation.ok) throw new Error(`fixture answers invalid: ${JSON.stringify(evaluation.problems)}`);
      const decision = decisionOf(evaluation.result);
      w.q.screenings.insert({
        id: newId(),
        visitId,
        formId: COVID19_ADULT_V1.id,
        formVersion: COVID19_ADULT_V1.version,
        answersJson: JSON.stringify(answers),
        computedOutcome: decision.computedOutcome,
        outcome: decision.outcome,
        resultJson: JSON.stringify(decision),
        returnDate: null,
        observationMinutes: decision.observationMinutes,
        overrideReason: null,
        screenedBy: staffId,
        screenedAt: w.at,
      });
      visitIds.push(visitId);
      if (options.earlierDoseEvery && visitIds.length % options.earlierDoseEvery === 0) earlier.push(citizenId);
    }
    return { visitIds, earlier };
  });
  for (const citizenId of ids.earlier) addEarlierDose(station, citizenId, { productCode: 'comirnaty', givenOn: addDays(siteDay(store.clock.now()), -60) });
  return ids.visitIds.map((id) => station.services.visits.get(id));
}
