import { afterEach, describe, expect, it } from 'vitest';
import { operations, type OpName } from '../../preload/contract';
import { errorCode, ok, setUpSite, SITE, startTestStation, type TestStation } from '../support/station';

let t: TestStation;
afterEach(() => t?.close());

/** Operations a nurse may call; every other operation needs a supervisor (or no sign-in at all). */
const NURSE_ALLOWED = new Set<OpName>([
  'setup:status', 'setup:initialize', 'setup:seedDemo', 'setup:ack',
  'auth:login', 'auth:logout', 'auth:whoami', 'auth:lock', 'auth:unlock', 'station:health',
  'settings:get', 'catalogue:products', 'catalogue:targetGroups',
  'plan:list', 'plan:get', 'plan:current', 'targets:list',
  'queue:list', 'queue:get', 'queue:leave', 'queue:outcomes',
  'checkin:scan', 'checkin:getScan', 'checkin:compare', 'checkin:confirm', 'checkin:checkPerson', 'checkin:registerManual',
  'checkin:registerForeigner', 'checkin:checkInKnown', 'checkin:searchCitizens', 'checkin:corrections', 'scanner:status',
  'screening:forms', 'screening:preview', 'screening:record', 'screening:get',
  'vials:list', 'vials:open', 'vials:discard', 'vials:waste',
  'doses:suggest', 'doses:record', 'doses:history', 'doses:list', 'doses:requestCorrection', 'doses:correctionRequests',
  'certificates:status', 'certificates:forCitizen', 'certificates:issueForCitizen', 'certificates:list', 'certificates:pending',
  'certificates:preview', 'certificates:printers', 'certificates:print', 'certificates:settings', 'certificates:verify', 'certificates:importDoses',
  'observation:board', 'observation:release', 'observation:refer', 'aefi:record', 'aefi:list', 'aefi:followUp',
  'closeOfDay:today',
  'sync:status',
  // Answered by a desk's own transport (its link to the hub); the core answers them as a local station, to anyone.
  'desk:link', 'desk:probe', 'desk:pair', 'desk:forget', 'desk:discover',
]);

describe('roles are enforced by the core, not the UI', () => {
  it('refuses every supervisor operation to a nurse with FORBIDDEN_ROLE', async () => {
    t = startTestStation();
    const { nurse } = await setUpSite(t);
    const supervisorOnly = (Object.keys(operations) as OpName[]).filter((op) => !NURSE_ALLOWED.has(op));
    expect(supervisorOnly.length).toBeGreaterThan(10);
    for (const op of supervisorOnly) {
      // A request that would be valid in shape, so the refusal is about the role and nothing else.
      const result = await t.station.dispatch(op, validRequestFor(op), 'desk-2');
      expect(result.ok ? 'ok' : result.error.code, op).toBe('FORBIDDEN_ROLE');
    }
    void nurse;
  });

  it('refuses everything but sign-in and setup before anyone signs in', async () => {
    t = startTestStation();
    await setUpSite(t);
    const anonymous = t.desk('nobody');
    expect(errorCode(await anonymous.plan.list({}))).toBe('AUTH_REQUIRED');
    expect(errorCode(await anonymous.targets.list({ planId: 'x' }))).toBe('AUTH_REQUIRED');
    expect(ok(await anonymous.setup.status({})).site?.code).toBe(SITE.code);
  });

  it('refuses setup a second time', async () => {
    t = startTestStation();
    const { sup } = await setUpSite(t);
    const again = await sup.setup.initialize({ site: SITE, supervisor: { fullName: 'X Y', username: 'other', pin: '9999' } });
    expect(errorCode(again)).toBe('SETUP_ALREADY_DONE');
  });
});

describe('sign-in', () => {
  it('checks PINs with scrypt and never stores them in clear', async () => {
    t = startTestStation();
    await setUpSite(t);
    const row = t.station.services.store.q.staff.byUsername('yta1')!;
    expect(row.pinHash).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(row.pinHash).not.toContain('1357');
    expect(errorCode(await t.desk().auth.login({ username: 'yta1', pin: '0000' }))).toBe('AUTH_INVALID_CREDENTIALS');
    expect(errorCode(await t.desk().auth.login({ username: 'nobody', pin: '1357' }))).toBe('AUTH_INVALID_CREDENTIALS');
  });

  it('locks an account for five minutes after five wrong PINs, even across a restart', async () => {
    t = startTestStation();
    await setUpSite(t);
    const desk = t.desk();
    for (let i = 0; i < 4; i++) expect(errorCode(await desk.auth.login({ username: 'yta1', pin: '0000' }))).toBe('AUTH_INVALID_CREDENTIALS');
    expect(errorCode(await desk.auth.login({ username: 'yta1', pin: '0000' }))).toBe('AUTH_ACCOUNT_LOCKED');
    t.restart();
    expect(errorCode(await desk.auth.login({ username: 'yta1', pin: '1357' }))).toBe('AUTH_ACCOUNT_LOCKED');
    t.clock.advanceMinutes(6);
    ok(await desk.auth.login({ username: 'yta1', pin: '1357' }));
  });

  it('locks an idle desk in the core; only the same PIN unlocks it', async () => {
    t = startTestStation();
    const { sup, nurse } = await setUpSite(t);
    ok(await sup.settings.update({ idleLockMinutes: 3 }));
    ok(await nurse.plan.list({}));
    t.clock.advanceMinutes(4);
    expect(errorCode(await nurse.plan.list({}))).toBe('AUTH_SESSION_LOCKED');
    expect(ok(await nurse.auth.whoami({})).locked).toBe(true);
    // The unlock screen asks only for the PIN: the answer says so, and how many tries are left.
    const wrong = await nurse.auth.unlock({ pin: '2468' });
    expect(!wrong.ok && wrong.error).toMatchObject({ code: 'AUTH_WRONG_PIN', params: { attemptsLeft: 4 } });
    ok(await nurse.auth.unlock({ pin: '1357' }));
    ok(await nurse.plan.list({}));
  });

  it('ends a desk\'s sign-in when its connection goes away', async () => {
    t = startTestStation();
    await setUpSite(t);
    const desk = t.desk('window-7');
    ok(await desk.auth.login({ username: 'yta1', pin: '1357' }));
    t.station.connectionClosed('window-7');
    expect(errorCode(await desk.plan.list({}))).toBe('AUTH_REQUIRED');
  });

  it('signs a deactivated nurse out everywhere and keeps one active supervisor', async () => {
    t = startTestStation();
    const { sup, nurse } = await setUpSite(t);
    const nurseId = ok(await sup.staff.list({})).find((s) => s.username === 'yta1')!.id;
    ok(await sup.staff.update({ id: nurseId, active: false }));
    expect(errorCode(await nurse.plan.list({}))).toBe('AUTH_REQUIRED');
    expect(errorCode(await t.desk().auth.login({ username: 'yta1', pin: '1357' }))).toBe('AUTH_INVALID_CREDENTIALS');
    const supId = ok(await sup.staff.list({})).find((s) => s.username === 'giamsat')!.id;
    expect(errorCode(await sup.staff.update({ id: supId, role: 'nurse' }))).toBe('LAST_SUPERVISOR');
    expect(errorCode(await sup.staff.create({ fullName: 'Dup', username: 'yta1', role: 'nurse', pin: '1111' }))).toBe('USERNAME_TAKEN');
  });
});

function validRequestFor(op: OpName): unknown {
  const samples: Partial<Record<OpName, unknown>> = {
    'staff:list': {},
    'staff:create': { fullName: 'Người Mới', username: 'moi', role: 'nurse', pin: '1234' },
    'staff:update': { id: 'x', active: false },
    'settings:update': { idleLockMinutes: 10 },
    'plan:create': { sessionDate: '2026-03-10', period: 'morning', location: 'Trạm', plannedCapacity: 10 },
    'plan:update': { id: 'x', plannedCapacity: 5 },
    'plan:addLot': { planId: 'x', productCode: 'comirnaty', lotNumber: 'A1', expiryDate: '2026-12-31', vialsReceived: 1 },
    'plan:updateLot': { lotId: 'x', vialsReceived: 2 },
    'plan:removeLot': { lotId: 'x' },
    'plan:open': { id: 'x' },
    'targets:startImport': { planId: 'x', fileName: 'a.csv', sizeBytes: 10 },
    'targets:uploadChunk': { uploadId: 'x', offset: 0, dataBase64: '' },
    'targets:previewImport': { uploadId: 'x' },
    'staff:unlock': { id: 'x' },
    'targets:confirmImport': { previewId: 'x' },
    'targets:cancelImport': { previewId: 'x' },
    'doses:void': { doseId: 'x', reason: 'Ghi nhầm người' },
    'doses:supersede': { doseId: 'x', reason: 'Sai số lô', lotId: 'y' },
    'observation:releaseEarly': { visitId: 'x', reason: 'Chuyển viện' },
    'certificates:createSigningKey': { passphrase: 'mot cau dai du muoi ky tu' },
    'certificates:unlockSigning': { passphrase: 'mot cau dai du muoi ky tu' },
    'certificates:exportCsr': {},
    'certificates:importSignerCertificate': { certificate: '-----BEGIN CERTIFICATE-----' },
    'certificates:trustList': {},
    'certificates:addTrusted': { certificate: '-----BEGIN CERTIFICATE-----', label: 'DE' },
    'certificates:removeTrusted': { id: 'x' },
    'certificates:reissue': { certificateId: 'x' },
    'certificates:batch': { print: true },
    'certificates:updateSettings': { autoPrintOnRelease: false },
    'certificates:importNational': { hc1: 'HC1:X', citizenId: 'x' },
    'doses:dismissCorrectionRequest': { requestId: 'x', note: 'Không cần sửa' },
    'closeOfDay:day': {},
    'closeOfDay:countStock': { lotId: 'x', sealedVialsCounted: 3, countedBy: 'y' },
    'closeOfDay:close': { planId: 'x', decisions: [] },
    'closeOfDay:reopen': { planId: 'x', reason: 'Mở lại để sửa' },
    'closeOfDay:history': {},
    'closeOfDay:verify': { planId: 'x' },
    'closeOfDay:report': { planId: 'x', language: 'en' },
    'closeOfDay:printReport': { planId: 'x' },
    'closeOfDay:export': { planId: 'x', format: 'xlsx' },
    'closeOfDay:dismissConflict': { conflictId: 'x', note: 'Đã xác minh' },
    'sync:rounds': { limit: 10 },
    'sync:rejections': {},
    'sync:resend': { seq: 1 },
    'sync:escalate': { seq: 1, note: 'for the national team' },
    'sync:uploadNow': {},
    'sync:getConnection': {},
    'sync:saveConnection': { baseUrl: 'http://127.0.0.1:9/fhir', auth: 'none' },
    'sync:unlock': { passphrase: 'x' },
    'sync:testConnection': {},
    'setup:updateSite': { site: { ...SITE, name: 'Trạm Y tế mới' } },
    'queue:clear': {},
    'hub:status': {},
    'hub:configure': { enabled: true },
    'hub:startPairing': { roles: ['nurse'] },
    'hub:stopPairing': {},
    'hub:desks': {},
    'hub:updateDesk': { id: 'x', roles: ['nurse'] },
    'hub:revokeDesk': { id: 'x' },
  };
  if (!(op in samples)) throw new Error(`add a sample request for ${op}`);
  return samples[op];
}
