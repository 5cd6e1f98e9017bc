import type { Issue } from '../archive/model.js';
import { findDateExpressions, type DateExpression, type FoundDateExpression } from '../text/parse-date-expression.js';
import { normalizeForMatch } from '../text/normalize-for-match.js';
import type { SearchFilters } from './types.js';

/** A question split into the filters its dates and issue numbers imply and the text left to search. */
export interface UnderstoodQuery {
  filters: SearchFilters;
  /** The question (NFKC) with the expressions used as filters cut out. */
  rest: string;
  /** The expressions used as filters. */
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

export interface UnderstandQueryOptions {
  today: string;
  issueDates?: readonly string[];
  /**
   * Words that make a year or month a publication filter (config/publication-cues.txt, normalised):
   * "2024年的棉花报道" asks for the 2024 issues, "2024年新疆棉花产量" for 2024's cotton.
   */
  publicationCues?: readonly string[];
  /**
   * Whether a text still has something to search once the dates are cut out (default: any letter
   * or digit). The engine passes its tokenizer's view, so "2024年11月有什么" counts as only a date.
   */
  hasContent?: (text: string) => boolean;
}

const defaultHasContent = (text: string) => /[\p{L}\p{N}]/u.test(text);

/** Years and months usually date the fact asked about, days and issue numbers the issue wanted. */
function isLoose(e: DateExpression): boolean {
  return e.kind === 'year' || e.kind === 'month';
}

/** `text` with the expressions cut out (a space in place of each), whitespace squeezed. */
function cutOut(text: string, expressions: readonly FoundDateExpression[]): string {
  let out = '';
  let last = 0;
  for (const f of [...expressions].sort((a, b) => a.index - b.index)) {
    out += `${text.slice(last, f.index)} `;
    last = f.index + f.text.length;
  }
  out += text.slice(last);
  return out.replace(/\s+/g, ' ').trim();
}

/**
 * Pulls dates and issue numbers out of a question: "11月7日的报纸" → { date: '2024-11-07' },
 * "2024年11月的报道" → a month range, "第12124期" → { issueNumber: 12124 }. Several dates make one range
 * ("11月5日到11月7日"). A day or an issue number always filters; a bare year or month filters only
 * when the question is about the paper itself (nothing else to search, or a publication cue such as
 * 报纸/报道/那期/见报), otherwise it stays in the text as words of the question ("2024年新疆棉花产量").
 * Impossible dates are left in the text (they are not filters).
 */
export function understandQuery(question: string, options: UnderstandQueryOptions): UnderstoodQuery {
  const normalized = question.normalize('NFKC');
  const { found } = findDateExpressions(question, options);
  const valid = found.filter((f) => f.expression.kind !== 'invalid');
  const hasContent = options.hasContent ?? defaultHasContent;
  const folded = normalizeForMatch(normalized);
  const aboutPaper = (options.publicationCues ?? []).some((c) => c !== '' && folded.includes(c)) || !hasContent(cutOut(normalized, valid));
  const kept = aboutPaper ? valid : valid.filter((f) => !isLoose(f.expression));
  const filters: SearchFilters = {};
  let from: string | undefined;
  let to: string | undefined;
  for (const f of kept) {
    const e = f.expression;
    if (e.kind === 'issueNumber') {
      filters.issueNumber = e.number;
      continue;
    }
    const r = rangeOf(e.kind === 'day' && e.yearless ? { ...e, date: yearFromArchive(e.date, options) } : e);
    if (r === undefined) continue;
    from = from === undefined || r.from < from ? r.from : from;
    to = to === undefined || r.to > to ? r.to : to;
  }
  if (from !== undefined && to !== undefined) {
    if (from === to) filters.date = from;
    else {
      filters.dateFrom = from;
      filters.dateTo = to;
    }
  }
  // Impossible dates and dates that belong to the fact asked about stay: they are words of the question.
  return { filters, rest: cutOut(normalized, kept), found: kept };
}

export function hasFilters(filters: SearchFilters | undefined): boolean {
  return filters !== undefined && (filters.date !== undefined || filters.dateFrom !== undefined || filters.dateTo !== undefined || filters.issueNumber !== undefined);
}

/** True when an issue satisfies every filter. */
export function issueMatches(issue: Pick<Issue, 'date' | 'number'>, filters: SearchFilters): boolean {
  if (filters.date !== undefined && issue.date !== filters.date) return false;
  if (filters.dateFrom !== undefined && issue.date < filters.dateFrom) return false;
  if (filters.dateTo !== undefined && issue.date > filters.dateTo) return false;
  if (filters.issueNumber !== undefined && issue.number !== filters.issueNumber) return false;
  return true;
}
