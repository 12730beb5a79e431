import { z } from 'zod';
import { Empty, IsoDate, Instant, op } from '../common';
import { CitizenSummary, VisitStep } from '../checkin';
import { Platform, ScreeningOutcome, ScreeningReason } from './screening';

/**
 * Injection desk and the dose record: what the rules suggest for a visit, the
 * dose recorded durably, a citizen's history, and the supervisor's
 * corrections (void, or supersede with a new version; never an edit in place).
 */

/** Where a dose was given: here, elsewhere as the citizen reported it, or per the national registry. */
const Source = z.enum(['station', 'reported_elsewhere', 'national']);

export const DoseStatus = z.enum(['valid', 'voided', 'superseded']);
export type DoseStatus = z.infer<typeof DoseStatus>;

export const InjectionSite = z.enum(['left_deltoid', 'right_deltoid', 'left_thigh', 'right_thigh']);
export type InjectionSite = z.infer<typeof InjectionSite>;

export const DoseRecord = z.object({
  id: z.string(),
  /** Shared by every version of one dose; `version` counts corrections. */
  recordId: z.string(),
  version: z.number().int(),
  supersedesId: z.string().nullable(),
  citizenId: z.string(),
  visitId: z.string().nullable(),
  source: Source,
  productCode: z.string().nullable(),
  productName: z.string(),
  lotId: z.string().nullable(),
  lotNumber: z.string().nullable(),
  vialId: z.string().nullable(),
  doseNumber: z.number().int(),
  seriesDoses: z.number().int(),
  givenOn: z.string(),
  givenAt: z.string().nullable(),
  country: z.string(),
  injectionSite: InjectionSite.nullable(),
  status: DoseStatus,
  statusReason: z.string().nullable(),
  statusAt: z.string().nullable(),
  statusBy: z.string().nullable(),
  recordedAt: z.string(),
  recordedBy: z.string().nullable(),
  /** The eligibility rules that allowed the dose (station doses). */
  rulesId: z.string().nullable(),
  rulesVersion: z.number().int().nullable(),
  /** EU DCC codes as they were when the dose was recorded: product, manufacturer, prophylaxis, disease. */
  dcc: z.object({ mp: z.string(), ma: z.string(), vp: z.string(), tg: z.string() }),
});
export type DoseRecord = z.infer<typeof DoseRecord>;

export const DoseHistory = z.object({
  citizenId: z.string(),
  /** Every record, all versions and voids included, oldest dose first. */
  doses: z.array(DoseRecord),
  /** The number the next dose would have under the current rules, from the valid records. */
  nextDoseNumber: z.number().int(),
});
export type DoseHistory = z.infer<typeof DoseHistory>;

const Params = z.record(z.string(), z.union([z.string(), z.number()]));

export const DoseCheckView = z.object({
  rule: z.string(),
  passed: z.boolean(),
  code: z.string(),
  params: Params,
  earliestDate: z.string().optional(),
});
export type DoseCheckView = z.infer<typeof DoseCheckView>;

export const OpenVialRef = z.object({ id: z.string(), dosesLeft: z.number().int(), expiresAt: Instant });

/**
 * How giving a lot departs from the citizen's own series (another product for
 * a primary dose) or from today's target list (another product, another dose
 * number). Such a dose is recorded only when the nurse confirms each one.
 */
export const DeviationCode = z.enum(['SERIES_PRODUCT_DIFFERS', 'LIST_PRODUCT_DIFFERS', 'LIST_DOSE_DIFFERS']);
export type DeviationCode = z.infer<typeof DeviationCode>;

export const DoseDeviation = z.object({ code: DeviationCode, params: z.record(z.string(), z.union([z.string(), z.number()])) });
export type DoseDeviation = z.infer<typeof DoseDeviation>;

/** The next primary dose of an unfinished series: what the appointment slip and the certificate say. */
export const NextDoseView = z.object({
  productCode: z.string(),
  productName: z.string(),
  doseNumber: z.number().int(),
  seriesDoses: z.number().int(),
  earliestDate: z.string(),
});
export type NextDoseView = z.infer<typeof NextDoseView>;

export const DoseOption = z.object({
  lotId: z.string(),
  lotNumber: z.string(),
  productCode: z.string(),
  productName: z.string(),
  expiryDate: z.string(),
  allowed: z.boolean(),
  /** Why the option sits where it does: the series' product, the list's product, the series' platform, or other. */
  preference: z.enum(['series-product', 'listed-product', 'series-platform', 'other']),
  doseNumber: z.number().int(),
  seriesDoses: z.number().int(),
  kind: z.enum(['primary', 'booster']),
  /** Failed checks only, each with its explanation code; empty when allowed. */
  problems: z.array(DoseCheckView),
  /** The open vial the dose would be drawn from, or null when a vial must be opened first. */
  vial: OpenVialRef.nullable(),
  /** Lot's doses per vial, for the confirmation before a vial is opened. */
  dosesPerVial: z.number().int(),
  /** What giving this lot departs from; each must be confirmed. */
  deviations: z.array(DoseDeviation),
});
export type DoseOption = z.infer<typeof DoseOption>;

export const DoseSuggestion = z.object({
  visitId: z.string(),
  queueNumber: z.number().int(),
  step: VisitStep,
  citizen: CitizenSummary,
  screening: z
    .object({
      outcome: ScreeningOutcome,
      observationMinutes: z.number().int(),
      precautions: z.array(z.string()),
      contraindicatedPlatforms: z.array(Platform),
      contraindicatedProducts: z.array(z.string()),
      /** For a postponed visit, the day to come back. */
      returnDate: z.string().nullable(),
      reasons: z.array(ScreeningReason),
    })
    .nullable(),
  /** The citizen's row of today's target list: what they were invited for. */
  listed: z.object({ productCode: z.string().nullable(), productName: z.string().nullable(), doseNumber: z.number().int().nullable() }).nullable(),
  history: z.array(DoseRecord),
  /** Allowed options first, best first; then the refused ones with their reasons. */
  options: z.array(DoseOption),
  /** When nothing is allowed today but waiting would help: the first day it would. */
  earliestDate: z.string().nullable(),
});
export type DoseSuggestion = z.infer<typeof DoseSuggestion>;

export const DoseListEntry = z.object({ dose: DoseRecord, citizen: CitizenSummary, queueNumber: z.number().int().nullable() });
export type DoseListEntry = z.infer<typeof DoseListEntry>;

const Reason = z.string().max(1000);

export const CorrectionRequest = z.object({
  id: z.string(),
  doseId: z.string(),
  queueNumber: z.number().int().nullable(),
  citizen: CitizenSummary,
  dose: DoseRecord,
  reason: z.string(),
  requestedBy: z.string(),
  requestedAt: Instant,
  state: z.enum(['open', 'corrected', 'dismissed']),
  resolutionNote: z.string().nullable(),
});
export type CorrectionRequest = z.infer<typeof CorrectionRequest>;

export const doseOps = {
  'doses:suggest': op({
    summary: 'For a visit at the injection desk: history, screening notes, and the lots that may be given, best first',
    request: z.object({ visitId: z.string() }),
    response: DoseSuggestion,
  }),
  'doses:record': op({
    summary: 'Record a dose given now: dose, vial draw, audit and upload rows in one durable transaction; starts observation',
    request: z.object({
      visitId: z.string(),
      lotId: z.string(),
      /** Defaults to the lot's open vial that expires first. */
      vialId: z.string().optional(),
      injectionSite: InjectionSite.optional(),
      /** The departures from the series or the list the nurse confirmed (see DoseOption.deviations). */
      confirmDeviations: z.array(DeviationCode).max(DeviationCode.options.length).optional(),
    }),
    response: z.object({ dose: DoseRecord, observation: z.object({ visitId: z.string(), dueAt: Instant }), nextDose: NextDoseView.nullable() }),
  }),
  'doses:history': op({ summary: "A citizen's doses from every source, with corrections", request: z.object({ citizenId: z.string() }), response: DoseHistory }),
  'doses:list': op({
    summary: 'Doses recorded at this station on a day (today by default), every version',
    request: z.object({ date: IsoDate.optional() }),
    response: z.array(DoseListEntry),
  }),
  'doses:requestCorrection': op({
    summary: 'Ask a supervisor to correct a dose recorded today (wrong lot, wrong person…), with a reason',
    request: z.object({ doseId: z.string(), reason: Reason }),
    response: CorrectionRequest,
  }),
  'doses:correctionRequests': op({
    summary: "Today's requests to correct a dose, open ones first",
    request: Empty,
    response: z.array(CorrectionRequest),
  }),
  'doses:dismissCorrectionRequest': op({
    summary: 'Supervisor: close a correction request without correcting, with a note',
    request: z.object({ requestId: z.string(), note: Reason }),
    response: CorrectionRequest,
  }),
  'doses:void': op({
    summary: 'Supervisor: void a dose record, with a reason; it stays in the history',
    request: z.object({ doseId: z.string(), reason: Reason }),
    response: DoseRecord,
  }),
  'doses:supersede': op({
    summary: 'Supervisor: correct a dose record with a new version (lot, dose number, date, site), with a reason',
    request: z.object({
      doseId: z.string(),
      reason: Reason,
      lotId: z.string().optional(),
      doseNumber: z.number().int().min(1).max(10).optional(),
      seriesDoses: z.number().int().min(1).max(10).optional(),
      givenOn: IsoDate.optional(),
      injectionSite: InjectionSite.optional(),
    }),
    response: DoseRecord,
  }),
};
