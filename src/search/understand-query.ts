import type { Issue } from '../archive/model.js';
import { findDateExpressions, type DateExpression, type FoundDateExpression } from '../text/parse-date-expression.js';
import type { SearchFilters } from './types.js';

/** A question split into the filters its dates and issue numbers imply and the text left to search. */
export interface UnderstoodQuery {
  filters: SearchFilters;
  /** The question with the date/issue expressions cut out. */
  rest: string;
  found: FoundDateExpression[];
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** The inclusive ISO date range an expression covers (undefined for issue numbers and invalid dates). */
function rangeOf(e: DateExpression): { from: string; to: string } | undefined {
  switch (e.kind) {
    case 'day':
      return { from: e.date, to: e.date };
    case 'month': {
      const last = new Date(Date.UTC(e.year, e.month, 0)).getUTCDate();
      return { from: `${e.year}-${pad(e.month)}-01`, to: `${e.year}-${pad(e.month)}-${pad(last)}` };
    }
    case 'year':
      return { from: `${e.year}-01-01`, to: `${e.year}-12-31` };
    default:
      return undefined;
  }
}

/**
 * A day written without a year ("11月7日") means the most recent such day the archive printed, if any:
 * the reader is asking about an issue they saw, which need not be this year's.
 */
function yearFromArchive(date: string, options: { today: string; issueDates?: readonly string[] }): string {
  if (options.issueDates === undefined || options.issueDates.includes(date)) return date;
  const monthDay = date.slice(4);
  let best: string | undefined;
  for (const d of options.issueDates) if (d.endsWith(monthDay) && d <= options.today && (best === undefined || d > best)) best = d;
  return best ?? date;
}

/**
 * Pulls dates and issue numbers out of a question: "11月7日的报纸" → { date: '2024-11-07' },
 * "2024年11月" → a month range, "第12124期" → { issueNumber: 12124 }. Several dates make one range
 * ("11月5日到11月7日"). Impossible dates are left in the text (they are not filters).
 */
export function understandQuery(question: string, options: { today: string; issueDates?: readonly string[] }): UnderstoodQuery {
  const { found, rest } = findDateExpressions(question, options);
  const filters: SearchFilters = {};
  let from: string | undefined;
  let to: string | undefined;
  const kept: FoundDateExpression[] = [];
  let text = rest;
  for (const f of found) {
    const e = f.expression;
    if (e.kind === 'invalid') continue;
    kept.push(f);
    if (e.kind === 'issueNumber') {
      filters.issueNumber = e.number;
      continue;
    }
    const r = rangeOf(e.kind === 'day' && e.yearless ? { ...e, date: yearFromArchive(e.date, options) } : e);
    if (r === undefined) continue;
    from = from === undefined || r.from < from ? r.from : from;
    to = to === undefined || r.to > to ? r.to : to;
  }
  if (kept.length !== found.length) {
    // Put impossible dates back: they are words of the question, not filters.
    text = question.normalize('NFKC');
    for (const f of kept) text = text.replace(f.text, ' ');
    text = text.replace(/\s+/g, ' ').trim();
  }
  if (from !== undefined && to !== undefined) {
    if (from === to) filters.date = from;
    else {
      filters.dateFrom = from;
      filters.dateTo = to;
    }
  }
  return { filters, rest: text, found: kept };
}

export function hasFilters(filters: SearchFilters | undefined): boolean {
  return filters !== undefined && (filters.date !== undefined || filters.dateFrom !== undefined || filters.dateTo !== undefined || filters.issueNumber !== undefined);
}

/** True when an issue satisfies every filter. */
export function issueMatches(issue: Issue, filters: SearchFilters): boolean {
  if (filters.date !== undefined && issue.date !== filters.date) return false;
  if (filters.dateFrom !== undefined && issue.date < filters.dateFrom) return false;
  if (filters.dateTo !== undefined && issue.date > filters.dateTo) return false;
  if (filters.issueNumber !== undefined && issue.number !== filters.issueNumber) return false;
  return true;
}
