import { SYSTEM } from './systems';
import type { CodeableConcept, Coding, Reference } from './types';

/**
 * The vaccine codes an Immunization carries, as the WHO SMART Immunizations
 * and DDCC:VS guides list them: the vaccine type in SNOMED CT (the EU DCC
 * `vp` value) and ICD-11, and the product as the EU DCC `mp` value set codes
 * it. The catalogue stores the EU codes per dose; ICD-11 follows from the type.
 */
const SNOMED_TYPES: Readonly<Record<string, { display: string; icd11: Coding }>> = {
  '1119349007': { display: 'SARS-CoV-2 mRNA vaccine', icd11: { code: 'XM0GQ8', display: 'COVID-19 vaccine, RNA based' } },
  '29061000087103': {
    display: 'COVID-19 non-replicating viral vector vaccine',
    icd11: { code: 'XM9QW8', display: 'COVID-19 vaccine, non-replicating viral vector' },
  },
  '1157024006': { display: 'Inactivated whole SARS-CoV-2 antigen vaccine', icd11: { code: 'XM1NL1', display: 'COVID-19 vaccine, inactivated virus' } },
  '1162643001': {
    display: 'SARS-CoV-2 recombinant spike protein antigen vaccine',
    icd11: { code: 'XM5JC5', display: 'COVID-19 vaccine, virus protein subunit' },
  },
  '1119305005': { display: 'SARS-CoV-2 antigen vaccine', icd11: { code: 'XM68M6', display: 'COVID-19 vaccines' } },
};

/** Products the EU registered carry an EU/1/… number; the others sit in the value set's provisional system. */
export function productCoding(mp: string, display: string | null): Coding {
  const system = /^EU\/\d\/\d{2}\/\d+$/.test(mp) ? SYSTEM.euProduct : SYSTEM.euProductOther;
  return { system, code: mp, ...(display ? { display } : {}) };
}

/** The vaccine as SNOMED CT type, ICD-11 type and EU product, with the catalogue's name as text. */
export function vaccineCode(dcc: { vp: string; mp: string }, productName: string | null): CodeableConcept {
  const type = SNOMED_TYPES[dcc.vp];
  const coding: Coding[] = [];
  if (/^\d{6,18}$/.test(dcc.vp)) coding.push({ system: SYSTEM.snomed, code: dcc.vp, ...(type ? { display: type.display } : {}) });
  else coding.push({ system: 'http://www.whocc.no/atc', code: dcc.vp });
  if (type) coding.push({ system: SYSTEM.icd11, ...type.icd11 });
  coding.push(productCoding(dcc.mp, productName));
  return { coding, ...(productName ? { text: productName } : {}) };
}

/** "A COVID-19 vaccine", for a vaccination that did not happen (no product was chosen). */
export const ANY_COVID19_VACCINE: CodeableConcept = {
  coding: [
    { system: 'http://www.whocc.no/atc', code: 'J07BX03', display: 'covid-19 vaccines' },
    { system: SYSTEM.icd11, code: 'XM68M6', display: 'COVID-19 vaccines' },
  ],
  text: 'COVID-19',
};

/** The disease a dose protects against: the EU `tg` (SNOMED CT), with ICD-11 for COVID-19. */
export function targetDisease(tg: string): CodeableConcept {
  if (tg === '840539006') {
    return {
      coding: [
        { system: SYSTEM.snomed, code: '840539006', display: 'COVID-19' },
        { system: SYSTEM.icd11, code: 'RA01', display: 'COVID-19' },
      ],
    };
  }
  return { coding: [{ system: SYSTEM.snomed, code: tg }] };
}

/** The manufacturer by its EMA SPOR organisation id (or the value set's provisional code), as a logical reference. */
export function manufacturerReference(ma: string): Reference {
  const system = /^ORG-\d+$/.test(ma) ? SYSTEM.euManufacturer : SYSTEM.euManufacturerOther;
  return { identifier: { system, value: ma } };
}
