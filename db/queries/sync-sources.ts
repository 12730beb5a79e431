import type { Database } from 'better-sqlite3';

/**
 * What the upload reads to turn an outbox row into FHIR: the record as it
 * stands now (a citizen's identity corrected since the dose was queued goes
 * corrected; a rejected row resent after a fix goes fixed), with the names
 * and codes it refers to. One statement per record, no joins the upload does
 * not need: a week's backlog is read row by row.
 */
export interface SourceCitizen {
  id: string;
  idNumber: string | null;
  oldIdNumber: string | null;
  passportNumber: string | null;
  nationality: string | null;
  fullName: string;
  dateOfBirth: string;
  sex: 'male' | 'female' | null;
  address: string | null;
  phone: string | null;
  verification: 'card' | 'site_verified' | 'imported' | 'unverified';
}

export interface SourceDose {
  id: string;
  recordId: string;
  version: number;
  citizenId: string;
  visitId: string | null;
  source: 'station' | 'reported_elsewhere' | 'national';
  productCode: string | null;
  productName: string | null;
  dccProduct: string;
  dccManufacturer: string;
  dccProphylaxis: string;
  dccDisease: string;
  lotNumber: string | null;
  lotExpiryDate: string | null;
  doseNumber: number;
  seriesDoses: number;
  givenOn: string;
  givenAt: string | null;
  country: string;
  issuer: string | null;
  injectionSite: 'left_deltoid' | 'right_deltoid' | 'left_thigh' | 'right_thigh' | null;
  status: 'valid' | 'voided' | 'superseded';
  statusReason: string | null;
  statusBy: string | null;
  recordedBy: string | null;
  recordedAt: string;
}

export interface SourceAefi {
  id: string;
  citizenId: string;
  doseId: string | null;
  symptomsJson: string;
  onsetAt: string;
  severity: 'mild' | 'moderate' | 'severe';
  serious: number;
  seriousnessJson: string;
  actionTaken: string;
  referredTo: string | null;
  notes: string | null;
  recordedBy: string;
  recordedAt: string;
}

export interface SourceVial {
  id: string;
  productCode: string;
  productName: string;
  dccProduct: string;
  lotNumber: string;
  dosesTotal: number;
  dosesDrawn: number;
  wastedDoses: number;
  openedAt: string;
  state: string;
  closedAt: string | null;
  closedBy: string | null;
  discardReason: string | null;
  discardNote: string | null;
}

export interface SourceCertificate {
  id: string;
  uvci: string;
  citizenId: string;
  qrDoseId: string | null;
  hc1: string;
  provisional: number;
  issuedAt: string;
  expiresAt: string;
  status: 'active' | 'superseded' | 'expired';
}

export interface SourceScreening {
  id: string;
  citizenId: string;
  outcome: 'eligible' | 'postpone' | 'contraindicated' | 'refer';
  returnDate: string | null;
  screenedBy: string;
  screenedAt: string;
  /** 1 when the visit ended with a valid dose after all (contraindicated for one vaccine type, given another). */
  vaccinated: number;
}

export function syncSourceQueries(db: Database) {
  const citizen = db.prepare(`SELECT id, id_number AS idNumber, old_id_number AS oldIdNumber, passport_number AS passportNumber, nationality,
    full_name AS fullName, date_of_birth AS dateOfBirth, sex, address, phone, verification FROM citizen WHERE id = ?`);
  // No joins: a backlog names a handful of products and lots, looked up once each below.
  const dose = db.prepare(`SELECT id, record_id AS recordId, version, citizen_id AS citizenId, visit_id AS visitId, source,
    product_code AS productCode, dcc_product AS dccProduct, dcc_manufacturer AS dccManufacturer, dcc_prophylaxis AS dccProphylaxis,
    dcc_disease AS dccDisease, lot_id AS lotId, lot_number AS lotNumber, dose_number AS doseNumber, series_doses AS seriesDoses,
    given_on AS givenOn, given_at AS givenAt, country, issuer, injection_site AS injectionSite, status, status_reason AS statusReason,
    status_by AS statusBy, recorded_by AS recordedBy, recorded_at AS recordedAt FROM dose WHERE id = ?`);
  const productName = db.prepare(`SELECT name FROM vaccine_product WHERE code = ?`).pluck();
  const lotExpiry = db.prepare(`SELECT expiry_date FROM vaccine_lot WHERE id = ?`).pluck();
  const products = new Map<string, string | null>();
  const lots = new Map<string, string | null>();
  const staff = db.prepare(`SELECT id, full_name AS fullName FROM staff WHERE id = ?`);
  const aefi = db.prepare(`SELECT id, citizen_id AS citizenId, dose_id AS doseId, symptoms_json AS symptomsJson, onset_at AS onsetAt, severity,
    serious, seriousness_json AS seriousnessJson, action_taken AS actionTaken, referred_to AS referredTo, notes, recorded_by AS recordedBy,
    recorded_at AS recordedAt FROM aefi WHERE id = ?`);
  const vial = db.prepare(`SELECT v.id, l.product_code AS productCode, p.name AS productName, p.dcc_product AS dccProduct, l.lot_number AS lotNumber,
    v.doses_total AS dosesTotal, v.doses_drawn AS dosesDrawn, v.wasted_doses AS wastedDoses, v.opened_at AS openedAt, v.state,
    v.closed_at AS closedAt, v.closed_by AS closedBy, v.discard_reason AS discardReason, v.discard_note AS discardNote
    FROM vial v JOIN vaccine_lot l ON l.id = v.lot_id JOIN vaccine_product p ON p.code = l.product_code WHERE v.id = ?`);
  const certificate = db.prepare(`SELECT id, uvci, citizen_id AS citizenId, qr_dose_id AS qrDoseId, hc1, provisional, issued_at AS issuedAt,
    expires_at AS expiresAt, status FROM certificate WHERE id = ?`);
  const screening = db.prepare(`SELECT s.id, v.citizen_id AS citizenId, s.outcome, s.return_date AS returnDate, s.screened_by AS screenedBy,
    s.screened_at AS screenedAt, EXISTS (SELECT 1 FROM dose d WHERE d.visit_id = s.visit_id AND d.status = 'valid') AS vaccinated
    FROM screening s JOIN visit v ON v.id = s.visit_id WHERE s.id = ?`);
  const site = db.prepare(`SELECT id, code, name, province, district, commune FROM site LIMIT 1`);
  return {
    citizen: (id: string) => (citizen.get(id) as SourceCitizen | undefined) ?? null,
    dose: (id: string): SourceDose | null => {
      const d = dose.get(id) as (Omit<SourceDose, 'productName' | 'lotExpiryDate'> & { lotId: string | null }) | undefined;
      if (!d) return null;
      const { lotId, ...row } = d;
      if (row.productCode && !products.has(row.productCode)) products.set(row.productCode, (productName.get(row.productCode) as string | undefined) ?? null);
      if (lotId && !lots.has(lotId)) lots.set(lotId, (lotExpiry.get(lotId) as string | undefined) ?? null);
      return { ...row, productName: row.productCode ? (products.get(row.productCode) ?? null) : null, lotExpiryDate: lotId ? (lots.get(lotId) ?? null) : null };
    },
    staff: (id: string) => (staff.get(id) as { id: string; fullName: string } | undefined) ?? null,
    aefi: (id: string) => (aefi.get(id) as SourceAefi | undefined) ?? null,
    vial: (id: string) => (vial.get(id) as SourceVial | undefined) ?? null,
    certificate: (id: string) => (certificate.get(id) as SourceCertificate | undefined) ?? null,
    screening: (id: string) => (screening.get(id) as SourceScreening | undefined) ?? null,
    site: () => (site.get() as { id: string; code: string; name: string; province: string; district: string; commune: string } | undefined) ?? null,
  };
}
export type SyncSourceQueries = ReturnType<typeof syncSourceQueries>;
