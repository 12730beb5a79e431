import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Agent, fetch } from 'undici';
import { syncSourceQueries } from '../../db/queries/sync-sources';
import { bundleJson, planBundle } from '../../main/core/sync/bundle-plan';
import { translate } from '../../main/core/sync/translators';
import { seedOfflineWeek } from '../../test/support/sync-fixtures';
import { msSince, nowNs, type Figure, type Scenario } from '../harness';
import { spawnFhirServer } from '../support/fhir-server';
import { openBenchStation, setUpSite } from '../support/station';

/**
 * The upload issue's figures: a week offline, 100,000 doses of 60,000 people,
 * uploaded by the station's engine to the FHIR test server on loopback (in
 * its own process, validation off: the chaos test proves validity; here the
 * station is measured, not Medplum's validator), beside, in the same run:
 * (a) one POST per dose to the same server (a fresh instance), each a
 *     transaction of that dose's entries, one after the other, keep-alive:
 *     ours must be at least 20× its throughput;
 * (b) the same bytes the engine sent, request for request (gzip bodies, same
 *     headers), replayed with nothing of the station in between to a fresh
 *     instance of the same server: the link and the server's own work, the
 *     most any client could get; ours must reach 0.3× of it;
 * and the core's peak RSS during the upload (≤ 300 MB). The upload is the
 * station's own command (`npm run station -- sync --endpoint URL`) in a
 * process of its own, so its RSS is the core's and nothing of the fixture's.
 */
const DOSES = Number(process.env.BENCH_UPLOAD_DOSES ?? 100_000);
const PEOPLE = Math.round(DOSES * 0.6);
const NAIVE_SAMPLE = 3_000;
const SERVER_ARGS = ['--no-validate', '--max-body', String(64 * 1024 * 1024)];

const upload: Scenario = {
  name: 'upload-100k',
  area: 'upload',
  title: `Upload ${DOSES.toLocaleString('en')} doses of ${PEOPLE.toLocaleString('en')} people in FHIR transactions vs one POST per dose and vs the same bytes replayed`,
  async run({ sutDir, baselineDir, note }): Promise<Figure[]> {
    let b = openBenchStation(sutDir);
    await setUpSite(b);
    note(`seeding ${DOSES} doses of ${PEOPLE} citizens over seven days (untimed)`);
    seedOfflineWeek(b.station.services.store, { doses: DOSES, people: PEOPLE, seed: 3 });
    b.close();

    // Ours: the station's own command, `station sync --endpoint`, a process of its own whose peak RSS is the core's.
    const recorded = join(baselineDir, 'bodies.bin');
    let server = await spawnFhirServer([...SERVER_ARGS, '--record-bodies', recorded]);
    note('uploading with npm run station -- sync');
    const start = nowNs();
    const { code, peakMb, out } = await runMeasured([join(__dirname, '..', 'main', 'station-cli.cjs'), 'sync', '--db', b.file, '--endpoint', server.url, '--json']);
    const oursMs = msSince(start);
    const held = (await server.stats()).stats;
    await server.stop();
    const report = JSON.parse(out) as { sent: number; pending: number };
    if (code !== 0 || report.sent !== DOSES || held.Immunization !== DOSES || held.Patient !== PEOPLE) {
      throw new Error(`upload incomplete: ${JSON.stringify({ code, report, held })}`);
    }
    const bodies = readBodies(recorded);
    const bytes = bodies.reduce((n, x) => n + x.length, 0);

    // (a) One POST per dose, the same entries, to a fresh server.
    note(`one POST per dose, ${NAIVE_SAMPLE} doses`);
    b = openBenchStation(sutDir);
    const agent = new Agent({ keepAliveTimeout: 30_000 });
    let naiveMs: number;
    let naiveDoses: number;
    try {
      server = await spawnFhirServer(SERVER_ARGS);
      const src = syncSourceQueries(b.station.services.store.db);
      const rows = b.station.services.store.db.prepare(`SELECT seq FROM outbox ORDER BY seq LIMIT ?`).pluck().all(NAIVE_SAMPLE) as number[];
      const naiveStart = nowNs();
      for (const seq of rows) {
        const row = b.station.services.store.q.outbox.bySeq(seq)!;
        const t = translate(row, { src, siteCode: 'TYT-79-26734', uploadDeferrals: true });
        if (!('group' in t)) throw new Error('untranslatable row');
        const { plan } = planBundle([{ seq, group: t.group }], { maxEntries: 1000, maxBytes: 1e9 });
        const res = await fetch(server.url, {
          method: 'POST',
          dispatcher: agent,
          headers: { 'content-type': 'application/fhir+json', accept: 'application/fhir+json' },
          body: bundleJson('transaction', plan.entries.map((e) => e.json)),
        });
        if (res.status !== 200) throw new Error(`one-POST baseline: HTTP ${res.status}`);
        await res.arrayBuffer();
      }
      naiveMs = msSince(naiveStart);
      naiveDoses = rows.length;
      await server.stop();
    } finally {
      b.close();
    }

    // (b) The same bytes, replayed to a fresh server.
    note(`replaying the ${bodies.length} requests the station sent (${(bytes / 1e6).toFixed(1)} MB gzip) with nothing in between`);
    server = await spawnFhirServer(SERVER_ARGS);
    const replayStart = nowNs();
    for (const body of bodies) {
      const res = await fetch(server.url, {
        method: 'POST',
        dispatcher: agent,
        headers: { 'content-type': 'application/fhir+json; charset=utf-8', 'content-encoding': 'gzip', accept: 'application/fhir+json' },
        body,
      });
      await res.arrayBuffer();
    }
    const replayMs = msSince(replayStart);
    await server.stop();
    await agent.close();

    const ours = (DOSES / oursMs) * 1000;
    return [
      {
        label: 'doses uploaded per second (station sync, transactions, gzip)',
        value: ours,
        unit: 'doses/s',
        better: 'higher',
        baseline: { label: 'one POST per dose, same server', value: (naiveDoses / naiveMs) * 1000 },
        target: { kind: 'ratioAtLeast', value: 20 },
        detail: { ms: oursMs, requests: bodies.length, bytesGzip: bytes, naiveDoses, naiveMs },
      },
      {
        label: 'doses uploaded per second (station sync)',
        value: ours,
        unit: 'doses/s',
        better: 'higher',
        baseline: { label: 'the same request bytes replayed raw over loopback, same server', value: (DOSES / replayMs) * 1000 },
        target: { kind: 'ratioAtLeast', value: 0.3 },
        detail: { replayMs, requests: bodies.length },
      },
      { label: 'peak RSS of the uploading core', value: peakMb, unit: 'MB', better: 'lower', target: { kind: 'atMost', value: 300 } },
    ];
  },
};

/** Runs a node script, reading its peak RSS (VmHWM) from /proc while it runs. */
function runMeasured(args: string[]): Promise<{ code: number; peakMb: number; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, STATION_LANG: 'en' } });
    let out = '';
    let peakMb = 0;
    child.stdout!.on('data', (d) => (out += String(d)));
    const poll = setInterval(() => {
      try {
        const m = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (m) peakMb = Math.max(peakMb, Number(m[1]) / 1024);
      } catch {
        // gone, or not Linux
      }
    }, 50);
    child.once('error', reject);
    child.once('exit', (code) => {
      clearInterval(poll);
      resolve({ code: code ?? 1, peakMb, out });
    });
  });
}

function readBodies(file: string): Buffer[] {
  const all = readFileSync(file);
  const out: Buffer[] = [];
  for (let i = 0; i + 4 <= all.length; ) {
    const len = all.readUInt32BE(i);
    out.push(all.subarray(i + 4, i + 4 + len));
    i += 4 + len;
  }
  return out;
}

export const uploadScenarios: readonly Scenario[] = [upload];
