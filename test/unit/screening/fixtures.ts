import type { ScreeningContext } from '../../../main/domain/screening';

export { adultAnswers, childAnswers } from '../../support/screening-answers';

export const TODAY = '2026-03-10';

export const ADULT_MAN: ScreeningContext = { today: TODAY, dateOfBirth: '1980-05-20', sex: 'male' };
export const ADULT_WOMAN: ScreeningContext = { today: TODAY, dateOfBirth: '1990-08-02', sex: 'female' };

