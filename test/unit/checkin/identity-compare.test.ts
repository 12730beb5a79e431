import { describe, expect, it } from 'vitest';
import {
  datesCompatible,
  diffIdentity,
  looksLikeOtherPerson,
  storedFormsOfDay,
  yearRange,
  type ComparableIdentity,
} from '../../../main/domain/checkin/identity-compare';
import { nameKey } from '../../../main/domain/names';

const CARD: ComparableIdentity = { idNumber: '001094123456', fullName: 'Nguyễn Văn An', dateOfBirth: '1994-03-15', sex: 'male' };

describe('name keys for matching', () => {
  it('ignore case, accents, Đ/đ, decomposed letters and extra spaces', () => {
    const key = nameKey('Nguyễn Văn An');
    for (const spelling of ['NGUYEN VAN AN', '  nguyễn   văn  an ', 'Nguye\u0302\u0303n Va\u0306n An', 'Nguyen-Van An']) expect(nameKey(spelling)).toBe(key);
    expect(nameKey('Đặng Thị Đào')).toBe('dang thi dao');
    expect(nameKey('Nguyễn Văn Ân')).toBe(key);
    expect(nameKey('Nguyễn Văn Anh')).not.toBe(key);
  });
});

describe('dates of birth of different precision', () => {
  it('are compatible when they agree on every part both state', () => {
    expect(datesCompatible('1945', '1945-06-01')).toBe(true);
    expect(datesCompatible('1945-06', '1945-06-01')).toBe(true);
    expect(datesCompatible('1945-07', '1945-06-01')).toBe(false);
    expect(datesCompatible('1994-03-15', '1994-03-15')).toBe(true);
    expect(datesCompatible('1994-03-15', '1994-03-16')).toBe(false);
    expect(datesCompatible('', '1994')).toBe(false);
  });

  it('sort inside their year range, and a day lists the forms that may hold it', () => {
    const { from, to } = yearRange('1994-03-15');
    for (const stored of ['1994', '1994-01', '1994-12-31']) expect(stored >= from && stored < to).toBe(true);
    for (const stored of ['1993-12-31', '1995']) expect(stored >= from && stored < to).toBe(false);
    expect(storedFormsOfDay('1994-03-15')).toEqual(['1994-03-15', '1994-03', '1994']);
  });
});

describe('differences between a registration and the card', () => {
  it('lists every field that differs, name differences flagged when only accents or case differ', () => {
    expect(diffIdentity(CARD, { idNumber: '001094123465', fullName: 'NGUYEN VAN AN', dateOfBirth: '1994-03-16', sex: 'female' })).toEqual([
      { field: 'idNumber', registered: '001094123465', card: '001094123456' },
      { field: 'fullName', registered: 'NGUYEN VAN AN', card: 'Nguyễn Văn An', sameLetters: true },
      { field: 'dateOfBirth', registered: '1994-03-16', card: '1994-03-15' },
      { field: 'sex', registered: 'female', card: 'male' },
    ]);
    expect(diffIdentity(CARD, { ...CARD, fullName: 'Nguyễn Văn Anh' })).toEqual([{ field: 'fullName', registered: 'Nguyễn Văn Anh', card: 'Nguyễn Văn An', sameLetters: false }]);
  });

  it('calls nothing a difference that the registration simply left empty, or that is the same name in another Unicode form', () => {
    expect(diffIdentity(CARD, { idNumber: null, fullName: 'Nguye\u0302\u0303n  Va\u0306n An', dateOfBirth: '1994-03-15', sex: null })).toEqual([]);
  });

  it('a date the card states with less precision is still a difference: the card wins, nothing is invented', () => {
    const card = { ...CARD, dateOfBirth: '1945' };
    expect(diffIdentity(card, { ...CARD, dateOfBirth: '1945-01-01' })).toEqual([{ field: 'dateOfBirth', registered: '1945-01-01', card: '1945' }]);
  });

  it('flags a registration as another person only when neither name nor date of birth agree', () => {
    expect(looksLikeOtherPerson(CARD, { ...CARD, fullName: 'Trần Thị Bích', dateOfBirth: '2005-09-02' })).toBe(true);
    expect(looksLikeOtherPerson(CARD, { ...CARD, fullName: 'Trần Thị Bích' })).toBe(false);
    expect(looksLikeOtherPerson(CARD, { ...CARD, dateOfBirth: '1990-01-01' })).toBe(false);
    expect(looksLikeOtherPerson(CARD, { ...CARD, fullName: 'NGUYEN VAN AN', dateOfBirth: '1990-01-01' })).toBe(false);
  });
});
