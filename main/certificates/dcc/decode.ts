import { type DccError, type DccResult } from '../../domain/dcc/errors';
import { DCC_KINDS, type DccKind } from '../../domain/dcc/types';
import { inflateBounded } from './compression';
import { type CoseSign1, parseCoseSign1 } from './cose';
import { type DccClaims, parseDccClaims } from './cwt';
import { decodeBase45, unprefixHc1 } from './hc1-text';

/**
 * The stages of reading an EU DCC, named as the EU conformance data names them
 * (EXPECTEDUNPREFIX, EXPECTEDB45DECODE, …), so each test case's expectation maps
 * onto one stage here.
 */
export const DCC_STAGES = [
  'UNPREFIX',
  'B45DECODE',
  'COMPRESSION',
  'DECODE',
  'VERIFY',
  'SCHEMAVALIDATION',
  'EXPIRATIONCHECK',
  'KEYUSAGE',
] as const;
export type DccStage = (typeof DCC_STAGES)[number];

export type StageOutcome = { ok: true } | { ok: false; error: DccError };

/** A certificate decoded from its QR text: nothing about it is trusted yet. */
export interface DecodedDcc {
  cose: CoseSign1;
  claims: DccClaims;
  /** Which certificate types the payload holds (v, t, r), for key-usage checks and display. */
  kinds: DccKind[];
}

export interface DccDecodeReport {
  /** Stages that ran, in order; a stage that was not reached is absent. */
  stages: Partial<Record<DccStage, StageOutcome>>;
  decoded?: DecodedDcc;
  /** The first stage that refused the input, if any. */
  failure?: { stage: DccStage; error: DccError };
}

/**
 * Text → decoded certificate: UNPREFIX, B45DECODE, COMPRESSION, DECODE. Each
 * stage refuses oversize input before doing work (see limits.ts), and the first
 * refusal ends the run.
 */
export function decodeHc1(text: string): DccDecodeReport {
  const report: DccDecodeReport = { stages: {} };
  const run = <T>(stage: DccStage, result: DccResult<T>): T | undefined => {
    if (result.ok) {
      report.stages[stage] = { ok: true };
      return result.value;
    }
    report.stages[stage] = { ok: false, error: result.error };
    report.failure = { stage, error: result.error };
    return undefined;
  };

  const base45 = run('UNPREFIX', unprefixHc1(text));
  if (base45 === undefined) return report;
  const compressed = run('B45DECODE', decodeBase45(base45));
  if (compressed === undefined) return report;
  const coseBytes = run('COMPRESSION', inflateBounded(compressed));
  if (coseBytes === undefined) return report;
  const decoded = run('DECODE', decodeCoseAndClaims(coseBytes));
  if (decoded === undefined) return report;
  report.decoded = decoded;
  return report;
}

/** COSE_Sign1 bytes → message and claims (the DECODE stage on its own). */
export function decodeCoseAndClaims(coseBytes: Uint8Array): DccResult<DecodedDcc> {
  const cose = parseCoseSign1(coseBytes);
  if (!cose.ok) return cose;
  const claims = parseDccClaims(cose.value.payload);
  if (!claims.ok) return claims;
  return { ok: true, value: { cose: cose.value, claims: claims.value, kinds: kindsOf(claims.value.hcert) } };
}

function kindsOf(hcert: unknown): DccKind[] {
  if (typeof hcert !== 'object' || hcert === null) return [];
  return DCC_KINDS.filter((kind) => Object.prototype.hasOwnProperty.call(hcert, kind));
}
