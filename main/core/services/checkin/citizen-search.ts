import type { CitizenHit } from '../../../../preload/contract';
import { toCitizenSummary, type CitizenRecord } from '../../../../db/queries/citizens';
import { datesCompatible } from '../../../domain/checkin/identity-compare';
import { normalizePassportNumber } from '../../../domain/checkin/person-entry';
import { nameKey } from '../../../domain/names';
import { siteDay } from '../../../domain/site-time';
import type { Store } from '../../store';

const DEFAULT_LIMIT = 20;

/**
 * Finding a known person at the desk without their card: by the start of
 * their name (accents, case and spacing ignored; "nguyen van a" finds
 * "Nguyễn Văn An"), optionally born on a date or in a year, or by the first
 * digits of an ID number or characters of a passport number. Each hit says
 * whether the person is already checked in today.
 */
export class CitizenSearch {
  constructor(private readonly store: Store) {}

  /** Every identity correction recorded for a citizen, oldest first. */
  corrections(citizenId: string) {
    return this.store.q.citizens.corrections(citizenId);
  }

  search(query: string, dateOfBirth?: string, limit = DEFAULT_LIMIT): CitizenHit[] {
    const q = this.store.q.citizens;
    const text = query.trim();
    let rows: CitizenRecord[];
    if (/\d/u.test(text)) {
      // Names have no digits: this is a document number.
      const compact = normalizePassportNumber(text);
      rows = /^\d+$/u.test(compact) ? q.searchByIdNumber(compact, limit) : [];
      if (rows.length < limit) rows = [...rows, ...q.searchByPassport(compact, limit - rows.length)];
      if (dateOfBirth) rows = rows.filter((c) => datesCompatible(c.dateOfBirth, dateOfBirth));
    } else {
      const key = nameKey(text);
      if (!dateOfBirth) rows = key ? q.searchByName(key, limit) : [];
      else if (dateOfBirth.length === 10) rows = q.searchByNameOnDay(key, dateOfBirth, limit);
      else {
        // A year or a month: the year's rows for the name, narrowed to the month when one is given.
        const wide = q.searchByNameInYear(key, dateOfBirth.slice(0, 4), dateOfBirth.length === 4 ? limit : limit * 12);
        rows = wide.filter((c) => datesCompatible(c.dateOfBirth, dateOfBirth)).slice(0, limit);
      }
    }
    const today = siteDay(this.store.clock.now());
    return rows.map((c) => ({ citizen: toCitizenSummary(c), checkedInToday: this.store.q.visits.todayForCitizen(c.id, today) }));
  }
}
