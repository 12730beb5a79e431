/**
 * Certificates: the station's signing key (sealed at rest), the trust list
 * (our own provisional and national certificates, other issuers' document
 * signers), the certificates issued or imported, their stored PDFs and every
 * print. A certificate is never edited: a reissue is a new row and the old one
 * points to it through superseded_by.
 */
export const sql = `
CREATE TABLE signing_key (
  id TEXT PRIMARY KEY,
  state TEXT NOT NULL CHECK (state IN ('active', 'retired')),
  public_key_der BLOB NOT NULL,
  -- PKCS#8 private key, AES-256-GCM under a random data key: JSON {iv, tag, data} (base64).
  sealed_private_key TEXT NOT NULL,
  -- The data key sealed by the OS key store's key (Electron safeStorage), and/or by a key derived with scrypt from a passphrase.
  data_key_sealed_os TEXT,
  data_key_sealed_passphrase TEXT,
  csr_pem TEXT NOT NULL,
  provisional_certificate_der BLOB NOT NULL,
  national_certificate_der BLOB,
  national_imported_at TEXT,
  national_imported_by TEXT REFERENCES staff(id),
  created_at TEXT NOT NULL,
  created_by TEXT REFERENCES staff(id),
  retired_at TEXT,
  CHECK (data_key_sealed_os IS NOT NULL OR data_key_sealed_passphrase IS NOT NULL)
) STRICT;
CREATE UNIQUE INDEX signing_key_one_active ON signing_key(state) WHERE state = 'active';

CREATE TABLE trust_entry (
  id TEXT PRIMARY KEY,
  source TEXT NOT NULL CHECK (source IN ('own_provisional', 'own_national', 'imported')),
  signing_key_id TEXT REFERENCES signing_key(id),
  certificate_der BLOB NOT NULL,
  fingerprint TEXT NOT NULL,
  kid TEXT NOT NULL,
  subject TEXT NOT NULL,
  country TEXT,
  valid_from TEXT NOT NULL,
  valid_to TEXT NOT NULL,
  label TEXT,
  added_at TEXT NOT NULL,
  added_by TEXT REFERENCES staff(id),
  removed_at TEXT,
  removed_by TEXT REFERENCES staff(id)
) STRICT;
CREATE UNIQUE INDEX trust_entry_fingerprint ON trust_entry(fingerprint) WHERE removed_at IS NULL;

CREATE TABLE certificate (
  id TEXT PRIMARY KEY,
  uvci TEXT NOT NULL UNIQUE,
  citizen_id TEXT NOT NULL REFERENCES citizen(id),
  -- JSON array of dose.record_id the paper lists; qr_dose_id is the dose version the QR carries.
  dose_record_ids TEXT NOT NULL,
  qr_dose_id TEXT REFERENCES dose(id),
  dose_number INTEGER NOT NULL,
  series_doses INTEGER NOT NULL,
  vaccinated_on TEXT NOT NULL,
  hc1 TEXT NOT NULL,
  kid TEXT NOT NULL,
  trust_entry_id TEXT REFERENCES trust_entry(id),
  issued_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  -- 'expired' is also derived on read from expires_at; the column records supersession.
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'superseded', 'expired')),
  superseded_by TEXT REFERENCES certificate(id),
  superseded_at TEXT,
  provisional INTEGER NOT NULL CHECK (provisional IN (0, 1)),
  national INTEGER NOT NULL CHECK (national IN (0, 1)),
  visit_id TEXT REFERENCES visit(id),
  issued_by TEXT REFERENCES staff(id),
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX certificate_citizen ON certificate(citizen_id, issued_at);
CREATE INDEX certificate_created ON certificate(created_at);

-- The PDF as printed the first time, kept so a reprint is the same paper.
CREATE TABLE certificate_pdf (
  certificate_id TEXT PRIMARY KEY REFERENCES certificate(id),
  paper TEXT NOT NULL CHECK (paper IN ('A5', 'A6')),
  pdf BLOB NOT NULL,
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE certificate_print (
  id TEXT PRIMARY KEY,
  certificate_id TEXT NOT NULL REFERENCES certificate(id),
  printer TEXT NOT NULL,
  job_id TEXT,
  reprint INTEGER NOT NULL CHECK (reprint IN (0, 1)),
  trigger TEXT NOT NULL CHECK (trigger IN ('manual', 'auto_release', 'batch')),
  printed_at TEXT NOT NULL,
  printed_by TEXT REFERENCES staff(id)
) STRICT;
CREATE INDEX certificate_print_certificate ON certificate_print(certificate_id, printed_at);
`;
