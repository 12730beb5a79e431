import { describe, expect, it } from 'vitest';
import { checkDccSchema } from '../../../main/certificates/dcc/schema';
import {
  type VaccinationCertificateInput,
  buildVaccinationPayload,
  splitVietnameseFullName,
} from '../../../main/domain/dcc/vaccination-payload';

const UVCI = 'URN:UVCI:01:AT:10807843F94AEE0EE5093FBC254BD813#B';

function input(overrides: Partial<VaccinationCertificateInput> = {}): VaccinationCertificateInput {
  return {
    familyName: 'Nguyễn',
    givenName: 'Bảo Duy',
    dateOfBirth: '1983-10-10',
    dose: {
      vaccineType: 'J07BX03',
      product: 'EU/1/21/1529',
      manufacturer: 'ORG-100001699',
      doseNumber: 2,
      seriesDoses: 2,
      date: '2021-03-18',
    },
    issuer: 'Trạm Y tế Phường Bến Nghé',
    uvci: UVCI,
    ...overrides,
  };
}

describe('vaccination payload', () => {
  it('holds names as written and in ICAO form, the dose and the UVCI, and matches the schema', () => {
    const built = buildVaccinationPayload(input());
    expect(built).toEqual({
      ok: true,
      value: {
        ver: '1.3.0',
        nam: { fn: 'Nguyễn', fnt: 'NGUYEN', gn: 'Bảo Duy', gnt: 'BAO<DUY' },
        dob: '1983-10-10',
        v: [
          {
            tg: '840539006',
            vp: 'J07BX03',
            mp: 'EU/1/21/1529',
            ma: 'ORG-100001699',
            dn: 2,
            sd: 2,
            dt: '2021-03-18',
            co: 'VN',
            is: 'Trạm Y tế Phường Bến Nghé',
            ci: UVCI,
          },
        ],
      },
    });
    expect(built.ok && checkDccSchema(built.value, 'issue')).toBeNull();
  });

  it('leaves out an empty given name (people with one name)', () => {
    const built = buildVaccinationPayload(input({ givenName: ' ' }));
    expect(built.ok && built.value.nam).toEqual({ fn: 'Nguyễn', fnt: 'NGUYEN' });
    expect(built.ok && checkDccSchema(built.value, 'issue')).toBeNull();
  });

  it.each([
    [{ familyName: '', givenName: '' }, 'DCC_NAME_MISSING'],
    [{ familyName: 'Иванов' }, 'DCC_NAME_NOT_TRANSLITERABLE'],
    [{ familyName: 'N'.repeat(81) }, 'DCC_NAME_TOO_LONG'],
    [{ dateOfBirth: '1983-02-30' }, 'DCC_DATE_INVALID'],
    [{ dateOfBirth: '1883-01-01' }, 'DCC_DATE_INVALID'],
    [{ issuer: '' }, 'DCC_ISSUER_INVALID'],
    [{ uvci: 'URN:UVCI:01:VN:FFFE3D31FABD035899134A9D3BAE9BCF' }, 'DCC_UVCI_INVALID'],
    [{ uvci: 'URN:UVCI:01:AT:10807843F94AEE0EE5093FBC254BD813#C' }, 'DCC_UVCI_INVALID'],
  ] as const)('refuses %o with %s', (overrides, code) => {
    expect(buildVaccinationPayload(input(overrides))).toMatchObject({ ok: false, error: { code } });
  });

  it('refuses impossible doses, dates and codes', () => {
    const dose = input().dose;
    expect(buildVaccinationPayload(input({ dose: { ...dose, doseNumber: 0 } }))).toMatchObject({ error: { code: 'DCC_DOSE_INVALID' } });
    expect(buildVaccinationPayload(input({ dose: { ...dose, seriesDoses: 1.5 } }))).toMatchObject({ error: { code: 'DCC_DOSE_INVALID' } });
    expect(buildVaccinationPayload(input({ dose: { ...dose, date: '2021-13-01' } }))).toMatchObject({ error: { code: 'DCC_DATE_INVALID' } });
    expect(buildVaccinationPayload(input({ dose: { ...dose, product: '' } }))).toMatchObject({ error: { code: 'DCC_CODE_INVALID' } });
    expect(buildVaccinationPayload(input({ dose: { ...dose, country: 'Viet Nam' } }))).toMatchObject({ error: { code: 'DCC_CODE_INVALID' } });
  });

  it('accepts a partly known date of birth, as the schema does', () => {
    expect(buildVaccinationPayload(input({ dateOfBirth: '1950' })).ok).toBe(true);
    expect(buildVaccinationPayload(input({ dateOfBirth: '1950-07' })).ok).toBe(true);
  });
});

describe('Vietnamese full names', () => {
  it('split family name first, as on the CCCD', () => {
    expect(splitVietnameseFullName('  Nguyễn   Bảo Duy ')).toEqual({ familyName: 'Nguyễn', givenName: 'Bảo Duy' });
    expect(splitVietnameseFullName('Mai')).toEqual({ familyName: 'Mai', givenName: '' });
  });
});
