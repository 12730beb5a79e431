import { describe, expect, it } from 'vitest';
import { COVID19_ADULT_V1, COVID19_CHILD_V1, questionStates } from '../../../main/domain/screening';
import { ADULT_MAN, ADULT_WOMAN, TODAY } from './fixtures';

describe('which questions the form asks', () => {
  it('asks women about pregnancy and breastfeeding, men not', () => {
    expect(questionStates(COVID19_ADULT_V1, {}, ADULT_WOMAN).asked).toEqual(expect.arrayContaining(['pregnant', 'breastfeeding']));
    expect(questionStates(COVID19_ADULT_V1, {}, ADULT_MAN).asked).not.toContain('pregnant');
  });

  it('opens follow-up questions as answers open them, and requires them', () => {
    const closed = questionStates(COVID19_ADULT_V1, { 'covid19-recent': false }, ADULT_MAN);
    expect(closed.asked).not.toContain('covid19-date');
    const open = questionStates(COVID19_ADULT_V1, { 'covid19-recent': true }, ADULT_MAN);
    expect(open.asked).toContain('covid19-date');
    expect(open.required).toContain('covid19-date');
  });

  it('requires blood pressure from 65, and asks for nothing outside the form\'s ages', () => {
    const older = { today: TODAY, dateOfBirth: '1955-01-01', sex: 'male' as const };
    expect(questionStates(COVID19_ADULT_V1, {}, older).required).toContain('bp-systolic');
    expect(questionStates(COVID19_ADULT_V1, {}, ADULT_MAN).required).not.toContain('bp-systolic');
    expect(questionStates(COVID19_CHILD_V1, {}, ADULT_MAN)).toEqual({ asked: [], required: [] });
  });
});
