import { describe, expect, it } from 'vitest';
import type { Issue } from '../../src/archive/model.js';
import { testProfile } from '../support/test-profile.js';
import { hasFilters, issueMatches, understandQuery } from '../../src/search/understand-query.js';

const today = '2024-11-20';
const publicationCues = testProfile.publicationCues;

describe('understandQuery', () => {
  it('turns a day into a date filter and keeps the rest to search', () => {
    expect(understandQuery('11月7日的报纸说了什么', { today })).toMatchObject({ filters: { date: '2024-11-07' }, rest: '的报纸说了什么' });
  });

  it('gives a day written without a year the most recent year the archive printed it', () => {
    const issueDates = ['2023-11-07', '2024-11-07', '2025-03-08'];
    expect(understandQuery('11月7日的报纸', { today: '2026-11-22', issueDates }).filters).toEqual({ date: '2024-11-07' });
    // No issue on that day in any year: the most recent calendar day stands.
    expect(understandQuery('11月8日的报纸', { today: '2026-11-22', issueDates }).filters).toEqual({ date: '2026-11-08' });
    // A year the reader wrote is never replaced.
    expect(understandQuery('2026年11月7日的报纸', { today: '2026-11-22', issueDates }).filters).toEqual({ date: '2026-11-07' });
  });

  it('turns a month or a year into a date range when the question is about the paper', () => {
    expect(understandQuery('2024年2月的小麦报道', { today, publicationCues }).filters).toEqual({ dateFrom: '2024-02-01', dateTo: '2024-02-29' });
    expect(understandQuery('2023年见报的小麦新闻', { today, publicationCues }).filters).toEqual({ dateFrom: '2023-01-01', dateTo: '2023-12-31' });
  });

  it('keeps a year or month that dates the fact asked about as words of the question', () => {
    for (const q of ['2024年新疆棉花产量', '２０２４年新疆棉花种植面积是多少', '2024年2月的小麦']) {
      const u = understandQuery(q, { today, publicationCues });
      expect(u.filters).toEqual({});
      expect(u.rest).toContain('2024年');
    }
  });

  it('filters on a year or month when nothing else is left to search', () => {
    const hasContent = (text: string) => text.replace(/[的有什么\s]/gu, '') !== '';
    expect(understandQuery('2024年11月有什么', { today, publicationCues, hasContent }).filters).toEqual({ dateFrom: '2024-11-01', dateTo: '2024-11-30' });
    expect(understandQuery('2023年', { today, publicationCues }).filters).toEqual({ dateFrom: '2023-01-01', dateTo: '2023-12-31' });
  });

  it('always filters on a day or an issue number', () => {
    expect(understandQuery('11月7日新疆棉花产量', { today, publicationCues }).filters).toEqual({ date: '2024-11-07' });
    expect(understandQuery('2024年第12124期棉花', { today, publicationCues })).toMatchObject({ filters: { issueNumber: 12124 }, rest: '2024年 棉花' });
  });

  it('turns an issue number into a filter', () => {
    expect(understandQuery('总第12124期头版', { today })).toMatchObject({ filters: { issueNumber: 12124 }, rest: '头版' });
  });

  it('makes one range of several dates', () => {
    expect(understandQuery('11月5日到11月7日的火区治理', { today }).filters).toEqual({ dateFrom: '2024-11-05', dateTo: '2024-11-07' });
  });

  it('leaves an impossible date in the text instead of filtering on it', () => {
    const u = understandQuery('2月30日的新闻和11月7日的报纸', { today });
    expect(u.filters).toEqual({ date: '2024-11-07' });
    expect(u.rest).toContain('2月30日');
  });

  it('finds no filters in a question without dates', () => {
    const u = understandQuery('木垒县冬小麦长势如何', { today });
    expect(hasFilters(u.filters)).toBe(false);
    expect(u.rest).toBe('木垒县冬小麦长势如何');
  });
});

describe('issueMatches', () => {
  const issue = { date: '2024-11-07', number: 12124 } as Issue;
  it('applies every filter', () => {
    expect(issueMatches(issue, { date: '2024-11-07' })).toBe(true);
    expect(issueMatches(issue, { dateFrom: '2024-11-01', dateTo: '2024-11-30' })).toBe(true);
    expect(issueMatches(issue, { dateFrom: '2024-11-08' })).toBe(false);
    expect(issueMatches(issue, { issueNumber: 12124, date: '2024-11-08' })).toBe(false);
    expect(issueMatches({ ...issue, number: undefined }, { issueNumber: 12124 })).toBe(false);
  });
});
