/**
 * Target groups a session plan can name. Codes are stable; the UI translates
 * them. They follow the priority groups Viet Nam used for COVID-19 (Resolution
 * 21/NQ-CP) and extend to routine immunisation.
 */
export const TARGET_GROUPS = [
  'health_workers',
  'frontline_workers',
  'elderly_65_plus',
  'chronic_conditions',
  'pregnant_women',
  'teachers',
  'essential_services',
  'adults_18_plus',
  'adolescents_12_17',
  'children_5_11',
  'infants',
  'general',
] as const;

export type TargetGroup = (typeof TARGET_GROUPS)[number];

export function isTargetGroup(code: string): code is TargetGroup {
  return (TARGET_GROUPS as readonly string[]).includes(code);
}
