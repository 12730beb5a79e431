import { deepFreeze } from '../../eligibility/deep-freeze';
import type { ScreeningForm } from '../types';

/**
 * Pre-vaccination screening for COVID-19 vaccines, children 5–17, version 1.
 * Follows the Ministry of Health's children's checklist (Bảng kiểm trước tiêm
 * chủng vắc xin phòng COVID-19 đối với trẻ em, Quyết định 5002/QĐ-BYT; used
 * for 12–17 from late 2021 and for 5–11 from April 2022), with the 2022 change
 * from 6 to 3 months after a COVID-19 infection. Temperature and pulse are
 * taken for every child, as the checklist's header asks.
 *
 * Published: never edit. A change is covid19-child-v2.ts registered beside it.
 */
export const COVID19_CHILD_V1: ScreeningForm = deepFreeze({
  id: 'covid19-child',
  version: 1,
  title: {
    vi: 'Bảng kiểm trước tiêm chủng vắc xin phòng COVID-19 đối với trẻ em (5–17 tuổi)',
    en: 'Pre-vaccination checklist, COVID-19 vaccines, children (5–17 years)',
  },
  sources: [
    'Quyết định 5002/QĐ-BYT (29/10/2021): Bảng kiểm trước tiêm chủng vắc xin phòng COVID-19 đối với trẻ em, and its conclusions',
    'Viện Vệ sinh dịch tễ Trung ương, Công văn 2385/VSDTTƯ-TCQG (02/11/2021): campaign guide for children 12–17 (screening form, annex 5)',
    'Công văn 1535/BYT-DP (28/3/2022): vaccination of children 5–11',
    'MoH guidance 2022: postpone 3 months from a COVID-19 infection',
  ],
  minAgeYears: 5,
  maxAgeYears: 17,
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
      options: [
        {
          value: 'mRNA',
          text: { vi: 'Vắc xin mRNA (Pfizer – Comirnaty, Moderna – Spikevax) hoặc PEG', en: 'mRNA vaccine (Comirnaty, Spikevax) or PEG' },
          effects: [{ kind: 'contraindicate', code: 'ANAPHYLAXIS_PRIOR_DOSE', platforms: ['mRNA'] }],
        },
        {
          value: 'inactivated',
          text: { vi: 'Vắc xin bất hoạt (Vero Cell)', en: 'Inactivated vaccine (Vero Cell)' },
          effects: [{ kind: 'contraindicate', code: 'ANAPHYLAXIS_PRIOR_DOSE', platforms: ['inactivated'] }],
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
      id: 'covid19-recent',
      label: '2',
      type: 'yes-no',
      text: { vi: 'Tiền sử rõ ràng mắc COVID-19 trong vòng 3 tháng', en: 'Clearly had COVID-19 within the last 3 months' },
    },
    {
      id: 'covid19-date',
      label: '2a',
      type: 'date',
      when: [{ answer: 'covid19-recent', is: true }],
      text: { vi: 'Ngày mắc COVID-19 (ngày xét nghiệm dương tính)', en: 'Date of the COVID-19 infection (positive test)' },
      effects: [{ kind: 'postpone-after-answer-date', code: 'COVID19_WITHIN_3_MONTHS', months: 3 }],
    },
    {
      id: 'acute-illness',
      label: '3',
      type: 'yes-no',
      text: { vi: 'Đang mắc bệnh cấp tính', en: 'Acute illness now' },
      onYes: [{ kind: 'postpone', code: 'ACUTE_ILLNESS', returnAfterDays: 7 }],
    },
    {
      id: 'pregnant',
      label: '4',
      type: 'yes-no',
      // Asked of girls 12–17, as on the adolescents' form.
      when: [{ sex: 'female' }, { minAgeYears: 12 }],
      text: { vi: 'Đang mang thai', en: 'Pregnant' },
    },
    {
      id: 'pregnancy-weeks',
      label: '4a',
      type: 'number',
      unit: 'weeks',
      min: 1,
      max: 42,
      integer: true,
      when: [{ answer: 'pregnant', is: true }],
      text: { vi: 'Tuổi thai (tuần)', en: 'Weeks of pregnancy' },
      bands: [
        { lt: 13, effects: [{ kind: 'postpone-until-value', code: 'PREGNANCY_UNDER_13_WEEKS', reach: 13, daysPerUnit: 7 }] },
        { gte: 13, effects: [{ kind: 'caution', code: 'PREGNANCY_13_WEEKS_OR_MORE', precautions: ['COUNSEL_BENEFIT_RISK'] }] },
      ],
    },
    {
      id: 'anaphylaxis-grade3-other',
      label: '5',
      type: 'yes-no',
      text: { vi: 'Phản vệ độ 3 trở lên với bất kỳ dị nguyên nào', en: 'Anaphylaxis grade 3 or more to any allergen' },
      onYes: [{ kind: 'refer', code: 'ANAPHYLAXIS_SEVERE_OTHER_ALLERGEN' }],
    },
    {
      id: 'severe-immunodeficiency',
      label: '6a',
      type: 'yes-no',
      text: { vi: 'Đang bị suy giảm miễn dịch nặng', en: 'Severe immunodeficiency' },
      onYes: [{ kind: 'refer', code: 'IMMUNODEFICIENCY' }],
    },
    {
      id: 'cancer-under-treatment',
      label: '6b',
      type: 'yes-no',
      text: { vi: 'Ung thư đang điều trị hóa trị, xạ trị', en: 'Cancer under chemotherapy or radiotherapy' },
      onYes: [{ kind: 'refer', code: 'CANCER_UNDER_TREATMENT' }],
    },
    {
      id: 'asplenia',
      label: '6c',
      type: 'yes-no',
      text: { vi: 'Đã cắt lách hoặc mất chức năng lách', en: 'Spleen removed or not working' },
      onYes: [{ kind: 'refer', code: 'ASPLENIA' }],
    },
    {
      id: 'decompensated-cirrhosis',
      label: '6d',
      type: 'yes-no',
      text: { vi: 'Xơ gan mất bù', en: 'Decompensated cirrhosis' },
      onYes: [{ kind: 'refer', code: 'DECOMPENSATED_CIRRHOSIS' }],
    },
    {
      id: 'immunosuppressants',
      label: '6e',
      type: 'yes-no',
      text: {
        vi: 'Trong 14 ngày qua có dùng thuốc ức chế miễn dịch hoặc corticoid liều cao (tương đương prednisolon ≥ 2 mg/kg/ngày trong ≥ 7 ngày)',
        en: 'In the last 14 days, immunosuppressants or high-dose corticosteroids (prednisolone ≥ 2 mg/kg/day for ≥ 7 days or equivalent)',
      },
      onYes: [{ kind: 'refer', code: 'IMMUNOSUPPRESSANTS' }],
    },
    {
      id: 'allergy-other',
      label: '7',
      type: 'yes-no',
      text: { vi: 'Tiền sử dị ứng với bất kỳ dị nguyên nào khác', en: 'History of allergy to any other allergen' },
      onYes: [{ kind: 'caution', code: 'ALLERGY_OTHER_ALLERGEN', observationMinutes: 60 }],
    },
    {
      id: 'bleeding-risk',
      label: '8',
      type: 'yes-no',
      text: {
        vi: 'Tiền sử rối loạn đông máu/cầm máu hoặc đang dùng thuốc chống đông',
        en: 'Bleeding or clotting disorder, or taking anticoagulants',
      },
      onYes: [{ kind: 'caution', code: 'BLEEDING_RISK', precautions: ['FINE_NEEDLE', 'PRESS_SITE_2_MIN'] }],
    },
    {
      id: 'consciousness-disorder',
      label: '9',
      type: 'yes-no',
      text: { vi: 'Rối loạn tri giác, rối loạn hành vi', en: 'Impaired consciousness or behavioural disorder' },
      onYes: [{ kind: 'caution', code: 'CONSCIOUSNESS_OR_BEHAVIOUR_DISORDER', precautions: ['GUARDIAN_PRESENT'] }],
    },
    {
      id: 'temperature',
      label: '10',
      type: 'number',
      unit: '°C',
      min: 30,
      max: 43,
      text: { vi: 'Thân nhiệt', en: 'Temperature' },
      bands: [
        { gte: 37.5, effects: [{ kind: 'postpone', code: 'FEVER', returnAfterDays: 7 }] },
        { lt: 35.5, effects: [{ kind: 'caution', code: 'TEMPERATURE_LOW' }] },
      ],
    },
    {
      id: 'pulse',
      label: '10',
      type: 'number',
      unit: '/min',
      min: 30,
      max: 250,
      integer: true,
      text: { vi: 'Mạch', en: 'Pulse' },
      // Resting limits by age (station policy from paediatric norms; the form says "abnormal").
      bands: [
        { lt: 70, when: [{ maxAgeYears: 11 }], effects: [{ kind: 'caution', code: 'PULSE_LOW' }] },
        { gt: 120, when: [{ maxAgeYears: 11 }], effects: [{ kind: 'caution', code: 'PULSE_HIGH' }] },
        { lt: 60, when: [{ minAgeYears: 12 }], effects: [{ kind: 'caution', code: 'PULSE_LOW' }] },
        { gt: 100, when: [{ minAgeYears: 12 }], effects: [{ kind: 'caution', code: 'PULSE_HIGH' }] },
      ],
    },
    {
      id: 'respiratory-rate',
      label: '10',
      type: 'number',
      unit: '/min',
      min: 6,
      max: 90,
      integer: true,
      required: false,
      text: { vi: 'Nhịp thở', en: 'Respiratory rate' },
      bands: [
        { gt: 30, when: [{ maxAgeYears: 11 }], effects: [{ kind: 'caution', code: 'RESPIRATORY_RATE_HIGH' }] },
        { gt: 25, when: [{ minAgeYears: 12 }], effects: [{ kind: 'caution', code: 'RESPIRATORY_RATE_HIGH' }] },
      ],
    },
    {
      id: 'spo2',
      label: '10',
      type: 'number',
      unit: '%',
      min: 50,
      max: 100,
      integer: true,
      required: false,
      text: { vi: 'SpO2', en: 'SpO2' },
      bands: [{ lt: 94, effects: [{ kind: 'refer', code: 'SPO2_LOW' }] }],
    },
  ],
  ageRules: [],
  crossChecks: [],
});
