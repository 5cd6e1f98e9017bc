import { formatChineseDate, weekdayOf } from '../../archive/calendar.js';
import type { DateSource } from '../../archive/model.js';

/**
 * 2024年11月7日 星期四; an inferred date (not printed on the issue) is marked 约 and shown without
 * a weekday, so a reader does not take a guess for a fact.
 */
export function formatIssueDate(date: string, dateSource: DateSource): string {
  return dateSource === 'inferred' ? `约${formatChineseDate(date)}` : `${formatChineseDate(date)} ${weekdayOf(date)}`;
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
