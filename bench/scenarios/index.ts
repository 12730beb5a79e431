import type { Scenario } from '../harness';
import { foundationScenarios } from './foundation';

/** Every scenario, in run order. An area adds its file in this folder and one line here. */
export const SCENARIOS: readonly Scenario[] = [...foundationScenarios];
