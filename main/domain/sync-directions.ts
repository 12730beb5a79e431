/**
 * Which way each table syncs with the national platform (Tamanu declares
 * this per model; we do per table). `up`: the station's records, uploaded
 * through the outbox; `down`: the platform's, pulled (the catalogue and lots
 * arrive as migrations and plans today, national certificates and target
 * lists by pull); `both`: records the station writes and the platform may
 * correct; `local`: never leaves the station (its own bookkeeping, secrets,
 * desk state). Only the station holding the database uploads; a test in
 * test/unit/domain checks every table of the schema is listed here.
 */
export type SyncDirection = 'up' | 'down' | 'both' | 'local';

export const SYNC_DIRECTIONS: Readonly<Record<string, SyncDirection>> = {
  // Up: what happened at the site.
  dose: 'both',
  aefi: 'up',
  vial: 'up',
  vial_waste: 'up',
  screening: 'up',
  citizen: 'both',
  identity_correction: 'up',
  certificate: 'both',
  aefi_follow_up: 'up',
  // Each revision of a closed day's signed manifest goes up (kind session.closed); amendments travel as the corrections they make.
  day_manifest: 'up',
  // Down: what the platform decides.
  vaccine_product: 'down',
  vaccine_lot: 'down',
  plan_target: 'down',
  trust_entry: 'down',
  // The station's own.
  site: 'local',
  staff: 'local',
  setting: 'local',
  audit_log: 'local',
  session_plan: 'local',
  visit: 'local',
  // How a visit ended (left, referred, deferred) is the site's bookkeeping; a deferral goes up as dose.not-given.
  visit_outcome: 'local',
  // The LAN hub's certificate and the desks paired to it: the site's own network, never the platform's business.
  hub_identity: 'local',
  paired_desk: 'local',
  observation: 'local',
  certificate_pdf: 'local',
  certificate_print: 'local',
  signing_key: 'local',
  outbox: 'local',
  sync_state: 'local',
  sync_round: 'local',
  sync_inbox: 'local',
  sync_connection: 'local',
  schema_migration: 'local',
  // The close of day's own bookkeeping: counts, decisions, re-openings and amendments are in the manifest, not separate uploads.
  stock_count: 'local',
  identity_conflict: 'local',
  dose_correction_request: 'local',
  close_decision: 'local',
  session_reopen: 'local',
  amendment: 'local',
  session_amending: 'local',
};
