import type { DiscardReason, LotReconciliation, Reconciliation, StockCount, WasteReason } from '../../../../preload/contract';
import type { Queries } from '../../../../db/queries';
import type { AdministeredDose } from '../../../../db/queries/day-figures';
import { AGE_BANDS, ageBand, lotBalance, lotProblems, screeningReasonText, siteHour, wastageRate } from '../../../domain/close-of-day';
import type { ScreeningDecision } from '../../../domain/screening';

/**
 * Counts a session's reconciliation from its records: vials and doses per
 * lot with the supervisor's count, people through the four steps, doses
 * against the target list, certificates and uploads. Pure reading: the
 * close runs it inside its own transaction, so what is signed is what was
 * counted.
 */
export function reconcile(q: Queries, planId: string, now: string, sessionDate: string, plannedCapacity: number): Reconciliation {
  const f = q.dayFigures;
  const administered = f.administered(planId);
  return {
    planId,
    at: now,
    ...lotStock(q, planId, now),
    people: people(q, planId, administered),
    doses: doses(q, planId, administered, sessionDate, plannedCapacity),
    certificates: certificates(q, planId),
    uploads: uploads(q, planId),
  };
}

/** Vials and doses per lot, with the supervisor's latest count, and wastage per product. */
export function lotStock(q: Queries, planId: string, now: string): Pick<Reconciliation, 'lots' | 'products'> {
  const f = q.dayFigures;
  const vials = new Map(f.vials(planId, now).map((v) => [v.lotId, v]));
  const counts = new Map(q.closeOfDay.latestCounts(planId).map((c) => [c.lotId, c]));
  const discards = f.discards(planId);
  const waste = f.waste(planId);
  const given = new Map(f.administeredByLot(planId).map((r) => [r.lotId, r.n]));

  const lots: LotReconciliation[] = q.lots.forPlan(planId).map((lot) => {
    const v = vials.get(lot.id);
    const c = counts.get(lot.id) ?? null;
    const input = {
      dosesPerVial: lot.dosesPerVial,
      vialsReceived: lot.vialsReceived,
      vialsOpened: v?.vialsOpened ?? 0,
      dosesInOpenedVials: v?.dosesInOpenedVials ?? 0,
      dosesDrawn: v?.dosesDrawn ?? 0,
      dosesWasted: v?.dosesWasted ?? 0,
      dosesAdministered: given.get(lot.id) ?? 0,
      dosesLeftInOpenVials: v?.dosesLeftInOpenVials ?? 0,
      sealedVialsCounted: c?.sealedVialsCounted ?? null,
    };
    const balance = lotBalance(input);
    const count: StockCount | null = c
      ? {
          id: c.id,
          sealedVialsExpected: c.sealedVialsExpected,
          sealedVialsCounted: c.sealedVialsCounted,
          varianceDoses: c.varianceDoses,
          reason: c.reason,
          note: c.note,
          countedBy: c.countedByName,
          verifiedBy: c.verifiedByName,
          countedAt: c.countedAt,
        }
      : null;
    return {
      lotId: lot.id,
      lotNumber: lot.lotNumber,
      productCode: lot.productCode,
      productName: lot.productName,
      expiryDate: lot.expiryDate,
      dosesPerVial: lot.dosesPerVial,
      vialsReceived: lot.vialsReceived,
      vialsOpened: input.vialsOpened,
      vialsDiscarded: v?.vialsDiscarded ?? 0,
      vialsEmpty: v?.vialsEmpty ?? 0,
      vialsOpenNow: v?.vialsOpenNow ?? 0,
      vialsPastInUseTime: v?.vialsPastInUseTime ?? 0,
      sealedVialsExpected: balance.sealedVialsExpected,
      sealedVialsOnHand: balance.sealedVialsOnHand,
      count,
      dosesReceived: balance.dosesReceived,
      dosesInOpenedVials: input.dosesInOpenedVials,
      dosesDrawn: input.dosesDrawn,
      dosesAdministered: input.dosesAdministered,
      dosesWasted: input.dosesWasted,
      dosesLeftInOpenVials: input.dosesLeftInOpenVials,
      dosesRemaining: balance.dosesRemaining,
      varianceDoses: balance.varianceDoses,
      drawnNotAdministered: balance.drawnNotAdministered,
      openedCoversAdministered: balance.openedCoversAdministered,
      wastageRate: balance.wastageRate,
      discards: discards.filter((d) => d.lotId === lot.id).map((d) => ({ reason: d.reason as DiscardReason, vials: d.vials, doses: d.doses })),
      waste: waste.filter((w) => w.lotId === lot.id).map((w) => ({ reason: w.reason as WasteReason, doses: w.doses })),
      problems: lotProblems(balance, {
        counted: c !== null,
        countReason: c?.reason ?? null,
        countVariance: c?.varianceDoses ?? null,
        vialsOpenNow: v?.vialsOpenNow ?? 0,
        vialsPastInUseTime: v?.vialsPastInUseTime ?? 0,
      }),
    };
  });

  const byProduct = new Map<string, { productCode: string; productName: string; dosesInOpenedVials: number; dosesAdministered: number; dosesWasted: number }>();
  for (const l of lots) {
    const p = byProduct.get(l.productCode) ?? { productCode: l.productCode, productName: l.productName, dosesInOpenedVials: 0, dosesAdministered: 0, dosesWasted: 0 };
    p.dosesInOpenedVials += l.dosesInOpenedVials;
    p.dosesAdministered += l.dosesAdministered;
    p.dosesWasted += l.dosesWasted;
    byProduct.set(l.productCode, p);
  }
  const products = [...byProduct.values()].map((p) => ({ ...p, wastageRate: wastageRate(p.dosesInOpenedVials, p.dosesAdministered) }));
  return { lots, products };
}

function tally(codes: Iterable<string>): { code: string; count: number; label: { vi: string; en: string } }[] {
  const m = new Map<string, number>();
  for (const c of codes) m.set(c, (m.get(c) ?? 0) + 1);
  return [...m.entries()]
    .map(([code, count]) => ({ code, count, label: { ...screeningReasonText(code) } }))
    .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
}

/** The reasons behind a screening's conclusion: the codes of the effects that led to it, or the override. */
function reasonCodes(resultJson: string, effect: 'postpone' | 'contraindicate' | 'refer'): string[] {
  const d = JSON.parse(resultJson) as ScreeningDecision;
  if (d.override) return ['override'];
  const codes = d.reasons.filter((r) => r.effect === effect).map((r) => r.code);
  return codes.length > 0 ? [...new Set(codes)] : ['unspecified'];
}

function people(q: Queries, planId: string, administered: readonly AdministeredDose[]): Reconciliation['people'] {
  const f = q.dayFigures;
  const steps = new Map(f.steps(planId).map((s) => [s.step, s.n]));
  const step = (s: string) => steps.get(s as never) ?? 0;
  const screened = f.screened(planId);
  const deferred = screened.filter((s) => s.outcome === 'postpone');
  const referred = screened.filter((s) => s.outcome === 'refer');
  // "Contraindicated" on the form allows another type of vaccine when one is on hand: only those sent home were refused.
  const refused = screened.filter((s) => s.outcome === 'contraindicated' && s.step === 'contraindicated');
  const events = f.aefi(planId);
  const followUp: Record<string, number> = { none: 0 };
  for (const e of events) followUp[e.outcome ?? 'none'] = (followUp[e.outcome ?? 'none'] ?? 0) + 1;
  // One valid dose per visit (the dose table's unique index): doses given are people vaccinated.
  const vaccinated = administered.length;
  return {
    checkedIn: [...steps.values()].reduce((a, b) => a + b, 0),
    screened: screened.length,
    eligible: screened.length - deferred.length - referred.length - refused.length,
    deferred: deferred.length,
    refused: refused.length,
    referred: referred.length,
    deferredReasons: tally(deferred.flatMap((s) => reasonCodes(s.resultJson, 'postpone'))),
    refusedReasons: tally(refused.flatMap((s) => reasonCodes(s.resultJson, 'contraindicate'))),
    referredReasons: tally(referred.flatMap((s) => reasonCodes(s.resultJson, 'refer'))),
    vaccinated,
    leftBeforeInjection: step('left'),
    waitingForScreening: step('screening'),
    waitingForInjection: step('injection'),
    inObservation: step('observation'),
    released: step('released'),
    releasedEarly: f.releasedEarly(planId),
    aefi: {
      total: events.length,
      serious: events.filter((e) => e.serious === 1).length,
      bySeverity: {
        mild: events.filter((e) => e.severity === 'mild').length,
        moderate: events.filter((e) => e.severity === 'moderate').length,
        severe: events.filter((e) => e.severity === 'severe').length,
      },
      followUp,
      seriousWithoutFollowUp: events.filter((e) => e.serious === 1 && e.outcome === null).length,
    },
  };
}

function doses(q: Queries, planId: string, administered: readonly AdministeredDose[], sessionDate: string, plannedCapacity: number): Reconciliation['doses'] {
  const f = q.dayFigures;
  const targets = f.targets(planId);
  const groups = new Map<string | null, { targets: number; vaccinated: number }>();
  for (const t of targets) groups.set(t.targetGroup, { targets: t.n, vaccinated: 0 });
  const bands = new Map<string, number>(AGE_BANDS.map((b) => [b, 0]));
  const productDose = new Map<string, { productCode: string; productName: string; doseNumber: number; count: number }>();
  const hours = new Map<number, number>();
  let targetsVaccinated = 0;
  for (const d of administered) {
    // Vaccinated people not on the list fall in the "no group" line, with the list's rows that name no group.
    const group = d.targetId ? d.targetGroup : null;
    const g = groups.get(group) ?? { targets: 0, vaccinated: 0 };
    g.vaccinated++;
    groups.set(group, g);
    if (d.targetId) targetsVaccinated++;
    const band = ageBand(d.dateOfBirth, sessionDate);
    bands.set(band, (bands.get(band) ?? 0) + 1);
    const code = d.productCode ?? '';
    const key = `${code}\t${d.doseNumber}`;
    const pd = productDose.get(key) ?? { productCode: code, productName: d.productName ?? code, doseNumber: d.doseNumber, count: 0 };
    pd.count++;
    productDose.set(key, pd);
    if (d.givenAt) {
      const h = siteHour(d.givenAt);
      hours.set(h, (hours.get(h) ?? 0) + 1);
    }
  }
  const statuses = f.doseStatuses(planId);
  const hourKeys = [...hours.keys()];
  const byHour = hourKeys.length === 0 ? [] : range(Math.min(...hourKeys), Math.max(...hourKeys)).map((hour) => ({ hour, count: hours.get(hour) ?? 0 }));
  return {
    administered: administered.length,
    plannedCapacity,
    targetsOnList: targets.reduce((a, t) => a + t.n, 0),
    targetsCheckedIn: f.targetsCheckedIn(planId),
    targetsVaccinated,
    notOnList: administered.length - targetsVaccinated,
    voided: statuses.voided ?? 0,
    corrected: statuses.corrected ?? 0,
    byTargetGroup: [...groups.entries()]
      .map(([group, g]) => ({ group, ...g }))
      .sort((a, b) => (a.group === null ? 1 : b.group === null ? -1 : a.group.localeCompare(b.group))),
    byAgeBand: [...bands.entries()].map(([band, vaccinated]) => ({ band, vaccinated })),
    byProductDose: [...productDose.values()].sort((a, b) => a.productName.localeCompare(b.productName) || a.doseNumber - b.doseNumber),
    byHour,
  };
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

function certificates(q: Queries, planId: string): Reconciliation['certificates'] {
  const c = q.dayFigures.certificates(planId);
  return {
    issued: c.issued,
    printed: c.printed ?? 0,
    pending: q.dayFigures.pendingCertificates(planId),
    reissued: c.reissued ?? 0,
    provisional: c.provisional ?? 0,
    national: c.national ?? 0,
  };
}

function uploads(q: Queries, planId: string): Reconciliation['uploads'] {
  const blank = () => ({ pending: 0, sent: 0, rejected: 0, escalated: 0, cancelled: 0 });
  const out = { doses: blank(), other: blank() };
  for (const r of q.dayFigures.uploads(planId)) {
    const area = out[r.area];
    if (r.state in area) area[r.state as keyof typeof area] += r.n;
  }
  return out;
}
