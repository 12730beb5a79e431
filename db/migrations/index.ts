import { sql as foundation } from './0001_foundation';
import { sql as sessionPlan } from './0002_session_plan';
import { sql as vaccineCatalogue } from './0003_vaccine_catalogue';
import { sql as citizensAndVisits } from './0004_citizens_and_visits';
import { sql as clinicalSteps } from './0005_clinical_steps';
import { sql as certificates } from './0006_certificates';
import { sql as clinicalRecords } from './0007_clinical_records';
import { sql as checkinLookups } from './0008_checkin_lookups';
import { sql as outboxCursor } from './0009_outbox_cursor';
import { sql as closeOfDay } from './0010_close_of_day';
import { sql as sync } from './0011_sync';
import { sql as visitOutcomes } from './0012_visit_outcomes';
import { sql as lanHub } from './0013_lan_hub';

export interface Migration {
  id: number;
  name: string;
  sql: string;
}

/**
 * Forward-only, numbered migrations. Never edit one that has shipped: the
 * migrator records each one's checksum and refuses a database whose applied
 * migrations differ from these texts. Add a new file instead.
 */
export const MIGRATIONS: readonly Migration[] = [
  { id: 1, name: 'foundation', sql: foundation },
  { id: 2, name: 'session_plan', sql: sessionPlan },
  { id: 3, name: 'vaccine_catalogue', sql: vaccineCatalogue },
  { id: 4, name: 'citizens_and_visits', sql: citizensAndVisits },
  { id: 5, name: 'clinical_steps', sql: clinicalSteps },
  { id: 6, name: 'certificates', sql: certificates },
  { id: 7, name: 'clinical_records', sql: clinicalRecords },
  { id: 8, name: 'checkin_lookups', sql: checkinLookups },
  { id: 9, name: 'outbox_cursor', sql: outboxCursor },
  { id: 10, name: 'close_of_day', sql: closeOfDay },
  { id: 11, name: 'sync', sql: sync },
  { id: 12, name: 'visit_outcomes', sql: visitOutcomes },
  { id: 13, name: 'lan_hub', sql: lanHub },
];
