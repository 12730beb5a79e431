import { describe, expect, it } from 'vitest';
import { findDuplicateCandidates } from '../../../main/domain/people/duplicate-candidates';

describe('duplicate candidates', () => {
  it('lists fuzzy twins once each and leaves different people alone', () => {
    const people = [
      { citizenId: 'a', fullName: 'Võ Thị Lan', birthDate: '1972-02-09', idNumber: '052172000111' },
      { citizenId: 'b', fullName: 'Vo Thi Lan', birthDate: '1972-09-02', idNumber: '052172000112' },
      { citizenId: 'c', fullName: 'Võ Thị Lan', birthDate: '1972-02-10', idNumber: '052172000111' },
      { citizenId: 'd', fullName: 'Bùi Văn Sơn', birthDate: '1972-02-09', idNumber: null },
      { citizenId: 'e', fullName: 'Bui Van Son', birthDate: '1972-02-09', idNumber: null },
    ];
    const pairs = findDuplicateCandidates(people).map((p) => [p.a.citizenId, p.b.citizenId, p.evidence]);
    expect(pairs).toEqual([
      ['a', 'b', { name: 'accents-only', birthDate: 'day-month-swapped', idNumber: 'one-digit' }],
      ['d', 'e', { name: 'accents-only', birthDate: 'same', idNumber: 'missing' }],
    ]);
  });
});
