import { afterEach, describe, expect, it } from 'vitest';
import { runStationCli } from '../../main/cli/station';
import type { CommandIo } from '../../main/cli/command';
import { deskWindow, pairTestDesk, startTestHub } from '../support/hub';
import { ok, setUpSite, startTestStation, type TestStation } from '../support/station';

let t: TestStation;
let stop: (() => Promise<void>) | null = null;
afterEach(async () => {
  await stop?.();
  t?.close();
});

function cli(lang: 'vi' | 'en' = 'en') {
  const out: string[] = [];
  const err: string[] = [];
  const io: CommandIo = { out: (l) => out.push(l), err: (l) => err.push(l), lang, env: {} };
  return { io, out, err };
}

describe('npm run station -- desks', () => {
  it('lists the paired desks with the hub fingerprint and browser pin, and revokes one the running hub then cuts', async () => {
    t = startTestStation();
    const { sup } = await setUpSite(t);
    const hub = await startTestHub(t, sup, { limits: { heartbeatMs: 100 } });
    stop = () => hub.host.stop();
    const pairing = await pairTestDesk(sup, hub, 'Bàn tiêm 3');
    await pairTestDesk(sup, hub, 'Đón tiếp');
    const desk = deskWindow(pairing);
    ok(await desk.api.auth.login({ username: 'yta1', pin: '1357' }));

    const listed = cli();
    expect(await runStationCli(['desks', '--db', t.file], listed.io)).toBe(0);
    const text = listed.out.join('\n');
    expect(text).toContain(`Certificate fingerprint (SHA-256): ${hub.fingerprint}`);
    expect(text).toMatch(/--ignore-certificate-errors-spki-list=[A-Za-z0-9+/]{43}=/);
    expect(text).toContain('Bàn tiêm 3');

    const revoked = cli('vi');
    expect(await runStationCli(['desks', 'revoke', 'bàn tiêm 3', '--db', t.file], revoked.io)).toBe(0);
    expect(revoked.out.join('\n')).toContain('Đã thu hồi bàn "Bàn tiêm 3"');
    for (let i = 0; i < 100 && desk.transport.status().state !== 'refused'; i++) await new Promise((r) => setTimeout(r, 20));
    expect(desk.transport.status()).toMatchObject({ state: 'refused', refusal: 'revoked' });
    const audit = t.station.services.store.db.prepare(`SELECT after_json FROM audit_log WHERE operation = 'hub:revokeDesk'`).pluck().get() as string;
    expect(JSON.parse(audit)).toMatchObject({ name: 'Bàn tiêm 3', via: 'command line' });

    const again = cli();
    expect(await runStationCli(['desks', 'revoke', 'Bàn tiêm 3', '--db', t.file], again.io)).toBe(1);
    expect(await runStationCli(['desks', 'remove', '--db', t.file], cli().io)).toBe(2);
    const json = cli();
    expect(await runStationCli(['desks', '--db', t.file, '--json'], json.io)).toBe(0);
    expect(JSON.parse(json.out.join('\n')).desks.map((d: { name: string; revokedAt: string | null }) => [d.name, d.revokedAt !== null])).toEqual([['Đón tiếp', false], ['Bàn tiêm 3', true]]);
  });
});
