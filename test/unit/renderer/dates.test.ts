import { describe, expect, it } from 'vitest';
import { formatSiteDate, formatSiteInstant, parseTypedDate, readableParams } from '../../../renderer/src/components/dates';

describe('dates as the site reads and types them', () => {
  it('shows calendar dates dd/MM/yyyy in both languages, partial dates as far as known', () => {
    expect(formatSiteDate('2026-12-03', 'vi')).toBe('03/12/2026');
    expect(formatSiteDate('2026-12-03', 'en')).toBe('03/12/2026');
    expect(formatSiteDate('1990-07', 'vi')).toBe('07/1990');
    expect(formatSiteDate(null, 'vi')).toBe('—');
  });

  it("shows an instant as the site's local date and time, whatever the computer's zone", () => {
    // 09:16 UTC is 16:16 in Ho Chi Minh City; 20:30 UTC is already the next day there.
    expect(formatSiteInstant('2026-12-03T09:16:34.558Z')).toBe('03/12/2026 16:16');
    expect(formatSiteInstant('2026-12-03T20:30:00Z')).toBe('04/12/2026 03:30');
  });

  it('never lets an ISO date or instant reach a message', () => {
    expect(readableParams({ today: '2026-12-03', until: '2026-12-03T09:16:34.558Z', lotNumber: 'FK5127', count: 3 })).toEqual({
      today: '03/12/2026',
      until: '03/12/2026 16:16',
      lotNumber: 'FK5127',
      count: 3,
    });
  });

  it('reads dates typed dd/MM/yyyy (with / . or -, or none), and refuses impossible ones', () => {
    expect(parseTypedDate('15/03/2026')).toBe('2026-03-15');
    expect(parseTypedDate('5/3/2026')).toBe('2026-03-05');
    expect(parseTypedDate('15.03.2026')).toBe('2026-03-15');
    expect(parseTypedDate('15032026')).toBe('2026-03-15');
    expect(parseTypedDate('2026-03-15')).toBe('2026-03-15');
    expect(parseTypedDate('31/02/2026')).toBeNull();
    expect(parseTypedDate('03/15/2026')).toBeNull();
    expect(parseTypedDate('15/03/26')).toBeNull();
    expect(parseTypedDate('')).toBeNull();
  });
});
