import { z } from 'zod';
import { Empty, Instant, op } from '../common';

/**
 * Vials opened from the session's lots. A vial is good for its product's
 * in-use time; every dose draws from one; what is left when it is discarded,
 * and any dose wasted on the way, is counted with a reason.
 */

/** `expired`: still marked open but past its in-use time; it must be discarded, never drawn from. */
export const VialState = z.enum(['open', 'expired', 'empty', 'discarded']);
export type VialState = z.infer<typeof VialState>;

export const DiscardReason = z.enum(['in_use_time_over', 'end_of_session', 'contaminated', 'damaged', 'cold_chain_break', 'other']);
export type DiscardReason = z.infer<typeof DiscardReason>;

export const WasteReason = z.enum(['drawn_not_given', 'syringe_fault', 'spilled', 'contaminated', 'other']);
export type WasteReason = z.infer<typeof WasteReason>;

export const Vial = z.object({
  id: z.string(),
  lotId: z.string(),
  lotNumber: z.string(),
  productCode: z.string(),
  productName: z.string(),
  lotExpiryDate: z.string(),
  dosesTotal: z.number().int(),
  dosesDrawn: z.number().int(),
  dosesWasted: z.number().int(),
  dosesLeft: z.number().int(),
  openedAt: Instant,
  openedBy: z.string(),
  expiresAt: Instant,
  state: VialState,
  closedAt: z.string().nullable(),
  discardReason: DiscardReason.nullable(),
  discardNote: z.string().nullable(),
});
export type Vial = z.infer<typeof Vial>;

export const LotStock = z.object({
  lotId: z.string(),
  lotNumber: z.string(),
  productCode: z.string(),
  productName: z.string(),
  expiryDate: z.string(),
  dosesPerVial: z.number().int(),
  vialsReceived: z.number().int(),
  vialsOpened: z.number().int(),
  /** In date today (expiry dates are inclusive). */
  usable: z.boolean(),
});
export type LotStock = z.infer<typeof LotStock>;

const Note = z.string().trim().max(500);

export const vialOps = {
  'vials:list': op({
    summary: "Today's vials and the lots they come from, with the core's clock for countdowns",
    request: Empty,
    response: z.object({ now: Instant, vials: z.array(Vial), lots: z.array(LotStock) }),
  }),
  'vials:open': op({ summary: 'Open a vial of a lot on today\'s plan', request: z.object({ lotId: z.string() }), response: Vial }),
  'vials:discard': op({
    summary: 'Discard an open vial (in-use time over, end of session…); what is left counts as wasted',
    request: z.object({ vialId: z.string(), reason: DiscardReason, note: Note.optional() }),
    response: Vial,
  }),
  'vials:waste': op({
    summary: 'Count doses lost from an open vial (drawn but not given, spilled…)',
    request: z.object({ vialId: z.string(), doses: z.number().int().min(1).max(50), reason: WasteReason, note: Note.optional() }),
    response: Vial,
  }),
};
