import { looksLikeBhyt, readBhyt, type BhytReading } from './bhyt';
import { finding, type Finding } from './findings';
import { cccdShape, readFields, type ReadOptions } from './read-card';
import { cleanScanText, isOversized, MAX_PAYLOAD_BYTES, removeInnerControls, repairMojibake } from './scan-text';
import type { CccdReading } from './types';

/**
 * Says what a scanned code is. The check-in desk is shown more than ID cards:
 * health-insurance cards, vaccination certificates (EU DCC, "HC1:"), links
 * printed on leaflets and phones, and stray text. Each gets its own kind so the
 * desk can say "this is a health-insurance card, please scan the ID card"
 * instead of failing obscurely. Pure and total.
 */
export type ScanReading =
  | CccdReading
  | BhytReading
  | { kind: 'dcc'; payload: string }
  | { kind: 'url'; url: string; host: string | null }
  | { kind: 'text'; text: string }
  | { kind: 'empty' }
  | { kind: 'rejected'; findings: Finding[] };

const DCC_PREFIX = /^HC1:/iu;
const URL_LIKE = /^(?:[a-z][a-z0-9+.-]*:\/\/|www\.)\S+$/iu;

export function classifyScan(raw: string, options: ReadOptions = {}): ScanReading {
  if (isOversized(raw)) return { kind: 'rejected', findings: [finding('PAYLOAD_TOO_LONG', { limit: MAX_PAYLOAD_BYTES })] };
  const { text } = cleanScanText(raw);
  if (text === '') return { kind: 'empty' };
  // Certificates go to the certificates module exactly as scanned (minus transport junk).
  if (DCC_PREFIX.test(text)) return { kind: 'dcc', payload: text };
  if (URL_LIKE.test(text)) return { kind: 'url', url: text, host: hostOf(text) };
  if (looksLikeBhyt(text)) return readBhyt(text);

  const findings: Finding[] = [];
  let cardText = text;
  const repaired = repairMojibake(cardText);
  if (repaired !== null) {
    cardText = repaired;
    findings.push(finding('TEXT_ENCODING_REPAIRED'));
  }
  const controls = removeInnerControls(cardText);
  const shape = cccdShape(controls.text);
  if (shape) {
    if (controls.removed) findings.push(finding('CONTROL_CHARACTERS_REMOVED'));
    return readFields(shape.split, findings, options);
  }
  return { kind: 'text', text };
}

function hostOf(text: string): string | null {
  try {
    return new URL(/^www\./iu.test(text) ? `https://${text}` : text).hostname || null;
  } catch {
    return null;
  }
}
