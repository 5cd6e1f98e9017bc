import { normalizeForMatch } from '../text/normalize-for-match.js';
import type { Tokenizer } from '../text/tokenizer.js';
import type { Article, ArticleHead, Passage } from './model.js';

/** The title columns' text: kicker, headline and subtitle, but not a headline derived from the lead (that is body text). */
export function titleTextOf(article: ArticleHead): string {
  const parts = [article.kicker, article.titleDerived ? undefined : article.title, article.subtitle];
  return parts.filter((p): p is string => p !== undefined && p !== '').join(' ');
}

/** What the full-text index holds for one passage: its text and its article's headline, each cut two ways. */
export interface PassageTerms {
  words: string[];
  bigrams: string[];
  titleWords: string[];
  titleBigrams: string[];
}

/** A passage with its index terms. */
export interface IndexedPassage {
  passage: Passage;
  terms: PassageTerms;
}

/**
 * Index terms of an article's passages: jieba words and character bigrams of the normalised passage
 * text and of the normalised headline lines (the same for every passage of the article).
 */
export function termsOfArticle(article: Article, passages: readonly Passage[], tokenizer: Tokenizer): IndexedPassage[] {
  const title = normalizeForMatch(titleTextOf(article));
  const titleWords = tokenizer.words(title);
  const titleBigrams = tokenizer.bigrams(title);
  return passages.map((passage) => {
    const text = normalizeForMatch(passage.text);
    return { passage, terms: { words: tokenizer.words(text), bigrams: tokenizer.bigrams(text), titleWords, titleBigrams } };
  });
}

/** Single Han characters of a passage, from its bigrams (every character of a Han run of two or more). */
export function charsOfBigrams(bigrams: Iterable<string>): Set<string> {
  const chars = new Set<string>();
  for (const b of bigrams) {
    chars.add(b[0]!);
    chars.add(b[1]!);
  }
  return chars;
}
