/**
 * The supervisor's work list: what needs a decision before a day can close.
 * Each item has a stable key (kind and the record it is about), so a reason
 * written for it on the screen still names it when the close is confirmed.
 */
export const WORK_ITEM_KINDS = [
  /** Vaccinated and not yet released from observation. */
  'in_observation',
  /** Checked in and never screened, or screened and never injected, and not marked as left. */
  'unfinished_visit',
  /** A card whose ID number belongs to a record that looks like another person: check-in refused. */
  'identity_conflict',
  /** A nurse asked for a dose to be corrected. */
  'correction_request',
  /** An adverse event with no follow-up recorded. */
  'aefi_without_follow_up',
  /** The national platform refused an upload of this session. */
  'rejected_upload',
  /** A vial still open (or past its in-use time and never discarded). */
  'open_vial',
  /** A lot without the supervisor's physical count. */
  'stock_count_missing',
  /** A lot whose balance does not come to zero without a reason. */
  'stock_variance',
] as const;
export type WorkItemKind = (typeof WORK_ITEM_KINDS)[number];

export function workItemKey(kind: WorkItemKind, entityId: string): string {
  return `${kind}:${entityId}`;
}

/** Items with no written reason among the decisions given (decisions for items no longer listed are ignored). */
export function undecidedItems<T extends { key: string }>(items: readonly T[], decisions: ReadonlyMap<string, string>): T[] {
  return items.filter((i) => !decisions.has(i.key));
}
