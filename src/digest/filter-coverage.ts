import type { Archive } from '../archive/archive.js';
import type { Issue } from '../archive/model.js';
import { articleMatchesFilter, type DigestFilter } from './digest-filter.js';

/** How the newest issue fares under a filter: matching articles of all, so an empty filter can be said plainly. */
export function newestIssueMatches(archive: Pick<Archive, 'latest' | 'readIssue'>, filter: DigestFilter): { issue: Issue; matched: number; total: number } | undefined {
  const head = archive.latest();
  const issue = head && archive.readIssue(head.id);
  if (!issue) return undefined;
  const matched = issue.articles.filter((a) => a.title.trim() !== '' && articleMatchesFilter(a, filter)).length;
  return { issue, matched, total: issue.articles.length };
}

/** Keywords of a filter that no article in the whole archive matches (saved anyway: the next issue may). */
export function keywordsMatchingNothing(archive: Pick<Archive, 'issues' | 'readIssue'>, filter: DigestFilter): string[] {
  if (filter.include.length === 0) return [];
  const issues = archive.issues().map((h) => archive.readIssue(h.id)?.articles ?? []);
  return filter.include.filter((word) => !issues.some((articles) => articles.some((a) => articleMatchesFilter(a, { include: [word], exclude: [] }))));
}
