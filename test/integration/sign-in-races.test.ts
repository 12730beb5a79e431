import { afterEach, describe, expect, it } from 'vitest';
import type { Result } from '../../preload/contract';
import { errorCode, ok, setUpSite, startTestStation, type TestStation } from '../support/station';

let t: TestStation;
afterEach(() => t?.close());

const audit = (operation: string) => t.station.services.store.db.prepare('SELECT after_json AS after FROM audit_log WHERE operation = ? ORDER BY id').all(operation) as { after: string }[];
const codes = (results: Result<unknown>[]) => {
  const out: Record<string, number> = {};
  for (const r of results) {
    const code = r.ok ? 'ok' : r.error.code;
    out[code] = (out[code] ?? 0) + 1;
  }
  return out;
};

describe('PIN lockout under parallel guesses', () => {
  it('evaluates at most five of 1,000 parallel wrong guesses from 1,000 desks, locks the account, and the lock survives a restart', async () => {
    t = startTestStation();
    await setUpSite(t);
    const guesses = Array.from({ length: 1000 }, (_, i) => String(2000 + i).padStart(4, '0'));
    const results = await Promise.all(guesses.map((pin, i) => t.station.dispatch('auth:login', { username: 'yta1', pin }, `attacker-${i}`)));
    // Four wrong answers with tries left, the fifth locks; every other guess was refused without checking the PIN.
    expect(codes(results)).toEqual({ AUTH_INVALID_CREDENTIALS: 4, AUTH_ACCOUNT_LOCKED: 996 });
    const failed = audit('auth:failed').map((r) => JSON.parse(r.after) as { reason: string; attemptsLeft: number });
    expect(failed.map((f) => f.attemptsLeft)).toEqual([4, 3, 2, 1, 0]);
    expect(audit('auth:lockout')).toHaveLength(1);
    // The right PIN does not open a locked account, before or after a restart.
    expect(errorCode(await t.desk().auth.login({ username: 'yta1', pin: '1357' }))).toBe('AUTH_ACCOUNT_LOCKED');
    t.restart();
    const locked = await t.desk().auth.login({ username: 'yta1', pin: '1357' });
    expect(!locked.ok && locked.error.params?.until).toBe(new Date(t.clock.now().getTime() + 5 * 60_000).toISOString());
    t.clock.advanceMinutes(6);
    ok(await t.desk().auth.login({ username: 'yta1', pin: '1357' }));
  });

  it('counts a try before the PIN is checked: a check the core never finished (a crash) still used its try', async () => {
    t = startTestStation();
    await setUpSite(t);
    const failedAttempts = () => t.station.services.store.q.staff.byUsername('yta1')!.failedAttempts;
    for (let i = 1; i <= 5; i++) {
      let answered = false;
      const pending = t.station.dispatch('auth:login', { username: 'yta1', pin: `000${i}` }, `desk-${i}`).finally(() => (answered = true));
      // Wait until the try is on disk, then stop the core in the middle of its PIN check.
      while (!answered && failedAttempts() < i) await new Promise((r) => setImmediate(r));
      expect(answered, `try ${i} was stored before its PIN was checked`).toBe(false);
      t.restart();
      await pending;
    }
    expect(errorCode(await t.desk().auth.login({ username: 'yta1', pin: '1357' }))).toBe('AUTH_ACCOUNT_LOCKED');
  });

  it('tells how many tries are left, the same for a username that does not exist', async () => {
    t = startTestStation();
    await setUpSite(t);
    for (const username of ['yta1', 'khongco']) {
      const desk = t.desk();
      for (const left of [4, 3, 2, 1]) {
        const r = await desk.auth.login({ username, pin: '0000' });
        expect(!r.ok && r.error, username).toMatchObject({ code: 'AUTH_INVALID_CREDENTIALS', params: { attemptsLeft: left } });
      }
      expect(errorCode(await desk.auth.login({ username, pin: '0000' })), username).toBe('AUTH_ACCOUNT_LOCKED');
    }
  });

  it('checks one sign-in per desk at a time, and slows a desk guessing across many accounts', async () => {
    t = startTestStation();
    const { sup } = await setUpSite(t);
    for (let i = 0; i < 10; i++) ok(await sup.staff.create({ fullName: `Điều Dưỡng ${i}`, username: `dd${i}`, role: 'nurse', pin: '4321' }));
    const [first, second] = await Promise.all([
      t.station.dispatch('auth:login', { username: 'dd0', pin: '0000' }, 'shared-desk'),
      t.station.dispatch('auth:login', { username: 'dd1', pin: '0000' }, 'shared-desk'),
    ]);
    expect([errorCode(first), errorCode(second)]).toEqual(['AUTH_INVALID_CREDENTIALS', 'AUTH_SIGN_IN_BUSY']);
    // Nine more wrong PINs on nine accounts (none of them locks); then this desk must wait, even with a right PIN.
    for (let i = 1; i < 10; i++) expect(errorCode(await t.station.dispatch('auth:login', { username: `dd${i}`, pin: '0000' }, 'shared-desk'))).toBe('AUTH_INVALID_CREDENTIALS');
    const slowed = await t.station.dispatch('auth:login', { username: 'dd0', pin: '4321' }, 'shared-desk');
    expect(!slowed.ok && slowed.error.code).toBe('AUTH_TOO_MANY_ATTEMPTS');
    // Another desk is not held up.
    ok(await t.station.dispatch('auth:login', { username: 'dd0', pin: '4321' }, 'other-desk'));
    t.clock.advanceMinutes(11);
    ok(await t.station.dispatch('auth:login', { username: 'dd0', pin: '4321' }, 'shared-desk'));
  });
});

describe("a sign-in never writes back a staff row it read before a supervisor's change", () => {
  it('keeps a deactivation made while a wrong-PIN sign-in was being checked', async () => {
    t = startTestStation();
    const { sup } = await setUpSite(t);
    const nurseId = t.station.services.store.q.staff.byUsername('yta1')!.id;
    const logins = [0, 1, 2].map((i) => t.station.dispatch('auth:login', { username: 'yta1', pin: '000' + i }, `d${i}`));
    ok(await sup.staff.update({ id: nurseId, active: false }));
    await Promise.all(logins);
    expect(t.station.services.store.q.staff.byId(nurseId)!.active).toBe(false);
    expect(errorCode(await t.desk().auth.login({ username: 'yta1', pin: '1357' }))).toBe('AUTH_INVALID_CREDENTIALS');
  });

  it('keeps a demotion made while sign-ins were being checked, and signs in with the role as it is now', async () => {
    t = startTestStation();
    const { sup } = await setUpSite(t);
    const second = ok(await sup.staff.create({ fullName: 'Phó Giám Sát', username: 'giamsat2', role: 'supervisor', pin: '8642' }));
    const wrong = [0, 1].map((i) => t.station.dispatch('auth:login', { username: 'giamsat2', pin: '000' + i }, `w${i}`));
    const right = t.station.dispatch('auth:login', { username: 'giamsat2', pin: '8642' }, 'right-desk');
    ok(await sup.staff.update({ id: second.id, role: 'nurse' }));
    await Promise.all([...wrong, right]);
    expect(t.station.services.store.q.staff.byId(second.id)!.role).toBe('nurse');
    // Whatever order the checks finished in, that desk is no supervisor now.
    const who = await t.station.dispatch('plan:create', { sessionDate: '2026-03-11', period: 'morning', location: 'Trạm', plannedCapacity: 5 }, 'right-desk');
    expect(who.ok).toBe(false);
  });

  it('keeps a PIN changed while sign-ins with the old one were being checked', async () => {
    t = startTestStation();
    const { sup } = await setUpSite(t);
    const nurseId = t.station.services.store.q.staff.byUsername('yta1')!.id;
    const change = sup.staff.update({ id: nurseId, pin: '8888' });
    const logins = [0, 1, 2].map((i) => t.station.dispatch('auth:login', { username: 'yta1', pin: '000' + i }, `d${i}`));
    ok(await change);
    await Promise.all(logins);
    expect(errorCode(await t.desk().auth.login({ username: 'yta1', pin: '1357' }))).toBe('AUTH_INVALID_CREDENTIALS');
    ok(await t.desk().auth.login({ username: 'yta1', pin: '8888' }));
    const changes = t.station.services.store.q.audit.forEntity('staff', nurseId).map((r) => r.operation);
    expect(changes).toContain('staff:update');
  });
});

describe('a supervisor lifts a lockout', () => {
  it('unlocks a locked-out account from the staff list (audited, supervisors only)', async () => {
    t = startTestStation();
    const { sup, nurse } = await setUpSite(t);
    const nurseId = t.station.services.store.q.staff.byUsername('yta1')!.id;
    const desk = t.desk();
    for (let i = 0; i < 5; i++) await desk.auth.login({ username: 'yta1', pin: '0000' });
    const listed = ok(await sup.staff.list({})).find((s) => s.id === nurseId)!;
    expect(listed.lockedUntil).toBe(new Date(t.clock.now().getTime() + 5 * 60_000).toISOString());
    expect(errorCode(await nurse.staff.unlock({ id: nurseId }))).toBe('FORBIDDEN_ROLE');
    expect(ok(await sup.staff.unlock({ id: nurseId })).lockedUntil).toBeNull();
    ok(await desk.auth.login({ username: 'yta1', pin: '1357' }));
    const row = t.station.services.store.q.audit.forEntity('staff', nurseId).find((r) => r.operation === 'staff:unlock')!;
    expect(row.staffId).toBe(t.station.services.store.q.staff.byUsername('giamsat')!.id);
  });
});
