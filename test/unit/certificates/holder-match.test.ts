import { describe, expect, it } from 'vitest';
import { holderMismatch } from '../../../main/domain/dcc/holder-match';

describe("matching a certificate's holder to a citizen", () => {
  const citizen = { fullName: 'Nguyễn Bảo Duy', dateOfBirth: '1983-10-10' };

  it('compares ICAO name parts in any order, so family-first and given-first agree', () => {
    expect(holderMismatch(citizen, { nam: { fn: 'Nguyễn', fnt: 'NGUYEN', gn: 'Bảo Duy', gnt: 'BAO<DUY' }, dob: '1983-10-10' })).toBeNull();
    expect(holderMismatch({ fullName: 'Erika Mustermann', dateOfBirth: '1964-08-12' }, { nam: { fnt: 'MUSTERMANN', gnt: 'ERIKA' }, dob: '1964-08-12' })).toBeNull();
    // Only the written form given: transliterated here the same way.
    expect(holderMismatch(citizen, { nam: { fn: 'NGUYỄN', gn: 'bảo duy' }, dob: '1983' })).toBeNull();
  });

  it('refuses another name, another date of birth, or a certificate with no date of birth', () => {
    expect(holderMismatch(citizen, { nam: { fnt: 'NGUYEN', gnt: 'BAO' }, dob: '1983-10-10' })).toBe('name');
    expect(holderMismatch(citizen, { nam: { fnt: 'NGUYEN', gnt: 'BAO<DUY' }, dob: '1983-10-11' })).toBe('date_of_birth');
    expect(holderMismatch(citizen, { nam: { fnt: 'NGUYEN', gnt: 'BAO<DUY' }, dob: '1983-11' })).toBe('date_of_birth');
    expect(holderMismatch(citizen, { nam: { fnt: 'NGUYEN', gnt: 'BAO<DUY' }, dob: '' })).toBe('date_of_birth');
  });
});
