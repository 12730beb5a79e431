import { deepFreeze } from '../../eligibility/deep-freeze';
import type { ScreeningForm } from '../types';
import { acuteIllness, anaphylaxisTo, anaphylaxisToCovidVaccine, medicalHistory, pregnancy, recentCovid19, spo2, temperature, yesNo } from './covid19-common';

/**
 * Pre-vaccination screening for COVID-19 vaccines, adults (18 and over),
 * version 1. Follows the Ministry of Health checklist of Quyết định
 * 5002/QĐ-BYT (items 1–10 and its conclusions: contraindicated, postpone,
 * vaccinate in hospital, caution), with the items the checklist folds together
 * asked one by one so the reason recorded is specific.
 *
 * Published: never edit. A change is covid19-adult-v2.ts registered beside it;
 * test/unit/screening/forms.test.ts pins this version's fingerprint.
 *
 * Numbers the forms leave to the site (marked "station policy") are the
 * supervisor's to revisit in a later version. Items the children's form words
 * and rules alike come from covid19-common.ts; this file keeps what is the
 * adults' own (pregnancy's Sputnik V rule, breastfeeding, 8a, blood pressure,
 * adult vital-sign limits, age 65 and over).
 */
export const COVID19_ADULT_V1: ScreeningForm = deepFreeze({
  id: 'covid19-adult',
  version: 1,
  title: {
    vi: 'Phiếu sàng lọc trước tiêm chủng vắc xin phòng COVID-19 (người từ 18 tuổi trở lên)',
    en: 'Pre-vaccination screening checklist, COVID-19 vaccines (adults 18 and over)',
  },
  sources: [
    'Quyết định 5002/QĐ-BYT (29/10/2021), Hướng dẫn tạm thời khám sàng lọc trước tiêm chủng vắc xin phòng COVID-19: checklist and conclusions',
    'Quyết định 3802/QĐ-BYT (10/8/2021): abnormal vital signs (temperature, pulse, blood pressure, respiratory rate); caution group',
    'Quyết định 1624/QĐ-BYT (18/3/2021): high-dose corticosteroids, immunodeficiency, decompensated cirrhosis',
    'MoH guidance 2022: postpone 3 months from a COVID-19 infection; Sputnik V not given in pregnancy or while breastfeeding',
    'Vaxzevria product information (EMA): thrombosis with thrombocytopenia, capillary leak syndrome',
  ],
  minAgeYears: 18,
  maxAgeYears: null,
  // "Ở lại điểm tiêm ít nhất 30 phút" — every vaccinee, whatever the screening found.
  baseObservationMinutes: 30,
  questions: [
    ...anaphylaxisToCovidVaccine([
      anaphylaxisTo('viral-vector', {
        vi: 'Vắc xin véc tơ vi rút (AstraZeneca – Vaxzevria, Sputnik V) hoặc polysorbate 80',
        en: 'Viral-vector vaccine (Vaxzevria, Sputnik V) or polysorbate 80',
      }),
      anaphylaxisTo('inactivated', { vi: 'Vắc xin bất hoạt (Vero Cell, Hayat-Vax)', en: 'Inactivated vaccine (Vero Cell, Hayat-Vax)' }),
      anaphylaxisTo('protein-subunit', { vi: 'Vắc xin tiểu đơn vị protein (Abdala)', en: 'Protein-subunit vaccine (Abdala)' }),
    ]),
    acuteIllness('2'),
    ...recentCovid19('2a', '2b'),
    ...pregnancy({ pregnant: '3', weeks: '3a' }, [{ sex: 'female' }], [{ kind: 'avoid', code: 'SPUTNIK_V_NOT_IN_PREGNANCY', products: ['sputnik-v'] }]),
    {
      id: 'breastfeeding',
      label: '3b',
      type: 'yes-no',
      when: [{ sex: 'female' }],
      text: { vi: 'Đang cho con bú', en: 'Breastfeeding' },
      onYes: [{ kind: 'avoid', code: 'SPUTNIK_V_NOT_WHEN_BREASTFEEDING', products: ['sputnik-v'] }],
    },
    // Items 4, 5a–5e, 6, 7 and 8.
    ...medicalHistory(4),
    yesNo(
      'tts-or-capillary-leak',
      '8a',
      {
        vi: 'Tiền sử huyết khối kèm giảm tiểu cầu sau tiêm vắc xin véc tơ vi rút, hoặc hội chứng rò mao mạch',
        en: 'Thrombosis with thrombocytopenia after a viral-vector vaccine, or capillary leak syndrome',
      },
      [{ kind: 'contraindicate', code: 'TTS_OR_CAPILLARY_LEAK', platforms: ['viral-vector'] }],
    ),
    temperature('9', 'Nhiệt độ'),
    {
      id: 'pulse',
      label: '9',
      type: 'number',
      unit: '/min',
      min: 20,
      max: 250,
      integer: true,
      required: false,
      text: { vi: 'Mạch', en: 'Pulse' },
      bands: [
        { lt: 60, effects: [{ kind: 'caution', code: 'PULSE_LOW' }] },
        { gt: 100, effects: [{ kind: 'caution', code: 'PULSE_HIGH' }] },
      ],
    },
    {
      id: 'bp-systolic',
      label: '9',
      type: 'number',
      unit: 'mmHg',
      min: 50,
      max: 260,
      integer: true,
      // Blood pressure is measured for everyone over 65 (and anyone with a history of it).
      requiredWhen: [{ minAgeYears: 65 }],
      text: { vi: 'Huyết áp tối đa', en: 'Systolic blood pressure' },
      bands: [
        // A crisis-level reading is a referral (station policy beyond the form's "caution").
        { gte: 180, effects: [{ kind: 'refer', code: 'BLOOD_PRESSURE_SEVERELY_HIGH' }] },
        { gt: 140, lt: 180, effects: [{ kind: 'caution', code: 'BLOOD_PRESSURE_HIGH' }] },
        { lt: 90, effects: [{ kind: 'caution', code: 'BLOOD_PRESSURE_LOW' }] },
      ],
    },
    {
      id: 'bp-diastolic',
      label: '9',
      type: 'number',
      unit: 'mmHg',
      min: 20,
      max: 160,
      integer: true,
      requiredWhen: [{ minAgeYears: 65 }],
      text: { vi: 'Huyết áp tối thiểu', en: 'Diastolic blood pressure' },
      bands: [
        { gte: 110, effects: [{ kind: 'refer', code: 'BLOOD_PRESSURE_SEVERELY_HIGH' }] },
        { gt: 90, lt: 110, effects: [{ kind: 'caution', code: 'BLOOD_PRESSURE_HIGH' }] },
        { lt: 60, effects: [{ kind: 'caution', code: 'BLOOD_PRESSURE_LOW' }] },
      ],
    },
    {
      id: 'respiratory-rate',
      label: '9',
      type: 'number',
      unit: '/min',
      min: 4,
      max: 80,
      integer: true,
      required: false,
      text: { vi: 'Nhịp thở', en: 'Respiratory rate' },
      bands: [{ gt: 25, effects: [{ kind: 'caution', code: 'RESPIRATORY_RATE_HIGH' }] }],
    },
    spo2('9'),
  ],
  ageRules: [
    // Over 65: vaccinate, observe carefully; an hour is the station policy for "carefully".
    { minAgeYears: 65, effects: [{ kind: 'caution', code: 'AGE_65_OR_OVER', observationMinutes: 60 }] },
  ],
  crossChecks: [
    { kind: 'both-or-neither', first: 'bp-systolic', second: 'bp-diastolic', code: 'BLOOD_PRESSURE_INCOMPLETE' },
    { kind: 'less-than', lower: 'bp-diastolic', upper: 'bp-systolic', code: 'BLOOD_PRESSURE_DIASTOLIC_NOT_BELOW_SYSTOLIC' },
  ],
});
