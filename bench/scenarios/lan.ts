import type { Result } from '../../preload/contract';
import { runDeskFlow, type FlowStats } from '../../test/support/lan-desk-flow';
import { DeskProcess, deskProcessScript } from '../../test/support/lan-desks';
import { collectGarbage, memoryMb, peakRssMb, resetPeakRss, summarize, type Figure, type Scenario } from '../harness';
import { DESK_PIN, DOSES_PER_VIAL, lanHub, lanSite } from '../support/lan';

/**
 * A site's LAN under load: 12 desks, each a process of its own paired with
 * the hub over TLS, driving check-in → screening → dose → release as fast as
 * they can for 60 s; beside it, the same 12 desks as loops calling the core
 * in-process (no transport) on a station of their own, same disk, same run.
 * The hub's clock runs 60× faster during the run so observations end and
 * people are released. Every dose a desk was told is recorded is looked for
 * in the database, and no visit may hold two.
 */
const DESKS = 12;
const SECONDS = Number(process.env.LAN_BENCH_SECONDS ?? 60);
const CLOCK_SPEED = 60;
const P99_TARGET_MS = 50;

interface Run {
  stats: FlowStats[];
  wallMs: number;
  peakRssMb: number;
  rssBeforeMb: number;
  /** The hub process's CPU time over wall time (1 = one core busy all along). */
  cpuShare?: number;
}

function tally(run: Run, doseRows: { id: string; visitId: string }[]) {
  const latencies = run.stats.flatMap((s) => s.latencies);
  const told = run.stats.flatMap((s) => s.doseIds);
  const stored = new Set(doseRows.map((d) => d.id));
  const perVisit = new Map<string, number>();
  for (const d of doseRows) perVisit.set(d.visitId, (perVisit.get(d.visitId) ?? 0) + 1);
  return {
    summary: summarize(latencies),
    calls: latencies.length,
    flows: run.stats.reduce((n, s) => n + s.flows, 0),
    released: run.stats.reduce((n, s) => n + s.released.length, 0),
    errors: run.stats.flatMap((s) => s.errors),
    lost: told.filter((id) => !stored.has(id)).length,
    duplicated: [...perVisit.values()].filter((n) => n > 1).length,
    told: told.length,
    stored: doseRows.length,
  };
}

const lanDesks: Scenario = {
  name: 'lan-12-desks',
  area: 'lan',
  title: `${DESKS} desks over the LAN hub (TLS, one process each): check-in → screening → dose → release for ${SECONDS} s, beside the same on in-process calls`,
  async run({ sutDir, baselineDir, note }): Promise<Figure[]> {
    note(`hub station, ${DESKS} nurses, ${DESKS} paired desks`);
    const site = await lanSite(sutDir, DESKS);
    // Time inside the hub, frame in to answer out: what the hub costs a call, apart from the desks' own CPU.
    let measuring = false;
    const inHub: number[] = [];
    const { host, pairings } = await lanHub(site.b, sutDir, DESKS, (_op, ms) => measuring && inHub.push(ms));
    const script = deskProcessScript();
    const desks = pairings.map(() => new DeskProcess(script));
    let lan: Run;
    try {
      await Promise.all(desks.map((d, i) => d.open(pairings[i]!, false)));
      note(`${DESKS} desks driving the hub for ${SECONDS} s`);
      collectGarbage();
      const rssBeforeMb = memoryMb().rssMb;
      resetPeakRss();
      site.clock.speedUp(CLOCK_SPEED);
      const cpuBefore = process.cpuUsage();
      measuring = true;
      const started = performance.now();
      const stats = await Promise.all(
        desks.map((d, i) => d.flow({ seconds: SECONDS, lotId: site.lotId, dosesPerVial: DOSES_PER_VIAL, seed: 100 + i, login: { username: `ban${i + 1}`, pin: DESK_PIN }, clockSpeed: CLOCK_SPEED })),
      );
      measuring = false;
      const cpu = process.cpuUsage(cpuBefore);
      lan = { stats, wallMs: performance.now() - started, peakRssMb: peakRssMb(), rssBeforeMb, cpuShare: (cpu.user + cpu.system) / 1000 / (performance.now() - started) };
    } finally {
      await Promise.all(desks.map((d) => d.close()));
      await host.stop();
    }
    const lanDoses = site.b.station.services.store.db.prepare(`SELECT id, visit_id AS visitId FROM dose WHERE visit_id IS NOT NULL AND status = 'valid'`).all() as { id: string; visitId: string }[];
    site.b.close();

    note(`the same ${DESKS} desks as in-process loops for ${SECONDS} s`);
    const base = await lanSite(baselineDir, DESKS);
    collectGarbage();
    const baseRssBefore = memoryMb().rssMb;
    resetPeakRss();
    base.clock.speedUp(CLOCK_SPEED);
    const baseStarted = performance.now();
    const baseStats = await Promise.all(
      Array.from({ length: DESKS }, (_, i) =>
        // Each call waits its turn as a socket's would (desk-link starts one call per desk per turn of the event loop),
        // so the twelve desks interleave instead of one running its whole minute on microtasks before the next begins.
        runDeskFlow(async (op, request) => {
          await new Promise((r) => setImmediate(r));
          return (await base.b.station.dispatch(op, JSON.parse(JSON.stringify(request)), `in-process-${i}`)) as Result<unknown>;
        }, {
          seconds: SECONDS,
          lotId: base.lotId,
          dosesPerVial: DOSES_PER_VIAL,
          seed: 100 + i,
          login: { username: `ban${i + 1}`, pin: DESK_PIN },
          clockSpeed: CLOCK_SPEED,
        }),
      ),
    );
    note(`in-process loops done in ${((performance.now() - baseStarted) / 1000).toFixed(1)} s`);
    const inProcess: Run = { stats: baseStats, wallMs: performance.now() - baseStarted, peakRssMb: peakRssMb(), rssBeforeMb: baseRssBefore };
    const baseDoses = base.b.station.services.store.db.prepare(`SELECT id, visit_id AS visitId FROM dose WHERE visit_id IS NOT NULL AND status = 'valid'`).all() as { id: string; visitId: string }[];
    base.b.close();

    const l = tally(lan, lanDoses);
    const p = tally(inProcess, baseDoses);
    if (l.errors.length) note(`LAN errors: ${JSON.stringify(l.errors.slice(0, 5))}`);
    return [
      { label: 'flows per second (check-in → screening → dose), 12 desks', value: l.flows / (lan.wallMs / 1000), unit: 'flows/s', better: 'higher', baseline: { label: 'in-process', value: p.flows / (inProcess.wallMs / 1000) }, detail: { flows: l.flows, released: l.released, baseFlows: p.flows } },
      { label: 'calls per second', value: l.calls / (lan.wallMs / 1000), unit: 'calls/s', better: 'higher', baseline: { label: 'in-process', value: p.calls / (inProcess.wallMs / 1000) }, detail: { calls: l.calls } },
      { label: 'call latency p50', value: l.summary.p50, unit: 'ms', better: 'lower', baseline: { label: 'in-process p50', value: p.summary.p50 } },
      { label: 'call latency p99', value: l.summary.p99, unit: 'ms', better: 'lower', baseline: { label: 'in-process p99', value: p.summary.p99 }, target: { kind: 'atMost', value: P99_TARGET_MS }, detail: { max: l.summary.max, baseMax: p.summary.max } },
      ...(() => {
        const hubSide = summarize(inHub);
        return [{ label: 'time inside the hub per call (frame in → answer out), p99', value: hubSide.p99, unit: 'ms', better: 'lower' as const, baseline: { label: 'in-process call p99', value: p.summary.p99 }, detail: { p50: hubSide.p50, n: hubSide.n } }];
      })(),
      { label: 'errors (refused or failed calls)', value: l.errors.length, unit: 'calls', better: 'lower', baseline: { label: 'in-process', value: p.errors.length }, target: { kind: 'atMost', value: 0 } },
      { label: 'doses a desk was told are recorded but missing', value: l.lost, unit: 'doses', better: 'lower', target: { kind: 'atMost', value: 0 }, detail: { told: l.told, stored: l.stored } },
      { label: 'visits with more than one dose', value: l.duplicated, unit: 'visits', better: 'lower', target: { kind: 'atMost', value: 0 } },
      { label: 'hub CPU during the run (1 = one core; the desks share the same 2 cores)', value: lan.cpuShare ?? 0, unit: 'cores', better: 'lower' },
      { label: 'hub RSS, peak during the run (desks are other processes)', value: lan.peakRssMb, unit: 'MB', better: 'lower', baseline: { label: 'in-process run, peak', value: inProcess.peakRssMb }, detail: { before: lan.rssBeforeMb, baseBefore: inProcess.rssBeforeMb } },
    ];
  },
};

export const lanScenarios: readonly Scenario[] = [lanDesks];
