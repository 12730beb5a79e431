import type { Database } from 'better-sqlite3';

/**
 * What certificates read from other areas' tables (citizens, doses, visits,
 * the catalogue), and the one thing they write there: doses reported on
 * another issuer's certificate. Kept apart from those areas' own query
 * modules so certificate reads stay in one place and say what they need.
 */

export interface CertificateCitizenRow {
  id: string;
  fullName: string;
  dateOfBirth: string;
  idNumber: string | null;
  passportNumber: string | null;
  nationality: string | null;
}

/** A valid dose as a certificate shows and signs it. */
export interface CertificateDoseRow {
  id: string;
  recordId: string;
  version: number;
  source: 'station' | 'reported_elsewhere' | 'national';
  productCode: string | null;
  productName: string | null;
  dccProduct: string;
  dccManufacturer: string;
  dccProphylaxis: string;
  dccDisease: string;
  lotNumber: string | null;
  doseNumber: number;
  seriesDoses: number;
  givenOn: string;
  country: string;
  issuer: string | null;
  visitId: string | null;
}

export interface ReleasedVisitRow {
  visitId: string;
  citizenId: string;
  queueNumber: number;
  releasedAt: string;
  fullName: string;
  dateOfBirth: string;
}

export interface ReportedDose {
  id: string;
  recordId: string;
  citizenId: string;
  productCode: string | null;
  dccProduct: string;
  dccManufacturer: string;
  dccProphylaxis: string;
  dccDisease: string;
  doseNumber: number;
  seriesDoses: number;
  givenOn: string;
  country: string;
  issuer: string;
  recordedBy: string | null;
  recordedAt: string;
}

export function certificateSourceQueries(db: Database) {
  const citizen = db.prepare(`SELECT id, full_name AS fullName, date_of_birth AS dateOfBirth, id_number AS idNumber,
    passport_number AS passportNumber, nationality FROM citizen WHERE id = ?`);
  // Oldest first; a dose's current version is the one row of its record that is still valid.
  const validDoses = db.prepare(`SELECT d.id, d.record_id AS recordId, d.version, d.source, d.product_code AS productCode,
    p.name AS productName, d.dcc_product AS dccProduct, d.dcc_manufacturer AS dccManufacturer, d.dcc_prophylaxis AS dccProphylaxis,
    d.dcc_disease AS dccDisease, d.lot_number AS lotNumber, d.dose_number AS doseNumber, d.series_doses AS seriesDoses,
    d.given_on AS givenOn, d.country, d.issuer, d.visit_id AS visitId
    FROM dose d LEFT JOIN vaccine_product p ON p.code = d.product_code
    WHERE d.citizen_id = ? AND d.status = 'valid' ORDER BY d.given_on, d.dose_number, d.recorded_at`);
  const releasedOn = db.prepare(`SELECT v.id AS visitId, v.citizen_id AS citizenId, v.queue_number AS queueNumber, v.step_at AS releasedAt,
    c.full_name AS fullName, c.date_of_birth AS dateOfBirth
    FROM visit v JOIN session_plan s ON s.id = v.plan_id JOIN citizen c ON c.id = v.citizen_id
    WHERE s.session_date = ? AND v.step = 'released' ORDER BY v.step_at, v.queue_number`);
  const releasedVisit = db.prepare(`SELECT v.id FROM visit v JOIN session_plan s ON s.id = v.plan_id
    WHERE v.citizen_id = ? AND s.session_date = ? AND v.step = 'released' ORDER BY v.step_at DESC LIMIT 1`).pluck();
  const visit = db.prepare(`SELECT id, citizen_id AS citizenId, step FROM visit WHERE id = ?`);
  const productNames = db.prepare(`SELECT dcc_product AS dccProduct, name FROM vaccine_product WHERE active = 1 ORDER BY code`);
  const productByDcc = db.prepare(`SELECT code FROM vaccine_product WHERE dcc_product = ? AND active = 1 ORDER BY code LIMIT 1`).pluck();
  const insertReported = db.prepare(`INSERT INTO dose (id, record_id, version, citizen_id, source, product_code, dcc_product,
    dcc_manufacturer, dcc_prophylaxis, dcc_disease, dose_number, series_doses, given_on, country, issuer, status, recorded_by, recorded_at)
    VALUES (@id, @recordId, 1, @citizenId, 'reported_elsewhere', @productCode, @dccProduct, @dccManufacturer, @dccProphylaxis,
    @dccDisease, @doseNumber, @seriesDoses, @givenOn, @country, @issuer, 'valid', @recordedBy, @recordedAt)`);

  return {
    citizen: (id: string) => (citizen.get(id) as CertificateCitizenRow | undefined) ?? null,
    validDoses: (citizenId: string) => validDoses.all(citizenId) as CertificateDoseRow[],
    releasedOn: (day: string) => releasedOn.all(day) as ReleasedVisitRow[],
    releasedVisitId: (citizenId: string, day: string) => (releasedVisit.get(citizenId, day) as string | undefined) ?? null,
    visit: (id: string) => (visit.get(id) as { id: string; citizenId: string; step: string } | undefined) ?? null,
    /** Catalogue names by EU product code (the first entry wins where formulations share a code). */
    productNames: () => {
      const names = new Map<string, string>();
      for (const r of productNames.all() as { dccProduct: string; name: string }[]) if (!names.has(r.dccProduct)) names.set(r.dccProduct, r.name);
      return names;
    },
    productCodeFor: (dccProduct: string) => (productByDcc.get(dccProduct) as string | undefined) ?? null,
    insertReportedDose: (dose: ReportedDose) => void insertReported.run(dose),
  };
}
export type CertificateSourceQueries = ReturnType<typeof certificateSourceQueries>;
