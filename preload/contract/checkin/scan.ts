import { z } from 'zod';
import { Sex, op } from '../common';
import { Target } from '../plan';
import { CitizenSummary, QueueEntry, VisitStep } from './queue';

/**
 * Reading a QR code at the check-in desk and matching the card to what the
 * station knows. A scan is parsed and kept by the core (`scanId`); the
 * check-in that follows applies the card's data from the core's copy, so
 * identity recorded as 'card' really came from a card.
 */

/** Where the text came from: a keyboard-emulating scanner, a USB HID-POS scanner, the webcam, or a photo. */
export const ScanSource = z.enum(['wedge', 'hid', 'camera', 'image']);
export type ScanSource = z.infer<typeof ScanSource>;

/** Something the reader noticed; `code` is stable and translated by the desk, `params` fill its message. */
export const ScanFinding = z.object({
  code: z.string(),
  severity: z.enum(['error', 'warning']),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type ScanFinding = z.infer<typeof ScanFinding>;

export const CardIdentity = z.object({
  idNumber: z.string(),
  oldIdNumber: z.string().nullable(),
  fullName: z.string(),
  /** yyyy-MM-dd, or yyyy-MM / yyyy as the card states it. */
  dateOfBirth: z.string(),
  dateOfBirthPrecision: z.enum(['day', 'month', 'year']),
  sex: Sex,
  address: z.string(),
  issueDate: z.string().nullable(),
});
export type CardIdentity = z.infer<typeof CardIdentity>;

const Findings = z.array(ScanFinding);

/** What the scanned code is. Only `cccd` with an identity can check someone in; the others are explained. */
export const ScanReading = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('cccd'), identity: CardIdentity.nullable(), findings: Findings }),
  z.object({
    kind: z.literal('bhyt'),
    cardNumber: z.string(),
    socialInsuranceNumber: z.string(),
    fullName: z.string().nullable(),
    dateOfBirth: z.string().nullable(),
    sex: Sex.nullable(),
    validTo: z.string().nullable(),
    findings: Findings,
  }),
  z.object({ kind: z.literal('dcc') }),
  z.object({ kind: z.literal('url'), url: z.string(), host: z.string().nullable() }),
  z.object({ kind: z.literal('text'), text: z.string() }),
  z.object({ kind: z.literal('empty') }),
  z.object({ kind: z.literal('rejected'), findings: Findings }),
]);
export type ScanReading = z.infer<typeof ScanReading>;

export const IdentityField = z.enum(['idNumber', 'fullName', 'dateOfBirth', 'sex']);
export type IdentityField = z.infer<typeof IdentityField>;

/** One field where the registration on file differs from the card. */
export const IdentityDifference = z.object({
  field: IdentityField,
  registered: z.string(),
  card: z.string(),
  /** Names only: they differ in accents, case or spacing alone. */
  sameLetters: z.boolean().optional(),
});
export type IdentityDifference = z.infer<typeof IdentityDifference>;

/** A visit of today's session already made by this person. */
export const TodaysVisit = z.object({ visitId: z.string(), queueNumber: z.number().int(), step: VisitStep, checkedInAt: z.string() });
export type TodaysVisit = z.infer<typeof TodaysVisit>;

export const MatchCandidate = z.object({ citizen: CitizenSummary.nullable(), target: Target.nullable() });
export type MatchCandidate = z.infer<typeof MatchCandidate>;

export const RegistrationMatch = z.object({
  /**
   * How the registration was found: the card's ID number (or its old CMND
   * number), the normalised name + date of birth of someone registered
   * without a number, the nurse's choice, or nothing (a walk-in).
   */
  by: z.enum(['id_number', 'old_id_number', 'name_dob', 'chosen', 'none']),
  /** The citizen record the station keeps (from an earlier visit or import). */
  citizen: CitizenSummary.nullable(),
  /** The row of today's target list. */
  target: Target.nullable(),
  /** Against the citizen record when there is one, else the target row. */
  diff: z.array(IdentityDifference),
  /** Found by ID number but name and date of birth both differ: probably another person's record. */
  otherPerson: z.boolean(),
  /** Same name and date of birth, none certain: the nurse compares them (`checkin:compare`). */
  candidates: z.array(MatchCandidate),
  checkedInToday: TodaysVisit.nullable(),
});
export type RegistrationMatch = z.infer<typeof RegistrationMatch>;

export const ScanResult = z.object({
  scanId: z.string(),
  source: ScanSource,
  scannedAt: z.string(),
  reading: ScanReading,
  /** For a card with an identity; null otherwise. */
  match: RegistrationMatch.nullable(),
});
export type ScanResult = z.infer<typeof ScanResult>;

export const AppliedCorrection = z.object({ field: IdentityField, before: z.string().nullable(), after: z.string().nullable() });
export type AppliedCorrection = z.infer<typeof AppliedCorrection>;

export const CheckInResult = z.object({
  visit: QueueEntry,
  /** Registration fields replaced by the card's, each recorded as an identity correction. */
  corrections: z.array(AppliedCorrection),
  /** The person was not known to the station before (a walk-in or first visit). */
  newCitizen: z.boolean(),
});
export type CheckInResult = z.infer<typeof CheckInResult>;

/** undefined: use the registration the core matched; null: none; an id: the nurse's choice. */
const Choice = z.string().nullable().optional();

export const scanOps = {
  'checkin:scan': op({
    summary: 'Read scanned text (ID card, health-insurance card, certificate, link…) and match a card to the registrations',
    // Generous: an oversized scan is answered as a reading ("too long"), not as a malformed request.
    request: z.object({ text: z.string().max(100_000), source: ScanSource }),
    response: ScanResult,
  }),
  'checkin:getScan': op({
    summary: 'A scan made earlier (e.g. by a USB scanner) with its match as it stands now',
    request: z.object({ scanId: z.string() }),
    response: ScanResult,
  }),
  'checkin:compare': op({
    summary: 'Compare a scanned card with a registration the nurse picked (a candidate or a search result)',
    request: z.object({ scanId: z.string(), citizenId: Choice, targetId: Choice }),
    response: RegistrationMatch,
  }),
  'checkin:confirm': op({
    summary: "Check the card's holder in: the card's data wins (corrections recorded), the visit gets its queue number",
    request: z.object({ scanId: z.string(), citizenId: Choice, targetId: Choice, acceptCorrections: z.boolean() }),
    response: CheckInResult,
  }),
};
