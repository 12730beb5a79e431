import { normalizeName } from '../names';
import { parseIsoDate } from '../site-time';
import { type DccResult, dccFail, dccOk } from './errors';
import { icaoTransliterate } from './icao-transliteration';
import { DCC_SCHEMA_VERSION, type DccNames, type DccPayload } from './types';
import { isIssuableUvci } from './uvci';

/** SNOMED CT code of COVID-19, the disease every EU DCC targets today. */
export const COVID_19_TARGET = '840539006';

export interface VaccinationCertificateInput {
  /** Family name as written on the ID, e.g. "Nguyễn". */
  familyName: string;
  /** Given names as written, e.g. "Bảo Duy". */
  givenName: string;
  /** yyyy-MM-dd, or yyyy-MM / yyyy when only part of the date is known. */
  dateOfBirth: string;
  /** The latest dose of the series: a DCC carries exactly one vaccination entry. */
  dose: {
    targetDisease?: string;
    /** Value set vaccine-prophylaxis (vp). */
    vaccineType: string;
    /** Value set vaccine-medicinal-product (mp). */
    product: string;
    /** Value set vaccine-mah-manf (ma). */
    manufacturer: string;
    doseNumber: number;
    seriesDoses: number;
    /** Date of vaccination, yyyy-MM-dd. */
    date: string;
    /** Country of vaccination; the station's own doses are 'VN'. */
    country?: string;
  };
  /** Certificate issuer (is), at most 80 characters. */
  issuer: string;
  /** UVCI with check character, see uvci.ts. */
  uvci: string;
}

const MAX_TEXT = 80;
const DOB_PATTERN = /^(19|20)\d\d(-\d\d){0,2}$/;

/**
 * The EU DCC vaccination payload for one dose, strict in what it generates:
 * every field the schema constrains is checked here so a certificate that
 * would not validate is refused with a reason before anything is signed.
 */
export function buildVaccinationPayload(input: VaccinationCertificateInput): DccResult<DccPayload> {
  const names = buildNames(input.familyName, input.givenName);
  if (!names.ok) return names;

  if (!isValidDateOfBirth(input.dateOfBirth)) return dccFail('DCC_DATE_INVALID', 'dob');
  const { dose } = input;
  if (parseIsoDate(dose.date) === null) return dccFail('DCC_DATE_INVALID', 'dt');
  if (!isPositiveInteger(dose.doseNumber) || !isPositiveInteger(dose.seriesDoses)) {
    return dccFail('DCC_DOSE_INVALID');
  }
  const tg = dose.targetDisease ?? COVID_19_TARGET;
  const co = dose.country ?? 'VN';
  for (const [field, value] of [
    ['tg', tg],
    ['vp', dose.vaccineType],
    ['mp', dose.product],
    ['ma', dose.manufacturer],
  ] as const) {
    if (!isCode(value)) return dccFail('DCC_CODE_INVALID', field);
  }
  if (!/^[A-Z]{2}$/.test(co)) return dccFail('DCC_CODE_INVALID', 'co');
  const issuer = input.issuer.trim();
  if (issuer.length === 0 || issuer.length > MAX_TEXT) return dccFail('DCC_ISSUER_INVALID');
  if (!isIssuableUvci(input.uvci)) return dccFail('DCC_UVCI_INVALID');

  return dccOk({
    ver: DCC_SCHEMA_VERSION,
    nam: names.value,
    dob: input.dateOfBirth,
    v: [
      {
        tg,
        vp: dose.vaccineType,
        mp: dose.product,
        ma: dose.manufacturer,
        dn: dose.doseNumber,
        sd: dose.seriesDoses,
        dt: dose.date,
        co,
        is: issuer,
        ci: input.uvci,
      },
    ],
  });
}

/** fn/gn as written (normalised), fnt/gnt in ICAO form; an empty part is left out. */
export function buildNames(familyName: string, givenName: string): DccResult<DccNames> {
  const fn = normalizeName(familyName);
  const gn = normalizeName(givenName);
  if (fn.length > MAX_TEXT || gn.length > MAX_TEXT) return dccFail('DCC_NAME_TOO_LONG');
  const fnt = icaoTransliterate(fn);
  const gnt = icaoTransliterate(gn);
  if (fnt === null || gnt === null) return dccFail('DCC_NAME_NOT_TRANSLITERABLE');
  if (fnt === '' && gnt === '') return dccFail('DCC_NAME_MISSING');
  const names: DccNames = {};
  if (fnt !== '') {
    names.fn = fn;
    names.fnt = fnt;
  }
  if (gnt !== '') {
    names.gn = gn;
    names.gnt = gnt;
  }
  return dccOk(names);
}

/**
 * Splits a Vietnamese full name as written on the CCCD (family name first) into
 * family and given names: "Nguyễn Bảo Duy" → "Nguyễn" + "Bảo Duy".
 */
export function splitVietnameseFullName(fullName: string): { familyName: string; givenName: string } {
  const words = normalizeName(fullName).split(' ').filter((w) => w.length > 0);
  return { familyName: words[0] ?? '', givenName: words.slice(1).join(' ') };
}

function isValidDateOfBirth(dob: string): boolean {
  if (!DOB_PATTERN.test(dob)) return false;
  if (dob.length === 10) return parseIsoDate(dob) !== null;
  if (dob.length === 7) {
    const month = Number(dob.slice(5, 7));
    return month >= 1 && month <= 12;
  }
  return true;
}

function isPositiveInteger(n: number): boolean {
  return Number.isInteger(n) && n >= 1;
}

function isCode(value: string): boolean {
  return value.length > 0 && value.length <= MAX_TEXT && value.trim() === value;
}
