import { addDays } from '../../main/domain/site-time';
import { nameKey } from '../../main/domain/names';
import { newId } from '../../main/core/ids';
import { sample, summarize, type Figure, type Scenario } from '../harness';
import { injectionDesk } from '../support/clinical';
import { BENCH_TODAY } from '../support/station';

/**
 * What the injection desk waits for after a scan: doses:suggest for a citizen
 * on today's list, with two products on hand and a vial of each open, so the
 * suggestion reads the list row, the open vials and the history and ranks by
 * series, list, then stock. Measured next to the same reads done bare (the
 * same prepared statements on the same file, no rules, no contract), which is
 * what SQLite alone costs for it.
 */

const VISITS = 2000;
const ROUNDS = 10;
const PER_ROUND = 150;

const suggestListed: Scenario = {
  name: 'dose-suggest-listed',
  area: 'clinical',
  title: "Suggest the dose for a listed citizen (doses:suggest: list row, open vials, history, series > list > stock) vs the same reads bare",
  async run({ sutDir, note }): Promise<Figure[]> {
    note(`a station with ${VISITS} screened visits, each linked to a row of today's list (Comirnaty dose 1 or 2); Vaxzevria expiring sooner`);
    const desk = await injectionDesk(sutDir, VISITS);
    try {
      const plan = await desk.b.call<{ id: string; lots: { id: string; productCode: string }[] }>('plan:current', {});
      await desk.b.call('plan:addLot', { planId: plan.id, productCode: 'vaxzevria', lotNumber: 'ABV5811', expiryDate: addDays(BENCH_TODAY, 20), vialsReceived: 50 });
      const vaxzevria = (await desk.b.call<{ lots: { id: string; productCode: string }[] }>('plan:current', {})).lots.find((l) => l.productCode === 'vaxzevria')!.id;
      await desk.b.call('vials:open', { lotId: desk.lotId });
      await desk.b.call('vials:open', { lotId: vaxzevria });
      const { store } = desk.b.station.services;
      const staffId = store.db.prepare(`SELECT id FROM staff ORDER BY created_at LIMIT 1`).pluck().get() as string;
      const insertRow = store.db.prepare(`INSERT INTO plan_target (id, plan_id, id_number, full_name, name_key, date_of_birth, sex, product_code, dose_number, imported_at, imported_by)
        VALUES (?, ?, ?, ?, ?, ?, ?, 'comirnaty', ?, ?, ?)`);
      const link = store.db.prepare(`UPDATE visit SET target_id = ? WHERE id = ?`);
      store.db.transaction(() => {
        desk.visits.forEach((v, i) => {
          const id = newId();
          insertRow.run(id, plan.id, v.citizen.idNumber, v.citizen.fullName, nameKey(v.citizen.fullName), v.citizen.dateOfBirth, v.citizen.sex, i % 3 === 2 ? 2 : 1, new Date().toISOString(), staffId);
          link.run(id, v.visitId);
        });
      })();

      const q = store.q;
      const suggest = (i: number) => desk.b.call('doses:suggest', { visitId: desk.visits[i % VISITS]!.visitId });
      // The reads a suggestion makes, with the station's own statements, and nothing else.
      const reads = (i: number) => {
        const visitId = desk.visits[i % VISITS]!.visitId;
        const entry = q.visits.entry(visitId)!;
        q.screenings.latestForVisit(visitId);
        q.doses.historyEntries(entry.citizen.id);
        const targetId = q.visits.byId(visitId)!.targetId;
        if (targetId) q.targets.matchById(targetId);
        const at = new Date().toISOString();
        for (const lot of q.lots.forPlan(plan.id)) q.vials.drawableForLot(lot.id, at);
        q.doses.forCitizen(entry.citizen.id);
      };
      await sample({ iterations: 0, warmup: 200 }, suggest);
      await sample({ iterations: 0, warmup: 200 }, reads);
      const ours: number[] = [];
      const bare: number[] = [];
      for (let r = 0; r < ROUNDS; r++) {
        ours.push(...(await sample({ iterations: PER_ROUND }, (i) => suggest(r * PER_ROUND + i))));
        bare.push(...(await sample({ iterations: PER_ROUND }, (i) => reads(r * PER_ROUND + i))));
      }
      const s = summarize(ours);
      const b = summarize(bare);
      return [
        {
          label: 'dose suggested for a listed citizen, p50',
          value: s.p50,
          unit: 'ms',
          better: 'lower',
          baseline: { label: 'the same reads bare, p50', value: b.p50 },
          detail: { n: s.n, mean: s.mean, max: s.max, bareMean: b.mean },
        },
        {
          label: 'dose suggested for a listed citizen, p99',
          value: s.p99,
          unit: 'ms',
          better: 'lower',
          baseline: { label: 'the same reads bare, p99', value: b.p99 },
          // The nurse scans and the dose must be ready to confirm at once.
          target: { kind: 'atMost', value: 25 },
        },
      ];
    } finally {
      desk.b.close();
    }
  },
};

export const injectionSuggestionScenarios: readonly Scenario[] = [suggestListed];
