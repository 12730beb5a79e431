import { describe, expect, it } from 'vitest';
import { minutesLeft, observationState, observationTimes } from '../../../main/domain/observation';

describe('observation times', () => {
  it('keeps everyone at least 30 minutes, longer when screening asks, and is overdue 15 minutes after', () => {
    expect(observationTimes('2026-03-10T02:00:00.000Z', 30)).toEqual({ dueAt: '2026-03-10T02:30:00.000Z', overdueAt: '2026-03-10T02:45:00.000Z' });
    expect(observationTimes('2026-03-10T02:00:00.000Z', 60).dueAt).toBe('2026-03-10T03:00:00.000Z');
    expect(observationTimes('2026-03-10T02:00:00.000Z', 10).dueAt).toBe('2026-03-10T02:30:00.000Z');
  });

  it('says waiting, due, overdue or released by the clock given', () => {
    const o = { dueAt: '2026-03-10T02:30:00.000Z', releasedAt: null };
    expect(observationState(o, '2026-03-10T02:29:59.999Z')).toBe('waiting');
    expect(observationState(o, '2026-03-10T02:30:00.000Z')).toBe('due');
    expect(observationState(o, '2026-03-10T02:44:59.000Z')).toBe('due');
    expect(observationState(o, '2026-03-10T02:45:00.000Z')).toBe('overdue');
    expect(observationState({ ...o, releasedAt: '2026-03-10T02:31:00.000Z' }, '2026-03-10T05:00:00.000Z')).toBe('released');
  });

  it('rounds the minutes left up, so "0 minutes" never shows while someone must still wait', () => {
    expect(minutesLeft('2026-03-10T02:30:00.000Z', '2026-03-10T02:29:50.000Z')).toBe(1);
    expect(minutesLeft('2026-03-10T02:30:00.000Z', '2026-03-10T02:10:00.000Z')).toBe(20);
    expect(minutesLeft('2026-03-10T02:30:00.000Z', '2026-03-10T02:31:00.000Z')).toBe(0);
  });
});
