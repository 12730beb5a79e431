import { z } from 'zod';
import { Sex, op } from '../common';
import { CitizenSummary } from './queue';
import { CheckInResult, IdentityField, ScanFinding, TodaysVisit } from './scan';

/**
 * People checked in without a card: foreigners by passport (site-verified),
 * citizens without their card (typed in, 'unverified' until cleansed), and
 * people the station already knows, found by search.
 */

/** yyyy-MM-dd, or yyyy-MM / yyyy when the person's papers state only that. */
export const BirthDate = z.string().trim().regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/, 'expected yyyy-MM-dd, yyyy-MM or yyyy');

const FullName = z.string().trim().min(1).max(120);
const Choice = z.string().nullable().optional();

export const PersonFields = z.object({ fullName: FullName, dateOfBirth: BirthDate, sex: Sex });

export const ManualEntry = PersonFields.extend({
  /** The 12-digit CCCD number when the person knows it but has no card with them. */
  idNumber: z.string().trim().max(20).nullable().optional(),
  phone: z.string().trim().max(20).nullable().optional(),
  address: z.string().trim().max(300).nullable().optional(),
  /** The row of today's list this person is (undefined: found by ID number if any; null: none). */
  targetId: Choice,
  /** The nurse checked the possible duplicates shown and this is a different person. */
  notDuplicate: z.boolean().optional(),
});
export type ManualEntry = z.infer<typeof ManualEntry>;

export const ForeignerEntry = PersonFields.extend({
  passportNumber: z.string().trim().min(1).max(30),
  /** ISO 3166-1 alpha-2, as in the passport's issuing state. */
  nationality: z.string().trim().toUpperCase().length(2),
  targetId: Choice,
  notDuplicate: z.boolean().optional(),
});
export type ForeignerEntry = z.infer<typeof ForeignerEntry>;

export const PersonCheck = z.object({
  /** The entry as it would be stored (name cased and spaced), or null when a finding is an error. */
  person: z.object({ fullName: z.string(), dateOfBirth: z.string(), sex: Sex, idNumber: z.string().nullable() }).nullable(),
  findings: z.array(ScanFinding),
  /** Someone already registered with this ID number or passport: check them in instead of a new record. */
  holder: CitizenSummary.nullable(),
  /** People with the same name and date of birth. */
  possibleDuplicates: z.array(CitizenSummary),
});
export type PersonCheck = z.infer<typeof PersonCheck>;

export const CitizenHit = z.object({ citizen: CitizenSummary, checkedInToday: TodaysVisit.nullable() });
export type CitizenHit = z.infer<typeof CitizenHit>;

export const IdentityCorrection = z.object({
  id: z.string(),
  field: IdentityField.or(z.literal('address')),
  before: z.string().nullable(),
  after: z.string().nullable(),
  source: z.enum(['card', 'supervisor']),
  staffName: z.string(),
  at: z.string(),
  targetId: z.string().nullable(),
});
export type IdentityCorrection = z.infer<typeof IdentityCorrection>;

export const registrationOps = {
  'checkin:checkPerson': op({
    summary: 'Check a typed-in person before registering: findings, the holder of the ID number or passport, possible duplicates',
    request: PersonFields.extend({
      idNumber: z.string().trim().max(20).nullable().optional(),
      passportNumber: z.string().trim().max(30).nullable().optional(),
      nationality: z.string().trim().toUpperCase().length(2).nullable().optional(),
    }),
    response: PersonCheck,
  }),
  'checkin:registerManual': op({
    summary: "Check in a citizen without a card, typed in and recorded as 'unverified'",
    request: ManualEntry,
    response: CheckInResult,
  }),
  'checkin:registerForeigner': op({
    summary: "Check in a foreigner by passport, recorded as 'site_verified'",
    request: ForeignerEntry,
    response: CheckInResult,
  }),
  'checkin:checkInKnown': op({
    summary: 'Check in a person the station already knows (found by search), without a card',
    request: z.object({ citizenId: z.string(), targetId: Choice }),
    response: CheckInResult,
  }),
  'checkin:searchCitizens': op({
    summary: 'Find known citizens by name (prefix, accents ignored), ID number or passport prefix, optionally born on a date or in a year',
    request: z.object({
      query: z.string().max(120),
      dateOfBirth: BirthDate.optional(),
      limit: z.number().int().min(1).max(50).optional(),
    }),
    response: z.array(CitizenHit),
  }),
  'checkin:corrections': op({
    summary: "A citizen's recorded identity corrections, newest first",
    request: z.object({ citizenId: z.string() }),
    response: z.array(IdentityCorrection),
  }),
};
