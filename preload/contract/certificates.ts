import { z } from 'zod';
import { Ack, Empty, Instant, IsoDate, op } from './common';
import { ERROR_CODES } from './result';

/**
 * EU DCC certificates: the station's signing key and its national
 * document-signer certificate, issuing for released citizens, printing,
 * reissue, verifying any HC1 QR, and importing verified doses or a nationally
 * signed certificate.
 */

// Size limits at the boundary: the decoder refuses anything over 5,000
// characters with its own code; beyond this nothing is even parsed.
const MAX_HC1_INPUT = 10_000;
/** A PEM chain or base64 DER: a document-signer certificate is 1–2 KB; chains a few times that. */
const MAX_CERTIFICATE_INPUT = 64 * 1024;

/** Pasted or scanned QR text. Scanners add CR/LF, pasting adds spaces: trimmed. */
export const Hc1Input = z.string().max(MAX_HC1_INPUT).trim().min(1);

/** A certificate as PEM text or base64 DER. */
export const CertificateText = z.string().min(1).max(MAX_CERTIFICATE_INPUT);

/** The supervisor's passphrase protecting the signing key where the OS key store is not available. */
export const Passphrase = z.string().min(10, 'at least 10 characters').max(200);

/**
 * An OS printer name. CUPS names have no spaces; Windows names may, and shared
 * ones start with \\server\. Control characters and a leading '-' (which a
 * print command could read as an option) are refused; the core also checks the
 * name against the printers the system lists.
 */
export const PrinterName = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .regex(/^[^\u0000-\u001f\u007f-]/, 'not a printer name')
  .regex(/^[^\u0000-\u001f\u007f]*$/, 'not a printer name');

export const Paper = z.enum(['A5', 'A6']);
export type Paper = z.infer<typeof Paper>;

export const SignerCertificateInfo = z.object({
  kind: z.enum(['provisional', 'national']),
  subject: z.string(),
  issuer: z.string(),
  validFrom: Instant,
  validTo: Instant,
  /** EU DCC key identifier, base64. */
  kid: z.string(),
  /** SHA-256 of the DER, hex, for reading out over the phone to the national authority. */
  fingerprint: z.string(),
});
export type SignerCertificateInfo = z.infer<typeof SignerCertificateInfo>;

export const SigningStatus = z.object({
  /** none: no key yet; locked: the key exists but is not unlocked in this run; ready: certificates can be signed. */
  key: z.enum(['none', 'locked', 'ready']),
  /** How the private key is sealed at rest (both may hold). */
  protection: z.object({ os: z.boolean(), passphrase: z.boolean() }).nullable(),
  /** The desktop app gave the core a key from the OS key store (Electron safeStorage). */
  osProtectionAvailable: z.boolean(),
  keyCreatedAt: Instant.nullable(),
  /** Certificates are signed with the self-signed provisional certificate (no national one imported yet). */
  provisional: z.boolean(),
  provisionalCertificate: SignerCertificateInfo.nullable(),
  nationalCertificate: SignerCertificateInfo.nullable(),
});
export type SigningStatus = z.infer<typeof SigningStatus>;

export const TrustEntry = z.object({
  id: z.string(),
  source: z.enum(['own_provisional', 'own_national', 'imported']),
  label: z.string().nullable(),
  subject: z.string(),
  country: z.string().nullable(),
  validFrom: Instant,
  validTo: Instant,
  kid: z.string(),
  fingerprint: z.string(),
  addedAt: Instant,
});
export type TrustEntry = z.infer<typeof TrustEntry>;

export const DoseSource = z.enum(['station', 'reported_elsewhere', 'national']);

/** One dose as the certificate lists it. */
export const CertificateDose = z.object({
  doseId: z.string(),
  recordId: z.string(),
  source: DoseSource,
  doseNumber: z.number().int(),
  seriesDoses: z.number().int(),
  givenOn: IsoDate,
  productName: z.string(),
  dccProduct: z.string(),
  lotNumber: z.string().nullable(),
  /** Where it was given: this site, or the issuer and country of a dose reported elsewhere. */
  place: z.string(),
  country: z.string(),
});
export type CertificateDose = z.infer<typeof CertificateDose>;

export const CertificateStatus = z.enum(['active', 'superseded', 'expired']);
export type CertificateStatus = z.infer<typeof CertificateStatus>;

export const CertificateSummary = z.object({
  id: z.string(),
  uvci: z.string(),
  citizenId: z.string(),
  status: CertificateStatus,
  provisional: z.boolean(),
  national: z.boolean(),
  issuedAt: Instant,
  expiresAt: Instant,
  supersededBy: z.string().nullable(),
  /** The dose the QR carries (the latest). */
  doseNumber: z.number().int(),
  seriesDoses: z.number().int(),
  vaccinatedOn: IsoDate,
  printCount: z.number().int(),
  lastPrintedAt: Instant.nullable(),
  hc1: z.string(),
});
export type CertificateSummary = z.infer<typeof CertificateSummary>;

export const CertificateHolder = z.object({
  id: z.string(),
  fullName: z.string(),
  dateOfBirth: z.string(),
  idNumber: z.string().nullable(),
  passportNumber: z.string().nullable(),
});

export const CitizenCertificates = z.object({
  citizen: CertificateHolder,
  /** Released from observation today: a nurse may issue and print. */
  releasedToday: z.boolean(),
  doses: z.array(CertificateDose),
  /** Newest first. */
  certificates: z.array(CertificateSummary),
  /** The active, unexpired certificate that carries the latest dose, if any. */
  currentId: z.string().nullable(),
});
export type CitizenCertificates = z.infer<typeof CitizenCertificates>;

export const CertificateListItem = CertificateSummary.extend({ fullName: z.string(), dateOfBirth: z.string() });
export type CertificateListItem = z.infer<typeof CertificateListItem>;

/** A released citizen of today without a current certificate, or whose certificate was never printed. */
export const PendingCertificate = z.object({
  citizenId: z.string(),
  visitId: z.string(),
  fullName: z.string(),
  dateOfBirth: z.string(),
  queueNumber: z.number().int(),
  releasedAt: Instant,
  needs: z.enum(['issue', 'print']),
  certificateId: z.string().nullable(),
});
export type PendingCertificate = z.infer<typeof PendingCertificate>;

export const Printer = z.object({ name: z.string(), isDefault: z.boolean(), state: z.string() });
export type Printer = z.infer<typeof Printer>;

export const PrinterList = z.object({
  /** cups (Linux, macOS), windows, or none when no print system answers. */
  system: z.enum(['cups', 'windows', 'none']),
  printers: z.array(Printer),
  /** Why the list is empty, for the supervisor (e.g. the print service is not running). */
  problem: z.string().nullable(),
});
export type PrinterList = z.infer<typeof PrinterList>;

export const PrintRecord = z.object({
  id: z.string(),
  certificateId: z.string(),
  printer: z.string(),
  jobId: z.string().nullable(),
  reprint: z.boolean(),
  trigger: z.enum(['manual', 'auto_release', 'batch']),
  printedAt: Instant,
});
export type PrintRecord = z.infer<typeof PrintRecord>;

export const CertificateSettings = z.object({
  /** Sign and print without a click when a citizen is released from observation. */
  autoPrintOnRelease: z.boolean(),
  printer: PrinterName.nullable(),
  paper: Paper,
});
export type CertificateSettings = z.infer<typeof CertificateSettings>;

export const CertificatePreview = z.object({
  certificateId: z.string(),
  paper: Paper,
  /** The stored PDF, exactly what is printed. */
  pdfBase64: z.string(),
  /** The QR as a PNG, for a preview where no PDF viewer is available. */
  qrPngBase64: z.string(),
});
export type CertificatePreview = z.infer<typeof CertificatePreview>;

export const DccStageName = z.enum(['UNPREFIX', 'B45DECODE', 'COMPRESSION', 'DECODE', 'VERIFY', 'SCHEMAVALIDATION', 'EXPIRATIONCHECK', 'KEYUSAGE']);
export type DccStageName = z.infer<typeof DccStageName>;

const ErrorCodeValue = z.enum(ERROR_CODES);

export const VerifiedVaccination = z.object({
  doseNumber: z.number(),
  seriesDoses: z.number(),
  date: z.string(),
  /** Catalogue name when the product is known here, else the EU value-set code. */
  productName: z.string(),
  product: z.string(),
  manufacturer: z.string(),
  vaccineType: z.string(),
  targetDisease: z.string(),
  country: z.string(),
  issuer: z.string(),
  uvci: z.string(),
});
export type VerifiedVaccination = z.infer<typeof VerifiedVaccination>;

export const VerifyResult = z.object({
  /** Every stage ran and passed. */
  valid: z.boolean(),
  stages: z.array(z.object({ stage: DccStageName, ok: z.boolean(), code: ErrorCodeValue.nullable() })),
  failure: z.object({ stage: DccStageName, code: ErrorCodeValue }).nullable(),
  /** The signature checked out against a certificate on the trust list (whatever else failed). */
  signatureVerified: z.boolean(),
  signer: z
    .object({ subject: z.string(), country: z.string().nullable(), kid: z.string(), source: TrustEntry.shape.source, label: z.string().nullable() })
    .nullable(),
  issuerCountry: z.string().nullable(),
  issuedAt: Instant.nullable(),
  expiresAt: Instant.nullable(),
  holder: z
    .object({
      familyName: z.string().nullable(),
      givenName: z.string().nullable(),
      familyNameIcao: z.string().nullable(),
      givenNameIcao: z.string().nullable(),
      dateOfBirth: z.string(),
    })
    .nullable(),
  vaccinations: z.array(VerifiedVaccination),
  /** Test and recovery entries are shown as counts: the station issues and imports vaccinations only. */
  tests: z.number().int(),
  recoveries: z.number().int(),
  /** This station's own record of the certificate (by UVCI), if it issued or imported it. */
  station: z.object({ certificateId: z.string(), citizenId: z.string(), status: CertificateStatus }).nullable(),
});
export type VerifyResult = z.infer<typeof VerifyResult>;

export const BatchResult = z.object({
  batchId: z.string(),
  total: z.number().int(),
  issued: z.number().int(),
  printed: z.number().int(),
  failed: z.array(z.object({ citizenId: z.string(), fullName: z.string(), code: ErrorCodeValue })),
});
export type BatchResult = z.infer<typeof BatchResult>;

const CitizenRef = z.object({ citizenId: z.string().min(1).max(64) });
const CertificateRef = z.object({ certificateId: z.string().min(1).max(64) });

export const certificatesOps = {
  // The station's signing key (supervisor).
  'certificates:status': op({ summary: 'Signing key, its protection and the certificate signing uses now', request: Empty, response: SigningStatus }),
  'certificates:createSigningKey': op({
    summary: 'Generate the station signing key (P-256) with a provisional self-signed certificate',
    request: z.object({ passphrase: Passphrase.optional(), replace: z.boolean().optional() }),
    response: SigningStatus,
  }),
  'certificates:unlockSigning': op({ summary: 'Unlock the signing key with the supervisor passphrase', request: z.object({ passphrase: z.string().min(1).max(200) }), response: SigningStatus }),
  'certificates:exportCsr': op({
    summary: 'The PKCS#10 certificate request for the national authority',
    request: Empty,
    response: z.object({ pem: z.string(), fileName: z.string() }),
  }),
  'certificates:importSignerCertificate': op({
    summary: 'Import the document-signer certificate the national authority signed for our key',
    request: z.object({ certificate: CertificateText }),
    response: SigningStatus,
  }),
  'certificates:trustList': op({ summary: 'Document signers whose certificates this station accepts', request: Empty, response: z.array(TrustEntry) }),
  'certificates:addTrusted': op({
    summary: "Trust another issuer's document-signer certificate",
    request: z.object({ certificate: CertificateText, label: z.string().trim().max(120).optional() }),
    response: TrustEntry,
  }),
  'certificates:removeTrusted': op({ summary: 'Stop trusting an imported document signer', request: z.object({ id: z.string().min(1).max(64) }), response: Ack }),

  // Issuing and printing.
  'certificates:forCitizen': op({ summary: "A citizen's doses and certificates", request: CitizenRef, response: CitizenCertificates }),
  'certificates:issueForCitizen': op({
    summary: 'Sign a certificate for a released citizen (returns the current one if it already exists)',
    request: CitizenRef,
    response: CertificateSummary,
  }),
  'certificates:reissue': op({ summary: 'A new UVCI and QR for the same doses; the old certificate is superseded', request: CertificateRef, response: CertificateSummary }),
  'certificates:list': op({ summary: 'Certificates issued on a day (today by default)', request: z.object({ date: IsoDate.optional() }), response: z.array(CertificateListItem) }),
  'certificates:pending': op({ summary: "Today's released citizens still waiting for a certificate or its print", request: Empty, response: z.array(PendingCertificate) }),
  'certificates:preview': op({ summary: 'The stored PDF of a certificate', request: CertificateRef, response: CertificatePreview }),
  'certificates:printers': op({ summary: 'Printers the operating system offers', request: Empty, response: PrinterList }),
  'certificates:print': op({
    summary: 'Print the stored PDF of a certificate (reprints are audited)',
    request: CertificateRef.extend({ printer: PrinterName.optional() }),
    response: PrintRecord,
  }),
  'certificates:batch': op({
    summary: "Sign (and print) every pending certificate of today; progress arrives as certificates:batchProgress",
    request: z.object({ print: z.boolean(), printer: PrinterName.optional() }),
    response: BatchResult,
  }),
  'certificates:settings': op({ summary: 'Certificate printing settings', request: Empty, response: CertificateSettings }),
  'certificates:updateSettings': op({ summary: 'Change certificate printing settings', request: CertificateSettings.partial(), response: CertificateSettings }),

  // Verifying and importing.
  'certificates:verify': op({ summary: 'Decode and check any HC1 QR against the trust list', request: z.object({ hc1: Hc1Input }), response: VerifyResult }),
  'certificates:importDoses': op({
    summary: "Record a verified certificate's doses in a citizen's history as reported elsewhere",
    request: z.object({ hc1: Hc1Input, citizenId: z.string().min(1).max(64) }),
    response: z.object({ imported: z.number().int(), skipped: z.number().int() }),
  }),
  'certificates:importNational': op({
    summary: 'Link a nationally signed certificate to a citizen; it supersedes the provisional one',
    request: z.object({ hc1: Hc1Input, citizenId: z.string().min(1).max(64) }),
    response: CertificateSummary,
  }),
};

/** Events this area pushes to desks. */
export const certificatesEvents = {
  /** A certificate was issued, superseded or imported; panels showing the citizen refresh. */
  'certificates:changed': z.object({ citizenId: z.string(), certificateId: z.string(), status: CertificateStatus }),
  /** A print job went to a printer. */
  'certificates:printed': z.object({ certificateId: z.string(), citizenId: z.string(), printer: z.string(), trigger: PrintRecord.shape.trigger }),
  /** The automatic print on release did or did not happen (signing locked, no printer…). */
  'certificates:autoPrint': z.object({
    citizenId: z.string(),
    visitId: z.string(),
    ok: z.boolean(),
    certificateId: z.string().nullable(),
    code: ErrorCodeValue.nullable(),
  }),
  /** Progress of a supervisor's batch. */
  'certificates:batchProgress': z.object({ batchId: z.string(), done: z.number().int(), total: z.number().int(), failed: z.number().int(), finished: z.boolean() }),
};
