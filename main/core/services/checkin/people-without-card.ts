import type { CheckInResult, ForeignerEntry, ManualEntry, OpRequest, PersonCheck, ScanFinding } from '../../../../preload/contract';
import { toCitizenSummary, type CitizenRecord } from '../../../../db/queries/citizens';
import type { Queries } from '../../../../db/queries';
import { datesCompatible, yearRange } from '../../../domain/checkin/identity-compare';
import { checkPersonEntry, isCountryCode, isPassportNumber, normalizePassportNumber, type CheckedPerson } from '../../../domain/checkin/person-entry';
import { nameKey } from '../../../domain/names';
import { siteDay } from '../../../domain/site-time';
import { StationError } from '../../errors';
import { newId } from '../../ids';
import type { Actor, Store, WriteScope } from '../../store';
import type { VisitQueue } from '../visits';
import { openPlanIn, openVisit, refuseIfCheckedIn, refuseIfTargetCheckedIn, resolveTarget } from './visit-writer';

const MAX_DUPLICATES = 10;

/**
 * People checked in without a card: foreigners from their passport
 * (site-verified: a person checked the document; no population-data check
 * applies), citizens typed in by hand ('unverified', to be cleansed later),
 * and people the station already knows, found by search. The same checks a
 * card gets, and no second record for someone already on file.
 */
export class PeopleWithoutCard {
  constructor(
    private readonly store: Store,
    private readonly visits: VisitQueue,
  ) {}

  check(req: OpRequest<'checkin:checkPerson'>): PersonCheck {
    const today = siteDay(this.store.clock.now());
    const foreigner = !!req.passportNumber;
    const { person, findings } = checkPersonEntry(req, today, { foreigner });
    const extra: ScanFinding[] = [];
    let holder: CitizenRecord | null = null;
    if (req.passportNumber) {
      const passport = normalizePassportNumber(req.passportNumber);
      if (!isPassportNumber(passport)) extra.push({ code: 'PASSPORT_NUMBER_INVALID', severity: 'error', params: {} });
      if (req.nationality && !isCountryCode(req.nationality)) extra.push({ code: 'NATIONALITY_UNKNOWN', severity: 'error', params: { code: req.nationality } });
      else if (req.nationality) holder = this.store.q.citizens.byPassport(req.nationality, passport);
    } else if (person?.idNumber) holder = this.store.q.citizens.byIdNumber(person.idNumber);
    const duplicates = person ? possibleDuplicates(this.store.q, person).filter((c) => c.id !== holder?.id) : [];
    return {
      person: extra.some((f) => f.severity === 'error') ? null : person,
      findings: [...findings, ...extra],
      holder: holder ? toCitizenSummary(holder) : null,
      possibleDuplicates: duplicates.map(toCitizenSummary),
    };
  }

  registerManual(actor: Actor, req: ManualEntry): CheckInResult {
    const person = this.checked(req, false);
    return this.finish(actor, (w, today) => {
      const planId = openPlanIn(w, today);
      if (person.idNumber) {
        const holder = w.q.citizens.byIdNumber(person.idNumber);
        if (holder) throw new StationError('ID_NUMBER_REGISTERED', 'someone is registered with this ID number', { fullName: holder.fullName, idNumber: person.idNumber });
      }
      refuseDuplicates(w.q, person, req.notDuplicate);
      const target = resolveTarget(w.q, planId, req.targetId, { citizenId: null, idNumber: person.idNumber });
      refuseIfTargetCheckedIn(w.q, target);
      const citizen = newCitizen(w, person, {
        verification: 'unverified',
        phone: req.phone || target?.phone || null,
        address: req.address || target?.address || null,
      });
      return { visitId: openVisit(w, { planId, citizenId: citizen.id, target, source: 'manual' }), newCitizen: true };
    });
  }

  registerForeigner(actor: Actor, req: ForeignerEntry): CheckInResult {
    const passportNumber = normalizePassportNumber(req.passportNumber);
    if (!isPassportNumber(passportNumber)) throw new StationError('PASSPORT_NUMBER_INVALID', 'passport number: 5 to 20 letters and digits');
    if (!isCountryCode(req.nationality)) throw new StationError('NATIONALITY_UNKNOWN', 'unknown country code', { code: req.nationality });
    const person = this.checked(req, true);
    return this.finish(actor, (w, today) => {
      const planId = openPlanIn(w, today);
      let citizen = w.q.citizens.byPassport(req.nationality, passportNumber);
      if (citizen) {
        // A returning foreigner: the passport is theirs only if the person matches what was recorded.
        if (nameKey(citizen.fullName) !== nameKey(person.fullName) || !datesCompatible(citizen.dateOfBirth, person.dateOfBirth)) {
          throw new StationError('PASSPORT_REGISTERED_DIFFERENTLY', 'this passport is registered to a different name or date of birth', {
            fullName: citizen.fullName,
            dateOfBirth: citizen.dateOfBirth,
          });
        }
        refuseIfCheckedIn(w.q, citizen, today);
      } else {
        refuseDuplicates(w.q, person, req.notDuplicate);
      }
      const target = resolveTarget(w.q, planId, req.targetId, { citizenId: citizen?.id ?? null, idNumber: null });
      refuseIfTargetCheckedIn(w.q, target);
      const isNew = citizen === null;
      citizen ??= newCitizen(w, person, { verification: 'site_verified', passportNumber, nationality: req.nationality });
      return { visitId: openVisit(w, { planId, citizenId: citizen.id, target, source: 'passport' }), newCitizen: isNew };
    });
  }

  checkInKnown(actor: Actor, req: { citizenId: string; targetId?: string | null | undefined }): CheckInResult {
    return this.finish(actor, (w, today) => {
      const planId = openPlanIn(w, today);
      const citizen = w.q.citizens.byId(req.citizenId);
      if (!citizen) throw new StationError('NOT_FOUND', 'no such citizen', { id: req.citizenId });
      refuseIfCheckedIn(w.q, citizen, today);
      const target = resolveTarget(w.q, planId, req.targetId, { citizenId: citizen.id, idNumber: citizen.idNumber });
      refuseIfTargetCheckedIn(w.q, target);
      return { visitId: openVisit(w, { planId, citizenId: citizen.id, target, source: 'registration' }), newCitizen: false };
    });
  }

  /** Runs the entry checks; an error finding refuses the entry with its code. */
  private checked(req: { fullName: string; dateOfBirth: string; sex: 'male' | 'female'; idNumber?: string | null | undefined }, foreigner: boolean): CheckedPerson {
    const { person, findings } = checkPersonEntry(req, siteDay(this.store.clock.now()), { foreigner });
    const error = findings.find((f) => f.severity === 'error');
    if (!person || error) {
      throw new StationError('PERSON_ENTRY_INVALID', 'the entry has errors', { finding: error?.code ?? 'NAME_INVALID', ...(error?.params ?? {}) });
    }
    return person;
  }

  private finish(actor: Actor, fn: (w: WriteScope, today: string) => { visitId: string; newCitizen: boolean }): CheckInResult {
    const done = this.store.write(actor, (w) => fn(w, siteDay(new Date(w.at))));
    return { visit: this.visits.get(done.visitId), corrections: [], newCitizen: done.newCitizen };
  }
}

/** Known people with the same name key and a compatible date of birth. */
function possibleDuplicates(q: Queries, person: CheckedPerson): CitizenRecord[] {
  const { from, to } = yearRange(person.dateOfBirth);
  return q.citizens
    .byNameInYear(nameKey(person.fullName), from, to)
    .filter((c) => datesCompatible(c.dateOfBirth, person.dateOfBirth))
    .slice(0, MAX_DUPLICATES);
}

function refuseDuplicates(q: Queries, person: CheckedPerson, confirmedDifferent: boolean | undefined): void {
  const same = possibleDuplicates(q, person);
  if (same.length > 0 && !confirmedDifferent) {
    throw new StationError('POSSIBLE_DUPLICATE', 'someone with this name and date of birth is registered', {
      count: same.length,
      fullName: same[0]!.fullName,
      dateOfBirth: same[0]!.dateOfBirth,
    });
  }
}

function newCitizen(
  w: WriteScope,
  person: CheckedPerson,
  extra: { verification: 'unverified' | 'site_verified'; passportNumber?: string; nationality?: string; phone?: string | null; address?: string | null },
): CitizenRecord {
  const citizen: CitizenRecord = {
    id: newId(),
    idNumber: person.idNumber,
    oldIdNumber: null,
    passportNumber: extra.passportNumber ?? null,
    nationality: extra.nationality ?? null,
    fullName: person.fullName,
    nameKey: nameKey(person.fullName),
    dateOfBirth: person.dateOfBirth,
    sex: person.sex,
    address: extra.address ?? null,
    phone: extra.phone ?? null,
    cardIssueDate: null,
    verification: extra.verification,
    createdAt: w.at,
    createdBy: w.actor?.staffId ?? null,
    updatedAt: w.at,
  };
  w.q.citizens.insert(citizen);
  w.audit(extra.verification === 'site_verified' ? 'checkin:passport' : 'checkin:manual', 'citizen', citizen.id, null, {
    idNumber: citizen.idNumber,
    passportNumber: citizen.passportNumber,
    nationality: citizen.nationality,
    fullName: citizen.fullName,
    dateOfBirth: citizen.dateOfBirth,
    sex: citizen.sex,
    verification: citizen.verification,
  });
  return citizen;
}
