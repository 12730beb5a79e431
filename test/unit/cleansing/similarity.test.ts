import { describe, expect, it } from 'vitest';
import {
  candidateBlockKeys,
  duplicateEvidence,
  editDistance,
  relateBirthDates,
  relateIdNumbers,
  relateNames,
} from '../../../main/domain/people/similarity';

describe('people similarity', () => {
  it('relates ID numbers: one digit, neighbours swapped, or unrelated', () => {
    expect(relateIdNumbers('001203004567', '001203004567')).toBe('same');
    expect(relateIdNumbers('001203004567', '001203004568')).toBe('one-digit');
    expect(relateIdNumbers('001203004567', '001203004576')).toBe('transposition');
    expect(relateIdNumbers('001203004567', '001203004675')).toBe('different');
    expect(relateIdNumbers('001203004567', '00120300456')).toBe('different');
    // Two digits apart but not neighbours is not a transposition.
    expect(relateIdNumbers('123456789012', '153426789012')).toBe('different');
  });

  it('relates birth dates: swapped day and month, year only', () => {
    expect(relateBirthDates('1990-03-07', '1990-07-03')).toBe('day-month-swapped');
    expect(relateBirthDates('1990-03-07', '1990')).toBe('year-only');
    expect(relateBirthDates('1990-01-01', '1990-05-17')).toBe('year-only');
    expect(relateBirthDates('1990-03-07', '1991-07-03')).toBe('different');
    expect(relateBirthDates('1990-03-07', '1990-03-08')).toBe('different');
    expect(relateBirthDates('not a date', '1990-03-08')).toBe('different');
  });

  it('relates Vietnamese names ignoring accents, case and spacing', () => {
    expect(relateNames('Nguyễn Văn Ân', 'Nguyễn Văn Ân')).toBe('same');
    expect(relateNames('Nguyễn Văn Ân', 'NGUYEN  VAN AN')).toBe('accents-only');
    expect(relateNames('Đặng Thị Hoa', 'Dang Thi Hoa')).toBe('accents-only');
    expect(relateNames('Trần Thị Huyền', 'Trần Thị Huyên')).toBe('accents-only');
    expect(relateNames('Trần Thị Huyền', 'Tran Thi Huyn')).toBe('spelling');
    expect(relateNames('Trần Thị Huyền', 'Lê Văn Nam')).toBe('different');
  });

  it('computes edit distance and stops past the limit', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('kitten', 'sitting', 1)).toBe(2);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('lists duplicates only with matching dates, close names and close IDs', () => {
    const a = { fullName: 'Phạm Minh Tuấn', birthDate: '1985-04-11', idNumber: '079085001234' };
    expect(duplicateEvidence(a, { ...a, fullName: 'Pham Minh Tuan' })).toEqual({
      name: 'accents-only',
      birthDate: 'same',
      idNumber: 'same',
    });
    expect(duplicateEvidence(a, { ...a, birthDate: '1985-11-04', idNumber: '079085001243' })?.idNumber).toBe(
      'transposition',
    );
    expect(duplicateEvidence(a, { ...a, idNumber: null })?.idNumber).toBe('missing');
    expect(duplicateEvidence(a, { ...a, birthDate: '1985-04-12' })).toBeNull();
    expect(duplicateEvidence(a, { ...a, fullName: 'Lê Thị Mai' })).toBeNull();
    expect(duplicateEvidence(a, { ...a, idNumber: '079085009999' })).toBeNull();
  });

  it('puts a date and its day/month swap in one block', () => {
    expect(candidateBlockKeys({ fullName: 'x', birthDate: '1985-04-11', idNumber: null })).toEqual(
      candidateBlockKeys({ fullName: 'y', birthDate: '1985-11-04', idNumber: null }),
    );
  });
});
