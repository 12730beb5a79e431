import { afterEach, describe, expect, it } from 'vitest';
import type { EventName, StationApi } from '../../preload/contract';
import { errorCode, ok, setUpSite, startTestStation, type TestStation } from '../support/station';
import { adultAnswers, AN, BICH, checkIn, DUNG, openToday, type Person } from '../support/clinical-fixtures';

const TODAY = '2026-03-10';
let t: TestStation;
afterEach(() => t?.close());

async function day() {
  t = startTestStation();
  const desks = await setUpSite(t);
  // Long idle lock: these tests move the clock past the observation time.
  ok(await desks.sup.settings.update({ idleLockMinutes: 240 }));
  const plan = await openToday(desks.sup, TODAY);
  const lotId = plan.lots.find((l) => l.productCode === 'comirnaty')!.id;
  ok(await desks.nurse.vials.open({ lotId }));
  const vaccinate = async (person: Person, answers = adultAnswers({}, person.sex)) => {
    const visit = checkIn(t.station, person);
    ok(await desks.nurse.screening.record({ visitId: visit.visitId, formId: 'covid19-adult', formVersion: 1, answers }));
    const { dose } = ok(await desks.nurse.doses.record({ visitId: visit.visitId, lotId }));
    return { visit, dose };
  };
  return { ...desks, vaccinate };
}

function listen(t: TestStation) {
  const seen: [EventName, unknown][] = [];
  t.station.onEvent((e, p) => seen.push([e, p]));
  return seen;
}

async function boardStates(nurse: StationApi) {
  return Object.fromEntries(ok(await nurse.observation.board({})).entries.map((e) => [e.queueNumber, e.state]));
}

describe('observation board', () => {
  it('counts down 30 minutes from the dose and releases only when it is over', async () => {
    const { nurse, vaccinate } = await day();
    const { visit, dose } = await vaccinate(AN);
    const board = ok(await nurse.observation.board({}));
    expect(board.now).toBe('2026-03-10T02:00:00.000Z');
    expect(board.entries).toEqual([
      expect.objectContaining({ visitId: visit.visitId, doseId: dose.id, state: 'waiting', observationMinutes: 30, dueAt: '2026-03-10T02:30:00.000Z', overdueAt: '2026-03-10T02:45:00.000Z', productName: 'Comirnaty' }),
    ]);

    t.clock.advanceMinutes(20);
    const early = await nurse.observation.release({ visitId: visit.visitId });
    expect(errorCode(early)).toBe('OBSERVATION_NOT_DUE');
    expect(!early.ok && early.error.params).toMatchObject({ minutesLeft: 10, dueAt: '2026-03-10T02:30:00.000Z' });
    expect(ok(await nurse.queue.get({ visitId: visit.visitId })).step).toBe('observation');

    t.clock.advanceMinutes(10);
    const events = listen(t);
    const released = ok(await nurse.observation.release({ visitId: visit.visitId }));
    expect(released).toMatchObject({ state: 'released', releasedAt: '2026-03-10T02:30:00.000Z', releasedBy: 'Lê Văn Y Tá', earlyReleaseReason: null });
    expect(ok(await nurse.queue.get({ visitId: visit.visitId })).step).toBe('released');
    expect(events).toContainEqual(['observation:released', { planId: visit.planId, visitId: visit.visitId, citizenId: visit.citizen.id, doseId: dose.id, early: false }]);
    expect(errorCode(await nurse.observation.release({ visitId: visit.visitId }))).toBe('OBSERVATION_ALREADY_RELEASED');
  });

  it('shows who is waiting, due, overdue and released, and keeps the longer time screening asked for', async () => {
    const { nurse, vaccinate } = await day();
    const older = await vaccinate(DUNG, adultAnswers({ 'bp-systolic': 128, 'bp-diastolic': 78 }));
    t.clock.advanceMinutes(5);
    const a = await vaccinate(AN);
    t.clock.advanceMinutes(10);
    const b = await vaccinate(BICH);
    expect(ok(await nurse.observation.board({})).entries.find((e) => e.visitId === older.visit.visitId)?.observationMinutes).toBe(60);

    t.clock.advanceMinutes(35); // 50 min after the first dose, 45 after A, 35 after B
    expect(await boardStates(nurse)).toEqual({ [older.visit.queueNumber]: 'waiting', [a.visit.queueNumber]: 'overdue', [b.visit.queueNumber]: 'due' });
    ok(await nurse.observation.release({ visitId: b.visit.visitId }));
    expect(errorCode(await nurse.observation.release({ visitId: older.visit.visitId }))).toBe('OBSERVATION_NOT_DUE');
    expect((await boardStates(nurse))[b.visit.queueNumber]).toBe('released');
  });

  it('lets only a supervisor release early, with a reason', async () => {
    const { sup, nurse, vaccinate } = await day();
    const { visit } = await vaccinate(AN);
    expect(errorCode(await nurse.observation.releaseEarly({ visitId: visit.visitId, reason: 'Người nhà đón về' }))).toBe('FORBIDDEN_ROLE');
    expect(errorCode(await sup.observation.releaseEarly({ visitId: visit.visitId, reason: 'về' }))).toBe('REASON_TOO_SHORT');
    const events = listen(t);
    const released = ok(await sup.observation.releaseEarly({ visitId: visit.visitId, reason: 'Chuyển viện theo dõi tiếp tại bệnh viện' }));
    expect(released).toMatchObject({ state: 'released', earlyReleaseReason: 'Chuyển viện theo dõi tiếp tại bệnh viện', releasedBy: 'Trần Thị Giám Sát' });
    expect(events.find(([e]) => e === 'observation:released')?.[1]).toMatchObject({ early: true });
    expect(t.station.services.store.q.audit.forEntity('observation', visit.visitId).map((a) => a.operation)).toEqual(['observation:releaseEarly']);
  });

  it('refuses to release a visit that has no dose yet', async () => {
    const { nurse } = await day();
    const visit = checkIn(t.station, AN);
    ok(await nurse.screening.record({ visitId: visit.visitId, formId: 'covid19-adult', formVersion: 1, answers: adultAnswers() }));
    expect(errorCode(await nurse.observation.release({ visitId: visit.visitId }))).toBe('OBSERVATION_NOT_STARTED');
  });
});

describe('adverse events following immunization', () => {
  it('records a mild event on the board, queued for upload', async () => {
    const { nurse, vaccinate } = await day();
    const { visit, dose } = await vaccinate(AN);
    t.clock.advanceMinutes(12);
    const aefi = ok(
      await nurse.aefi.record({
        visitId: visit.visitId,
        symptoms: ['injection_site_pain', 'dizziness'],
        onsetAt: '2026-03-10T02:10:00Z',
        severity: 'mild',
        actionTaken: 'Cho nằm nghỉ, uống nước, theo dõi mạch và huyết áp',
      }),
    );
    expect(aefi).toMatchObject({ doseId: dose.id, serious: false, seriousness: [], severity: 'mild', recordedBy: 'Lê Văn Y Tá', queueNumber: visit.queueNumber, onsetAt: '2026-03-10T02:10:00.000Z' });
    expect(ok(await nurse.observation.board({})).entries[0]).toMatchObject({ aefiCount: 1, seriousAefi: false });
    expect(t.station.services.store.q.outbox.forEntity(aefi.id).map((o) => o.kind)).toEqual(['aefi.recorded']);
  });

  it('flags a serious event for the supervisor', async () => {
    const { sup, nurse, vaccinate } = await day();
    const { visit } = await vaccinate(BICH);
    t.clock.advanceMinutes(8);
    const events = listen(t);
    const aefi = ok(
      await nurse.aefi.record({
        visitId: visit.visitId,
        symptoms: ['anaphylaxis', 'dyspnoea_wheeze', 'hypotension', 'other'],
        otherSymptoms: 'Nổi mẩn toàn thân',
        onsetAt: '2026-03-10T02:05:00.000Z',
        severity: 'severe',
        seriousness: ['life_threatening', 'hospitalisation'],
        actionTaken: 'Tiêm bắp adrenalin 0,3 mg theo phác đồ phản vệ, thở oxy',
        referredTo: 'Bệnh viện Nhân dân Gia Định',
      }),
    );
    expect(aefi).toMatchObject({ serious: true, seriousness: ['life_threatening', 'hospitalisation'], otherSymptoms: 'Nổi mẩn toàn thân', referredTo: 'Bệnh viện Nhân dân Gia Định' });
    expect(events).toContainEqual(['aefi:recorded', { aefiId: aefi.id, visitId: visit.visitId, citizenId: visit.citizen.id, serious: true }]);
    const serious = ok(await sup.aefi.list({ seriousOnly: true }));
    expect(serious.map((a) => a.id)).toEqual([aefi.id]);
    expect(serious[0]!.citizen.fullName).toBe(BICH.fullName);
    expect(ok(await nurse.observation.board({})).entries[0]).toMatchObject({ seriousAefi: true });
  });

  it('refuses an event without a dose, before the dose, in the future, or with unnamed symptoms', async () => {
    const { nurse, vaccinate } = await day();
    const waiting = checkIn(t.station, BICH);
    const base = { symptoms: ['fever' as const], severity: 'mild' as const, actionTaken: 'Hạ sốt' };
    expect(errorCode(await nurse.aefi.record({ ...base, visitId: waiting.visitId, onsetAt: '2026-03-10T02:00:00Z' }))).toBe('AEFI_NO_DOSE');
    const { visit } = await vaccinate(AN);
    expect(errorCode(await nurse.aefi.record({ ...base, visitId: visit.visitId, onsetAt: '2026-03-10T01:58:00Z' }))).toBe('AEFI_ONSET_BEFORE_DOSE');
    expect(errorCode(await nurse.aefi.record({ ...base, visitId: visit.visitId, onsetAt: '2026-03-10T03:00:00Z' }))).toBe('AEFI_ONSET_IN_FUTURE');
    expect(errorCode(await nurse.aefi.record({ ...base, symptoms: ['other'], visitId: visit.visitId, onsetAt: '2026-03-10T02:00:00Z' }))).toBe('AEFI_OTHER_SYMPTOM_TEXT_REQUIRED');
    expect(errorCode(await nurse.aefi.record({ ...base, actionTaken: '  ', visitId: visit.visitId, onsetAt: '2026-03-10T02:00:00Z' }))).toBe('AEFI_ACTION_REQUIRED');
    expect(ok(await nurse.aefi.list({ visitId: visit.visitId }))).toEqual([]);
  });
});
