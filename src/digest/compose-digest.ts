import type { Article, DateSource, Issue } from '../archive/model.js';
import { normalizeForMatch } from '../text/normalize-for-match.js';

/** One article line of a digest: headline, a one-sentence lead, and its topic/place tags. */
export interface DigestItem {
  articleId: string;
  title: string;
  lead: string;
  tags: string[];
}

/**
 * A digest as data, not HTML: the telegram side renders it (escaping, splitting, buttons),
 * the CLI and tests can read it as is.
 */
export interface Digest {
  paper: string;
  issueId: string;
  date: string;
  dateSource: DateSource;
  number?: number;
  weekday?: string;
  pageCount?: number;
  /** The subscription's topic/keyword filter, when the digest was narrowed by one. */
  filter?: string;
  items: DigestItem[];
  /** Articles in the whole issue, so a filtered digest can say "3 of 17". */
  issueArticles: number;
}

const LEAD_MAX = 60;

/**
 * Builds the digest of `issue` for a subscription. With a filter, only matching articles are kept, and when none
 * match the result is undefined: a "nothing for you today" message would be noise, so nothing is sent.
 */
export function composeDigest(issue: Issue, options: { filter?: string } = {}): Digest | undefined {
  const filter = options.filter?.trim() || undefined;
  const articles = issue.articles.filter((a) => a.title.trim() !== '' && (filter === undefined || matchesFilter(a, filter)));
  if (articles.length === 0) return undefined;
  return {
    paper: issue.paper,
    issueId: issue.id,
    date: issue.date,
    dateSource: issue.dateSource,
    number: issue.number,
    weekday: issue.weekday,
    pageCount: issue.pageCount,
    filter,
    items: articles.map((a) => ({ articleId: a.id, title: a.title.trim(), lead: leadOf(a), tags: [...a.topics, ...a.places] })),
    issueArticles: issue.articles.length,
  };
}

/**
 * A subscription keyword matches an article by its tags first (农业 matches the topic 农业农村, 昌吉 the place 昌吉市),
 * else by its text (headline, kicker, subtitle, body, captions).
 */
export function matchesFilter(article: Article, filter: string): boolean {
  // Compare as search does (width, case, 繁→简 folded), so "ＰＭ2.5" or "農業" still match.
  const f = normalizeForMatch(filter.trim());
  if (f === '') return true;
  if ([...article.topics, ...article.places].some((tag) => normalizeForMatch(tag).includes(f))) return true;
  const text = [article.title, article.kicker, article.subtitle, ...article.paragraphs, ...article.captions].filter(Boolean).join('\n');
  return normalizeForMatch(text).includes(f);
}

/** The first sentence of the body (after any dateline such as 新华社北京11月6日电), at most LEAD_MAX characters. */
export function leadOf(article: Article): string {
  const first = [...article.paragraphs, ...article.captions].find((p) => p.trim() !== '') ?? '';
  let text = first.trim();
  if (article.dateline && text.startsWith(article.dateline)) text = text.slice(article.dateline.length);
  text = text.replace(/^[\s□■●◆　:：，,]+/, '');
  const end = text.search(/[。！？!?]/);
  const sentence = end === -1 ? text : text.slice(0, end + 1);
  return sentence.length <= LEAD_MAX ? sentence : `${sentence.slice(0, LEAD_MAX - 1)}…`;
}
