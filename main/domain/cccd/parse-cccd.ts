import { classifyScan } from './classify-scan';
import { finding } from './findings';
import type { ReadOptions } from './read-card';
import type { CccdReading } from './types';

/**
 * Reads a scan that should be a chip ID card. Pure and total: any string in,
 * a reading out, never an exception. Whatever else the scan is (a
 * health-insurance card, a certificate, a link) is refused as NOT_CCCD and
 * named in `params.scanned`; classifyScan gives the full reading of those.
 */
export function parseCccdPayload(raw: string, options: ReadOptions = {}): CccdReading {
  const reading = classifyScan(raw, options);
  if (reading.kind === 'cccd') return reading;
  if (reading.kind === 'rejected') return { kind: 'cccd', identity: null, findings: reading.findings };
  return { kind: 'cccd', identity: null, findings: [finding('NOT_CCCD', { scanned: reading.kind })] };
}
