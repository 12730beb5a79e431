import type { Database } from 'better-sqlite3';
import type { DoseRecord } from '../../preload/contract';

/** One row of the dose table as written; corrections add rows, never rewrite these fields. */
export interface DoseRow {
  id: string;
  recordId: string;
  version: number;
  supersedesId: string | null;
  citizenId: string;
  visitId: string | null;
  source: DoseRecord['source'];
  productCode: string | null;
  dccProduct: string;
  dccManufacturer: string;
  dccProphylaxis: string;
  dccDisease: string;
  lotId: string | null;
  lotNumber: string | null;
  vialId: string | null;
  doseNumber: number;
  seriesDoses: number;
  givenOn: string;
  givenAt: string | null;
  country: string;
  issuer: string | null;
  injectionSite: DoseRecord['injectionSite'];
  status: DoseRecord['status'];
  statusReason: string | null;
  statusBy: string | null;
  statusAt: string | null;
  recordedBy: string | null;
  recordedAt: string;
  rulesId: string | null;
  rulesVersion: number | null;
}

interface ViewRow extends DoseRow {
  productName: string | null;
  statusByName: string | null;
  recordedByName: string | null;
}

const ROW = `d.id, d.record_id AS recordId, d.version, d.supersedes_id AS supersedesId, d.citizen_id AS citizenId, d.visit_id AS visitId,
  d.source, d.product_code AS productCode, d.dcc_product AS dccProduct, d.dcc_manufacturer AS dccManufacturer,
  d.dcc_prophylaxis AS dccProphylaxis, d.dcc_disease AS dccDisease, d.lot_id AS lotId, d.lot_number AS lotNumber, d.vial_id AS vialId,
  d.dose_number AS doseNumber, d.series_doses AS seriesDoses, d.given_on AS givenOn, d.given_at AS givenAt, d.country, d.issuer,
  d.injection_site AS injectionSite, d.status, d.status_reason AS statusReason, d.status_by AS statusBy, d.status_at AS statusAt,
  d.recorded_by AS recordedBy, d.recorded_at AS recordedAt, d.rules_id AS rulesId, d.rules_version AS rulesVersion`;

const VIEW = `SELECT ${ROW}, p.name AS productName, sb.full_name AS statusByName, rb.full_name AS recordedByName
  FROM dose d LEFT JOIN vaccine_product p ON p.code = d.product_code
  LEFT JOIN staff sb ON sb.id = d.status_by LEFT JOIN staff rb ON rb.id = d.recorded_by`;

/** The contract's view of a dose row, given the names the row refers to. */
export function toDoseRecord(r: DoseRow, names: { productName: string | null; statusByName: string | null; recordedByName: string | null }): DoseRecord {
  return toRecord({ ...r, ...names });
}

function toRecord(r: ViewRow): DoseRecord {
  return {
    id: r.id,
    recordId: r.recordId,
    version: r.version,
    supersedesId: r.supersedesId,
    citizenId: r.citizenId,
    visitId: r.visitId,
    source: r.source,
    productCode: r.productCode,
    // A dose reported from abroad may name a product we do not catalogue; its DCC code still says what it was.
    productName: r.productName ?? r.dccProduct,
    lotId: r.lotId,
    lotNumber: r.lotNumber,
    vialId: r.vialId,
    doseNumber: r.doseNumber,
    seriesDoses: r.seriesDoses,
    givenOn: r.givenOn,
    givenAt: r.givenAt,
    country: r.country,
    injectionSite: r.injectionSite,
    status: r.status,
    statusReason: r.statusReason,
    statusAt: r.statusAt,
    statusBy: r.statusByName,
    recordedAt: r.recordedAt,
    recordedBy: r.recordedByName,
    rulesId: r.rulesId,
    rulesVersion: r.rulesVersion,
    dcc: { mp: r.dccProduct, ma: r.dccManufacturer, vp: r.dccProphylaxis, tg: r.dccDisease },
  };
}

export function doseQueries(db: Database) {
  const insert = db.prepare(`INSERT INTO dose (id, record_id, version, supersedes_id, citizen_id, visit_id, source, product_code,
    dcc_product, dcc_manufacturer, dcc_prophylaxis, dcc_disease, lot_id, lot_number, vial_id, dose_number, series_doses, given_on,
    given_at, country, issuer, injection_site, status, status_reason, status_by, status_at, recorded_by, recorded_at, rules_id, rules_version)
    VALUES (@id, @recordId, @version, @supersedesId, @citizenId, @visitId, @source, @productCode, @dccProduct, @dccManufacturer,
    @dccProphylaxis, @dccDisease, @lotId, @lotNumber, @vialId, @doseNumber, @seriesDoses, @givenOn, @givenAt, @country, @issuer,
    @injectionSite, @status, @statusReason, @statusBy, @statusAt, @recordedBy, @recordedAt, @rulesId, @rulesVersion)`);
  const rowById = db.prepare(`SELECT ${ROW} FROM dose d WHERE d.id = ?`);
  const viewById = db.prepare(`${VIEW} WHERE d.id = ?`);
  const forCitizen = db.prepare(`${VIEW} WHERE d.citizen_id = ? ORDER BY d.given_on, d.record_id, d.version`);
  const validForCitizen = db.prepare(`SELECT given_on AS date, product_code AS productCode, dose_number AS doseNumber, source
    FROM dose WHERE citizen_id = ? AND status = 'valid' ORDER BY given_on`);
  const validForVisit = db.prepare(`SELECT ${ROW} FROM dose d WHERE d.visit_id = ? AND d.status = 'valid'`);
  // Through the day's visits and the per-citizen index: no index on the dose table only for this list.
  const onDay = db.prepare(`SELECT ${ROW}, p.name AS productName, sb.full_name AS statusByName, rb.full_name AS recordedByName
    FROM session_plan sp JOIN visit v ON v.plan_id = sp.id JOIN dose d ON d.citizen_id = v.citizen_id AND d.visit_id = v.id
    LEFT JOIN vaccine_product p ON p.code = d.product_code LEFT JOIN staff sb ON sb.id = d.status_by LEFT JOIN staff rb ON rb.id = d.recorded_by
    WHERE sp.session_date = ? AND d.source = 'station' ORDER BY d.recorded_at DESC, d.record_id, d.version DESC`);
  // Only a current (valid) row changes status, so two supervisors correcting one dose cannot both succeed.
  const setStatus = db.prepare(`UPDATE dose SET status = @status, status_reason = @reason, status_by = @by, status_at = @at
    WHERE id = @id AND status = 'valid'`);
  return {
    insert: (d: DoseRow) => void insert.run(d),
    rowById: (id: string) => (rowById.get(id) as DoseRow | undefined) ?? null,
    byId: (id: string) => {
      const r = viewById.get(id) as ViewRow | undefined;
      return r ? toRecord(r) : null;
    },
    forCitizen: (citizenId: string) => (forCitizen.all(citizenId) as ViewRow[]).map(toRecord),
    /** What the eligibility rules count: valid records from every source. */
    historyEntries: (citizenId: string) =>
      validForCitizen.all(citizenId) as { date: string; productCode: string | null; doseNumber: number; source: string }[],
    validForVisit: (visitId: string) => (validForVisit.get(visitId) as DoseRow | undefined) ?? null,
    /** Doses recorded at the visits of a day's sessions, every version. */
    stationDosesOn: (day: string) => (onDay.all(day) as ViewRow[]).map(toRecord),
    setStatus: (id: string, status: 'voided' | 'superseded', reason: string, by: string, at: string) =>
      setStatus.run({ id, status, reason, by, at }).changes === 1,
  };
}
