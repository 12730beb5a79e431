import type { WorkItem } from '../../../../preload/contract';

/**
 * Where a work-list item is resolved. Lot counts are made on the close-of-day
 * screen itself (null: stay here); everything else opens its desk or panel.
 */
export function workItemRoute(item: WorkItem): string | null {
  switch (item.kind) {
    case 'in_observation':
      return '/observation';
    case 'unfinished_visit':
      return item.params.step === 'screening' ? '/screening' : '/injection';
    case 'identity_conflict':
      return '/checkin';
    case 'open_vial':
      return '/injection';
    case 'correction_request':
    case 'aefi_without_follow_up':
      return '/supervisor/doses';
    case 'rejected_upload':
      // The upload's rejection queue: the platform's reason, resend after a correction, or hand to the national team.
      return '/supervisor/sync';
    case 'stock_count_missing':
    case 'stock_variance':
      return null;
  }
}
