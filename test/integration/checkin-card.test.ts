import { afterEach, describe, expect, it } from 'vitest';
import type { EventName } from '../../preload/contract';
import { AN_CARD, BICH_CARD, cardPayload, openSessionWithList } from '../support/checkin';
import { errorCode, ok, setUpSite, startTestStation, type TestStation } from '../support/station';

let t: TestStation;
afterEach(() => t?.close());

const TODAY = '2026-03-10';

async function siteWithList(rows: Parameters<typeof openSessionWithList>[2]) {
  t = startTestStation();
  const desks = await setUpSite(t);
  const plan = await openSessionWithList(desks.sup, TODAY, rows);
  return { ...desks, plan };
}

function rows(sql: string, ...params: unknown[]) {
  return t.station.services.store.db.prepare(sql).all(...params) as Record<string, unknown>[];
}

describe('check-in from the ID card', () => {
  it('checks a walk-in in from the card in one step, with a queue number at screening, and tells every desk', async () => {
    const { nurse } = await siteWithList([]);
    const heard: [EventName, unknown][] = [];
    t.station.onEvent((e, p) => heard.push([e, p]));

    const scan = ok(await nurse.checkin.scan({ text: cardPayload(AN_CARD) + '\r\n', source: 'wedge' }));
    expect(scan.reading).toMatchObject({ kind: 'cccd', identity: { idNumber: '001094123456', fullName: 'Nguyễn Văn An', dateOfBirth: '1994-03-15', sex: 'male' } });
    expect(scan.match).toMatchObject({ by: 'none', citizen: null, target: null, diff: [], checkedInToday: null });

    const done = ok(await nurse.checkin.confirm({ scanId: scan.scanId, acceptCorrections: false }));
    expect(done.newCitizen).toBe(true);
    expect(done.visit).toMatchObject({ queueNumber: 1, step: 'screening', citizen: { fullName: 'Nguyễn Văn An', verification: 'card', idNumber: '001094123456' } });
    expect(ok(await nurse.queue.list({ steps: ['screening'] })).map((e) => e.queueNumber)).toEqual([1]);
    expect(heard).toContainEqual(['queue:changed', { planId: done.visit.planId, visitId: done.visit.visitId, step: 'screening' }]);
    // The citizen and the visit were written with their audit rows.
    expect(rows(`SELECT operation FROM audit_log WHERE entity_id IN (?, ?) ORDER BY operation`, done.visit.citizen.id, done.visit.visitId).map((r) => r.operation)).toEqual([
      'checkin',
      'checkin:card',
    ]);
    expect(rows(`SELECT checkin_source FROM visit`)[0]?.checkin_source).toBe('card_scanner');
  });

  it('finds the person on today\'s list by ID number and ties the list row to them', async () => {
    const { nurse } = await siteWithList([{ idNumber: '001094123456', fullName: 'Nguyễn Văn An', dateOfBirth: '15/03/1994', sex: 'Nam' }]);
    const scan = ok(await nurse.checkin.scan({ text: cardPayload(AN_CARD), source: 'camera' }));
    expect(scan.match).toMatchObject({ by: 'id_number', citizen: null, target: { fullName: 'Nguyễn Văn An' }, diff: [], otherPerson: false });
    const done = ok(await nurse.checkin.confirm({ scanId: scan.scanId, acceptCorrections: false }));
    expect(rows(`SELECT citizen_id FROM plan_target`)[0]?.citizen_id).toBe(done.visit.citizen.id);
    expect(rows(`SELECT checkin_source, target_id FROM visit`)[0]).toMatchObject({ checkin_source: 'card_camera', target_id: scan.match?.target?.id });
  });

  it('shows where the registration differs from the card; the card wins only when confirmed, and each correction is recorded', async () => {
    const { nurse } = await siteWithList([{ idNumber: '001094123456', fullName: 'NGUYEN VAN AN', dateOfBirth: '16/03/1994', sex: 'Nữ' }]);
    const scan = ok(await nurse.checkin.scan({ text: cardPayload(AN_CARD), source: 'wedge' }));
    expect(scan.match?.diff).toEqual([
      { field: 'fullName', registered: 'NGUYEN VAN AN', card: 'Nguyễn Văn An', sameLetters: true },
      { field: 'dateOfBirth', registered: '1994-03-16', card: '1994-03-15' },
      { field: 'sex', registered: 'female', card: 'male' },
    ]);

    const refused = await nurse.checkin.confirm({ scanId: scan.scanId, acceptCorrections: false });
    expect(errorCode(refused)).toBe('CORRECTIONS_NOT_CONFIRMED');
    expect(ok(await nurse.queue.list({}))).toHaveLength(0);

    const done = ok(await nurse.checkin.confirm({ scanId: scan.scanId, acceptCorrections: true }));
    expect(done.corrections.map((c) => [c.field, c.before, c.after])).toEqual([
      ['fullName', 'NGUYEN VAN AN', 'Nguyễn Văn An'],
      ['dateOfBirth', '1994-03-16', '1994-03-15'],
      ['sex', 'female', 'male'],
    ]);
    expect(done.visit.citizen).toMatchObject({ fullName: 'Nguyễn Văn An', dateOfBirth: '1994-03-15', sex: 'male', verification: 'card' });
    const recorded = ok(await nurse.checkin.corrections({ citizenId: done.visit.citizen.id }));
    expect(recorded).toHaveLength(3);
    expect(recorded.every((c) => c.source === 'card' && c.staffName === 'Lê Văn Y Tá' && c.at === '2026-03-10T02:00:00.000Z' && c.targetId === scan.match?.target?.id)).toBe(true);
  });

  it('matches someone listed without a number by name and date of birth, ignoring accents, case and spaces', async () => {
    const { nurse } = await siteWithList([{ fullName: '  nguyễn   VĂN an ', dateOfBirth: '15/03/1994' }]);
    const scan = ok(await nurse.checkin.scan({ text: cardPayload(AN_CARD), source: 'wedge' }));
    expect(scan.match?.by).toBe('name_dob');
    expect(scan.match?.diff.map((d) => d.field)).toEqual(['fullName']);
    const done = ok(await nurse.checkin.confirm({ scanId: scan.scanId, acceptCorrections: true }));
    expect(done.visit.citizen.idNumber).toBe('001094123456');
    expect(rows(`SELECT citizen_id FROM plan_target`)[0]?.citizen_id).toBe(done.visit.citizen.id);
  });

  it('handles Đ/đ and a date of birth the card gives only as a year', async () => {
    const { nurse } = await siteWithList([{ fullName: 'Dang Thi Dao', dateOfBirth: '01/01/1945', sex: 'Nữ' }]);
    const card = { idNumber: '001145000123', fullName: 'Đặng Thị Đào', dateOfBirth: '1945', sex: 'Nữ' as const };
    const scan = ok(await nurse.checkin.scan({ text: cardPayload(card), source: 'wedge' }));
    expect(scan.reading).toMatchObject({ kind: 'cccd', identity: { dateOfBirth: '1945', dateOfBirthPrecision: 'year' } });
    expect(scan.reading.kind === 'cccd' && scan.reading.findings.map((f) => f.code)).toEqual(['DOB_PARTIAL']);
    expect(scan.match?.by).toBe('name_dob');
    expect(scan.match?.diff).toContainEqual({ field: 'dateOfBirth', registered: '1945-01-01', card: '1945' });
    const done = ok(await nurse.checkin.confirm({ scanId: scan.scanId, acceptCorrections: true }));
    // Stored as the card gives it, never padded into an invented day.
    expect(done.visit.citizen.dateOfBirth).toBe('1945');
  });

  it('lets the nurse pick among several unnumbered people with the same name and date of birth', async () => {
    const { nurse } = await siteWithList([
      { fullName: 'Nguyễn Văn An', dateOfBirth: '15/03/1994', sex: 'Nam' },
      { fullName: 'Nguyen Van An', dateOfBirth: '15/03/1994' },
    ]);
    const scan = ok(await nurse.checkin.scan({ text: cardPayload(AN_CARD), source: 'wedge' }));
    expect(scan.match?.by).toBe('none');
    expect(scan.match?.candidates).toHaveLength(2);
    const second = scan.match!.candidates.find((c) => c.target?.fullName === 'Nguyen Van An')!.target!;
    const compared = ok(await nurse.checkin.compare({ scanId: scan.scanId, targetId: second.id }));
    expect(compared).toMatchObject({ by: 'chosen', target: { id: second.id }, diff: [{ field: 'fullName', sameLetters: true }] });
    const done = ok(await nurse.checkin.confirm({ scanId: scan.scanId, targetId: second.id, acceptCorrections: true }));
    expect(rows(`SELECT full_name FROM plan_target WHERE citizen_id = ?`, done.visit.citizen.id).map((r) => r.full_name)).toEqual(['Nguyen Van An']);
  });

  it('finds a list row made with the 12-digit number of the old CMND card', async () => {
    const { nurse } = await siteWithList([{ idNumber: '025123456789', fullName: 'Trần Thị Bích', dateOfBirth: '02/09/2005', sex: 'Nữ' }]);
    const scan = ok(await nurse.checkin.scan({ text: cardPayload({ ...BICH_CARD, oldIdNumber: '025123456789' }), source: 'wedge' }));
    expect(scan.match).toMatchObject({ by: 'old_id_number', diff: [{ field: 'idNumber', registered: '025123456789', card: '079305654321' }] });
  });
});

describe('no duplicates', () => {
  it('refuses a second check-in of the same person today and says which queue number they have', async () => {
    const { nurse, sup } = await siteWithList([]);
    const first = ok(await nurse.checkin.scan({ text: cardPayload(AN_CARD), source: 'wedge' }));
    ok(await nurse.checkin.confirm({ scanId: first.scanId, acceptCorrections: false }));

    const again = ok(await sup.checkin.scan({ text: cardPayload(AN_CARD), source: 'wedge' }));
    expect(again.match).toMatchObject({ by: 'id_number', checkedInToday: { queueNumber: 1, step: 'screening' } });
    const refused = await sup.checkin.confirm({ scanId: again.scanId, acceptCorrections: true });
    expect(refused).toMatchObject({ ok: false, error: { code: 'ALREADY_CHECKED_IN', params: { queueNumber: 1, fullName: 'Nguyễn Văn An' } } });
    // Even the stale scan from before the first check-in cannot make a second visit.
    expect(errorCode(await nurse.checkin.confirm({ scanId: first.scanId, acceptCorrections: false }))).toBe('ALREADY_CHECKED_IN');
    expect(rows(`SELECT count(*) AS n FROM citizen`)[0]?.n).toBe(1);
    expect(ok(await nurse.queue.list({}))).toHaveLength(1);
  });

  it('stops when the record with the card\'s number is plainly someone else; a supervisor decides', async () => {
    const { nurse, sup } = await siteWithList([]);
    const first = ok(await nurse.checkin.scan({ text: cardPayload(AN_CARD), source: 'wedge' }));
    const an = ok(await nurse.checkin.confirm({ scanId: first.scanId, acceptCorrections: false }));
    t.clock.advanceMinutes(24 * 60); // next day: a new session
    ok(await sup.auth.unlock({ pin: '2468' }));
    ok(await nurse.auth.unlock({ pin: '1357' }));
    await openSessionWithList(sup, '2026-03-11', []);
    const other = ok(await nurse.checkin.scan({ text: cardPayload({ ...BICH_CARD, idNumber: AN_CARD.idNumber }), source: 'wedge' }));
    expect(other.match).toMatchObject({ by: 'id_number', otherPerson: true, citizen: { id: an.visit.citizen.id } });
    expect(errorCode(await nurse.checkin.confirm({ scanId: other.scanId, acceptCorrections: true }))).toBe('ID_NUMBER_OTHER_PERSON');
    // Choosing "a new person" cannot give the number to a second record either.
    expect(errorCode(await nurse.checkin.confirm({ scanId: other.scanId, citizenId: null, acceptCorrections: true }))).toBe('ID_NUMBER_REGISTERED');
    expect(rows(`SELECT count(*) AS n FROM citizen`)[0]?.n).toBe(1);
    ok(await sup.checkin.confirm({ scanId: other.scanId, acceptCorrections: true }));
  });

  it('lets the nurse leave aside a list row that carries the number but is someone else', async () => {
    const { nurse } = await siteWithList([{ idNumber: '001094123456', fullName: 'Phạm Thị Hoa', dateOfBirth: '01/07/1960', sex: 'Nữ' }]);
    const scan = ok(await nurse.checkin.scan({ text: cardPayload(AN_CARD), source: 'wedge' }));
    expect(scan.match).toMatchObject({ by: 'id_number', otherPerson: true, citizen: null });
    expect(errorCode(await nurse.checkin.confirm({ scanId: scan.scanId, acceptCorrections: true }))).toBe('ID_NUMBER_OTHER_PERSON');
    const done = ok(await nurse.checkin.confirm({ scanId: scan.scanId, targetId: null, acceptCorrections: false }));
    expect(done.visit.citizen.fullName).toBe('Nguyễn Văn An');
    expect(rows(`SELECT citizen_id FROM plan_target`)[0]?.citizen_id).toBeNull();
  });
});

describe('what else reaches the desk', () => {
  it('says what a scan is when it is not an ID card, and refuses to check anyone in from it', async () => {
    const { nurse } = await siteWithList([]);
    const bhytName = Buffer.from('Nguyễn Văn An', 'utf8').toString('hex');
    const cases: [string, string][] = [
      ['HC1:NCFOXN%TS3DH', 'dcc'],
      ['https://tiemchungcovid19.gov.vn/portal', 'url'],
      [`GD4797931234567|${bhytName}|15/03/1994|1|-|01 - 028|01/01/2024|31/12/2026|01/01/2024|-|$`, 'bhyt'],
      ['xin chào', 'text'],
      [' \r\n', 'empty'],
      ['x'.repeat(5000), 'rejected'],
    ];
    for (const [text, kind] of cases) {
      const scan = ok(await nurse.checkin.scan({ text, source: 'wedge' }));
      expect(scan.reading.kind, text.slice(0, 20)).toBe(kind);
      expect(scan.match).toBeNull();
      expect(errorCode(await nurse.checkin.confirm({ scanId: scan.scanId, acceptCorrections: true }))).toBe('SCAN_NOT_A_CARD');
    }
  });

  it('reads cards with no session open but checks nobody in; a scan left too long is read again', async () => {
    t = startTestStation();
    const { nurse, sup } = await setUpSite(t);
    ok(await sup.settings.update({ idleLockMinutes: 60 }));
    const scan = ok(await nurse.checkin.scan({ text: cardPayload(AN_CARD), source: 'image' }));
    expect(scan.match?.by).toBe('none');
    expect(errorCode(await nurse.checkin.confirm({ scanId: scan.scanId, acceptCorrections: false }))).toBe('NO_OPEN_SESSION');
    t.clock.advanceMinutes(31);
    expect(errorCode(await nurse.checkin.getScan({ scanId: scan.scanId }))).toBe('SCAN_EXPIRED');
  });
});
