import type { CertificateSummary, VerifyResult } from '../../../../preload/contract';
import type { CertificateSourceQueries } from '../../../../db/queries/certificate-sources';
import type { CertificateQueries, CertificateRow } from '../../../../db/queries/certificates';
import { DCC_STAGES } from '../../../certificates/dcc/decode';
import { kidKey } from '../../../certificates/dcc/trust-list';
import { type DccVerifyReport, verifyHc1 } from '../../../certificates/dcc/verify';
import { holderMismatch } from '../../../domain/dcc/holder-match';
import type { DccPayload, DccVaccinationEntry } from '../../../domain/dcc/types';
import { parseIsoDate } from '../../../domain/site-time';
import { siteToday } from '../../clock';
import { StationError } from '../../errors';
import { newId } from '../../ids';
import type { Actor, Store } from '../../store';
import type { CertificateSettingsService } from './certificate-settings';
import { type CertificateIssuing, auditView } from './issuing';
import { doseLine, doseLineFromEntry, effectiveStatus, issuerName, renderPaper, toCertificateDose, toSummary } from './paper';
import type { TrustStore } from './trust-store';

/**
 * Reading certificates: verifying any HC1 QR against the trust list, taking a
 * verified certificate's doses into a citizen's history, and linking a
 * nationally signed certificate to the citizen it belongs to.
 */
export class CertificateVerification {
  constructor(
    private readonly store: Store,
    private readonly q: CertificateQueries,
    private readonly src: CertificateSourceQueries,
    private readonly trust: TrustStore,
    private readonly issuing: CertificateIssuing,
    private readonly settings: CertificateSettingsService,
  ) {}

  verify(hc1: string): VerifyResult {
    return this.describe(this.check(hc1));
  }

  /**
   * Records a certificate's vaccinations as doses 'reported elsewhere'. The
   * signature, schema and key usage must hold; expiry need not: a certificate
   * stops being valid for travel after 12 months, but the doses it proves were
   * still given. The holder must be the citizen (name and date of birth), and
   * a dose already on record (same date and dose number) is not added twice.
   */
  importDoses(actor: Actor, hc1: string, citizenId: string): { imported: number; skipped: number } {
    const report = this.check(hc1);
    const payload = this.requireGenuine(report, { allowExpired: true });
    const entries = payload.v ?? [];
    if (entries.length === 0) throw new StationError('CERT_NOT_VACCINATION', 'the certificate holds no vaccination');
    const citizen = this.issuing.citizen(citizenId);
    this.requireHolder(citizen, payload);
    const today = siteToday(this.store.clock);
    for (const entry of entries) {
      const date = entry.dt.slice(0, 10);
      if (!parseIsoDate(date) || date > today) throw new StationError('DCC_DATE_INVALID', 'vaccination date', { date });
    }
    return this.store.write(actor, (w) => {
      const known = this.src.validDoses(citizenId);
      let imported = 0;
      let skipped = 0;
      for (const entry of entries) {
        const givenOn = entry.dt.slice(0, 10);
        if (known.some((d) => d.givenOn === givenOn && d.doseNumber === entry.dn)) {
          skipped++;
          continue;
        }
        const dose = {
          id: newId(),
          recordId: newId(),
          citizenId,
          productCode: this.src.productCodeFor(entry.mp),
          dccProduct: entry.mp,
          dccManufacturer: entry.ma,
          dccProphylaxis: entry.vp,
          dccDisease: entry.tg,
          doseNumber: entry.dn,
          seriesDoses: entry.sd,
          givenOn,
          country: entry.co,
          issuer: entry.is,
          recordedBy: actor.staffId,
          recordedAt: w.at,
        };
        this.src.insertReportedDose(dose);
        // Reported doses go to the national platform like the station's own, with the certificate that proves them.
        w.enqueue({ kind: 'dose.reported', entityId: dose.id, subjectId: citizenId, payload: { ...dose, uvci: entry.ci } });
        w.audit('certificates:importDoses', 'dose', dose.id, null, { citizenId, givenOn, doseNumber: entry.dn, uvci: entry.ci, country: entry.co });
        imported++;
      }
      return { imported, skipped };
    });
  }

  /**
   * Links a nationally signed certificate (brought back by sync, or pasted)
   * to its citizen. It must verify completely, be signed by a national
   * document signer (not our provisional one) and belong to the citizen; it
   * then supersedes the station's certificates for the same or earlier doses
   * and gets its own PDF so it can be reprinted.
   */
  async importNational(actor: Actor | null, hc1: string, citizenId: string): Promise<CertificateSummary> {
    const report = this.check(hc1);
    const payload = this.requireGenuine(report, { allowExpired: false });
    const entry = payload.v?.[0];
    if (!entry) throw new StationError('CERT_NOT_VACCINATION', 'the certificate holds no vaccination');
    const source = report.signer ? this.trust.entryFor(report.signer)?.source : undefined;
    if (source !== 'own_national' && source !== 'imported') throw new StationError('CERT_NOT_NATIONAL', 'signed by the station’s provisional certificate, not a national signer');
    const citizen = this.issuing.citizen(citizenId);
    this.requireHolder(citizen, payload);
    const now = this.store.clock.now();
    const existing = this.q.byUvci(entry.ci);
    if (existing) {
      if (existing.citizenId !== citizenId) throw new StationError('CERT_HOLDER_MISMATCH', 'this certificate is linked to another citizen', { field: 'citizen' });
      return toSummary(existing, now);
    }

    const vaccinatedOn = entry.dt.slice(0, 10);
    const doses = this.src.validDoses(citizenId).filter((d) => d.givenOn <= vaccinatedOn);
    const qrDose = doses.find((d) => d.givenOn === vaccinatedOn && d.doseNumber === entry.dn) ?? null;
    const issuer = issuerName(this.store.q.site.get());
    const claims = report.decoded!.claims;
    const issuedAt = instant(claims.issuedAt) ?? now.toISOString();
    const expiresAt = instant(claims.expiresAt)!;
    const lines = qrDose ? doses.map((d) => doseLine(toCertificateDose(d, issuer))) : [doseLineFromEntry(entry, this.src.productNames())];
    const paper = this.settings.get().paper;
    const pdf = await renderPaper({ paper, provisional: false, citizen, doses: lines, issuedAt, expiresAt, issuer: entry.is, uvci: entry.ci, hc1 });

    return this.store.write(actor, (w) => {
      const row: CertificateRow = {
        id: newId(),
        uvci: entry.ci,
        citizenId,
        doseRecordIds: doses.map((d) => d.recordId),
        qrDoseId: qrDose?.id ?? null,
        doseNumber: entry.dn,
        seriesDoses: entry.sd,
        vaccinatedOn,
        hc1,
        kid: kidKey(report.decoded!.cose.kid!),
        trustEntryId: report.signer ? (this.trust.entryFor(report.signer)?.id ?? null) : null,
        issuedAt,
        expiresAt,
        status: 'active',
        supersededBy: null,
        supersededAt: null,
        provisional: false,
        national: true,
        visitId: null,
        issuedBy: actor?.staffId ?? null,
        createdAt: w.at,
        printCount: 0,
        lastPrintedAt: null,
      };
      this.q.insertCertificate(row);
      this.q.insertPdf(row.id, paper, pdf, w.at);
      for (const old of this.q.forCitizen(citizenId)) {
        if (old.id !== row.id && old.status === 'active' && old.vaccinatedOn <= vaccinatedOn) this.issuing.supersede(w, old, row.id);
      }
      w.audit('certificates:importNational', 'certificate', row.id, null, auditView(row));
      w.emit('certificates:changed', { citizenId, certificateId: row.id, status: effectiveStatus(row, now) });
      return toSummary(row, now);
    });
  }

  private check(hc1: string): DccVerifyReport {
    return verifyHc1(hc1, { trustList: this.trust.trustList(), now: this.store.clock.now() });
  }

  /** The payload of a certificate whose signature, schema and key usage hold (and expiry, unless allowed). */
  private requireGenuine(report: DccVerifyReport, options: { allowExpired: boolean }): DccPayload {
    for (const stage of DCC_STAGES) {
      const outcome = report.stages[stage];
      if (!outcome || outcome.ok) continue;
      if (options.allowExpired && stage === 'EXPIRATIONCHECK') continue;
      throw new StationError(outcome.error.code, `the certificate fails ${stage}`, { stage });
    }
    if (!report.payload || !report.stages.VERIFY?.ok) throw new StationError('CERT_NOT_VERIFIED', 'the certificate could not be verified');
    return report.payload;
  }

  private requireHolder(citizen: { fullName: string; dateOfBirth: string }, payload: DccPayload): void {
    const mismatch = holderMismatch(citizen, payload);
    if (mismatch) {
      throw new StationError('CERT_HOLDER_MISMATCH', 'the certificate belongs to someone else', {
        field: mismatch,
        holder: [payload.nam.fn, payload.nam.gn].filter(Boolean).join(' ') || [payload.nam.fnt, payload.nam.gnt].filter(Boolean).join(' '),
        dateOfBirth: payload.dob,
      });
    }
  }

  private describe(report: DccVerifyReport): VerifyResult {
    const stages = DCC_STAGES.flatMap((stage) => {
      const outcome = report.stages[stage];
      return outcome ? [{ stage, ok: outcome.ok, code: outcome.ok ? null : outcome.error.code }] : [];
    });
    const entry = report.signer ? this.trust.entryFor(report.signer) : null;
    const claims = report.decoded?.claims;
    const payload = report.payload;
    const names = payload ? this.src.productNames() : new Map<string, string>();
    const uvci = payload?.v?.[0]?.ci ?? payload?.t?.[0]?.ci ?? payload?.r?.[0]?.ci;
    const ours = uvci ? this.q.byUvci(uvci) : null;
    return {
      valid: report.valid,
      stages,
      failure: report.failure ? { stage: report.failure.stage, code: report.failure.error.code } : null,
      signatureVerified: report.stages.VERIFY?.ok === true,
      signer:
        report.signer && entry
          ? { subject: entry.subject, country: entry.country, kid: entry.kid, source: entry.source, label: entry.label }
          : null,
      issuerCountry: typeof claims?.issuer === 'string' ? claims.issuer.slice(0, 80) : null,
      issuedAt: instant(claims?.issuedAt),
      expiresAt: instant(claims?.expiresAt),
      holder: payload
        ? {
            familyName: payload.nam.fn ?? null,
            givenName: payload.nam.gn ?? null,
            familyNameIcao: payload.nam.fnt ?? null,
            givenNameIcao: payload.nam.gnt ?? null,
            dateOfBirth: payload.dob,
          }
        : null,
      vaccinations: (payload?.v ?? []).map((v) => vaccination(v, names)),
      tests: payload?.t?.length ?? 0,
      recoveries: payload?.r?.length ?? 0,
      station: ours ? { certificateId: ours.id, citizenId: ours.citizenId, status: effectiveStatus(ours, this.store.clock.now()) } : null,
    };
  }
}

function vaccination(v: DccVaccinationEntry, names: ReadonlyMap<string, string>): VerifyResult['vaccinations'][number] {
  return {
    doseNumber: v.dn,
    seriesDoses: v.sd,
    date: v.dt.slice(0, 10),
    productName: names.get(v.mp) ?? v.mp,
    product: v.mp,
    manufacturer: v.ma,
    vaccineType: v.vp,
    targetDisease: v.tg,
    country: v.co,
    issuer: v.is,
    uvci: v.ci,
  };
}

/** A CWT NumericDate as an instant, or null when absent or beyond what a date can say. */
function instant(seconds: number | undefined): string | null {
  if (seconds === undefined || !Number.isFinite(seconds)) return null;
  const ms = seconds * 1000;
  if (ms < 0 || ms > Date.UTC(9999, 11, 31)) return null;
  return new Date(Math.floor(ms / 1000) * 1000).toISOString();
}
