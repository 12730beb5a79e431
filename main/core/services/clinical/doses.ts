import type { DeviationCode, DoseHistory, DoseListEntry, DoseRecord, DoseSuggestion, InjectionSite, NextDoseView } from '../../../../preload/contract';
import { toDoseRecord, type DoseRow } from '../../../../db/queries/doses';
import type { ProductRow } from '../../../../db/queries/products';
import type { Queries } from '../../../../db/queries';
import { CURRENT_RULES, deviationsFor, evaluateWithHistory, nextDoseDue, type DoseHistoryEntry } from '../../../domain/eligibility';
import { contraindicationsOf } from '../../../domain/screening';
import { observationTimes } from '../../../domain/observation';
import { siteDay, dateOfBirthForRules } from '../../../domain/site-time';
import { StationError } from '../../errors';
import type { Actor, Store } from '../../store';
import type { VisitQueue } from '../visits';
import { historyEntries, seriesDosesFor, summarize } from './dose-history';
import { listedFor, suggestDose } from './dose-suggestion';
import { storedDecision } from './screening';
import { visitOfToday } from './today';
import { newStationDose } from './station-dose';
import { checkDrawable } from './vials';

/** What goes to the national platform with a dose: the record and who it is for. */
export function dosePayload(q: Queries, dose: DoseRow): Record<string, unknown> {
  const visit = dose.visitId ? q.visits.entry(dose.visitId) : null;
  return { dose, citizen: visit?.citizen ?? { id: dose.citizenId } };
}

export interface RecordRequest {
  visitId: string;
  lotId: string;
  vialId?: string | undefined;
  injectionSite?: InjectionSite | undefined;
  confirmDeviations?: DeviationCode[] | undefined;
}

/**
 * The injection desk's doses: what the rules allow for a visit, and the
 * durable record of a dose given. Recording runs every check again inside the
 * transaction that writes, so what the nurse confirmed cannot have changed
 * underneath (another desk drawing the vial's last dose, a vial expiring).
 */
export class DoseService {
  private catalogue: Map<string, ProductRow> | null = null;

  constructor(
    private readonly store: Store,
    private readonly visits: VisitQueue,
  ) {}

  suggest(visitId: string): DoseSuggestion {
    return suggestDose(this.store.q, visitId, this.store.clock.now().toISOString(), (code) => this.product(this.store.q, code));
  }

  /**
   * One dose given now. In one transaction: every check again, the dose row
   * (with the product's DCC codes and the rules version that allowed it), the
   * vial draw, the observation countdown, the visit's move to observation, the
   * audit row and the upload row. When this returns, all of it is on disk.
   */
  record(actor: Actor, req: RecordRequest) {
    return this.store.write(actor, (w) => {
      const { visit, planId, today } = visitOfToday(w.q, req.visitId, w.at);
      checkAtInjectionDesk(visit.step, visit.queueNumber);
      const decisionJson = w.q.screenings.latestDecisionJson(visit.visitId);
      if (!decisionJson) throw new StationError('INJECTION_NOT_SCREENED', 'screen the citizen first', { queueNumber: visit.queueNumber });
      const decision = storedDecision({ resultJson: decisionJson });
      // Only an eligible (or "not this type") screening sends a visit here; anything else is refused whatever the step says.
      if (decision.outcome === 'postpone' || decision.outcome === 'refer') {
        throw new StationError('INJECTION_SCREENING_DEFERRED', `screening concluded ${decision.outcome}`, {
          queueNumber: visit.queueNumber,
          outcome: decision.outcome,
          ...(decision.returnDate ? { returnDate: decision.returnDate } : {}),
        });
      }

      const lot = w.q.lots.byId(req.lotId);
      if (!lot) throw new StationError('NOT_FOUND', 'no such lot', { id: req.lotId });
      if (lot.planId !== planId) throw new StationError('LOT_NOT_IN_SESSION', "the lot is not on today's plan", { lotNumber: lot.lotNumber });
      if (lot.expiryDate < today) throw new StationError('LOT_EXPIRED_FOR_USE', 'the lot has expired', { lotNumber: lot.lotNumber, expiryDate: lot.expiryDate });
      const vial = req.vialId ? w.q.vials.forDraw(req.vialId) : w.q.vials.drawableForLot(lot.id, w.at);
      if (!vial) {
        if (req.vialId) throw new StationError('NOT_FOUND', 'no such vial', { id: req.vialId });
        throw new StationError('NO_OPEN_VIAL', 'open a vial of this lot first', { lotNumber: lot.lotNumber });
      }
      if (vial.lotId !== lot.id) throw new StationError('VIAL_LOT_MISMATCH', 'the vial is from another lot', { lotNumber: lot.lotNumber });
      checkDrawable(vial, lot.lotNumber, w.at);

      const { entries, summary } = summarize(w.q, visit.citizen.id, today, dateOfBirthForRules(visit.citizen.dateOfBirth));
      const evaluation = evaluateWithHistory(
        {
          rules: CURRENT_RULES,
          product: lot.productCode,
          lot: { expiryDate: lot.expiryDate, lotNumber: lot.lotNumber },
          history: entries,
          dateOfBirth: dateOfBirthForRules(visit.citizen.dateOfBirth),
          today,
          contraindications: contraindicationsOf(decision),
        },
        summary,
      );
      const product = this.product(w.q, lot.productCode);
      if (evaluation.decision !== 'allowed') {
        const first = evaluation.checks.find((c) => !c.passed)!;
        throw new StationError('DOSE_NOT_ALLOWED', `${first.rule}: ${first.explanation.code}`, {
          productName: product.name,
          doseNumber: evaluation.doseNumber,
          rule: first.rule,
          reason: first.explanation.code,
          ...(evaluation.earliestDate ? { earliestDate: evaluation.earliestDate } : {}),
        });
      }
      const deviations = deviationsFor(summary, lot.productCode, evaluation, listedFor(w.q, visit.visitId));
      const unconfirmed = deviations.filter((d) => !(req.confirmDeviations ?? []).includes(d.code));
      if (unconfirmed.length > 0) {
        throw new StationError('DOSE_DEVIATION_UNCONFIRMED', `not confirmed: ${unconfirmed.map((d) => d.code).join(', ')}`, {
          codes: unconfirmed.map((d) => d.code).join(','),
          productName: product.name,
          ...Object.assign({}, ...unconfirmed.map((d) => d.params)),
        });
      }
      if (!w.q.vials.draw(vial.id, w.at, actor.staffId)) throw new StationError('VIAL_EMPTY', 'the vial is empty', { lotNumber: lot.lotNumber });

      const dose = newStationDose({
        citizenId: visit.citizen.id,
        visitId: visit.visitId,
        product,
        lot,
        vialId: vial.id,
        doseNumber: evaluation.doseNumber,
        seriesDoses: seriesDosesFor(evaluation.kind, evaluation.doseNumber, summary),
        givenOn: today,
        at: w.at,
        staffId: actor.staffId,
        injectionSite: req.injectionSite ?? null,
        rules: { id: evaluation.rulesId, version: evaluation.rulesVersion },
      });
      const { id } = dose;
      w.q.doses.insert(dose);
      const { dueAt } = observationTimes(w.at, decision.observationMinutes);
      w.q.observations.insert({ visitId: visit.visitId, doseId: id, startedAt: w.at, dueAt });
      this.visits.advance(w, visit.visitId, ['injection'], 'observation');
      w.audit('dose:record', 'dose', id, null, {
        ...dose,
        vialDosesLeft: vial.dosesTotal - vial.dosesDrawn - vial.wastedDoses - 1,
        // What the nurse confirmed against the series or the list, with the reasons she was shown.
        ...(deviations.length > 0 ? { confirmedDeviations: deviations } : {}),
      });
      w.enqueue({ kind: 'dose.recorded', entityId: id, subjectId: dose.citizenId, sessionId: planId, payload: { dose, citizen: visit.citizen } });
      w.emit('doses:changed', { citizenId: dose.citizenId, visitId: visit.visitId, doseId: id, change: 'recorded' });
      w.emit('vials:changed', { planId });
      const record = toDoseRecord(dose, { productName: product.name, statusByName: null, recordedByName: this.staffName(w.q, actor.staffId) });
      const after: DoseHistoryEntry[] = [...entries, { date: today, productCode: lot.productCode, doseNumber: evaluation.doseNumber, source: 'station' }];
      return { dose: record, observation: { visitId: visit.visitId, dueAt }, nextDose: this.nextDoseOf(w.q, after, visit.citizen.dateOfBirth, today) };
    });
  }

  /** The next primary dose of a citizen's series as of today's records (null when the series is complete). */
  nextDose(citizenId: string, dateOfBirth: string, today: string): NextDoseView | null {
    return this.nextDoseOf(this.store.q, historyEntries(this.store.q, citizenId), dateOfBirth, today);
  }

  private nextDoseOf(q: Queries, entries: DoseHistoryEntry[], dateOfBirth: string, today: string): NextDoseView | null {
    const next = nextDoseDue(CURRENT_RULES, entries, dateOfBirthForRules(dateOfBirth), today);
    if (!next) return null;
    return { ...next, productName: this.catalogueName(q, next.productCode) };
  }

  history(citizenId: string): DoseHistory {
    const q = this.store.q;
    const doses = q.doses.forCitizen(citizenId);
    // The date of birth only drops impossible records; the history reads the same without it.
    const { summary } = summarize(q, citizenId, siteDay(this.store.clock.now()), null);
    return { citizenId, doses, nextDoseNumber: summary.nextDoseNumber };
  }

  /** Station doses of a day, every version, newest first: what the supervisor reviews and corrects. */
  list(date?: string): DoseListEntry[] {
    const q = this.store.q;
    const day = date ?? siteDay(this.store.clock.now());
    return q.doses.stationDosesOn(day).flatMap((dose: DoseRecord) => {
      const entry = dose.visitId ? q.visits.entry(dose.visitId) : null;
      return entry ? [{ dose, citizen: entry.citizen, queueNumber: entry.queueNumber }] : [];
    });
  }

  private staffName(q: Queries, staffId: string): string | null {
    return q.staff.byId(staffId)?.fullName ?? null;
  }

  private catalogueName(q: Queries, code: string): string {
    this.catalogue ??= new Map(q.products.all().map((p) => [p.code, p]));
    return this.catalogue.get(code)?.name ?? code;
  }

  product(q: Queries, code: string): ProductRow {
    this.catalogue ??= new Map(q.products.all().map((p) => [p.code, p]));
    const product = this.catalogue.get(code);
    if (!product) throw new StationError('PRODUCT_UNKNOWN', 'no such vaccine product', { productCode: code });
    return product;
  }
}

/** The injection desk's refusals for a visit that is not waiting for its dose. */
export function checkAtInjectionDesk(step: string, queueNumber: number): void {
  if (step === 'injection') return;
  if (step === 'screening') throw new StationError('INJECTION_NOT_SCREENED', 'screen the citizen first', { queueNumber });
  if (step === 'observation' || step === 'released') throw new StationError('INJECTION_ALREADY_GIVEN', 'this visit already has its dose', { queueNumber });
  throw new StationError('INJECTION_NOT_AT_DESK', `the visit ended as ${step}`, { queueNumber, step });
}
