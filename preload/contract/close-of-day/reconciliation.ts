import { z } from 'zod';
import { DiscardReason, WasteReason } from '../clinical/vials';

/**
 * The reconciliation of a session, line by line, as the close-of-day screen
 * and the day report show it. Every figure is counted from the records; a
 * line that does not add up says what is missing in `problems`.
 */

export const StockCountReason = z.enum(['broken', 'lost', 'expired', 'cold_chain_break', 'returned', 'counting_error', 'other']);
export type StockCountReason = z.infer<typeof StockCountReason>;

export const LotProblem = z.enum(['count_missing', 'variance_unexplained', 'opened_less_than_administered', 'vials_still_open', 'vials_past_in_use_time']);
export type LotProblem = z.infer<typeof LotProblem>;

export const StockCount = z.object({
  id: z.string(),
  sealedVialsExpected: z.number().int(),
  sealedVialsCounted: z.number().int(),
  varianceDoses: z.number().int(),
  reason: StockCountReason.nullable(),
  note: z.string().nullable(),
  countedBy: z.string(),
  verifiedBy: z.string(),
  countedAt: z.string(),
});
export type StockCount = z.infer<typeof StockCount>;

export const LotReconciliation = z.object({
  lotId: z.string(),
  lotNumber: z.string(),
  productCode: z.string(),
  productName: z.string(),
  expiryDate: z.string(),
  dosesPerVial: z.number().int(),
  vialsReceived: z.number().int(),
  vialsOpened: z.number().int(),
  vialsDiscarded: z.number().int(),
  vialsEmpty: z.number().int(),
  vialsOpenNow: z.number().int(),
  vialsPastInUseTime: z.number().int(),
  sealedVialsExpected: z.number().int(),
  sealedVialsOnHand: z.number().int(),
  count: StockCount.nullable(),
  dosesReceived: z.number().int(),
  dosesInOpenedVials: z.number().int(),
  dosesDrawn: z.number().int(),
  dosesAdministered: z.number().int(),
  dosesWasted: z.number().int(),
  dosesLeftInOpenVials: z.number().int(),
  dosesRemaining: z.number().int(),
  varianceDoses: z.number().int(),
  drawnNotAdministered: z.number().int(),
  openedCoversAdministered: z.boolean(),
  wastageRate: z.number().nullable(),
  discards: z.array(z.object({ reason: DiscardReason, vials: z.number().int(), doses: z.number().int() })),
  waste: z.array(z.object({ reason: WasteReason, doses: z.number().int() })),
  problems: z.array(LotProblem),
});
export type LotReconciliation = z.infer<typeof LotReconciliation>;

export const ProductWastage = z.object({
  productCode: z.string(),
  productName: z.string(),
  dosesInOpenedVials: z.number().int(),
  dosesAdministered: z.number().int(),
  dosesWasted: z.number().int(),
  wastageRate: z.number().nullable(),
});

/** A screening reason with how many people it applied to; `label` is the checklist item it came from, in both languages. */
const ReasonCount = z.object({ code: z.string(), count: z.number().int(), label: z.object({ vi: z.string(), en: z.string() }) });

export const PeopleReconciliation = z.object({
  checkedIn: z.number().int(),
  screened: z.number().int(),
  eligible: z.number().int(),
  /** Postponed, with a return date. */
  deferred: z.number().int(),
  /** Contraindicated for every vaccine on hand. */
  refused: z.number().int(),
  /** Sent to hospital to be vaccinated there. */
  referred: z.number().int(),
  deferredReasons: z.array(ReasonCount),
  refusedReasons: z.array(ReasonCount),
  referredReasons: z.array(ReasonCount),
  vaccinated: z.number().int(),
  leftBeforeInjection: z.number().int(),
  waitingForScreening: z.number().int(),
  waitingForInjection: z.number().int(),
  inObservation: z.number().int(),
  released: z.number().int(),
  releasedEarly: z.number().int(),
  aefi: z.object({
    total: z.number().int(),
    serious: z.number().int(),
    bySeverity: z.object({ mild: z.number().int(), moderate: z.number().int(), severe: z.number().int() }),
    /** Latest follow-up per event; `none` for events never followed up. */
    followUp: z.record(z.string(), z.number().int()),
    seriousWithoutFollowUp: z.number().int(),
  }),
});
export type PeopleReconciliation = z.infer<typeof PeopleReconciliation>;

export const DosesReconciliation = z.object({
  administered: z.number().int(),
  plannedCapacity: z.number().int(),
  targetsOnList: z.number().int(),
  targetsCheckedIn: z.number().int(),
  targetsVaccinated: z.number().int(),
  /** Vaccinated people who were not on the target list. */
  notOnList: z.number().int(),
  voided: z.number().int(),
  corrected: z.number().int(),
  /** `group` null: not on the list, or on it without a group. */
  byTargetGroup: z.array(z.object({ group: z.string().nullable(), targets: z.number().int(), vaccinated: z.number().int() })),
  byAgeBand: z.array(z.object({ band: z.string(), vaccinated: z.number().int() })),
  byProductDose: z.array(z.object({ productCode: z.string(), productName: z.string(), doseNumber: z.number().int(), count: z.number().int() })),
  /** Site hours (0–23). */
  byHour: z.array(z.object({ hour: z.number().int(), count: z.number().int() })),
});
export type DosesReconciliation = z.infer<typeof DosesReconciliation>;

export const CertificatesReconciliation = z.object({
  issued: z.number().int(),
  printed: z.number().int(),
  /** Released with a valid dose and no current certificate. */
  pending: z.number().int(),
  reissued: z.number().int(),
  provisional: z.number().int(),
  national: z.number().int(),
});

const UploadCounts = z.object({
  pending: z.number().int(),
  sent: z.number().int(),
  rejected: z.number().int(),
  escalated: z.number().int(),
  cancelled: z.number().int(),
});

export const UploadReconciliation = z.object({
  /** Dose records and their corrections. */
  doses: UploadCounts,
  /** Adverse events, vial discards, the signed manifest. */
  other: UploadCounts,
});

export const Reconciliation = z.object({
  planId: z.string(),
  /** The core's clock when the figures were counted. */
  at: z.string(),
  lots: z.array(LotReconciliation),
  products: z.array(ProductWastage),
  people: PeopleReconciliation,
  doses: DosesReconciliation,
  certificates: CertificatesReconciliation,
  uploads: UploadReconciliation,
});
export type Reconciliation = z.infer<typeof Reconciliation>;
