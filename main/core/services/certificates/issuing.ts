import type {
  CertificateListItem,
  CertificateSummary,
  CitizenCertificates,
  PendingCertificate,
} from '../../../../preload/contract';
import type { CertificateCitizenRow, CertificateDoseRow, CertificateSourceQueries } from '../../../../db/queries/certificate-sources';
import type { CertificateQueries, CertificateRow } from '../../../../db/queries/certificates';
import { issueVaccinationCertificate } from '../../../certificates/dcc/issue';
import { kidKey } from '../../../certificates/dcc/trust-list';
import { splitVietnameseFullName } from '../../../domain/dcc/vaccination-payload';
import { addDays, dateOfBirthForRules, siteDay } from '../../../domain/site-time';
import { CURRENT_RULES, nextDoseDue } from '../../../domain/eligibility';
import { siteToday } from '../../clock';
import { StationError } from '../../errors';
import { newId } from '../../ids';
import type { Actor, Store, WriteScope } from '../../store';
import type { CertificateSettingsService } from './certificate-settings';
import { doseLine, effectiveStatus, issuerName, renderPaper, toCertificateDose, toSummary } from './paper';
import type { SigningKeys } from './signing-keys';

/**
 * Issuing certificates from a citizen's recorded doses. A certificate carries
 * the latest valid dose in its QR (an EU DCC has one vaccination entry) and
 * lists every valid dose on paper. Certificates are never edited: a reissue
 * or a newer dose makes a new certificate with a new UVCI and the old one
 * points to it.
 */
export class CertificateIssuing {
  constructor(
    private readonly store: Store,
    private readonly q: CertificateQueries,
    private readonly src: CertificateSourceQueries,
    private readonly keys: SigningKeys,
    private readonly settings: CertificateSettingsService,
  ) {}

  forCitizen(citizenId: string): CitizenCertificates {
    const citizen = this.citizen(citizenId);
    const now = this.store.clock.now();
    const doses = this.src.validDoses(citizenId);
    const certificates = this.q.forCitizen(citizenId);
    const siteName = issuerName(this.store.q.site.get());
    return {
      citizen: {
        id: citizen.id,
        fullName: citizen.fullName,
        dateOfBirth: citizen.dateOfBirth,
        idNumber: citizen.idNumber,
        passportNumber: citizen.passportNumber,
      },
      releasedToday: this.src.releasedVisitId(citizenId, siteToday(this.store.clock)) !== null,
      doses: doses.map((d) => toCertificateDose(d, siteName)),
      certificates: certificates.map((c) => toSummary(c, now)),
      currentId: this.currentFor(certificates, doses, now)?.id ?? null,
    };
  }

  /** Is the citizen released from observation today? Nurses issue and print only then. */
  releasedToday(citizenId: string): boolean {
    return this.src.releasedVisitId(citizenId, siteToday(this.store.clock)) !== null;
  }

  /**
   * The citizen's current certificate, signing a new one if none carries the
   * latest dose (older ones are then superseded). Asking twice gives the same
   * certificate: a nurse's click and the automatic print on release can race.
   */
  async issue(actor: Actor | null, citizenId: string, options: { requireRelease: boolean }): Promise<CertificateSummary> {
    const citizen = this.citizen(citizenId);
    const today = siteToday(this.store.clock);
    const visitId = this.src.releasedVisitId(citizenId, today);
    if (options.requireRelease && !visitId) throw new StationError('CERT_NOT_RELEASED', 'the citizen has not been released from observation today');
    const doses = this.src.validDoses(citizenId);
    const latest = doses.at(-1);
    if (!latest) throw new StationError('CERT_NO_DOSES', 'no valid dose is recorded for this citizen');
    const now = this.store.clock.now();
    const current = this.currentFor(this.q.forCitizen(citizenId), doses, now);
    if (current) return toSummary(current, now);

    const signed = await this.sign(citizen, doses, latest);
    return this.store.write(actor, (w) => {
      // Re-read inside the transaction: another desk may have issued (or a dose changed) while we signed.
      // The same list, read before the new row exists, is what the new certificate supersedes.
      const certificates = this.q.forCitizen(citizenId);
      const again = this.currentFor(certificates, this.src.validDoses(citizenId), now);
      if (again) return toSummary(again, now);
      const row = this.record(w, signed, { citizenId, visitId, doses, qrDose: latest });
      for (const old of certificates) {
        if (old.status === 'active') this.supersede(w, old, row.id);
      }
      w.audit(actor ? 'certificates:issue' : 'certificates:autoIssue', 'certificate', row.id, null, auditView(row));
      w.emit('certificates:changed', { citizenId, certificateId: row.id, status: 'active' });
      return toSummary(row, now);
    });
  }

  /** A new UVCI and QR for the same doses; the old certificate is superseded (an expired one included). */
  async reissue(actor: Actor, certificateId: string): Promise<CertificateSummary> {
    const old = this.q.byId(certificateId);
    if (!old) throw new StationError('NOT_FOUND', 'no such certificate', { id: certificateId });
    if (old.status === 'superseded') throw new StationError('CERT_SUPERSEDED', 'a newer certificate replaced this one', { uvci: old.uvci });
    const citizen = this.citizen(old.citizenId);
    const listed = new Set(old.doseRecordIds);
    const doses = this.src.validDoses(old.citizenId).filter((d) => listed.has(d.recordId));
    const qrDose = doses.at(-1);
    if (!qrDose) throw new StationError('CERT_NOT_REISSUABLE', 'the doses this certificate listed are no longer valid', { uvci: old.uvci });
    const now = this.store.clock.now();
    const signed = await this.sign(citizen, doses, qrDose);
    return this.store.write(actor, (w) => {
      const fresh = this.q.byId(certificateId);
      if (!fresh || fresh.status === 'superseded') throw new StationError('CERT_SUPERSEDED', 'a newer certificate replaced this one', { uvci: old.uvci });
      const row = this.record(w, signed, { citizenId: old.citizenId, visitId: old.visitId, doses, qrDose });
      this.supersede(w, fresh, row.id);
      w.audit('certificates:reissue', 'certificate', row.id, { id: old.id, uvci: old.uvci, status: effectiveStatus(old, now) }, auditView(row));
      w.emit('certificates:changed', { citizenId: old.citizenId, certificateId: row.id, status: 'active' });
      return toSummary(row, now);
    });
  }

  /** Certificates recorded on a site day (issued here or imported), with their holders. */
  list(day: string): CertificateListItem[] {
    const from = siteDayStart(day);
    const to = siteDayStart(addDays(day, 1));
    const now = this.store.clock.now();
    return this.q.createdBetween(from, to).map((r) => ({ ...toSummary(r, now), fullName: r.fullName, dateOfBirth: r.dateOfBirth }));
  }

  /** Today's released citizens still waiting: no current certificate yet, or one never printed. */
  pending(): PendingCertificate[] {
    const now = this.store.clock.now();
    const out: PendingCertificate[] = [];
    for (const visit of this.src.releasedOn(siteToday(this.store.clock))) {
      const doses = this.src.validDoses(visit.citizenId);
      if (doses.length === 0) continue;
      const current = this.currentFor(this.q.forCitizen(visit.citizenId), doses, now);
      if (current && current.printCount > 0) continue;
      out.push({
        citizenId: visit.citizenId,
        visitId: visit.visitId,
        fullName: visit.fullName,
        dateOfBirth: visit.dateOfBirth,
        queueNumber: visit.queueNumber,
        releasedAt: visit.releasedAt,
        needs: current ? 'print' : 'issue',
        certificateId: current?.id ?? null,
      });
    }
    return out;
  }

  citizen(citizenId: string): CertificateCitizenRow {
    const citizen = this.src.citizen(citizenId);
    if (!citizen) throw new StationError('NOT_FOUND', 'no such citizen', { id: citizenId });
    return citizen;
  }

  /** Marks a certificate superseded by another, inside the caller's transaction. */
  supersede(w: WriteScope, old: CertificateRow, byId: string): void {
    if (this.q.supersede(old.id, byId, w.at)) {
      w.audit('certificates:supersede', 'certificate', old.id, { status: old.status }, { status: 'superseded', supersededBy: byId });
      w.emit('certificates:changed', { citizenId: old.citizenId, certificateId: old.id, status: 'superseded' });
    }
  }

  /** The active, unexpired certificate whose QR carries the latest valid dose. */
  private currentFor(certificates: readonly CertificateRow[], doses: readonly CertificateDoseRow[], now: Date): CertificateRow | null {
    const latest = doses.at(-1);
    if (!latest) return null;
    return (
      certificates.find(
        (c) => effectiveStatus(c, now) === 'active' && (c.qrDoseId === latest.id || (c.national && c.vaccinatedOn >= latest.givenOn)),
      ) ?? null
    );
  }

  /** An unfinished primary series' next dose, as the paper states it (the series rules of the day of issue). */
  private nextDoseOn(citizen: CertificateCitizenRow, doses: readonly CertificateDoseRow[]) {
    const history = doses.map((d) => ({ date: d.givenOn, productCode: d.productCode ?? '', doseNumber: d.doseNumber, source: d.source }));
    const next = nextDoseDue(CURRENT_RULES, history, dateOfBirthForRules(citizen.dateOfBirth), siteToday(this.store.clock));
    if (!next) return null;
    const vaccine = this.store.q.products.all().find((p) => p.code === next.productCode)?.name ?? next.productCode;
    return { vaccine, doseNumber: next.doseNumber, seriesDoses: next.seriesDoses, fromDate: next.earliestDate };
  }

  /** Signs and renders outside the transaction (the PDF takes milliseconds; the database is not held meanwhile). */
  private async sign(citizen: CertificateCitizenRow, doses: readonly CertificateDoseRow[], qrDose: CertificateDoseRow) {
    const { signer, provisional, trustEntryId } = this.keys.current();
    const site = this.store.q.site.get();
    const issuer = issuerName(site);
    const names = splitVietnameseFullName(citizen.fullName);
    const issued = issueVaccinationCertificate(
      signer,
      {
        ...names,
        uuid: newId(),
        dateOfBirth: citizen.dateOfBirth,
        issuer,
        dose: {
          targetDisease: qrDose.dccDisease,
          vaccineType: qrDose.dccProphylaxis,
          product: qrDose.dccProduct,
          manufacturer: qrDose.dccManufacturer,
          doseNumber: qrDose.doseNumber,
          seriesDoses: qrDose.seriesDoses,
          date: qrDose.givenOn,
          country: qrDose.country,
        },
      },
      { issuedAt: this.store.clock.now() },
    );
    if (!issued.ok) throw new StationError(issued.error.code, issued.error.detail ?? 'the certificate cannot be issued');
    const issuedAt = new Date(issued.value.issuedAt * 1000).toISOString();
    const expiresAt = new Date(issued.value.expiresAt * 1000).toISOString();
    const paper = this.settings.get().paper;
    const pdf = await renderPaper({
      paper,
      provisional,
      citizen,
      doses: doses.map((d) => doseLine(toCertificateDose(d, issuer))),
      nextDose: this.nextDoseOn(citizen, doses),
      issuedAt,
      expiresAt,
      issuer,
      uvci: issued.value.uvci,
      hc1: issued.value.hc1,
    });
    return { ...issued.value, issuedAtIso: issuedAt, expiresAtIso: expiresAt, provisional, trustEntryId, pdf, paper };
  }

  private record(
    w: WriteScope,
    signed: Awaited<ReturnType<CertificateIssuing['sign']>>,
    ctx: { citizenId: string; visitId: string | null; doses: readonly CertificateDoseRow[]; qrDose: CertificateDoseRow },
  ): CertificateRow {
    const row: CertificateRow = {
      id: newId(),
      uvci: signed.uvci,
      citizenId: ctx.citizenId,
      doseRecordIds: ctx.doses.map((d) => d.recordId),
      qrDoseId: ctx.qrDose.id,
      doseNumber: ctx.qrDose.doseNumber,
      seriesDoses: ctx.qrDose.seriesDoses,
      vaccinatedOn: ctx.qrDose.givenOn,
      hc1: signed.hc1,
      kid: kidKey(signed.kid),
      trustEntryId: signed.trustEntryId,
      issuedAt: signed.issuedAtIso,
      expiresAt: signed.expiresAtIso,
      status: 'active',
      supersededBy: null,
      supersededAt: null,
      provisional: signed.provisional,
      national: false,
      visitId: ctx.visitId,
      issuedBy: w.actor?.staffId ?? null,
      createdAt: w.at,
      printCount: 0,
      lastPrintedAt: null,
    };
    this.q.insertCertificate(row);
    this.q.insertPdf(row.id, signed.paper, signed.pdf, w.at);
    // The platform learns the UVCI (and signs a national certificate for a provisional one).
    w.enqueue({
      kind: 'certificate.issued',
      entityId: row.id,
      subjectId: row.citizenId,
      sessionId: ctx.visitId ? (w.q.visits.entry(ctx.visitId)?.planId ?? null) : null,
      payload: { uvci: row.uvci, provisional: row.provisional, qrDoseId: row.qrDoseId },
    });
    return row;
  }
}

/** What an audit row keeps of a certificate: identifiers and dates, not the QR text. */
export function auditView(row: CertificateRow) {
  return {
    uvci: row.uvci,
    citizenId: row.citizenId,
    doseRecordIds: row.doseRecordIds,
    issuedAt: row.issuedAt,
    expiresAt: row.expiresAt,
    provisional: row.provisional,
    national: row.national,
  };
}

/** The UTC instant a site day begins (Asia/Ho_Chi_Minh is UTC+7 all year). */
export function siteDayStart(day: string): string {
  const start = new Date(`${day}T00:00:00+07:00`);
  // Guard against a malformed day reaching here: the contract validates it, this keeps the invariant local.
  if (siteDay(start) !== day) throw new StationError('VALIDATION_FAILED', 'not a site day', { day });
  return start.toISOString();
}
