import type { CertificateDose, CertificateSummary, Paper } from '../../../../preload/contract';
import type { CertificateCitizenRow, CertificateDoseRow } from '../../../../db/queries/certificate-sources';
import type { CertificateRow } from '../../../../db/queries/certificates';
import type { DccVaccinationEntry } from '../../../domain/dcc/types';
import { siteDay } from '../../../domain/site-time';
import { toQrMatrix } from '../../../certificates/dcc/qr';
import { type CertificateDoseLine, type CertificatePaperInput, renderCertificatePdf } from '../../../certificates/pdf/certificate-pdf';

/**
 * Turning rows into what people see: the contract's summaries and the printed
 * paper. Shared by issuing, reissuing and importing national certificates so
 * all three print the same way.
 */

/** 'expired' is read from the clock: the row records only supersession. */
export function effectiveStatus(row: Pick<CertificateRow, 'status' | 'expiresAt'>, now: Date): CertificateSummary['status'] {
  if (row.status === 'superseded') return 'superseded';
  return Date.parse(row.expiresAt) <= now.getTime() ? 'expired' : row.status;
}

export function toSummary(row: CertificateRow, now: Date): CertificateSummary {
  return {
    id: row.id,
    uvci: row.uvci,
    citizenId: row.citizenId,
    status: effectiveStatus(row, now),
    provisional: row.provisional,
    national: row.national,
    issuedAt: row.issuedAt,
    expiresAt: row.expiresAt,
    supersededBy: row.supersededBy,
    doseNumber: row.doseNumber,
    seriesDoses: row.seriesDoses,
    vaccinatedOn: row.vaccinatedOn,
    printCount: row.printCount,
    lastPrintedAt: row.lastPrintedAt,
    hc1: row.hc1,
  };
}

/** Where a dose was given, as the paper and the panel say it. */
export function placeOf(dose: Pick<CertificateDoseRow, 'source' | 'issuer' | 'country'>, siteName: string): string {
  if (dose.source === 'station') return siteName;
  const issuer = dose.issuer?.trim();
  return issuer ? `${issuer} (${dose.country})` : dose.country;
}

export function toCertificateDose(dose: CertificateDoseRow, siteName: string): CertificateDose {
  return {
    doseId: dose.id,
    recordId: dose.recordId,
    source: dose.source,
    doseNumber: dose.doseNumber,
    seriesDoses: dose.seriesDoses,
    givenOn: dose.givenOn,
    productName: dose.productName ?? dose.dccProduct,
    dccProduct: dose.dccProduct,
    lotNumber: dose.lotNumber,
    place: placeOf(dose, siteName),
    country: dose.country,
  };
}

export function doseLine(dose: CertificateDose): CertificateDoseLine {
  return {
    doseNumber: dose.doseNumber,
    seriesDoses: dose.seriesDoses,
    givenOn: dose.givenOn,
    vaccine: dose.productName,
    lot: dose.lotNumber,
    place: dose.place,
  };
}

/** A dose line from the certificate itself, for a national certificate whose dose we have no record of. */
export function doseLineFromEntry(entry: DccVaccinationEntry, productNames: ReadonlyMap<string, string>): CertificateDoseLine {
  return {
    doseNumber: entry.dn,
    seriesDoses: entry.sd,
    givenOn: entry.dt.slice(0, 10),
    vaccine: productNames.get(entry.mp) ?? entry.mp,
    lot: null,
    place: `${entry.is} (${entry.co})`,
  };
}

export function renderPaper(input: {
  paper: Paper;
  provisional: boolean;
  citizen: CertificateCitizenRow;
  doses: readonly CertificateDoseLine[];
  nextDose?: CertificatePaperInput['nextDose'];
  issuedAt: string;
  expiresAt: string;
  issuer: string;
  uvci: string;
  hc1: string;
}): Promise<Buffer> {
  return renderCertificatePdf({
    paper: input.paper,
    provisional: input.provisional,
    holder: {
      fullName: input.citizen.fullName,
      dateOfBirth: input.citizen.dateOfBirth,
      idNumber: input.citizen.idNumber,
      passportNumber: input.citizen.passportNumber,
    },
    doses: input.doses,
    nextDose: input.nextDose ?? null,
    issuedOn: siteDay(new Date(input.issuedAt)),
    validUntil: siteDay(new Date(input.expiresAt)),
    issuer: input.issuer,
    uvci: input.uvci,
    qr: toQrMatrix(input.hc1),
  });
}

/** The certificate issuer (`is`): the site, at most the schema's 80 characters. */
export function issuerName(site: { name: string } | null): string {
  return (site?.name ?? 'Viet Nam').slice(0, 80).trim();
}
