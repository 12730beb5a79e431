import type { CardIdentity, RegistrationMatch, Target } from '../../../../preload/contract';
import { toCitizenSummary, type CitizenRecord } from '../../../../db/queries/citizens';
import type { LinkedTarget } from '../../../../db/queries/targets';
import type { Queries } from '../../../../db/queries';
import { datesCompatible, diffIdentity, looksLikeOtherPerson, yearRange, type ComparableIdentity } from '../../../domain/checkin/identity-compare';
import { isCccdNumber } from '../../../domain/id-number';
import { nameKey } from '../../../domain/names';
import { StationError } from '../../errors';

/**
 * Finds who a scanned card belongs to among the people the station knows
 * (citizens from earlier visits and imports) and today's target list:
 * by ID number first (or the card's old CMND number), then, for people
 * registered without a number, by name key + compatible date of birth.
 * Reads only; the check-in service applies the result in a transaction.
 */

export interface Registration {
  by: RegistrationMatch['by'];
  citizen: CitizenRecord | null;
  target: LinkedTarget | null;
  candidates: { citizen: CitizenRecord | null; target: LinkedTarget | null }[];
}

/** undefined: keep what the core matched; null: none; an id: the nurse's pick. */
export interface MatchChoice {
  citizenId?: string | null | undefined;
  targetId?: string | null | undefined;
}

const MAX_CANDIDATES = 10;

export function findRegistration(q: Queries, card: CardIdentity, planId: string | null): Registration {
  let by: Registration['by'] = 'none';
  let citizen = q.citizens.byIdNumber(card.idNumber);
  let target = planId ? q.targets.matchByIdNumber(planId, card.idNumber) : null;
  if (citizen || target) by = 'id_number';
  else if (card.oldIdNumber && isCccdNumber(card.oldIdNumber)) {
    // Lists made before the chip card carry the 12-digit CMND number some people had.
    citizen = q.citizens.byIdNumber(card.oldIdNumber);
    target = planId ? q.targets.matchByIdNumber(planId, card.oldIdNumber) : null;
    if (citizen || target) by = 'old_id_number';
  }
  if (by !== 'none') {
    if (!citizen && target?.citizenId) citizen = q.citizens.byId(target.citizenId);
    if (citizen && !target && planId) target = q.targets.matchByCitizen(planId, citizen.id) ?? soleUnnumberedTarget(q, planId, card);
    return { by, citizen, target, candidates: [] };
  }

  const pairs = nameAndDateCandidates(q, card, planId);
  if (pairs.length === 1) return { by: 'name_dob', citizen: pairs[0]!.citizen, target: pairs[0]!.target, candidates: [] };
  return { by: 'none', citizen: null, target: null, candidates: pairs.slice(0, MAX_CANDIDATES) };
}

/**
 * The registration the nurse settled on, checked: the holder of the card's
 * number always wins (one number, one person), a list row already tied to
 * someone else is refused, and a list row must be on today's plan.
 */
export function chooseRegistration(q: Queries, card: CardIdentity, planId: string | null, choice: MatchChoice): Registration {
  const auto = findRegistration(q, card, planId);
  if (choice.citizenId === undefined && choice.targetId === undefined) return auto;
  const holder = q.citizens.byIdNumber(card.idNumber);

  let citizen: CitizenRecord | null;
  if (choice.citizenId === undefined) citizen = auto.citizen;
  else if (choice.citizenId === null) citizen = null;
  else {
    citizen = q.citizens.byId(choice.citizenId);
    if (!citizen) throw new StationError('NOT_FOUND', 'no such citizen', { id: choice.citizenId });
  }
  if (holder && citizen?.id !== holder.id) {
    throw new StationError('ID_NUMBER_REGISTERED', 'another record holds this ID number', { fullName: holder.fullName, idNumber: card.idNumber });
  }
  if (citizen && citizen.verification === 'card' && citizen.idNumber && citizen.idNumber !== card.idNumber) {
    // Read from another card: certainly somebody else.
    throw new StationError('ID_NUMBER_OTHER_PERSON', 'that record was read from another card', { fullName: citizen.fullName, idNumber: citizen.idNumber });
  }

  let target: LinkedTarget | null;
  if (choice.targetId === undefined) target = auto.target;
  else if (choice.targetId === null) target = null;
  else {
    target = q.targets.matchById(choice.targetId);
    if (!target || target.planId !== planId) throw new StationError('TARGET_NOT_ON_TODAYS_LIST', 'not a row of today\'s list', { id: choice.targetId });
  }
  if (target?.citizenId) {
    if (!citizen && choice.citizenId === undefined) citizen = q.citizens.byId(target.citizenId);
    if (citizen?.id !== target.citizenId) {
      const owner = q.citizens.byId(target.citizenId);
      throw new StationError('TARGET_BELONGS_TO_OTHER', 'that list row was checked in for someone else', { fullName: owner?.fullName ?? '' });
    }
  }
  return { by: 'chosen', citizen, target, candidates: [] };
}

/** What the desk is shown: the registration, its differences from the card, and today's visit if any. */
export function describeMatch(q: Queries, card: CardIdentity, reg: Registration, today: string): RegistrationMatch {
  const registered = reg.citizen ? citizenIdentity(reg.citizen) : reg.target ? targetIdentity(reg.target) : null;
  // Judged on the records themselves, however they were found: a record carrying the card's number
  // whose name and date both disagree is someone else's, even when the nurse picked it.
  const numbers = new Set([card.idNumber, card.oldIdNumber].filter((n): n is string => n !== null));
  const otherPerson = [reg.citizen ? citizenIdentity(reg.citizen) : null, reg.target ? targetIdentity(reg.target) : null].some(
    (r) => r !== null && r.idNumber !== null && numbers.has(r.idNumber) && looksLikeOtherPerson(card, r),
  );
  const visit = reg.citizen ? q.visits.todayForCitizen(reg.citizen.id, today) : null;
  return {
    by: reg.by,
    citizen: reg.citizen ? toCitizenSummary(reg.citizen) : null,
    target: reg.target ? toTarget(reg.target) : null,
    diff: registered ? diffIdentity(card, registered) : [],
    otherPerson,
    candidates: reg.candidates.map((c) => ({
      citizen: c.citizen ? toCitizenSummary(c.citizen) : null,
      target: c.target ? toTarget(c.target) : null,
    })),
    checkedInToday: visit ?? (reg.target ? q.visits.forTarget(reg.target.id) : null),
  };
}

export function citizenIdentity(c: CitizenRecord): ComparableIdentity {
  return { idNumber: c.idNumber, fullName: c.fullName, dateOfBirth: c.dateOfBirth, sex: c.sex };
}

export function targetIdentity(t: LinkedTarget): ComparableIdentity {
  return { idNumber: t.idNumber, fullName: t.fullName, dateOfBirth: t.dateOfBirth, sex: t.sex };
}

export function toTarget(t: LinkedTarget): Target {
  const { citizenId: _linked, ...target } = t;
  return target;
}

/**
 * People with the card's name key and a compatible date of birth who could
 * be the card's holder: registered without a number, or with a number typed
 * by hand (a list or a manual entry) that a typo may have broken. A record
 * read from another card is somebody else and is never offered.
 */
function nameAndDateCandidates(q: Queries, card: CardIdentity, planId: string | null): Registration['candidates'] {
  const key = nameKey(card.fullName);
  const { from, to } = yearRange(card.dateOfBirth);
  const citizens = q.citizens
    .byNameInYear(key, from, to)
    .filter((c) => datesCompatible(c.dateOfBirth, card.dateOfBirth) && c.verification !== 'card' && c.passportNumber === null);
  const targets = planId ? q.targets.matchByNameInYear(planId, key, from, to).filter((t) => datesCompatible(t.dateOfBirth, card.dateOfBirth)) : [];
  const pairs: Registration['candidates'] = [];
  const paired = new Set<string>();
  for (const t of targets) {
    const linked = t.citizenId ? q.citizens.byId(t.citizenId) : null;
    // A row already tied to a card-verified person with another number is theirs.
    if (linked && linked.verification === 'card' && linked.idNumber !== card.idNumber) continue;
    if (linked) paired.add(linked.id);
    pairs.push({ citizen: linked, target: t });
  }
  for (const c of citizens) if (!paired.has(c.id)) pairs.push({ citizen: c, target: null });
  return pairs;
}

/** A person found by number whose list row has no number: the one row with their name and date, if exactly one. */
function soleUnnumberedTarget(q: Queries, planId: string, card: CardIdentity): LinkedTarget | null {
  const { from, to } = yearRange(card.dateOfBirth);
  const rows = q.targets
    .matchByNameInYear(planId, nameKey(card.fullName), from, to)
    .filter((t) => t.idNumber === null && t.citizenId === null && datesCompatible(t.dateOfBirth, card.dateOfBirth));
  return rows.length === 1 ? rows[0]! : null;
}
