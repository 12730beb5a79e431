import { deepFreeze } from '../../eligibility/deep-freeze';
import type { ScreeningForm } from '../types';
import { acuteIllness, anaphylaxisTo, anaphylaxisToCovidVaccine, medicalHistory, pregnancy, recentCovid19, spo2, temperature } from './covid19-common';

/**
 * Pre-vaccination screening for COVID-19 vaccines, children 5–17, version 1.
 * Follows the Ministry of Health's children's checklist (Bảng kiểm trước tiêm
 * chủng vắc xin phòng COVID-19 đối với trẻ em, Quyết định 5002/QĐ-BYT; used
 * for 12–17 from late 2021 and for 5–11 from April 2022), with the 2022 change
 * from 6 to 3 months after a COVID-19 infection. Temperature and pulse are
 * taken for every child, as the checklist's header asks.
 *
 * Published: never edit. A change is covid19-child-v2.ts registered beside it.
 * Items the adults' form words and rules alike come from covid19-common.ts;
 * this file keeps the children's own (vaccine types offered, pregnancy from
 * 12, pulse and breathing limits by age).
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
    ...anaphylaxisToCovidVaccine([anaphylaxisTo('inactivated', { vi: 'Vắc xin bất hoạt (Vero Cell)', en: 'Inactivated vaccine (Vero Cell)' })]),
    ...recentCovid19('2', '2a'),
    acuteIllness('3'),
    // Asked of girls 12–17, as on the adolescents' form.
    ...pregnancy({ pregnant: '4', weeks: '4a' }, [{ sex: 'female' }, { minAgeYears: 12 }], []),
    // Items 5, 6a–6e, 7, 8 and 9.
    ...medicalHistory(5),
    temperature('10', 'Thân nhiệt'),
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
    spo2('10'),
  ],
  ageRules: [],
  crossChecks: [],
});
