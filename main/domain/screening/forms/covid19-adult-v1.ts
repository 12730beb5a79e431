import { deepFreeze } from '../../eligibility/deep-freeze';
import type { ScreeningForm } from '../types';

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
 * supervisor's to revisit in a later version.
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
    {
      id: 'anaphylaxis-covid-vaccine',
      label: '1',
      type: 'yes-no',
      text: {
        vi: 'Tiền sử rõ ràng phản vệ (từ độ 2 trở lên) với vắc xin phòng COVID-19 lần trước hoặc với các thành phần của vắc xin phòng COVID-19',
        en: 'Clear history of anaphylaxis (grade 2 or more) after an earlier COVID-19 vaccine dose or to a component of a COVID-19 vaccine',
      },
    },
    {
      id: 'anaphylaxis-vaccine-type',
      label: '1a',
      type: 'choice',
      when: [{ answer: 'anaphylaxis-covid-vaccine', is: true }],
      text: { vi: 'Loại vắc xin (hoặc thành phần) đã gây phản vệ', en: 'Vaccine type (or component) that caused it' },
      // The form contraindicates "vắc xin cùng loại": the same type, i.e. platform.
      options: [
        {
          value: 'mRNA',
          text: { vi: 'Vắc xin mRNA (Pfizer – Comirnaty, Moderna – Spikevax) hoặc PEG', en: 'mRNA vaccine (Comirnaty, Spikevax) or PEG' },
          effects: [{ kind: 'contraindicate', code: 'ANAPHYLAXIS_PRIOR_DOSE', platforms: ['mRNA'] }],
        },
        {
          value: 'viral-vector',
          text: { vi: 'Vắc xin véc tơ vi rút (AstraZeneca – Vaxzevria, Sputnik V) hoặc polysorbate 80', en: 'Viral-vector vaccine (Vaxzevria, Sputnik V) or polysorbate 80' },
          effects: [{ kind: 'contraindicate', code: 'ANAPHYLAXIS_PRIOR_DOSE', platforms: ['viral-vector'] }],
        },
        {
          value: 'inactivated',
          text: { vi: 'Vắc xin bất hoạt (Vero Cell, Hayat-Vax)', en: 'Inactivated vaccine (Vero Cell, Hayat-Vax)' },
          effects: [{ kind: 'contraindicate', code: 'ANAPHYLAXIS_PRIOR_DOSE', platforms: ['inactivated'] }],
        },
        {
          value: 'protein-subunit',
          text: { vi: 'Vắc xin tiểu đơn vị protein (Abdala)', en: 'Protein-subunit vaccine (Abdala)' },
          effects: [{ kind: 'contraindicate', code: 'ANAPHYLAXIS_PRIOR_DOSE', platforms: ['protein-subunit'] }],
        },
        {
          value: 'unknown',
          text: { vi: 'Không rõ loại vắc xin', en: 'Type not known' },
          effects: [
            {
              kind: 'contraindicate',
              code: 'ANAPHYLAXIS_PRIOR_DOSE_TYPE_UNKNOWN',
              platforms: ['mRNA', 'viral-vector', 'inactivated', 'protein-subunit'],
            },
          ],
        },
      ],
    },
    {
      id: 'acute-illness',
      label: '2',
      type: 'yes-no',
      text: { vi: 'Đang mắc bệnh cấp tính', en: 'Acute illness now' },
      // The form says "until recovered"; a week is the station policy for the return date it prints.
      onYes: [{ kind: 'postpone', code: 'ACUTE_ILLNESS', returnAfterDays: 7 }],
    },
    {
      id: 'covid19-recent',
      label: '2a',
      type: 'yes-no',
      text: { vi: 'Tiền sử rõ ràng mắc COVID-19 trong vòng 3 tháng', en: 'Clearly had COVID-19 within the last 3 months' },
    },
    {
      id: 'covid19-date',
      label: '2b',
      type: 'date',
      when: [{ answer: 'covid19-recent', is: true }],
      text: { vi: 'Ngày mắc COVID-19 (ngày xét nghiệm dương tính)', en: 'Date of the COVID-19 infection (positive test)' },
      effects: [{ kind: 'postpone-after-answer-date', code: 'COVID19_WITHIN_3_MONTHS', months: 3 }],
    },
    {
      id: 'pregnant',
      label: '3',
      type: 'yes-no',
      when: [{ sex: 'female' }],
      text: { vi: 'Đang mang thai', en: 'Pregnant' },
    },
    {
      id: 'pregnancy-weeks',
      label: '3a',
      type: 'number',
      unit: 'weeks',
      min: 1,
      max: 42,
      integer: true,
      when: [{ answer: 'pregnant', is: true }],
      text: { vi: 'Tuổi thai (tuần)', en: 'Weeks of pregnancy' },
      bands: [
        // Under 13 weeks: postpone until the 13th week.
        { lt: 13, effects: [{ kind: 'postpone-until-value', code: 'PREGNANCY_UNDER_13_WEEKS', reach: 13, daysPerUnit: 7 }] },
        {
          gte: 13,
          effects: [
            { kind: 'caution', code: 'PREGNANCY_13_WEEKS_OR_MORE', precautions: ['COUNSEL_BENEFIT_RISK'] },
            { kind: 'avoid', code: 'SPUTNIK_V_NOT_IN_PREGNANCY', products: ['sputnik-v'] },
          ],
        },
      ],
    },
    {
      id: 'breastfeeding',
      label: '3b',
      type: 'yes-no',
      when: [{ sex: 'female' }],
      text: { vi: 'Đang cho con bú', en: 'Breastfeeding' },
      onYes: [{ kind: 'avoid', code: 'SPUTNIK_V_NOT_WHEN_BREASTFEEDING', products: ['sputnik-v'] }],
    },
    {
      id: 'anaphylaxis-grade3-other',
      label: '4',
      type: 'yes-no',
      text: { vi: 'Phản vệ độ 3 trở lên với bất kỳ dị nguyên nào', en: 'Anaphylaxis grade 3 or more to any allergen' },
      onYes: [{ kind: 'refer', code: 'ANAPHYLAXIS_SEVERE_OTHER_ALLERGEN' }],
    },
    {
      id: 'severe-immunodeficiency',
      label: '5a',
      type: 'yes-no',
      text: { vi: 'Đang bị suy giảm miễn dịch nặng', en: 'Severe immunodeficiency' },
      onYes: [{ kind: 'refer', code: 'IMMUNODEFICIENCY' }],
    },
    {
      id: 'cancer-under-treatment',
      label: '5b',
      type: 'yes-no',
      text: { vi: 'Ung thư đang điều trị hóa trị, xạ trị', en: 'Cancer under chemotherapy or radiotherapy' },
      onYes: [{ kind: 'refer', code: 'CANCER_UNDER_TREATMENT' }],
    },
    {
      id: 'asplenia',
      label: '5c',
      type: 'yes-no',
      text: { vi: 'Đã cắt lách hoặc mất chức năng lách', en: 'Spleen removed or not working' },
      onYes: [{ kind: 'refer', code: 'ASPLENIA' }],
    },
    {
      id: 'decompensated-cirrhosis',
      label: '5d',
      type: 'yes-no',
      text: { vi: 'Xơ gan mất bù', en: 'Decompensated cirrhosis' },
      onYes: [{ kind: 'refer', code: 'DECOMPENSATED_CIRRHOSIS' }],
    },
    {
      id: 'immunosuppressants',
      label: '5e',
      type: 'yes-no',
      text: {
        vi: 'Trong 14 ngày qua có dùng thuốc ức chế miễn dịch hoặc corticoid liều cao (tương đương prednisolon ≥ 2 mg/kg/ngày trong ≥ 7 ngày)',
        en: 'In the last 14 days, immunosuppressants or high-dose corticosteroids (prednisolone ≥ 2 mg/kg/day for ≥ 7 days or equivalent)',
      },
      onYes: [{ kind: 'refer', code: 'IMMUNOSUPPRESSANTS' }],
    },
    {
      id: 'allergy-other',
      label: '6',
      type: 'yes-no',
      text: { vi: 'Tiền sử dị ứng với bất kỳ dị nguyên nào khác', en: 'History of allergy to any other allergen' },
      // The form says "caution"; a full hour on site is the station policy for it.
      onYes: [{ kind: 'caution', code: 'ALLERGY_OTHER_ALLERGEN', observationMinutes: 60 }],
    },
    {
      id: 'bleeding-risk',
      label: '7',
      type: 'yes-no',
      text: {
        vi: 'Tiền sử rối loạn đông máu/cầm máu hoặc đang dùng thuốc chống đông',
        en: 'Bleeding or clotting disorder, or taking anticoagulants',
      },
      // Intramuscular injection is still given: fine needle, firm pressure for at least 2 minutes.
      onYes: [{ kind: 'caution', code: 'BLEEDING_RISK', precautions: ['FINE_NEEDLE', 'PRESS_SITE_2_MIN'] }],
    },
    {
      id: 'consciousness-disorder',
      label: '8',
      type: 'yes-no',
      text: { vi: 'Rối loạn tri giác, rối loạn hành vi', en: 'Impaired consciousness or behavioural disorder' },
      onYes: [{ kind: 'caution', code: 'CONSCIOUSNESS_OR_BEHAVIOUR_DISORDER', precautions: ['GUARDIAN_PRESENT'] }],
    },
    {
      id: 'tts-or-capillary-leak',
      label: '8a',
      type: 'yes-no',
      text: {
        vi: 'Tiền sử huyết khối kèm giảm tiểu cầu sau tiêm vắc xin véc tơ vi rút, hoặc hội chứng rò mao mạch',
        en: 'Thrombosis with thrombocytopenia after a viral-vector vaccine, or capillary leak syndrome',
      },
      onYes: [{ kind: 'contraindicate', code: 'TTS_OR_CAPILLARY_LEAK', platforms: ['viral-vector'] }],
    },
    {
      id: 'temperature',
      label: '9',
      type: 'number',
      unit: '°C',
      min: 30,
      max: 43,
      text: { vi: 'Nhiệt độ', en: 'Temperature' },
      bands: [
        { gte: 37.5, effects: [{ kind: 'postpone', code: 'FEVER', returnAfterDays: 7 }] },
        { lt: 35.5, effects: [{ kind: 'caution', code: 'TEMPERATURE_LOW' }] },
      ],
    },
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
    {
      id: 'spo2',
      label: '9',
      type: 'number',
      unit: '%',
      min: 50,
      max: 100,
      integer: true,
      required: false,
      text: { vi: 'SpO2', en: 'SpO2' },
      // Not on the form; below 94 % at rest is a referral (station policy).
      bands: [{ lt: 94, effects: [{ kind: 'refer', code: 'SPO2_LOW' }] }],
    },
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
