import { afterEach, describe, expect, it } from 'vitest';
import { runStationCli } from '../../main/cli/station';
import type { CommandIo } from '../../main/cli/command';
import { ok, setUpSite, startTestStation, type TestStation } from '../support/station';
import { adultAnswers, AN, checkIn, openToday } from '../support/clinical-fixtures';

let t: TestStation;
afterEach(() => t?.close());

function cli(lang: 'vi' | 'en' = 'en') {
  const out: string[] = [];
  const err: string[] = [];
  const io: CommandIo = { out: (l) => out.push(l), err: (l) => err.push(l), lang, env: {} };
  return { io, out, err };
}

describe('npm run station -- status', () => {
  it('tells support which site a file belongs to, its sessions and what still waits for upload', async () => {
    t = startTestStation();
    const { sup, nurse } = await setUpSite(t);
    const plan = await openToday(sup, '2026-03-10');
    const visit = checkIn(t.station, AN);
    ok(await nurse.screening.record({ visitId: visit.visitId, formId: 'covid19-adult', formVersion: 1, answers: adultAnswers({}, AN.sex) }));
    const lot = plan.lots.find((l) => l.productCode === 'comirnaty')!;
    ok(await nurse.vials.open({ lotId: lot.id }));
    ok(await nurse.doses.record({ visitId: visit.visitId, lotId: lot.id }));

    const { io, out, err } = cli();
    expect(await runStationCli(['status', '--db', t.file, '--check'], io)).toBe(0);
    expect(err).toEqual([]);
    const text = out.join('\n');
    expect(text).toContain('Site: TYT-79-26734 — Trạm Y tế Phường Bến Nghé');
    expect(text).toMatch(/2026-03-10 \S+\s+open\s+visits 1, doses 1/);
    expect(text).toContain('Upload queue: pending 1');
    expect(text).toContain('File check: ok');

    const json = cli();
    expect(await runStationCli(['status', '--db', t.file, '--json'], json.io)).toBe(0);
    expect(JSON.parse(json.out.join('\n'))).toMatchObject({ outbox: [{ state: 'pending', count: 1 }], site: { code: 'TYT-79-26734' } });
  });

  it('refuses a missing file or an unknown option in the operator language, without creating anything', async () => {
    const vi = cli('vi');
    expect(await runStationCli(['status', '--db', '/nowhere/station.sqlite'], vi.io)).toBe(2);
    expect(vi.err.join('\n')).toContain('Không tìm thấy tệp /nowhere/station.sqlite');
    const en = cli();
    expect(await runStationCli(['status', '--bogus'], en.io)).toBe(2);
    expect(en.err.join('\n')).toMatch(/Invalid option: .*bogus/);
    const unknown = cli();
    expect(await runStationCli(['frobnicate'], unknown.io)).toBe(2);
    expect(unknown.err[0]).toBe('There is no command "frobnicate".');
  });
});
