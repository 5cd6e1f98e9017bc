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
  /** The passage's normalised text (normalizeForMatch), which the re-ranker reads. */
  norm: string;
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
    const norm = normalizeForMatch(passage.text);
    return { passage, norm, terms: { words: tokenizer.words(norm), bigrams: tokenizer.bigrams(norm), titleWords, titleBigrams } };
  });
}
