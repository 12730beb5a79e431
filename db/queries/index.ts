import type { Database } from 'better-sqlite3';
import { auditQueries } from './audit';
import { lotQueries } from './lots';
import { planQueries } from './plans';
import { productQueries } from './products';
import { settingQueries } from './settings';
import { siteQueries } from './site';
import { staffQueries } from './staff';
import { targetQueries } from './targets';
import { visitQueries } from './visits';

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
  };
}
export type Queries = ReturnType<typeof createQueries>;
