import type { Database } from 'better-sqlite3';
import { auditQueries } from './audit';
import { citizenQueries } from './citizens';
import { lotQueries } from './lots';
import { planQueries } from './plans';
import { productQueries } from './products';
import { settingQueries } from './settings';
import { siteQueries } from './site';
import { staffQueries } from './staff';
import { targetQueries } from './targets';
import { visitQueries } from './visits';
import { screeningQueries } from './screenings';
import { vialQueries } from './vials';
import { doseQueries } from './doses';
import { observationQueries } from './observations';
import { aefiQueries } from './aefi';
import { outboxQueries } from './outbox';
import { closeOfDayQueries, workRecordQueries } from './close-of-day';
import { dayFigureQueries } from './day-figures';
import { dayExportQueries } from './day-export';
import { syncQueries } from './sync';
import { outcomeQueries } from './outcomes';
import { hubQueries } from './hub';

/** Prepared statements for every table, built once per connection. */
export function createQueries(db: Database) {
  return {
    site: siteQueries(db),
    staff: staffQueries(db),
    settings: settingQueries(db),
    audit: auditQueries(db),
    products: productQueries(db),
    plans: planQueries(db),
    lots: lotQueries(db),
    targets: targetQueries(db),
    visits: visitQueries(db),
    citizens: citizenQueries(db),
    screenings: screeningQueries(db),
    vials: vialQueries(db),
    doses: doseQueries(db),
    observations: observationQueries(db),
    aefi: aefiQueries(db),
    outbox: outboxQueries(db),
    closeOfDay: closeOfDayQueries(db),
    work: workRecordQueries(db),
    dayFigures: dayFigureQueries(db),
    dayExport: dayExportQueries(db),
    sync: syncQueries(db),
    outcomes: outcomeQueries(db),
    hub: hubQueries(db),
  };
}
export type Queries = ReturnType<typeof createQueries>;
