import { formatChineseDate, weekdayOf } from '../../text/calendar.js';
import type { DateSource } from '../../archive/model.js';

/**
 * 2024年11月7日 星期四; an inferred date (not printed on the issue) is marked 约 and shown without
 * a weekday, so a reader does not take a guess for a fact.
 */
export function formatIssueDate(date: string, dateSource: DateSource): string {
  return dateSource === 'inferred' ? `约${formatChineseDate(date)}` : `${formatChineseDate(date)} ${weekdayOf(date)}`;
}

/**
 * 11月8日, or 2023年3月24日 when its year differs from the date `relativeTo` (the issue on screen);
 * 约 in front when inferred. For buttons, where the weekday would not fit.
 */
export function formatShortIssueDate(issue: { date: string; dateSource: DateSource }, relativeTo: string): string {
  const [y, m, d] = issue.date.split('-').map(Number);
  const day = issue.date.slice(0, 4) === relativeTo.slice(0, 4) ? `${m}月${d}日` : `${y}年${m}月${d}日`;
  return issue.dateSource === 'inferred' ? `约${day}` : day;
}

/** 2024年11月7日至约2024年11月11日: the span of an archive or a list, each end marked 约 when inferred. */
export function formatIssueSpan(first: { date: string; dateSource: DateSource }, last: { date: string; dateSource: DateSource }): string {
  const one = (i: { date: string; dateSource: DateSource }) => `${i.dateSource === 'inferred' ? '约' : ''}${formatChineseDate(i.date)}`;
  return first.date === last.date && first.dateSource === last.dateSource ? one(first) : `${one(first)}至${one(last)}`;
}

/** 2024年11月7日 星期四 · 第12124期 (plain text; escape before putting it in HTML). */
export function formatIssueLabel(issue: { date: string; dateSource: DateSource; number?: number }): string {
  const date = formatIssueDate(issue.date, issue.dateSource);
  return issue.number !== undefined ? `${date} · 第${issue.number}期` : date;
}

/** Shortens a headline for a button label. */
export function shorten(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}
