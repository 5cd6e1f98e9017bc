import type { Archive } from '../archive/archive.js';
import type { Issue } from '../archive/model.js';
import { normalizeForMatch } from '../text/normalize-for-match.js';
import { TAG_MARK, articleMatchesFilter, termLabel, type DigestFilter } from './digest-filter.js';

/** How the newest issue fares under a filter: matching articles of all, so an empty filter can be said plainly. */
export function newestIssueMatches(archive: Pick<Archive, 'latest' | 'readIssue'>, filter: DigestFilter): { issue: Issue; matched: number; total: number } | undefined {
  const head = archive.latest();
  const issue = head && archive.readIssue(head.id);
  if (!issue) return undefined;
  const matched = issue.articles.filter((a) => a.title.trim() !== '' && articleMatchesFilter(a, filter)).length;
  return { issue, matched, total: issue.articles.length };
}

/**
 * Keywords of a filter that no article in the whole archive matches (saved anyway: the next issue may).
 * A keyword matches as articleMatchesFilter says: a topic or place name holding it with articles
 * tagged, or any article printing it. The archive's full-text index answers the second (one query per
 * keyword), so this stays fast at fifteen years instead of reading every issue.
 */
export function keywordsMatchingNothing(archive: Pick<Archive, 'topics' | 'countArticlesWith'>, filter: DigestFilter): string[] {
  if (filter.include.length === 0) return [];
  const tags = archive.topics().filter((t) => t.count > 0).map((t) => normalizeForMatch(t.name));
  return filter.include.filter((word) => {
    const t = normalizeForMatch(termLabel(word));
    return !tags.some((tag) => tag.includes(t)) && (word.startsWith(TAG_MARK) || archive.countArticlesWith(word, 1) === 0);
  });
}
