import type {
  ScreeningAnswers,
  ScreeningDecision as DecisionView,
  ScreeningFormView,
  ScreeningOverride,
  ScreeningPreview,
  ScreeningRecordView,
  VisitStep,
} from '../../../../preload/contract';
import type { ScreeningWithStaff } from '../../../../db/queries/screenings';
import type { Queries } from '../../../../db/queries';
import { CURRENT_RULES, productRule } from '../../../domain/eligibility';
import {
  SCREENING_FORMS,
  applyOverride,
  currentFormForAge,
  decisionOf,
  evaluateScreening,
  findForm,
  permitsVaccination,
  questionStates,
  type AnswerProblem,
  type OverrideProblemCode,
  type ScreeningDecision,
  type ScreeningForm,
} from '../../../domain/screening';
import { ageInYears, dateOfBirthForRules } from '../../../domain/site-time';
import type { ErrorCode } from '../../../../preload/contract';
import { StationError } from '../../errors';
import { newId } from '../../ids';
import type { Actor, Store } from '../../store';
import type { VisitQueue } from '../visits';
import type { VisitOutcomes } from '../visit-outcomes';
import { visitOfToday } from './today';

const OVERRIDE_CODES: Record<OverrideProblemCode, ErrorCode> = {
  OVERRIDE_OUTCOME_INVALID: 'SCREENING_OVERRIDE_INVALID',
  OVERRIDE_REASON_TOO_SHORT: 'SCREENING_OVERRIDE_REASON_TOO_SHORT',
  OVERRIDE_STAFF_REQUIRED: 'SCREENING_OVERRIDE_INVALID',
  OVERRIDE_RETURN_DATE_REQUIRED: 'SCREENING_OVERRIDE_RETURN_DATE_REQUIRED',
  OVERRIDE_RETURN_DATE_INVALID: 'SCREENING_OVERRIDE_RETURN_DATE_INVALID',
  OVERRIDE_OBSERVATION_TOO_SHORT: 'SCREENING_OVERRIDE_OBSERVATION_TOO_SHORT',
  OVERRIDE_PLATFORM_UNKNOWN: 'SCREENING_OVERRIDE_INVALID',
  OVERRIDE_CONTRAINDICATION_REQUIRED: 'SCREENING_OVERRIDE_CONTRAINDICATION_REQUIRED',
  OVERRIDE_CHANGES_NOTHING: 'SCREENING_OVERRIDE_CHANGES_NOTHING',
};

/** Steps from which a visit may be screened: first time, or again before its dose. */
const SCREENABLE: readonly VisitStep[] = ['screening', 'injection'];

function formView(form: ScreeningForm): ScreeningFormView {
  return {
    id: form.id,
    version: form.version,
    title: { ...form.title },
    minAgeYears: form.minAgeYears,
    maxAgeYears: form.maxAgeYears,
    baseObservationMinutes: form.baseObservationMinutes,
    sources: [...form.sources],
    questions: form.questions.map((q) => ({
      id: q.id,
      label: q.label,
      type: q.type,
      text: { ...q.text },
      ...(q.type === 'number' ? { unit: q.unit, min: q.min, max: q.max, ...(q.integer ? { integer: true } : {}) } : {}),
      ...(q.type === 'choice' ? { options: q.options.map((o) => ({ value: o.value, text: { ...o.text } })) } : {}),
    })),
  };
}

function decisionView(d: ScreeningDecision): DecisionView {
  return {
    outcome: d.outcome,
    computedOutcome: d.computedOutcome,
    reasons: d.reasons.map((r) => ({ ...r, params: { ...r.params } })),
    observationMinutes: d.observationMinutes,
    precautions: [...d.precautions],
    returnDate: d.returnDate,
    contraindicatedPlatforms: [...d.contraindicatedPlatforms],
    contraindicatedProducts: [...d.contraindicatedProducts],
    override: d.override ? { from: d.override.from, to: d.override.to, reason: d.override.reason } : null,
  };
}

/** The stored decision of a visit's latest screening: what the injection desk acts on. */
export function storedDecision(row: Pick<ScreeningWithStaff, 'resultJson'>): ScreeningDecision {
  return JSON.parse(row.resultJson) as ScreeningDecision;
}

function answerIssues(problems: readonly AnswerProblem[]) {
  return problems.slice(0, 50).map((p) => ({ path: p.questionId, code: p.code, message: p.code.toLowerCase().replace(/_/g, ' ') }));
}

/**
 * The screening desk. Forms are data from the domain; the service picks the
 * form for the citizen's age, evaluates the answers, applies a nurse's written
 * override, records answers + outcome + form version, and sends the visit to
 * the injection desk or home (postponed with a return date, referred,
 * contraindicated).
 */
export class ScreeningService {
  constructor(
    private readonly store: Store,
    private readonly visits: VisitQueue,
    private readonly outcomes: VisitOutcomes,
  ) {}

  forms(): ScreeningFormView[] {
    const ids = [...new Set(SCREENING_FORMS.map((f) => f.id))];
    return ids.map((id) => formView(SCREENING_FORMS.filter((f) => f.id === id).reduce((a, b) => (b.version > a.version ? b : a))));
  }

  preview(visitId: string, answers: ScreeningAnswers): ScreeningPreview {
    const at = this.store.clock.now().toISOString();
    const { visit, today } = visitOfToday(this.store.q, visitId, at);
    const ctx = { today, dateOfBirth: dateOfBirthForRules(visit.citizen.dateOfBirth), sex: visit.citizen.sex };
    const form = currentFormForAge(ageInYears(ctx.dateOfBirth, ctx.today));
    if (!form) throw new StationError('SCREENING_NO_FORM_FOR_AGE', 'no screening form covers this age', { dateOfBirth: ctx.dateOfBirth });
    const { asked, required } = questionStates(form, answers, ctx);
    const evaluation = evaluateScreening(form, answers, ctx);
    return {
      formId: form.id,
      formVersion: form.version,
      asked,
      required,
      decision: evaluation.ok ? decisionView(decisionOf(evaluation.result)) : null,
      problems: evaluation.ok ? [] : evaluation.problems.map((p) => ({ questionId: p.questionId, code: p.code, ...(p.params ? { params: { ...p.params } } : {}) })),
    };
  }

  record(
    actor: Actor,
    req: {
      visitId: string;
      formId: string;
      formVersion: number;
      answers: ScreeningAnswers;
      override?: ScreeningOverride | undefined;
      referredTo?: string | undefined;
    },
  ): ScreeningRecordView {
    const form = findForm(req.formId, req.formVersion);
    if (!form) throw new StationError('SCREENING_FORM_UNKNOWN', 'no such screening form', { formId: req.formId, formVersion: req.formVersion });
    this.store.write(actor, (w) => {
      const { visit, planId, today } = visitOfToday(w.q, req.visitId, w.at);
      if (!SCREENABLE.includes(visit.step)) {
        throw new StationError('SCREENING_VISIT_CLOSED', `visit is at ${visit.step}`, { step: visit.step, queueNumber: visit.queueNumber });
      }
      const evaluation = evaluateScreening(form, req.answers, { today, dateOfBirth: dateOfBirthForRules(visit.citizen.dateOfBirth), sex: visit.citizen.sex });
      if (!evaluation.ok) {
        const age = evaluation.problems.find((p) => p.code === 'FORM_AGE_OUT_OF_RANGE');
        if (age) throw new StationError('SCREENING_FORM_WRONG_AGE', 'this form is not for this age', { ...age.params, formId: form.id });
        throw new StationError('SCREENING_ANSWERS_INVALID', 'some answers are missing or implausible', { count: evaluation.problems.length }, answerIssues(evaluation.problems));
      }
      let decision = decisionOf(evaluation.result);
      if (req.override) {
        const overridden = applyOverride(evaluation.result, { ...req.override, staffId: actor.staffId }, today);
        if (!overridden.ok) throw new StationError(OVERRIDE_CODES[overridden.code], overridden.code.toLowerCase(), overridden.params);
        decision = overridden.decision;
      }
      const nextStep = this.nextStep(w.q, planId, decision, today);
      const id = newId();
      const row = {
        id,
        visitId: visit.visitId,
        formId: form.id,
        formVersion: form.version,
        answersJson: JSON.stringify(req.answers),
        computedOutcome: decision.computedOutcome,
        outcome: decision.outcome,
        resultJson: JSON.stringify(decision),
        returnDate: decision.returnDate,
        observationMinutes: decision.observationMinutes,
        overrideReason: decision.override?.reason ?? null,
        screenedBy: actor.staffId,
        screenedAt: w.at,
      };
      w.q.screenings.insert(row);
      // A referral says where to; it is the visit's outcome, as a referral from observation is.
      if (nextStep === 'referred') this.outcomes.endIn(w, actor, visit.visitId, 'referred', { referredTo: req.referredTo ?? null });
      else this.visits.advance(w, visit.visitId, SCREENABLE, nextStep);
      const { answersJson: _answers, resultJson: _result, ...summary } = row;
      w.audit('screening:record', 'screening', id, null, { ...summary, answers: req.answers, reasons: decision.reasons, nextStep });
      // A vaccination that did not happen is reported too (Immunization not-done), where the platform takes them.
      if (decision.outcome !== 'eligible') {
        w.enqueue({ kind: 'dose.not-given', entityId: id, subjectId: visit.citizen.id, sessionId: planId, payload: { outcome: decision.outcome, returnDate: decision.returnDate } });
      }
    });
    return this.latest(req.visitId)!;
  }

  latest(visitId: string): ScreeningRecordView | null {
    const row = this.store.q.screenings.latestForVisit(visitId);
    if (!row) return null;
    const visit = this.store.q.visits.byId(visitId);
    return {
      ...decisionView(storedDecision(row)),
      id: row.id,
      visitId: row.visitId,
      formId: row.formId,
      formVersion: row.formVersion,
      answers: JSON.parse(row.answersJson) as ScreeningRecordView['answers'],
      screenedAt: row.screenedAt,
      screenedBy: row.screenedByName,
      nextStep: visit?.step ?? 'screening',
    };
  }

  /**
   * Eligible goes to injection; postpone and refer go home. "Contraindicated"
   * on the form means "not the same type": if a lot of another platform is on
   * today's plan the citizen still goes to injection (the desk offers only
   * what the screening permits); otherwise the visit ends as contraindicated.
   */
  private nextStep(q: Queries, planId: string, decision: ScreeningDecision, today: string): VisitStep {
    switch (decision.outcome) {
      case 'eligible':
        return 'injection';
      case 'postpone':
        return 'postponed';
      case 'refer':
        return 'referred';
      case 'contraindicated': {
        const permitted = q.lots.forPlan(planId).some((lot) => {
          const rule = productRule(CURRENT_RULES, lot.productCode);
          return rule !== undefined && lot.expiryDate >= today && permitsVaccination(decision, lot.productCode, rule.platform);
        });
        return permitted ? 'injection' : 'contraindicated';
      }
    }
  }
}
