import type { Article } from '../archive/model.js';
import { normalizeForMatch } from '../text/normalize-for-match.js';

/** What an article must hold (every phrase) and must not hold (any excluded word): the search syntax's conditions. */
export interface ArticleConditions {
  phrases?: readonly string[];
  exclude?: readonly string[];
}

/** The text the conditions are checked against: headline lines, body and captions, normalised as the index is. */
const normalisedText = new WeakMap<Article, string>();

function textOf(article: Article): string {
  let text = normalisedText.get(article);
  if (text === undefined) {
    text = normalizeForMatch([article.kicker, article.title, article.subtitle, ...article.paragraphs, ...article.captions].filter(Boolean).join('\n'));
    normalisedText.set(article, text);
  }
  return text;
}

/**
 * The article-level test for a search's conditions, or undefined when there are none. Matching folds width, case
 * and 繁→简 on both sides (as the index does), but keeps every other character: a phrase must appear as written.
 *
 * @example articleMatcher({ phrases: ['冬小麦'], exclude: ['广告'] })?.(article)
 */
export function articleMatcher(conditions: ArticleConditions): ((article: Article) => boolean) | undefined {
  const phrases = (conditions.phrases ?? []).map((p) => normalizeForMatch(p.trim())).filter((p) => p !== '');
  const exclude = (conditions.exclude ?? []).map((w) => normalizeForMatch(w.trim())).filter((w) => w !== '');
  if (phrases.length === 0 && exclude.length === 0) return undefined;
  return (article) => {
    const text = textOf(article);
    return phrases.every((p) => text.includes(p)) && !exclude.some((w) => text.includes(w));
  };
}
