import type { Scenario } from '../harness';
import { foundationScenarios } from './foundation';
import { checkinScenarios } from './checkin';
import { certificateScenarios } from './certificates';
import { clinicalScenarios } from './clinical';
import { limitsScenarios } from './limits';
import { closeOfDayScenarios } from './close-of-day';
import { uploadScenarios } from './upload';
import { injectionSuggestionScenarios } from './injection-suggestion';
import { lanScenarios } from './lan';

/** Every scenario, in run order. An area adds its file in this folder and one line here. */
export const SCENARIOS: readonly Scenario[] = [
  ...foundationScenarios,
  ...checkinScenarios,
  ...certificateScenarios,
  ...clinicalScenarios,
  ...injectionSuggestionScenarios,
  ...limitsScenarios,
  ...closeOfDayScenarios,
  ...uploadScenarios,
  ...lanScenarios,
];
