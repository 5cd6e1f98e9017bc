import { describe, expect, it } from 'vitest';
import { futureDateProblem } from '../../src/ingest/future-date-problem.js';

// 2026-12-03 23:30 in UTC is already 2026-12-04 in Urumqi (UTC+6): the paper's day counts.
const now = new Date('2026-12-03T23:30:00Z');

describe('futureDateProblem', () => {
  it('refuses a date more than two days after today in the paper time zone, saying how to fix it', () => {
    expect(futureDateProblem('2032-03-24.txt', { date: '2032-03-24', dateSource: 'filename' }, now, 'Asia/Urumqi')).toBe(
      '2032-03-24.txt refused as misdated: its filename date 2032-03-24 is after today (2026-12-04). To add it, rename the file to its real date.',
    );
    expect(futureDateProblem('misc/unknown.txt', { date: '2099-01-01', dateSource: 'manifest' }, now, 'Asia/Urumqi')).toContain('correct its date in config/manifest.json');
    expect(futureDateProblem('x.txt', { date: '2026-12-07', dateSource: 'masthead' }, now, 'Asia/Urumqi')).toContain('2026-12-07');
  });

  it('accepts today, the past and the next two days', () => {
    for (const date of ['2026-12-06', '2026-12-04', '2024-11-07']) expect(futureDateProblem('x.txt', { date, dateSource: 'filename' }, now, 'Asia/Urumqi')).toBeUndefined();
  });
});
