import { z } from 'zod';
import { Empty, Instant, op } from './common';

/**
 * The upload to the national platform: what every desk shows (queued, last
 * success, online or not, next try), the supervisor's sync page (progress,
 * rounds, the rejection queue, upload now) and the connection settings.
 */

/** What the platform said about a record, as it said it (codes and text), for the desk to translate what it knows. */
export const PlatformReason = z.object({
  status: z.number().int(),
  issueCode: z.string().nullable(),
  detailCode: z.string().nullable(),
  detailSystem: z.string().nullable(),
  text: z.string().nullable(),
  expression: z.string().nullable(),
});
export type PlatformReason = z.infer<typeof PlatformReason>;

export const SyncProblem = z.object({
  code: z.enum(['SYNC_OFFLINE', 'SYNC_PLATFORM_ERROR', 'SYNC_AUTH_FAILED', 'SYNC_LOCKED', 'SYNC_NOT_CONFIGURED', 'SYNC_TLS_CONFIG', 'SYNC_BUSY']),
  message: z.string(),
  reason: PlatformReason.optional(),
});
export type SyncProblem = z.infer<typeof SyncProblem>;

export const SyncHealthAlert = z.object({
  /** nothing_uploaded_24h: records wait and nothing went for 24 h; rejection_48h: a rejection has waited over 48 h. */
  code: z.enum(['nothing_uploaded_24h', 'rejection_48h']),
  since: Instant,
  count: z.number().int(),
});
export type SyncHealthAlert = z.infer<typeof SyncHealthAlert>;

export const SyncStatus = z.object({
  /** not_configured: no platform set; locked: credentials sealed until a supervisor unlocks them. */
  connection: z.enum(['not_configured', 'locked', 'online', 'offline', 'unknown']),
  endpoint: z.string().nullable(),
  queued: z.number().int(),
  held: z.number().int(),
  rejected: z.number().int(),
  escalated: z.number().int(),
  sent: z.number().int(),
  lastSuccessAt: Instant.nullable(),
  nextTryAt: Instant.nullable(),
  /** The round in flight, for the progress bar. */
  running: z.object({ roundId: z.string(), sent: z.number().int(), rejected: z.number().int(), total: z.number().int() }).nullable(),
  lastProblem: SyncProblem.nullable(),
  alerts: z.array(SyncHealthAlert),
});
export type SyncStatus = z.infer<typeof SyncStatus>;

export const SyncRound = z.object({
  id: z.string(),
  startedAt: Instant,
  finishedAt: Instant.nullable(),
  trigger: z.enum(['auto', 'manual', 'command']),
  endpoint: z.string(),
  mode: z.enum(['transaction', 'batch']).nullable(),
  outcome: z.enum(['done', 'partial', 'offline', 'failed']).nullable(),
  sent: z.number().int(),
  rejected: z.number().int(),
  held: z.number().int(),
  retried: z.number().int(),
  requests: z.number().int(),
  bytesSent: z.number().int(),
  pulled: z.number().int(),
  problem: SyncProblem.nullable(),
});
export type SyncRound = z.infer<typeof SyncRound>;

export const Rejection = z.object({
  seq: z.number().int(),
  kind: z.string(),
  state: z.enum(['rejected', 'escalated']),
  createdAt: Instant,
  rejectedAt: Instant.nullable(),
  citizen: z.object({ id: z.string(), fullName: z.string().nullable(), idNumber: z.string().nullable(), dateOfBirth: z.string().nullable() }).nullable(),
  /** What the row is about, for the supervisor: the dose's date and vaccine, the event, the vial. */
  summary: z.object({ doseId: z.string().nullable(), givenOn: z.string().nullable(), productName: z.string().nullable(), lotNumber: z.string().nullable() }),
  reason: PlatformReason.nullable(),
  resolvedBy: z.string().nullable(),
  resolvedAt: Instant.nullable(),
  note: z.string().nullable(),
});
export type Rejection = z.infer<typeof Rejection>;

export const AuthKind = z.enum(['none', 'oauth2', 'mtls', 'oauth2+mtls']);
const Url = z.string().trim().min(1).max(500);
const Pem = z.string().max(64 * 1024);

export const ConnectionView = z.object({
  configured: z.boolean(),
  baseUrl: z.string().nullable(),
  auth: AuthKind,
  tokenUrl: z.string().nullable(),
  clientId: z.string().nullable(),
  scope: z.string().nullable(),
  proxyUrl: z.string().nullable(),
  /** Which secrets are stored (sealed); never the secrets. */
  secrets: z.object({ clientSecret: z.boolean(), clientCertificate: z.boolean() }),
  protection: z.object({ os: z.boolean(), passphrase: z.boolean() }),
  unlocked: z.boolean(),
  uploadDeferrals: z.boolean(),
  updatedAt: Instant.nullable(),
});
export type ConnectionView = z.infer<typeof ConnectionView>;

export const ConnectionInput = z.object({
  baseUrl: Url,
  auth: AuthKind,
  tokenUrl: Url.nullable().optional(),
  clientId: z.string().trim().max(200).nullable().optional(),
  /** Omitted: keep the stored one. */
  clientSecret: z.string().max(2000).optional(),
  scope: z.string().trim().max(500).nullable().optional(),
  clientCertificatePem: Pem.optional(),
  clientKeyPem: Pem.optional(),
  caPem: Pem.nullable().optional(),
  proxyUrl: Url.nullable().optional(),
  /** Seals the secrets where the OS key store is not available (browser mode), like the signing key. */
  passphrase: z.string().min(10).max(200).optional(),
  uploadDeferrals: z.boolean().optional(),
});
export type ConnectionInput = z.infer<typeof ConnectionInput>;

export const ConnectionVerdict = z.object({
  ok: z.boolean(),
  /** reachable and answering FHIR R4; what it supports. */
  fhirVersion: z.string().nullable(),
  transactions: z.boolean().nullable(),
  /** A stable code when not ok (SYNC_OFFLINE, SYNC_AUTH_FAILED, SYNC_PLATFORM_ERROR…). */
  code: z.string().nullable(),
  message: z.string(),
  latencyMs: z.number().nullable(),
});
export type ConnectionVerdict = z.infer<typeof ConnectionVerdict>;

export const syncOps = {
  'sync:status': op({ summary: 'The upload state every desk shows', request: Empty, response: SyncStatus }),
  'sync:rounds': op({ summary: 'Supervisor: the history of upload rounds', request: z.object({ limit: z.number().int().min(1).max(200).default(50) }), response: z.array(SyncRound) }),
  'sync:rejections': op({ summary: 'Supervisor: records the platform refused, with its reasons', request: Empty, response: z.array(Rejection) }),
  'sync:resend': op({ summary: 'Supervisor: send a refused record again (after fixing it)', request: z.object({ seq: z.number().int() }), response: Rejection.nullable() }),
  'sync:escalate': op({
    summary: 'Supervisor: hand a refused record to the national team, with a note',
    request: z.object({ seq: z.number().int(), note: z.string().trim().min(5).max(1000) }),
    response: Rejection,
  }),
  'sync:uploadNow': op({ summary: 'Supervisor: start an upload round now', request: Empty, response: z.object({ started: z.boolean() }) }),
  'sync:getConnection': op({ summary: 'Supervisor: the platform connection (no secrets)', request: Empty, response: ConnectionView }),
  'sync:saveConnection': op({ summary: 'Supervisor: set the platform connection; secrets are sealed at rest', request: ConnectionInput, response: ConnectionView }),
  'sync:unlock': op({ summary: 'Supervisor: open the sealed credentials with the passphrase', request: z.object({ passphrase: z.string().min(1).max(200) }), response: ConnectionView }),
  'sync:testConnection': op({ summary: 'Supervisor: try the connection and say what happened', request: Empty, response: ConnectionVerdict }),
};

export const syncEvents = {
  /** The upload state changed (rows queued, a round's progress, online/offline); desks refetch sync:status or use this. */
  'sync:status': SyncStatus,
};

