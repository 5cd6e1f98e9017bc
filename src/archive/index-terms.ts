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

/** The terms of an article's headline lines (see titleTextOf), as the title columns index them. */
export interface TitleTerms {
  titleWords: string[];
  titleBigrams: string[];
}

/** An article's headline terms, cut as termsOfArticle cuts them for every passage. */
export function titleTermsOf(head: ArticleHead, tokenizer: Tokenizer): TitleTerms {
  const title = normalizeForMatch(titleTextOf(head));
  return { titleWords: tokenizer.words(title), titleBigrams: tokenizer.bigrams(title) };
}

/**
 * Index terms of an article's passages: jieba words and character bigrams of the normalised passage
 * text and of the normalised headline lines (the same for every passage of the article).
 */
export function termsOfArticle(article: Article, passages: readonly Passage[], tokenizer: Tokenizer): IndexedPassage[] {
  const { titleWords, titleBigrams } = titleTermsOf(article, tokenizer);
  return passages.map((passage) => {
    const norm = normalizeForMatch(passage.text);
    return { passage, norm, terms: { words: tokenizer.words(norm), bigrams: tokenizer.bigrams(norm), titleWords, titleBigrams } };
  });
}
