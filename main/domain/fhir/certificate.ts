import { CERTIFICATE_TYPE, SYSTEM } from './systems';
import type { Identifier, Resource } from './types';

export interface CertificateForFhir {
  uvci: string;
  hc1: string;
  provisional: boolean;
  issuedAt: string;
  expiresAt: string;
  status: 'active' | 'superseded' | 'expired';
}

export function uvciIdentifier(uvci: string): Identifier {
  return { system: SYSTEM.uvci, value: uvci };
}

/**
 * A certificate the station signed, so the platform knows its UVCI (and can
 * sign a national one for the same doses): a DocumentReference whose master
 * identifier is the UVCI, with the HC1 text as its content, related to the
 * dose its QR carries. Provisional certificates are `preliminary`.
 */
export function toCertificateDocument(
  c: CertificateForFhir,
  links: { patient: string; immunization: string | null },
  toBase64: (text: string) => string,
): Resource {
  return {
    resourceType: 'DocumentReference',
    masterIdentifier: uvciIdentifier(c.uvci),
    status: c.status === 'superseded' ? 'superseded' : 'current',
    docStatus: c.provisional ? 'preliminary' : 'final',
    type: { coding: [{ system: CERTIFICATE_TYPE.system, code: c.provisional ? CERTIFICATE_TYPE.provisional : CERTIFICATE_TYPE.national }], text: 'EU DCC' },
    subject: { reference: links.patient },
    date: c.issuedAt,
    content: [{ attachment: { contentType: 'text/plain', data: toBase64(c.hc1), title: c.uvci } }],
    context: { period: { start: c.issuedAt, end: c.expiresAt }, ...(links.immunization ? { related: [{ reference: links.immunization }] } : {}) },
  };
}
