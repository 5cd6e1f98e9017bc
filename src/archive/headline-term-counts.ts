import type Database from 'better-sqlite3';
import type { TitleTerms } from './index-terms.js';

/** Adds to or takes from the stored headline term counts (title_word_df, title_bigram_df). */
export interface HeadlineTermCounts {
  /** Adds `by` (1 for articles written, -1 for articles removed) to each distinct term of each article's headline. */
  bump(titles: Iterable<TitleTerms>, by: number): void;
}

/**
 * The headline term counts of the archive (see HEADLINE_TERM_TABLES): one row per word or bigram
 * printed in a headline, with the number of articles whose headline holds it. Written in the
 * caller's transaction, in term order (B-tree pages visited once each, as the passage counts are).
 */
export function createHeadlineTermCounts(db: Database.Database): HeadlineTermCounts {
  const upsert = {
    word: db.prepare('INSERT INTO title_word_df (term, df) VALUES (?, ?) ON CONFLICT (term) DO UPDATE SET df = df + excluded.df'),
    bigram: db.prepare('INSERT INTO title_bigram_df (term, df) VALUES (?, ?) ON CONFLICT (term) DO UPDATE SET df = df + excluded.df'),
  };
  const dropZero = [db.prepare('DELETE FROM title_word_df WHERE df <= 0'), db.prepare('DELETE FROM title_bigram_df WHERE df <= 0')];
  return {
    bump(titles, by) {
      const words = new Map<string, number>();
      const bigrams = new Map<string, number>();
      for (const t of titles) {
        for (const w of new Set(t.titleWords)) words.set(w, (words.get(w) ?? 0) + 1);
        for (const b of new Set(t.titleBigrams)) bigrams.set(b, (bigrams.get(b) ?? 0) + 1);
      }
      if (words.size === 0 && bigrams.size === 0) return;
      for (const [statement, counts] of [
        [upsert.word, words],
        [upsert.bigram, bigrams],
      ] as const) {
        for (const term of [...counts.keys()].sort()) statement.run(term, by * counts.get(term)!);
      }
      if (by < 0) for (const s of dropZero) s.run();
    },
  };
}
