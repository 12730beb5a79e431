import { syntheticPeople, syntheticTargetCsv } from '../../main/core/services/synthetic-people';
import { collectGarbage, memoryMb, peakRssMb, resetPeakRss, summarize, type Figure, type Scenario } from '../harness';
import { startBenchWebServer } from '../support/desk-clients';
import { openBenchStation, planSession, previewTargetFile, setUpSite } from '../support/station';

/**
 * The station's limits under load (issue: PIN races, floods, CSV stalls):
 * one desk flooding the server, and a 100,000-row target list being checked,
 * each measured as what another desk waits for a plain call meanwhile,
 * beside the same desk's wait on a quiet station in the same run.
 */

const LOGIN = { username: 'giamsat', pin: '2468' };
/** What the other desk keeps asking: today's session with its lots, as every desk does on a change. */
const PROBE_OP = 'plan:current';
const QUIET_SAMPLES = 400;
const FLOOD_CALLS = 20_000;
/** The bar for other desks while one floods. */
const P99_TARGET_MS = 50;

const deskFlood: Scenario = {
  name: 'desk-flood',
  area: 'limits',
  title: `One desk sends ${FLOOD_CALLS.toLocaleString('en-US')} calls at once (not reading, then reading its answers): another desk's ${PROBE_OP}`,
  async run({ sutDir, note }): Promise<Figure[]> {
    const b = openBenchStation(sutDir);
    await setUpSite(b);
    await planSession(b, 0);
    const web = await startBenchWebServer(b.station, sutDir, LOGIN);
    try {
      const probe = await web.probe();
      // Warm-up, untimed: the first calls pay for JIT and caches, on the quiet run only.
      await probe.sample(PROBE_OP, { max: 200, maxMs: 10_000 });
      note('quiet station: the other desk alone');
      const quiet = summarize(await probe.sample(PROBE_OP, { max: QUIET_SAMPLES, maxMs: 20_000 }));

      note('a desk floods without reading its answers');
      collectGarbage();
      const rssBefore = memoryMb().rssMb;
      resetPeakRss();
      const silent = await web.flood({ op: 'catalogue:products', calls: FLOOD_CALLS, read: false });
      const duringSilent = summarize(await probe.sample(PROBE_OP, { max: QUIET_SAMPLES, maxMs: 20_000 }));
      // Left alone, the silent desk's answers fill its socket and the station stops reading it: how much did it take in?
      // Desks are listed in the order they connected: the probe first, then the flooder.
      const flooderStats = () => web.server.desks().at(-1)!;
      for (let waited = 0; waited < 30_000 && !flooderStats().paused; waited += 50) await new Promise((r) => setTimeout(r, 50));
      const flooder = flooderStats();
      if (!flooder.paused) note('the silent flooder was still being read after 30 s');
      const rssSilent = peakRssMb();
      await silent.close();

      note('a desk floods and reads every answer');
      const reading = await web.flood({ op: 'catalogue:products', calls: FLOOD_CALLS, read: true });
      const sampled = probe.sample(PROBE_OP, { max: 100_000, maxMs: 120_000 });
      const floodStart = Date.now();
      await reading.answered;
      const floodMs = Date.now() - floodStart;
      probe.stop();
      const duringReading = summarize(await sampled);
      await reading.close();
      await probe.close();

      const base = { label: `other desk's ${PROBE_OP} p99, quiet station`, value: quiet.p99 };
      return [
        { label: `p99, flood not reading (${duringSilent.n} calls)`, value: duringSilent.p99, unit: 'ms', better: 'lower', baseline: base, target: { kind: 'atMost', value: P99_TARGET_MS }, detail: { p50: duringSilent.p50, max: duringSilent.max, quietP50: quiet.p50 } },
        { label: `p99, flood reading (${duringReading.n} calls during it)`, value: duringReading.p99, unit: 'ms', better: 'lower', baseline: base, target: { kind: 'atMost', value: P99_TARGET_MS }, detail: { p50: duringReading.p50, max: duringReading.max, floodMs } },
        {
          label: `calls of the silent flooder read before the station stopped reading it (of ${FLOOD_CALLS.toLocaleString('en-US')})`,
          value: flooder.started + flooder.queued,
          unit: 'calls',
          better: 'lower',
          detail: { queued: flooder.queued, inFlight: flooder.inFlight, unsentBytes: flooder.unsentBytes, paused: flooder.paused ? 1 : 0 },
        },
        { label: 'unsent answers the station holds for it', value: flooder.unsentBytes / 1024, unit: 'KB', better: 'lower' },
        { label: 'peak RSS during the silent flood', value: rssSilent, unit: 'MB', better: 'lower', baseline: { label: 'RSS before the flood', value: rssBefore } },
        { label: 'reading flood, answered per second', value: FLOOD_CALLS / (floodMs / 1000), unit: 'calls/s', better: 'higher' },
      ];
    } finally {
      await web.close();
      b.close();
    }
  },
};

const IMPORT_ROWS = 100_000;

const importWhileDesksWork: Scenario = {
  name: 'import-preview-desks',
  area: 'limits',
  title: `A ${IMPORT_ROWS.toLocaleString('en-US')}-row target list uploaded and checked: another desk's ${PROBE_OP} meanwhile`,
  async run({ sutDir, note }): Promise<Figure[]> {
    note('generating the CSV');
    const csv = Buffer.from(syntheticTargetCsv(syntheticPeople(IMPORT_ROWS, 2026)), 'utf8');
    const b = openBenchStation(sutDir);
    await setUpSite(b);
    const plan = await planSession(b, 1, IMPORT_ROWS);
    await planSession(b, 0);
    const web = await startBenchWebServer(b.station, sutDir, LOGIN);
    try {
      const probe = await web.probe();
      await probe.sample(PROBE_OP, { max: 200, maxMs: 10_000 });
      note('quiet station');
      const quiet = summarize(await probe.sample(PROBE_OP, { max: QUIET_SAMPLES, maxMs: 20_000 }));
      note('upload + check of the file, the other desk asking all along');
      const sampled = probe.sample(PROBE_OP, { max: 1_000_000, maxMs: 300_000 });
      const start = Date.now();
      const preview = await previewTargetFile(b, plan.id, 'danh-sach-100k.csv', csv);
      const previewMs = Date.now() - start;
      probe.stop();
      const during = summarize(await sampled);
      await probe.close();
      if (preview.validRows !== IMPORT_ROWS) throw new Error(`preview found ${preview.validRows} valid rows of ${IMPORT_ROWS}`);
      return [
        {
          label: `other desk's p99 during the preview (${during.n} calls)`,
          value: during.p99,
          unit: 'ms',
          better: 'lower',
          baseline: { label: 'quiet station p99', value: quiet.p99 },
          target: { kind: 'atMost', value: P99_TARGET_MS },
          detail: { p50: during.p50, max: during.max, quietP50: quiet.p50 },
        },
        { label: 'preview (upload in 512 KiB chunks + check in a worker)', value: previewMs, unit: 'ms', better: 'lower', detail: { csvBytes: csv.length } },
      ];
    } finally {
      await web.close();
      b.close();
    }
  },
};

export const limitsScenarios: Scenario[] = [deskFlood, importWhileDesksWork];
