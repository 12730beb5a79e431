import type { ScanReading as ReadingView } from '../../../../preload/contract';
import type { ScanReading } from '../../../domain/cccd';

const TEXT_ECHO = 200;
const URL_ECHO = 500;

/**
 * What a desk is shown of a reading. Certificates are not echoed (the
 * certificate verifier reads them); stray text and links are shortened so
 * a pasted document does not travel back to every screen.
 */
export function readingView(reading: ScanReading): ReadingView {
  switch (reading.kind) {
    case 'cccd':
      return { kind: 'cccd', identity: reading.identity, findings: reading.findings };
    case 'bhyt':
      return {
        kind: 'bhyt',
        cardNumber: reading.cardNumber,
        socialInsuranceNumber: reading.socialInsuranceNumber,
        fullName: reading.fullName,
        dateOfBirth: reading.dateOfBirth,
        sex: reading.sex,
        validTo: reading.validTo,
        findings: reading.findings,
      };
    case 'dcc':
      return { kind: 'dcc' };
    case 'url':
      return { kind: 'url', url: shorten(reading.url, URL_ECHO), host: reading.host };
    case 'text':
      return { kind: 'text', text: shorten(reading.text, TEXT_ECHO) };
    case 'empty':
      return { kind: 'empty' };
    case 'rejected':
      return { kind: 'rejected', findings: reading.findings };
  }
}

function shorten(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max).join('')}…`;
}
