import type { Logger } from '../../dispatch';
import type { Store } from '../../store';
import type { CertificatePrinting } from '../certificates/printing';
import type { SigningKeys } from '../certificates/signing-keys';
import { Amendments } from './amendments';
import { DayClosing } from './closing';
import { IdentityConflicts } from './conflicts';
import { DayViews } from './day-view';
import { DayExport } from './export';
import { DayReport } from './report';
import { StockCounts } from './stock-counts';

export type { PostCloseStep } from './closing';

/** The supervisor's close of day: views, stock counts, closing and re-opening, amendments, report and export. */
export function createCloseOfDayServices(store: Store, keys: SigningKeys, printing: CertificatePrinting, log: Logger) {
  const views = new DayViews(store, keys);
  return {
    views,
    stock: new StockCounts(store),
    closing: new DayClosing(store, keys, log),
    amendments: new Amendments(store, keys),
    conflicts: new IdentityConflicts(store),
    report: new DayReport(store, views, printing),
    export: new DayExport(store, views),
  };
}
export type CloseOfDayServices = ReturnType<typeof createCloseOfDayServices>;
