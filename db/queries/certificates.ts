import type { Database } from 'better-sqlite3';

/** Statements for the certificate tables (0006): signing keys, trust list, certificates, PDFs, prints. */

export interface SigningKeyRow {
  id: string;
  state: 'active' | 'retired';
  publicKeyDer: Buffer;
  sealedPrivateKey: string;
  dataKeySealedOs: string | null;
  dataKeySealedPassphrase: string | null;
  csrPem: string;
  provisionalCertificateDer: Buffer;
  nationalCertificateDer: Buffer | null;
  nationalImportedAt: string | null;
  nationalImportedBy: string | null;
  createdAt: string;
  createdBy: string | null;
  retiredAt: string | null;
}

export interface TrustEntryRow {
  id: string;
  source: 'own_provisional' | 'own_national' | 'imported';
  signingKeyId: string | null;
  certificateDer: Buffer;
  fingerprint: string;
  kid: string;
  subject: string;
  country: string | null;
  validFrom: string;
  validTo: string;
  label: string | null;
  addedAt: string;
  addedBy: string | null;
}

export interface CertificateRow {
  id: string;
  uvci: string;
  citizenId: string;
  doseRecordIds: string[];
  qrDoseId: string | null;
  doseNumber: number;
  seriesDoses: number;
  vaccinatedOn: string;
  hc1: string;
  kid: string;
  trustEntryId: string | null;
  issuedAt: string;
  expiresAt: string;
  status: 'active' | 'superseded' | 'expired';
  supersededBy: string | null;
  supersededAt: string | null;
  provisional: boolean;
  national: boolean;
  visitId: string | null;
  issuedBy: string | null;
  createdAt: string;
  printCount: number;
  lastPrintedAt: string | null;
}

export interface PrintRow {
  id: string;
  certificateId: string;
  printer: string;
  jobId: string | null;
  reprint: boolean;
  trigger: 'manual' | 'auto_release' | 'batch';
  printedAt: string;
  printedBy: string | null;
}

type RawCertificate = Omit<CertificateRow, 'doseRecordIds' | 'provisional' | 'national'> & {
  doseRecordIds: string;
  provisional: number;
  national: number;
};

const KEY_COLUMNS = `id, state, public_key_der AS publicKeyDer, sealed_private_key AS sealedPrivateKey,
  data_key_sealed_os AS dataKeySealedOs, data_key_sealed_passphrase AS dataKeySealedPassphrase, csr_pem AS csrPem,
  provisional_certificate_der AS provisionalCertificateDer, national_certificate_der AS nationalCertificateDer,
  national_imported_at AS nationalImportedAt, national_imported_by AS nationalImportedBy, created_at AS createdAt,
  created_by AS createdBy, retired_at AS retiredAt`;

const TRUST_COLUMNS = `id, source, signing_key_id AS signingKeyId, certificate_der AS certificateDer, fingerprint, kid, subject,
  country, valid_from AS validFrom, valid_to AS validTo, label, added_at AS addedAt, added_by AS addedBy`;

const CERTIFICATE_COLUMNS = `c.id, c.uvci, c.citizen_id AS citizenId, c.dose_record_ids AS doseRecordIds, c.qr_dose_id AS qrDoseId,
  c.dose_number AS doseNumber, c.series_doses AS seriesDoses, c.vaccinated_on AS vaccinatedOn, c.hc1, c.kid,
  c.trust_entry_id AS trustEntryId, c.issued_at AS issuedAt, c.expires_at AS expiresAt, c.status, c.superseded_by AS supersededBy,
  c.superseded_at AS supersededAt, c.provisional, c.national, c.visit_id AS visitId, c.issued_by AS issuedBy, c.created_at AS createdAt,
  (SELECT count(*) FROM certificate_print p WHERE p.certificate_id = c.id) AS printCount,
  (SELECT max(printed_at) FROM certificate_print p WHERE p.certificate_id = c.id) AS lastPrintedAt`;

function toCertificate(r: RawCertificate): CertificateRow {
  return { ...r, doseRecordIds: JSON.parse(r.doseRecordIds) as string[], provisional: r.provisional === 1, national: r.national === 1 };
}

export function certificateQueries(db: Database) {
  const activeKey = db.prepare(`SELECT ${KEY_COLUMNS} FROM signing_key WHERE state = 'active'`);
  const insertKey = db.prepare(`INSERT INTO signing_key (id, state, public_key_der, sealed_private_key, data_key_sealed_os,
    data_key_sealed_passphrase, csr_pem, provisional_certificate_der, created_at, created_by)
    VALUES (@id, 'active', @publicKeyDer, @sealedPrivateKey, @dataKeySealedOs, @dataKeySealedPassphrase, @csrPem,
    @provisionalCertificateDer, @createdAt, @createdBy)`);
  const retireKey = db.prepare(`UPDATE signing_key SET state = 'retired', retired_at = ? WHERE id = ? AND state = 'active'`);
  const setNational = db.prepare(`UPDATE signing_key SET national_certificate_der = @der, national_imported_at = @at,
    national_imported_by = @by WHERE id = @id`);

  const trustAll = db.prepare(`SELECT ${TRUST_COLUMNS} FROM trust_entry WHERE removed_at IS NULL ORDER BY added_at`);
  const trustById = db.prepare(`SELECT ${TRUST_COLUMNS} FROM trust_entry WHERE id = ? AND removed_at IS NULL`);
  const trustByFingerprint = db.prepare(`SELECT ${TRUST_COLUMNS} FROM trust_entry WHERE fingerprint = ? AND removed_at IS NULL`);
  const insertTrust = db.prepare(`INSERT INTO trust_entry (id, source, signing_key_id, certificate_der, fingerprint, kid, subject,
    country, valid_from, valid_to, label, added_at, added_by)
    VALUES (@id, @source, @signingKeyId, @certificateDer, @fingerprint, @kid, @subject, @country, @validFrom, @validTo, @label,
    @addedAt, @addedBy)`);
  const removeTrust = db.prepare(`UPDATE trust_entry SET removed_at = ?, removed_by = ? WHERE id = ? AND removed_at IS NULL`);

  const byId = db.prepare(`SELECT ${CERTIFICATE_COLUMNS} FROM certificate c WHERE c.id = ?`);
  const byUvci = db.prepare(`SELECT ${CERTIFICATE_COLUMNS} FROM certificate c WHERE c.uvci = ?`);
  const forCitizen = db.prepare(`SELECT ${CERTIFICATE_COLUMNS} FROM certificate c WHERE c.citizen_id = ? ORDER BY c.issued_at DESC, c.id DESC`);
  const createdBetween = db.prepare(`SELECT ${CERTIFICATE_COLUMNS}, z.full_name AS fullName, z.date_of_birth AS dateOfBirth
    FROM certificate c JOIN citizen z ON z.id = c.citizen_id WHERE c.created_at >= ? AND c.created_at < ? ORDER BY c.created_at`);
  const insertCertificate = db.prepare(`INSERT INTO certificate (id, uvci, citizen_id, dose_record_ids, qr_dose_id, dose_number,
    series_doses, vaccinated_on, hc1, kid, trust_entry_id, issued_at, expires_at, status, provisional, national, visit_id, issued_by, created_at)
    VALUES (@id, @uvci, @citizenId, @doseRecordIds, @qrDoseId, @doseNumber, @seriesDoses, @vaccinatedOn, @hc1, @kid, @trustEntryId,
    @issuedAt, @expiresAt, 'active', @provisional, @national, @visitId, @issuedBy, @createdAt)`);
  const supersede = db.prepare(`UPDATE certificate SET status = 'superseded', superseded_by = @by, superseded_at = @at
    WHERE id = @id AND status <> 'superseded'`);

  const pdf = db.prepare('SELECT paper, pdf FROM certificate_pdf WHERE certificate_id = ?');
  const insertPdf = db.prepare('INSERT INTO certificate_pdf (certificate_id, paper, pdf, created_at) VALUES (?, ?, ?, ?)');

  const insertPrint = db.prepare(`INSERT INTO certificate_print (id, certificate_id, printer, job_id, reprint, trigger, printed_at, printed_by)
    VALUES (@id, @certificateId, @printer, @jobId, @reprint, @trigger, @printedAt, @printedBy)`);

  return {
    activeKey: () => (activeKey.get() as SigningKeyRow | undefined) ?? null,
    insertKey: (row: Pick<SigningKeyRow, 'id' | 'publicKeyDer' | 'sealedPrivateKey' | 'dataKeySealedOs' | 'dataKeySealedPassphrase' | 'csrPem' | 'provisionalCertificateDer' | 'createdAt' | 'createdBy'>) =>
      void insertKey.run(row),
    retireKey: (id: string, at: string) => retireKey.run(at, id).changes === 1,
    setNationalCertificate: (id: string, der: Uint8Array, at: string, by: string | null) => void setNational.run({ id, der, at, by }),

    trustEntries: () => trustAll.all() as TrustEntryRow[],
    trustEntry: (id: string) => (trustById.get(id) as TrustEntryRow | undefined) ?? null,
    trustByFingerprint: (fingerprint: string) => (trustByFingerprint.get(fingerprint) as TrustEntryRow | undefined) ?? null,
    insertTrust: (row: Omit<TrustEntryRow, 'certificateDer'> & { certificateDer: Uint8Array }) => void insertTrust.run(row),
    removeTrust: (id: string, at: string, by: string | null) => removeTrust.run(at, by, id).changes === 1,

    byId: (id: string) => {
      const r = byId.get(id) as RawCertificate | undefined;
      return r ? toCertificate(r) : null;
    },
    byUvci: (uvci: string) => {
      const r = byUvci.get(uvci) as RawCertificate | undefined;
      return r ? toCertificate(r) : null;
    },
    forCitizen: (citizenId: string) => (forCitizen.all(citizenId) as RawCertificate[]).map(toCertificate),
    /** Certificates recorded in [from, to) (UTC instants), with the holder's name. */
    createdBetween: (from: string, to: string) =>
      (createdBetween.all(from, to) as (RawCertificate & { fullName: string; dateOfBirth: string })[]).map((r) => ({
        ...toCertificate(r),
        fullName: r.fullName,
        dateOfBirth: r.dateOfBirth,
      })),
    insertCertificate: (row: Omit<CertificateRow, 'status' | 'supersededBy' | 'supersededAt' | 'printCount' | 'lastPrintedAt'>) =>
      void insertCertificate.run({
        ...row,
        doseRecordIds: JSON.stringify(row.doseRecordIds),
        provisional: row.provisional ? 1 : 0,
        national: row.national ? 1 : 0,
      }),
    supersede: (id: string, by: string, at: string) => supersede.run({ id, by, at }).changes === 1,

    pdf: (certificateId: string) => (pdf.get(certificateId) as { paper: 'A5' | 'A6'; pdf: Buffer } | undefined) ?? null,
    insertPdf: (certificateId: string, paper: 'A5' | 'A6', bytes: Buffer, at: string) => void insertPdf.run(certificateId, paper, bytes, at),

    insertPrint: (row: PrintRow) => void insertPrint.run({ ...row, reprint: row.reprint ? 1 : 0 }),
  };
}
export type CertificateQueries = ReturnType<typeof certificateQueries>;
