import type { DoseOption, DoseSuggestion, VisitStep } from '../../../../preload/contract';
import type { Queries } from '../../../../db/queries';
import type { ProductRow } from '../../../../db/queries/products';
import { CURRENT_RULES, suggestProduct, type DoseEvaluation, type ListedDose } from '../../../domain/eligibility';
import { contraindicationsOf } from '../../../domain/screening';
import { dateOfBirthForRules } from '../../../domain/site-time';
import { seriesDosesFor, summarize } from './dose-history';
import { storedDecision } from './screening';
import { visitOfToday } from './today';

function problems(e: DoseEvaluation) {
  return e.checks
    .filter((c) => !c.passed)
    .map((c) => ({ rule: c.rule, passed: false, code: c.explanation.code, params: { ...c.explanation.params }, ...(c.earliestDate ? { earliestDate: c.earliestDate } : {}) }));
}

/** What today's target list says the visit's citizen comes for: the row the check-in linked, if any. */
export function listedFor(q: Queries, visitId: string): ListedDose | null {
  const targetId = q.visits.byId(visitId)?.targetId ?? null;
  const row = targetId ? q.targets.matchById(targetId) : null;
  if (!row || (row.productCode === null && row.doseNumber === null)) return null;
  return { productCode: row.productCode, doseNumber: row.doseNumber };
}

/**
 * A visit not waiting at the injection desk (postponed by screening, referred,
 * already vaccinated, not screened yet) is offered nothing: every lot is
 * shown refused with the visit's own step as the reason, so no desk can
 * present "allowed" vaccines for it.
 */
function stepProblem(step: VisitStep) {
  return { rule: 'visit-step', passed: false, code: step === 'screening' ? 'VISIT_NOT_SCREENED' : 'VISIT_NOT_AT_INJECTION', params: { step } };
}

/**
 * The injection desk's picture of one visit: history, screening notes, what
 * the list invited the citizen for, and the lots that may be given, best first
 * (see suggestProduct), each with the open vial it would be drawn from and
 * what it would depart from.
 */
export function suggestDose(q: Queries, visitId: string, now: string, productOf: (code: string) => ProductRow): DoseSuggestion {
  const { visit: entry, planId, today } = visitOfToday(q, visitId, now);
  const screening = q.screenings.latestForVisit(visitId);
  const decision = screening ? storedDecision(screening) : null;
  const dateOfBirth = dateOfBirthForRules(entry.citizen.dateOfBirth);
  const { entries, summary } = summarize(q, entry.citizen.id, today, dateOfBirth);
  const listed = listedFor(q, visitId);
  const lots = q.lots.forPlan(planId).filter((l) => l.vialsReceived > 0);
  const vials = new Map(lots.map((l) => [l.id, q.vials.drawableForLot(l.id, now)]));
  const { suggestions, refused } = suggestProduct({
    rules: CURRENT_RULES,
    lots: lots.map((l) => {
      const v = vials.get(l.id);
      return { productCode: l.productCode, lotNumber: l.lotNumber, expiryDate: l.expiryDate, openDoses: v ? v.dosesTotal - v.dosesDrawn - v.wastedDoses : 0 };
    }),
    history: entries,
    dateOfBirth,
    today,
    contraindications: decision ? contraindicationsOf(decision) : null,
    listed,
  });
  const atDesk = entry.step === 'injection';
  const options: DoseOption[] = [...suggestions, ...refused].map((s) => {
    const lot = lots.find((l) => l.productCode === s.lot.productCode && l.lotNumber === s.lot.lotNumber)!;
    const vial = vials.get(lot.id) ?? null;
    const e = s.evaluation;
    return {
      lotId: lot.id,
      lotNumber: lot.lotNumber,
      productCode: lot.productCode,
      productName: lot.productName,
      expiryDate: lot.expiryDate,
      allowed: atDesk && e.decision === 'allowed',
      preference: s.preference,
      doseNumber: e.doseNumber,
      seriesDoses: seriesDosesFor(e.kind, e.doseNumber, summary),
      kind: e.kind,
      problems: atDesk ? problems(e) : [stepProblem(entry.step), ...problems(e)],
      vial: vial ? { id: vial.id, dosesLeft: vial.dosesTotal - vial.dosesDrawn - vial.wastedDoses, expiresAt: vial.expiresAt } : null,
      dosesPerVial: lot.dosesPerVial,
      deviations: s.deviations.map((d) => ({ code: d.code, params: { ...d.params } })),
    };
  });
  const waits = suggestions.length > 0 ? [] : refused.map((r) => r.evaluation.earliestDate).filter((d): d is string => d !== null);
  const returnDate = decision?.outcome === 'postpone' ? decision.returnDate : null;
  return {
    visitId,
    queueNumber: entry.queueNumber,
    step: entry.step,
    citizen: entry.citizen,
    screening: decision
      ? {
          outcome: decision.outcome,
          observationMinutes: decision.observationMinutes,
          precautions: [...decision.precautions],
          contraindicatedPlatforms: [...decision.contraindicatedPlatforms],
          contraindicatedProducts: [...decision.contraindicatedProducts],
          returnDate: decision.returnDate,
          reasons: decision.reasons.map((r) => ({ ...r, params: { ...r.params } })),
        }
      : null,
    listed: listed
      ? { productCode: listed.productCode, productName: listed.productCode ? nameOf(productOf, listed.productCode) : null, doseNumber: listed.doseNumber }
      : null,
    history: q.doses.forCitizen(entry.citizen.id),
    options,
    earliestDate: returnDate ?? (waits.length > 0 ? waits.sort()[0]! : null),
  };
}

function nameOf(productOf: (code: string) => ProductRow, code: string): string {
  try {
    return productOf(code).name;
  } catch {
    return code;
  }
}
