import { daysBetween } from '../text/calendar.js';
import type { Archive, ArticleHeadRef } from './archive.js';
import type { ArticleHead, IssueHead } from './model.js';

/** The lookups over issue heads that every archive answers the same way, whatever stores the text. */
export type IssueHeadLookups = Pick<Archive, 'issues' | 'latest' | 'issueById' | 'issuesOn' | 'issueByNumber' | 'neighbours' | 'nearest' | 'dateRange'>;

/**
 * Lookups over the archive's current heads, sorted oldest first. Takes getters, not the lists, because an
 * archive replaces its lists when an issue is added or removed while running.
 */
export function issueHeadLookups(heads: () => readonly IssueHead[], byId: () => ReadonlyMap<string, IssueHead>): IssueHeadLookups {
  return {
    issues: () => heads(),
    latest: () => heads()[heads().length - 1],
    issueById: (id) => byId().get(id),
    issuesOn: (date) => heads().filter((i) => i.date === date),
    issueByNumber: (number) => heads().find((i) => i.number === number),
    neighbours(issueId) {
      const sorted = heads();
      const idx = sorted.findIndex((i) => i.id === issueId);
      if (idx === -1) return {};
      return { previous: sorted[idx - 1], next: sorted[idx + 1] };
    },
    nearest(date) {
      let before: IssueHead | undefined;
      let after: IssueHead | undefined;
      for (const issue of heads()) {
        const d = daysBetween(date, issue.date);
        if (d < 0) before = issue;
        else if (d > 0 && after === undefined) after = issue;
      }
      return { before, after };
    },
    dateRange() {
      const sorted = heads();
      const first = sorted[0];
      const last = sorted[sorted.length - 1];
      return first && last ? { first: first.date, last: last.date } : undefined;
    },
  };
}

/** The articles of `heads` (sorted oldest first) that satisfy `pred`, newest issue first. */
export function articleRefsNewestFirst(heads: readonly IssueHead[], pred: (a: ArticleHead) => boolean): ArticleHeadRef[] {
  const out: ArticleHeadRef[] = [];
  for (let i = heads.length - 1; i >= 0; i--) {
    const issue = heads[i]!;
    for (const article of issue.articles) if (pred(article)) out.push({ article, issue });
  }
  return out;
}
