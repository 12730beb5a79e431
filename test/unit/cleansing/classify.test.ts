import { describe, expect, it } from 'vitest';
import {
  classifyMismatch,
  type MismatchKind,
  type MismatchRow,
  type StationMatches,
  type StationPerson,
} from '../../../main/domain/cleansing/classify';
import { candidateBlockKeys } from '../../../main/domain/people/similarity';

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ'];
const MIDDLE = ['Văn', 'Thị', 'Minh', 'Hữu', 'Đức', 'Thanh', 'Quốc', 'Ngọc'];
const GIVEN = ['Ân', 'Bình', 'Cường', 'Dũng', 'Giang', 'Hà', 'Hải', 'Hạnh', 'Hùng', 'Khánh', 'Lan', 'Linh', 'Mai',
  'Nam', 'Nga', 'Phúc', 'Quân', 'Sơn', 'Tâm', 'Thảo', 'Trang', 'Tuấn', 'Việt', 'Yến'];

/** Deterministic generator so a failing count can be replayed. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function makePeople(n: number, rand: () => number): StationPerson[] {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const used = new Set<string>();
  return Array.from({ length: n }, (_v, i) => {
    let id: string;
    do id = '0' + String(Math.floor(rand() * 1e11)).padStart(11, '0');
    while (used.has(id));
    used.add(id);
    const y = 1940 + Math.floor(rand() * 80);
    const m = 1 + Math.floor(rand() * 12);
    const d = 2 + Math.floor(rand() * 26);
    return {
      citizenId: `c${i}`,
      fullName: `${pick(FAMILY)} ${pick(MIDDLE)} ${pick(GIVEN)}`,
      birthDate: `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
      sex: rand() < 0.5 ? 'male' : 'female',
      idNumber: id,
    };
  });
}

const stripAccents = (s: string): string => s.normalize('NFD').replace(/\p{M}+/gu, '').replace(/[Đđ]/gu, 'D');

describe('mismatch classifier', () => {
  it('puts at least 98 % of planted errors of every kind in the right kind', () => {
    const rand = rng(12);
    const people = makePeople(6000, rand);
    const byId = new Map(people.map((p) => [p.citizenId, p]));
    const byNumber = new Map<string, StationPerson[]>();
    const blocks = new Map<string, StationPerson[]>();
    const add = (p: StationPerson): void => {
      if (p.idNumber) byNumber.set(p.idNumber, [...(byNumber.get(p.idNumber) ?? []), p]);
      for (const k of candidateBlockKeys(p)) blocks.set(k, [...(blocks.get(k) ?? []), p]);
    };
    people.forEach(add);

    const kinds: MismatchKind[] = ['id-typo', 'name', 'birth-date', 'sex', 'duplicate', 'not-found'];
    const rows: { row: MismatchRow; expected: MismatchKind }[] = [];
    for (let i = 0; i < 1500; i += 1) {
      const expected = kinds[i % kinds.length]!;
      const truth = people[i]!;
      const pop = { fullName: truth.fullName, birthDate: truth.birthDate, sex: truth.sex, idNumber: truth.idNumber };
      let station: StationPerson = truth;
      if (expected === 'id-typo') {
        const digits = truth.idNumber!.split('');
        const at = 4 + (i % 7);
        if (i % 2 === 0) digits[at] = String((Number(digits[at]) + 1) % 10);
        else [digits[at], digits[at + 1]] = [digits[at + 1]!, digits[at]!];
        station = { ...truth, idNumber: digits.join('') };
      } else if (expected === 'name') {
        station = { ...truth, fullName: i % 2 === 0 ? stripAccents(truth.fullName) : truth.fullName + 'h' };
      } else if (expected === 'birth-date') {
        const [y, m, d] = truth.birthDate.split('-');
        station = { ...truth, birthDate: i % 2 === 0 && Number(d) <= 12 ? `${y}-${d}-${m}` : `${y}-01-01` };
      } else if (expected === 'sex') {
        station = { ...truth, sex: truth.sex === 'male' ? 'female' : 'male' };
      } else if (expected === 'duplicate') {
        const twin: StationPerson = { ...truth, citizenId: `dup${i}`, fullName: stripAccents(truth.fullName) };
        add(twin);
      }
      if (station !== truth) {
        byId.set(truth.citizenId, station);
        byNumber.set(truth.idNumber!, (byNumber.get(truth.idNumber!) ?? []).filter((p) => p !== truth));
        if (station.idNumber) byNumber.set(station.idNumber, [...(byNumber.get(station.idNumber) ?? []), station]);
      }
      const recordId = expected === 'not-found' ? `missing-${i}` : truth.citizenId;
      rows.push({
        expected,
        row: { recordId, cccd: expected === 'not-found' ? null : truth.idNumber, platform: pop, population: pop },
      });
    }

    let right = 0;
    const wrong: Record<string, number> = {};
    for (const { row, expected } of rows) {
      const person = row.recordId ? (byId.get(row.recordId) ?? null) : null;
      const matches: StationMatches = {
        byRecord: person,
        byIdNumber: row.cccd ? (byNumber.get(row.cccd) ?? []) : [],
        neighbours: person ? candidateBlockKeys(person).flatMap((k) => blocks.get(k) ?? []) : [],
      };
      const got = classifyMismatch(row, matches).kind;
      if (got === expected) right += 1;
      else wrong[`${expected}->${got}`] = (wrong[`${expected}->${got}`] ?? 0) + 1;
    }
    // The misclassified pairs are shown when the share falls short.
    expect({ share: right / rows.length >= 0.98, wrong }).toEqual({ share: true, wrong: expect.any(Object) });
    expect(right).toBeGreaterThanOrEqual(Math.ceil(rows.length * 0.98));
  });

  const person: StationPerson = {
    citizenId: 'c1',
    fullName: 'Nguyễn Văn Ân',
    birthDate: '1990-03-07',
    sex: 'male',
    idNumber: '001090004567',
  };
  const pop = { fullName: 'Nguyễn Văn Ân', birthDate: '1990-03-07', sex: 'male' as const, idNumber: '001090004567' };
  const row = (over: Partial<typeof pop>): MismatchRow => ({
    recordId: 'c1',
    cccd: null,
    platform: pop,
    population: { ...pop, ...over },
  });
  const alone = (p: StationPerson): StationMatches => ({ byRecord: p, byIdNumber: [], neighbours: [] });

  it('suggests the population value with the detail of the error', () => {
    expect(classifyMismatch(row({ idNumber: '001090004576' }), alone(person))).toMatchObject({
      kind: 'id-typo',
      detail: 'transposition',
      suggestion: { idNumber: '001090004576' },
    });
    expect(classifyMismatch(row({}), alone({ ...person, fullName: 'Nguyen Van An' }))).toMatchObject({
      kind: 'name',
      detail: 'accents-only',
      suggestion: { fullName: 'Nguyễn Văn Ân' },
    });
    expect(classifyMismatch(row({}), alone({ ...person, birthDate: '1990-07-03' }))).toMatchObject({
      kind: 'birth-date',
      detail: 'day-month-swapped',
    });
    expect(classifyMismatch(row({}), alone({ ...person, sex: 'female' }))).toMatchObject({
      kind: 'sex',
      suggestion: { sex: 'male' },
    });
    expect(classifyMismatch(row({}), alone(person)).kind).toBe('no-difference');
  });

  it('reports not found when no station record matches, and never guesses between two ID holders', () => {
    expect(classifyMismatch({ ...row({}), recordId: null, cccd: '001090004567' }, {
      byRecord: null,
      byIdNumber: [],
      neighbours: [],
    }).kind).toBe('not-found');
    const twin = { ...person, citizenId: 'c2' };
    expect(
      classifyMismatch({ ...row({}), recordId: null }, { byRecord: null, byIdNumber: [person, twin], neighbours: [] })
        .kind,
    ).toBe('not-found');
  });

  it('lists a fuzzy twin as a duplicate with its evidence', () => {
    const twin = { ...person, citizenId: 'c2', fullName: 'Nguyen Van An', birthDate: '1990-07-03', idNumber: '001090004568' };
    const got = classifyMismatch(row({}), { byRecord: person, byIdNumber: [], neighbours: [person, twin] });
    expect(got.kind).toBe('duplicate');
    expect(got.duplicateOf).toEqual({
      citizenId: 'c2',
      evidence: { name: 'accents-only', birthDate: 'day-month-swapped', idNumber: 'one-digit' },
    });
  });
});
