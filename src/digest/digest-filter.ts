import type { Article } from '../archive/model.js';
import { normalizeForMatch } from '../text/normalize-for-match.js';

/**
 * A subscription's filter, as the reader writes it and the store keeps it (one text column):
 * `农业 棉花 -广告` — any of the keywords or topics, none of the `-` words. Separators: spaces, 、 ， , ；.
 */
export interface DigestFilter {
  /** An article matches when it matches any of these (none: every article). */
  include: string[];
  /** An article that contains any of these is left out. */
  exclude: string[];
}

/** Keywords and exclusions a filter may hold, and the length of each. */
export const MAX_FILTER_TERMS = 8;
export const MAX_TERM_LENGTH = 20;

/** Reads a stored or typed filter. Duplicates are dropped; order is kept. */
export function parseDigestFilter(text: string | undefined): DigestFilter {
  const include: string[] = [];
  const exclude: string[] = [];
  for (const raw of (text ?? '').normalize('NFKC').split(/[\s、，,；;]+/u)) {
    const negative = /^[-−]/u.test(raw);
    const term = negative ? raw.slice(1) : raw;
    if (term === '') continue;
    const list = negative ? exclude : include;
    if (!list.includes(term)) list.push(term);
  }
  return { include, exclude };
}

/** The stored form of a filter; undefined when it holds nothing. */
export function formatDigestFilter(filter: DigestFilter): string | undefined {
  const text = [...filter.include, ...filter.exclude.map((w) => `-${w}`)].join(' ');
  return text === '' ? undefined : text;
}

/** What is wrong with a typed filter (too many terms, one too long), in words for the reader; undefined when fine. */
export function filterProblem(filter: DigestFilter): string | undefined {
  if (filter.include.length + filter.exclude.length > MAX_FILTER_TERMS) return `筛选最多 ${MAX_FILTER_TERMS} 个关键词（含排除词）。`;
  const long = [...filter.include, ...filter.exclude].find((t) => [...t].length > MAX_TERM_LENGTH);
  return long === undefined ? undefined : `每个关键词最多 ${MAX_TERM_LENGTH} 个字（“${[...long].slice(0, 8).join('')}…”太长）。`;
}

/** Marks a filter term that matches by topic/place tag only (`#准东`): what a /settings button stores. */
export const TAG_MARK = '#';

/** The term a topic or place button stores: matched by the tag, as /topic lists it. */
export const tagTerm = (name: string) => `${TAG_MARK}${name}`;

/** A term as readers see it: the name, without the tag mark. */
export const termLabel = (term: string) => (term.startsWith(TAG_MARK) ? term.slice(TAG_MARK.length) : term);

/**
 * Whether an article belongs in a filtered digest: it matches one of the keywords (by its topic/place tags — 农业
 * matches the topic 农业农村, 昌吉 the place 昌吉市 — or by its text) and contains none of the excluded words.
 * A term marked `#` (a topic or place picked in /settings) matches by the tag only, as /topic selects
 * (QA S1: an article that names 准东 once in passing is not about 准东).
 * Compared as search compares (width, case, 繁→简 folded), so "ＰＭ2.5" or "農業" still match.
 */
export function articleMatchesFilter(article: Article, filter: DigestFilter): boolean {
  const tags = [...article.topics, ...article.places].map(normalizeForMatch);
  const text = normalizeForMatch([article.title, article.kicker, article.subtitle, ...article.paragraphs, ...article.captions].filter(Boolean).join('\n'));
  const has = (term: string) => {
    const t = normalizeForMatch(termLabel(term));
    if (t === '') return false;
    return tags.some((tag) => tag.includes(t)) || (!term.startsWith(TAG_MARK) && text.includes(t));
  };
  if (filter.exclude.some(has)) return false;
  return filter.include.length === 0 || filter.include.some(has);
}
