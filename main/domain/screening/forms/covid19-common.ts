import type { Platform } from '../../eligibility/types';
import type { ChoiceOption, Condition, Effect, LocalText, NumberQuestion, Question, YesNoQuestion } from '../types';

/**
 * The items the adults' and the children's COVID-19 checklists (Quyết định
 * 5002/QĐ-BYT) word and rule alike, written once so a reading of the two forms
 * cannot drift apart by a typo. The paper forms number them differently, so
 * each builder takes the form's own label.
 *
 * Everything here ends up in published versions: changing it changes every
 * form built from it, which the fingerprint test refuses. A new wording or
 * threshold belongs in the new version's own file, not here.
 *
 * Numbers the checklist leaves to the site are marked "station policy".
 */

/** A yes/no item; `onYes` is left out altogether when answering yes concludes nothing by itself. */
export function yesNo(id: string, label: string, text: LocalText, onYes?: readonly Effect[]): YesNoQuestion {
  return onYes ? { id, label, type: 'yes-no', text, onYes } : { id, label, type: 'yes-no', text };
}

/** A vaccine type the person can name in item 1a: anaphylaxis to it rules out that platform. */
export function anaphylaxisTo(platform: Platform, text: LocalText): ChoiceOption {
  return { value: platform, text, effects: [{ kind: 'contraindicate', code: 'ANAPHYLAXIS_PRIOR_DOSE', platforms: [platform] }] };
}

/**
 * Items 1 and 1a. Both forms offer mRNA first and "type not known" last; in
 * between, the other types given to that age group.
 */
export function anaphylaxisToCovidVaccine(otherTypes: readonly ChoiceOption[]): Question[] {
  return [
    yesNo('anaphylaxis-covid-vaccine', '1', {
      vi: 'Tiền sử rõ ràng phản vệ (từ độ 2 trở lên) với vắc xin phòng COVID-19 lần trước hoặc với các thành phần của vắc xin phòng COVID-19',
      en: 'Clear history of anaphylaxis (grade 2 or more) after an earlier COVID-19 vaccine dose or to a component of a COVID-19 vaccine',
    }),
    {
      id: 'anaphylaxis-vaccine-type',
      label: '1a',
      type: 'choice',
      when: [{ answer: 'anaphylaxis-covid-vaccine', is: true }],
      text: { vi: 'Loại vắc xin (hoặc thành phần) đã gây phản vệ', en: 'Vaccine type (or component) that caused it' },
      // The form contraindicates "vắc xin cùng loại": the same type, i.e. platform.
      options: [
        anaphylaxisTo('mRNA', { vi: 'Vắc xin mRNA (Pfizer – Comirnaty, Moderna – Spikevax) hoặc PEG', en: 'mRNA vaccine (Comirnaty, Spikevax) or PEG' }),
        ...otherTypes,
        {
          value: 'unknown',
          text: { vi: 'Không rõ loại vắc xin', en: 'Type not known' },
          // Not knowing which type leaves none of them safe to give.
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
  ];
}

export function acuteIllness(label: string): YesNoQuestion {
  return yesNo('acute-illness', label, { vi: 'Đang mắc bệnh cấp tính', en: 'Acute illness now' }, [
    // The form says "until recovered"; a week is the station policy for the return date it prints.
    { kind: 'postpone', code: 'ACUTE_ILLNESS', returnAfterDays: 7 },
  ]);
}

/** COVID-19 in the last 3 months (the 2022 rule on both forms), then the date it was confirmed. */
export function recentCovid19(label: string, dateLabel: string): Question[] {
  return [
    yesNo('covid19-recent', label, { vi: 'Tiền sử rõ ràng mắc COVID-19 trong vòng 3 tháng', en: 'Clearly had COVID-19 within the last 3 months' }),
    {
      id: 'covid19-date',
      label: dateLabel,
      type: 'date',
      when: [{ answer: 'covid19-recent', is: true }],
      text: { vi: 'Ngày mắc COVID-19 (ngày xét nghiệm dương tính)', en: 'Date of the COVID-19 infection (positive test)' },
      effects: [{ kind: 'postpone-after-answer-date', code: 'COVID19_WITHIN_3_MONTHS', months: 3 }],
    },
  ];
}

/**
 * Pregnancy and its weeks. Who is asked and what else applies from the 13th
 * week (the products kept away) differ by form, so each form says them.
 */
export function pregnancy(
  labels: { pregnant: string; weeks: string },
  askedWhen: readonly Condition[],
  alsoFrom13Weeks: readonly Effect[],
): Question[] {
  return [
    { id: 'pregnant', label: labels.pregnant, type: 'yes-no', when: askedWhen, text: { vi: 'Đang mang thai', en: 'Pregnant' } },
    {
      id: 'pregnancy-weeks',
      label: labels.weeks,
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
        { gte: 13, effects: [{ kind: 'caution', code: 'PREGNANCY_13_WEEKS_OR_MORE', precautions: ['COUNSEL_BENEFIT_RISK'] }, ...alsoFrom13Weeks] },
      ],
    },
  ];
}

/** The conditions the checklist asks under one number (a–e), each a reason to vaccinate in hospital. */
const WEAKENED_IMMUNITY: readonly { id: string; text: LocalText; code: string }[] = [
  { id: 'severe-immunodeficiency', text: { vi: 'Đang bị suy giảm miễn dịch nặng', en: 'Severe immunodeficiency' }, code: 'IMMUNODEFICIENCY' },
  { id: 'cancer-under-treatment', text: { vi: 'Ung thư đang điều trị hóa trị, xạ trị', en: 'Cancer under chemotherapy or radiotherapy' }, code: 'CANCER_UNDER_TREATMENT' },
  { id: 'asplenia', text: { vi: 'Đã cắt lách hoặc mất chức năng lách', en: 'Spleen removed or not working' }, code: 'ASPLENIA' },
  { id: 'decompensated-cirrhosis', text: { vi: 'Xơ gan mất bù', en: 'Decompensated cirrhosis' }, code: 'DECOMPENSATED_CIRRHOSIS' },
  {
    id: 'immunosuppressants',
    text: {
      vi: 'Trong 14 ngày qua có dùng thuốc ức chế miễn dịch hoặc corticoid liều cao (tương đương prednisolon ≥ 2 mg/kg/ngày trong ≥ 7 ngày)',
      en: 'In the last 14 days, immunosuppressants or high-dose corticosteroids (prednisolone ≥ 2 mg/kg/day for ≥ 7 days or equivalent)',
    },
    code: 'IMMUNOSUPPRESSANTS',
  },
];

/**
 * The run of the checklist from severe anaphylaxis to behavioural disorders:
 * the same items in the same order on both forms, numbered from 4 on the
 * adults' (items 4, 5a–5e, 6, 7, 8) and from 5 on the children's, which asks
 * COVID-19 and acute illness as separate numbers first.
 */
export function medicalHistory(first: number): Question[] {
  const number = (offset: number): string => String(first + offset);
  return [
    yesNo('anaphylaxis-grade3-other', number(0), { vi: 'Phản vệ độ 3 trở lên với bất kỳ dị nguyên nào', en: 'Anaphylaxis grade 3 or more to any allergen' }, [
      { kind: 'refer', code: 'ANAPHYLAXIS_SEVERE_OTHER_ALLERGEN' },
    ]),
    // The text is copied so each form is its own tree, frozen with it, sharing nothing.
    ...WEAKENED_IMMUNITY.map((item, i) => yesNo(item.id, `${number(1)}${'abcde'.charAt(i)}`, { ...item.text }, [{ kind: 'refer', code: item.code }])),
    yesNo('allergy-other', number(2), { vi: 'Tiền sử dị ứng với bất kỳ dị nguyên nào khác', en: 'History of allergy to any other allergen' }, [
      // The form says "caution"; a full hour on site is the station policy for it.
      { kind: 'caution', code: 'ALLERGY_OTHER_ALLERGEN', observationMinutes: 60 },
    ]),
    yesNo(
      'bleeding-risk',
      number(3),
      { vi: 'Tiền sử rối loạn đông máu/cầm máu hoặc đang dùng thuốc chống đông', en: 'Bleeding or clotting disorder, or taking anticoagulants' },
      // Intramuscular injection is still given: fine needle, firm pressure for at least 2 minutes.
      [{ kind: 'caution', code: 'BLEEDING_RISK', precautions: ['FINE_NEEDLE', 'PRESS_SITE_2_MIN'] }],
    ),
    yesNo('consciousness-disorder', number(4), { vi: 'Rối loạn tri giác, rối loạn hành vi', en: 'Impaired consciousness or behavioural disorder' }, [
      { kind: 'caution', code: 'CONSCIOUSNESS_OR_BEHAVIOUR_DISORDER', precautions: ['GUARDIAN_PRESENT'] },
    ]),
  ];
}

/**
 * Temperature, required on both forms. The adults' form heads it "Nhiệt độ",
 * the children's "Thân nhiệt"; each keeps its own printed word.
 */
export function temperature(label: string, vi: 'Nhiệt độ' | 'Thân nhiệt'): NumberQuestion {
  return {
    id: 'temperature',
    label,
    type: 'number',
    unit: '°C',
    min: 30,
    max: 43,
    text: { vi, en: 'Temperature' },
    bands: [
      { gte: 37.5, effects: [{ kind: 'postpone', code: 'FEVER', returnAfterDays: 7 }] },
      { lt: 35.5, effects: [{ kind: 'caution', code: 'TEMPERATURE_LOW' }] },
    ],
  };
}

export function spo2(label: string): NumberQuestion {
  return {
    id: 'spo2',
    label,
    type: 'number',
    unit: '%',
    min: 50,
    max: 100,
    integer: true,
    required: false,
    text: { vi: 'SpO2', en: 'SpO2' },
    // Not on the forms; below 94 % at rest is a referral (station policy).
    bands: [{ lt: 94, effects: [{ kind: 'refer', code: 'SPO2_LOW' }] }],
  };
}
