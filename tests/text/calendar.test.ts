import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, formatChineseDate, isoDateIn, isIsoDate, minutesOfDayIn, weekdayOf } from '../../src/text/calendar.js';

describe('calendar', () => {
  it('takes the calendar date in the paper time zone, not UTC', () => {
    // 2024-11-06 20:30 UTC is already 11月7日 04:30 in Shanghai
    const instant = new Date('2024-11-06T20:30:00Z');
    expect(isoDateIn('Asia/Shanghai', instant)).toBe('2024-11-07');
    expect(isoDateIn('UTC', instant)).toBe('2024-11-06');
    expect(minutesOfDayIn('Asia/Shanghai', instant)).toBe(4 * 60 + 30);
  });

  it('rejects impossible days', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2024-02-30')).toBe(false);
    expect(isIsoDate('2024-13-01')).toBe(false);
    expect(isIsoDate('20241107')).toBe(false);
  });

  it('moves across month and year ends', () => {
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(daysBetween('2024-11-07', '2024-11-10')).toBe(3);
    expect(daysBetween('2024-11-10', '2024-11-07')).toBe(-3);
  });

  it('names weekdays and formats Chinese dates', () => {
    expect(weekdayOf('2024-11-07')).toBe('星期四');
    expect(formatChineseDate('2024-11-07')).toBe('2024年11月7日');
  });
});
