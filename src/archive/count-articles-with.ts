import type Database from 'better-sqlite3';
import { isHan } from '../text/clean-text.js';
import { normalizeForMatch } from '../text/normalize-for-match.js';
import type { Tokenizer } from '../text/tokenizer.js';
import { quoteTerm } from './archive-db.js';

/** Han runs of a term and what is left between them (Latin words, numbers). */
function splitHan(text: string): { runs: string[]; rest: string } {
  const runs: string[] = [];
  let run = '';
  let rest = '';
  for (const ch of text) {
    if (isHan(ch)) run += ch;
    else {
      if (run !== '') runs.push(run);
      run = '';
      rest += ch;
    }
  }
  if (run !== '') runs.push(run);
  return { runs, rest };
}

/** Consecutive bigrams as one FTS5 phrase: exactly where the run is printed (bigrams are one token each, in order). */
function bigramPhrase(run: string, tokenizer: Tokenizer): string {
  return quoteTerm(tokenizer.bigrams(run).join(' '));
}

/**
 * How many articles print `term` in their headline lines or text (compared as search compares: width,
 * case, 繁→简 folded), counted up to `limit`, from the full-text index alone: never reading an article,
 * so "does this word occur anywhere in fifteen years" costs one FTS query.
 *
 * A Han term of two characters or more is a phrase of its character bigrams (exact within a passage);
 * a single Han character is looked up in the character frequencies (a passage holding it counts as one
 * article); Latin words and numbers are matched as the tokenizer cuts them. A term with nothing to look
 * up counts 0.
 *
 * @example countArticlesWith(db, tokenizer, '棉花', 1) > 0 // 棉花 is printed somewhere
 */
export function countArticlesWith(db: Database.Database, tokenizer: Tokenizer, term: string, limit = 1000): number {
  const norm = normalizeForMatch(term).trim();
  if (norm === '') return 0;
  const { runs, rest } = splitHan(norm);
  const phrases = runs.filter((r) => Array.from(r).length >= 2).map((r) => `{bigrams title_bigrams} : ${bigramPhrase(r, tokenizer)}`);
  const words = tokenizer.words(rest).map((w) => `{words title_words} : ${quoteTerm(w)}`);
  const parts = [...phrases, ...words];
  if (parts.length === 0) {
    // One Han character alone: its frequency over passages says whether it is printed at all.
    const df = runs.length === 1 ? (db.prepare('SELECT df FROM char_df WHERE term = ?').pluck().get(runs[0]) as number | undefined) : undefined;
    return Math.min(df ?? 0, limit);
  }
  return db
    .prepare(`SELECT count(*) FROM (SELECT DISTINCT p.article_id FROM fts JOIN passages p ON p.key = fts.rowid WHERE fts MATCH ? LIMIT ?)`)
    .pluck()
    .get(parts.map((p) => `(${p})`).join(' AND '), limit) as number;
}
