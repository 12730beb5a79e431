import BetterSqlite3 from 'better-sqlite3';
import { join } from 'node:path';
import type { ScanResult } from '../../preload/contract';
import { applyPragmas } from '../../db/open';
import { nameKey } from '../../main/domain/names';
import { seededRandom, syntheticPeople, type SyntheticPerson } from '../../main/core/services/synthetic-people';
import { collectGarbage, sample, sideBySide, summarize, type Figure, type Scenario } from '../harness';
import { buildMillionCitizens, cardOf, TODAYS_TARGETS, type MillionCitizens } from '../support/million-citizens';
import { openBenchStation, type BenchStation } from '../support/station';

/**
 * The check-in desk with a million citizens known to the station: a scan
 * matched (parse, lookups, differences), a name search, and the durable
 * check-in, each through the core's entry point (validation, roles, the
 * answer checked against the contract) and next to the bare indexed
 * better-sqlite3 statement that does the same lookup or write.
 */

const SCANS = { rounds: 10, perRound: 300, warmup: 300 };
const SEARCHES = { rounds: 10, perRound: 200, warmup: 200 };
const CHECKINS = { rounds: 10, perRound: 100, warmup: 20 };

type Numbered = SyntheticPerson & { idNumber: string };
const numbered = (p: SyntheticPerson): p is Numbered => p.idNumber !== null;

const scanToMatch = (built: MillionCitizens, b: BenchStation, bare: BetterSqlite3.Database) => {
  const rnd = seededRandom(11);
  const pick = () => built.people[Math.floor(rnd() * built.people.length)]!;
  // Mostly people on file (some on today's list, some with a misspelt registration); one in five a walk-in.
  const walkIns = [...syntheticPeople(2000, 4242)].filter(numbered).filter((p) => !bare.prepare('SELECT 1 FROM citizen WHERE id_number = ?').get(p.idNumber));
  const cards: { text: string; idNumber: string }[] = [];
  const total = SCANS.warmup + SCANS.rounds * SCANS.perRound;
  for (let i = 0; i < total; i++) {
    if (i % 5 === 4) {
      const p = walkIns[i % walkIns.length]!;
      cards.push({ text: cardOf(p), idNumber: p.idNumber });
      continue;
    }
    let p = i % 5 === 0 ? built.people[Math.floor(rnd() * TODAYS_TARGETS)]! : pick();
    while (!numbered(p)) p = pick();
    cards.push({ text: cardOf(p, i % 5 === 3 ? p.fullName.toUpperCase() : p.fullName), idNumber: p.idNumber });
  }
  const byNumber = bare.prepare('SELECT * FROM citizen WHERE id_number = ?');
  return sideBySide(
    SCANS,
    async (i) => {
      const result = await b.call<ScanResult>('checkin:scan', { text: cards[i]!.text, source: 'wedge' });
      if (!result.match) throw new Error('a card scan without a match');
    },
    (i) => byNumber.get(cards[i]!.idNumber),
  );
};

const nameSearch = (built: MillionCitizens, b: BenchStation, bare: BetterSqlite3.Database) => {
  const rnd = seededRandom(12);
  const queries: { query: string; dateOfBirth?: string; key: string }[] = [];
  const total = SEARCHES.warmup + SEARCHES.rounds * SEARCHES.perRound;
  for (let i = 0; i < total; i++) {
    const p = built.people[Math.floor(rnd() * built.people.length)]!;
    const words = nameKey(p.fullName).split(' ');
    // What nurses type: the family and middle name and a letter, the whole name with the birth date, a name and a year.
    const shapes = [
      { query: `${words[0]} ${words[1]} ${words[2]!.slice(0, 1)}` },
      { query: words.join(' '), dateOfBirth: p.dateOfBirth },
      { query: words[0]!, dateOfBirth: p.dateOfBirth.slice(0, 4) },
      { query: `${words[0]} ${words[1]}`, dateOfBirth: p.dateOfBirth.slice(0, 4) },
      { query: p.fullName, dateOfBirth: p.dateOfBirth },
    ];
    const shape = shapes[i % shapes.length]!;
    queries.push({ ...shape, key: nameKey(shape.query) });
  }
  const byName = bare.prepare('SELECT * FROM citizen WHERE name_key >= ? AND name_key < ? ORDER BY name_key LIMIT 20');
  return sideBySide(
    SEARCHES,
    (i) => b.call('checkin:searchCitizens', { query: queries[i]!.query, dateOfBirth: queries[i]!.dateOfBirth }),
    (i) => byName.all(queries[i]!.key, `${queries[i]!.key}\uffff`),
  );
};

/**
 * The durable check-in: each confirm writes the citizen (new, or corrected
 * from the card), the correction rows, the visit with its queue number and
 * the audit rows in one IMMEDIATE transaction, fsynced. Scans are made
 * before each round, untimed; only the confirm a nurse waits for is timed.
 */
async function checkInWrites(built: MillionCitizens, b: BenchStation, baselineDir: string) {
  const bareDb = new BetterSqlite3(join(baselineDir, 'bare.sqlite'));
  applyPragmas(bareDb);
  bareDb.exec('CREATE TABLE visit (id INTEGER PRIMARY KEY, citizen TEXT NOT NULL, at TEXT NOT NULL) STRICT');
  const bareInsert = bareDb.prepare('INSERT INTO visit (citizen, at) VALUES (?, ?)');
  // Distinct people, never checked in before: some on today's list, some known, some misspelt on file, some walk-ins.
  const known = built.people.filter(numbered);
  const walkIns = [...syntheticPeople(3000, 9090)].filter(numbered);
  const used = new Set<string>();
  let k = 0;
  const nextCard = (i: number): string => {
    for (;;) {
      const p = i % 4 === 3 ? walkIns[k++ % walkIns.length]! : known[(k++ * 7919) % known.length]!;
      if (used.has(p.idNumber)) continue;
      used.add(p.idNumber);
      return cardOf(p, i % 4 === 2 ? p.fullName.toUpperCase() : p.fullName);
    }
  };
  const confirm = async (scanId: string) => b.call('checkin:confirm', { scanId, acceptCorrections: true });
  const prepare = async (n: number, from: number) => {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) ids.push((await b.call<ScanResult>('checkin:scan', { text: nextCard(from + i), source: 'wedge' })).scanId);
    return ids;
  };
  try {
    const warm = await prepare(CHECKINS.warmup, 0);
    for (const id of warm) await confirm(id);
    const ours: number[] = [];
    const bare: number[] = [];
    for (let r = 0; r < CHECKINS.rounds; r++) {
      const ids = await prepare(CHECKINS.perRound, CHECKINS.warmup + r * CHECKINS.perRound);
      ours.push(...(await sample({ iterations: ids.length }, (i) => confirm(ids[i]!))));
      bare.push(...(await sample({ iterations: ids.length }, (i) => bareInsert.run(`c${r}-${i}`, new Date().toISOString()))));
    }
    return { sut: ours, baseline: bare };
  } finally {
    bareDb.close();
  }
}

const checkinMillion: Scenario = {
  name: 'checkin-1m-citizens',
  area: 'checkin',
  title: 'Check-in desk with 1,000,000 citizens known: scan-to-match, name search, durable check-in',
  async run({ sutDir, baselineDir, note }): Promise<Figure[]> {
    const built = await buildMillionCitizens(sutDir, note);
    note(`built in ${(built.ms / 1000).toFixed(1)} s; measuring`);
    collectGarbage();
    const b = openBenchStation(sutDir);
    const bare = new BetterSqlite3(built.file);
    applyPragmas(bare);
    try {
      await b.call('auth:login', { username: 'giamsat', pin: '2468' });
      note('scan-to-match');
      const scans = await scanToMatch(built, b, bare);
      note('name search');
      const searches = await nameSearch(built, b, bare);
      note('durable check-ins');
      const writes = await checkInWrites(built, b, baselineDir);
      const figure = (label: string, samples: { sut: number[]; baseline: number[] }, bareLabel: string, target: number): Figure[] => {
        const ours = summarize(samples.sut);
        const base = summarize(samples.baseline);
        const detail = { n: ours.n, mean: ours.mean, max: ours.max, baselineMean: base.mean, baselineMax: base.max };
        return [
          { label: `${label}, p50`, value: ours.p50, unit: 'ms', better: 'lower', baseline: { label: `${bareLabel}, p50`, value: base.p50 } },
          { label: `${label}, p99`, value: ours.p99, unit: 'ms', better: 'lower', baseline: { label: `${bareLabel}, p99`, value: base.p99 }, target: { kind: 'atMost', value: target }, detail },
        ];
      };
      return [
        ...figure('scan-to-match (checkin:scan)', scans, 'bare SELECT by id_number', 5),
        ...figure('name search (checkin:searchCitizens)', searches, 'bare name_key range LIMIT 20', 20),
        ...figure('durable check-in (checkin:confirm)', writes, 'bare durable INSERT', 5),
      ];
    } finally {
      bare.close();
      b.close();
    }
  },
};

export const checkinScenarios: readonly Scenario[] = [checkinMillion];
