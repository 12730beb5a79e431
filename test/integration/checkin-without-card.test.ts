import { afterEach, describe, expect, it } from 'vitest';
import { AN_CARD, cardPayload, openSessionWithList } from '../support/checkin';
import { errorCode, ok, setUpSite, startTestStation, type TestStation } from '../support/station';

let t: TestStation;
afterEach(() => t?.close());

const TODAY = '2026-03-10';

async function siteWithList(rows: Parameters<typeof openSessionWithList>[2] = []) {
  t = startTestStation();
  const desks = await setUpSite(t);
  const plan = await openSessionWithList(desks.sup, TODAY, rows);
  return { ...desks, plan };
}

const citizens = () => t.station.services.store.db.prepare('SELECT full_name AS fullName, verification, passport_number AS passport, nationality FROM citizen ORDER BY created_at').all();

const JOHN = { passportNumber: 'c 1234-5678', nationality: 'gb', fullName: 'SMITH JOHN', dateOfBirth: '1980-05-17', sex: 'male' as const };

describe('foreigners, by passport', () => {
  it('checks a foreigner in by passport, recorded as site-verified; a second visit finds the same record', async () => {
    const { nurse, sup } = await siteWithList();
    const done = ok(await nurse.checkin.registerForeigner(JOHN));
    expect(done).toMatchObject({ newCitizen: true, visit: { queueNumber: 1, step: 'screening', citizen: { fullName: 'Smith John', passportNumber: 'C12345678', nationality: 'GB', idNumber: null, verification: 'site_verified' } } });
    expect(errorCode(await sup.checkin.registerForeigner(JOHN))).toBe('ALREADY_CHECKED_IN');

    const found = ok(await nurse.checkin.searchCitizens({ query: 'C1234' }));
    expect(found.map((h) => [h.citizen.fullName, h.checkedInToday?.queueNumber])).toEqual([['Smith John', 1]]);
    expect(citizens()).toEqual([{ fullName: 'Smith John', verification: 'site_verified', passport: 'C12345678', nationality: 'GB' }]);
  });

  it('refuses a passport registered to someone else, a malformed number and an unknown country', async () => {
    const { nurse } = await siteWithList();
    ok(await nurse.checkin.registerForeigner(JOHN));
    const other = await nurse.checkin.registerForeigner({ ...JOHN, fullName: 'Jane Doe' });
    expect(other).toMatchObject({ ok: false, error: { code: 'PASSPORT_REGISTERED_DIFFERENTLY', params: { fullName: 'Smith John', dateOfBirth: '1980-05-17' } } });
    expect(errorCode(await nurse.checkin.registerForeigner({ ...JOHN, passportNumber: '12' }))).toBe('PASSPORT_NUMBER_INVALID');
    expect(errorCode(await nurse.checkin.registerForeigner({ ...JOHN, nationality: 'XX' }))).toBe('NATIONALITY_UNKNOWN');
    expect(errorCode(await nurse.checkin.registerForeigner({ ...JOHN, dateOfBirth: '1980-02-30' }))).toBe('PERSON_ENTRY_INVALID');
  });
});

describe('citizens without their card', () => {
  it('records a typed-in citizen as unverified, with the same checks a card gets', async () => {
    const { nurse } = await siteWithList();
    const check = ok(await nurse.checkin.checkPerson({ fullName: 'lê thị hoa', dateOfBirth: '1987-12-30', sex: 'female', idNumber: '048087000111' }));
    expect(check.person).toEqual({ fullName: 'Lê Thị Hoa', dateOfBirth: '1987-12-30', sex: 'female', idNumber: '048087000111' });
    // Digit 4 is 0 (a man born in the 1900s) but she is a woman: a warning, not a refusal.
    expect(check.findings.map((f) => [f.code, f.severity])).toEqual([
      ['NAME_RECASED', 'warning'],
      ['ID_SEX_MISMATCH', 'warning'],
    ]);
    const done = ok(await nurse.checkin.registerManual({ fullName: 'lê thị hoa', dateOfBirth: '1987-12-30', sex: 'female', idNumber: '048087000111' }));
    expect(done.visit.citizen).toMatchObject({ fullName: 'Lê Thị Hoa', verification: 'unverified', idNumber: '048087000111' });
    expect(t.station.services.store.db.prepare('SELECT checkin_source FROM visit').pluck().get()).toBe('manual');

    const bad = await nurse.checkin.registerManual({ fullName: 'Lê Thị Hoa', dateOfBirth: '2027-01-01', sex: 'female' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'PERSON_ENTRY_INVALID', params: { finding: 'DOB_IN_FUTURE' } } });
    expect(errorCode(await nurse.checkin.registerManual({ fullName: 'Lê Thị Hoa', dateOfBirth: '1987-12-30', sex: 'female', idNumber: '12345' }))).toBe('PERSON_ENTRY_INVALID');
  });

  it('warns of a possible duplicate and registers only when the nurse says it is a different person', async () => {
    const { nurse } = await siteWithList();
    ok(await nurse.checkin.registerManual({ fullName: 'Lê Thị Hoa', dateOfBirth: '1987-12-30', sex: 'female' }));
    const check = ok(await nurse.checkin.checkPerson({ fullName: 'LE THI HOA', dateOfBirth: '1987-12-30', sex: 'female' }));
    expect(check.possibleDuplicates.map((c) => c.fullName)).toEqual(['Lê Thị Hoa']);
    const dup = await nurse.checkin.registerManual({ fullName: 'LE THI HOA', dateOfBirth: '1987-12-30', sex: 'female' });
    expect(dup).toMatchObject({ ok: false, error: { code: 'POSSIBLE_DUPLICATE', params: { count: 1, fullName: 'Lê Thị Hoa' } } });
    ok(await nurse.checkin.registerManual({ fullName: 'LE THI HOA', dateOfBirth: '1987-12-30', sex: 'female', notDuplicate: true }));
    expect(citizens()).toHaveLength(2);
  });

  it('refuses an ID number someone already holds: that person is checked in as known instead', async () => {
    const { nurse } = await siteWithList();
    const scan = ok(await nurse.checkin.scan({ text: cardPayload(AN_CARD), source: 'wedge' }));
    const an = ok(await nurse.checkin.confirm({ scanId: scan.scanId, acceptCorrections: false }));
    const typed = await nurse.checkin.registerManual({ fullName: 'Nguyễn Văn Ân', dateOfBirth: '1994-03-15', sex: 'male', idNumber: AN_CARD.idNumber });
    expect(typed).toMatchObject({ ok: false, error: { code: 'ID_NUMBER_REGISTERED', params: { fullName: 'Nguyễn Văn An' } } });
    expect(errorCode(await nurse.checkin.checkInKnown({ citizenId: an.visit.citizen.id }))).toBe('ALREADY_CHECKED_IN');
  });

  it('checks in someone on today\'s list who has no card, tying the list row to them', async () => {
    const { nurse, plan } = await siteWithList([{ fullName: 'Phạm Văn Dũng', dateOfBirth: '01/07/1990', sex: 'Nam' }]);
    const row = ok(await nurse.targets.list({ planId: plan.id, query: 'pham van' })).rows[0]!;
    const done = ok(await nurse.checkin.registerManual({ fullName: row.fullName, dateOfBirth: row.dateOfBirth, sex: 'male', targetId: row.id }));
    expect(t.station.services.store.db.prepare('SELECT citizen_id FROM plan_target').pluck().get()).toBe(done.visit.citizen.id);
    const twice = await nurse.checkin.registerManual({ fullName: 'Phạm Văn Dũng', dateOfBirth: '1990-07-01', sex: 'male', targetId: row.id, notDuplicate: true });
    expect(errorCode(twice)).toBe('TARGET_BELONGS_TO_OTHER');
  });
});

describe('searching known people', () => {
  it('finds people by name prefix without accents, narrowed by date of birth or year, and by ID number', async () => {
    const { nurse } = await siteWithList();
    for (const p of [
      { fullName: 'Nguyễn Văn An', dateOfBirth: '1994-03-15', sex: 'male' as const },
      { fullName: 'Nguyễn Văn Anh', dateOfBirth: '1994', sex: 'male' as const },
      { fullName: 'Nguyễn Văn Bình', dateOfBirth: '1962-01-20', sex: 'male' as const, idNumber: '079062000777' },
      { fullName: 'Đỗ Thị Đào', dateOfBirth: '1950-11-02', sex: 'female' as const },
    ]) {
      ok(await nurse.checkin.registerManual({ ...p, notDuplicate: true }));
    }
    const names = async (query: string, dateOfBirth?: string) => ok(await nurse.checkin.searchCitizens({ query, dateOfBirth })).map((h) => h.citizen.fullName);
    expect(await names('nguyen van a')).toEqual(['Nguyễn Văn An', 'Nguyễn Văn Anh']);
    expect(await names('NGUYỄN  VĂN')).toEqual(['Nguyễn Văn An', 'Nguyễn Văn Anh', 'Nguyễn Văn Bình']);
    // A full date also finds people recorded with only their birth year.
    expect(await names('nguyen', '1994-03-15')).toEqual(['Nguyễn Văn An', 'Nguyễn Văn Anh']);
    expect(await names('nguyen', '1962')).toEqual(['Nguyễn Văn Bình']);
    expect(await names('do thi dao')).toEqual(['Đỗ Thị Đào']);
    expect(await names('079062')).toEqual(['Nguyễn Văn Bình']);
    expect(await names('', '1950-11-02')).toEqual(['Đỗ Thị Đào']);
    expect(await names('')).toEqual([]);
    const hit = ok(await nurse.checkin.searchCitizens({ query: 'do thi' }))[0]!;
    expect(hit.checkedInToday?.queueNumber).toBe(4);
  });

  it('checks a known person in again on another day without a card', async () => {
    const { nurse, sup } = await siteWithList();
    const first = ok(await nurse.checkin.registerManual({ fullName: 'Đỗ Thị Đào', dateOfBirth: '1950-11-02', sex: 'female' }));
    t.clock.advanceMinutes(60 * 24);
    ok(await sup.auth.unlock({ pin: '2468' }));
    ok(await nurse.auth.unlock({ pin: '1357' }));
    await openSessionWithList(sup, '2026-03-11', []);
    const hit = ok(await nurse.checkin.searchCitizens({ query: 'do thi dao' }))[0]!;
    expect(hit.checkedInToday).toBeNull();
    const again = ok(await nurse.checkin.checkInKnown({ citizenId: hit.citizen.id }));
    expect(again).toMatchObject({ newCitizen: false, visit: { queueNumber: 1, citizen: { id: first.visit.citizen.id } } });
    expect(t.station.services.store.db.prepare('SELECT checkin_source FROM visit ORDER BY checked_in_at DESC').pluck().get()).toBe('registration');
  });
});
