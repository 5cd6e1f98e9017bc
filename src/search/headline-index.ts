import type Database from 'better-sqlite3';
import type { Archive } from '../archive/archive.js';
import { quoteTerm } from '../archive/archive-db.js';
import { titleTextOf } from '../archive/index-terms.js';
import type { ArticleHead } from '../archive/model.js';
import { normalizeForMatch } from '../text/normalize-for-match.js';
import type { Tokenizer } from '../text/tokenizer.js';
import { createHeadlineVocabulary } from './headline-vocabulary.js';

/** One headline found: its article and its score (higher is better). */
export interface HeadlineHit {
  articleId: string;
  score: number;
}

export interface HeadlineIndex {
  /**
   * Headlines (kicker, headline, subtitle) matching a query typed so far: the last word as a prefix
   * ("棉" finds 棉花), longer words with a little fuzziness once the vocabulary is loaded. Best first.
   */
  search(query: string, limit?: number): HeadlineHit[];
  /**
   * Reads the headline vocabulary from the words stored at ingest (a chunk at a time, the event loop
   * free in between, so answers go on): the bot calls it right after start. Until it is done, the word being
   * typed is matched as a prefix by FTS5 and there is no fuzzy matching.
   */
  load(): Promise<void>;
}

/** A typed word expands to at most this many headline words (a one-character prefix can begin hundreds). */
const MAX_EXPANSIONS = 48;
/** Each article's headline is indexed with each of its passages: ask for this many rows per headline wanted. */
const ROWS_PER_HEADLINE = 8;
/** Stored headline words read per page while loading (added to MiniSearch a chunk at a time, the event loop free in between). */
const PAGE = 5000;

/**
 * The headline index for inline mode as you type and the /topic fallback: MiniSearch over the
 * headlines' distinct words (prefix, fuzzy: see createHeadlineVocabulary) picks the words a typed
 * query stands for; the archive's FTS5 title columns find the headlines holding them, ranked by bm25
 * over those columns alone. New issues add their headline words before the next search; postings
 * need no keeping in step (they are the archive's own).
 */
export function createHeadlineIndex(options: { db: Database.Database; archive: Archive; tokenizer: Tokenizer }): HeadlineIndex {
  const { db, archive, tokenizer } = options;
  const vocabulary = createHeadlineVocabulary();
  const q = {
    // The headline words stored at ingest (schema 3), in pages: no jieba at start.
    page: db.prepare('SELECT term FROM title_word_df WHERE term > ? ORDER BY term LIMIT ?').pluck(),
    match: db.prepare(
      `SELECT p.article_id AS articleId, m.rank FROM (SELECT rowid AS key, bm25(fts, 0, 0, 1, 1) AS rank FROM fts WHERE fts MATCH ? ORDER BY rank LIMIT ?) m
       JOIN passages p ON p.key = m.key ORDER BY m.rank`,
    ),
  };
  let ready = false;
  let loading: Promise<void> | undefined;
  /** Issues whose headline words are in the vocabulary (or being read into it). */
  const seen = new Set<string>();
  let seenVersion = -1;

  const wordsOf = (head: ArticleHead) => tokenizer.words(normalizeForMatch(titleTextOf(head)));

  /** New issues (the watcher) add their headline words; a removed issue's words may stay: they find nothing. */
  const sync = () => {
    if (!ready || archive.version === seenVersion) return;
    seenVersion = archive.version;
    for (const issue of archive.issues()) {
      if (seen.has(issue.id)) continue;
      seen.add(issue.id);
      vocabulary.add(issue.articles.flatMap(wordsOf));
    }
  };

  const readAll = async () => {
    // Issues present now are in the stored headline words below; any written later are added by sync.
    for (const issue of archive.issues()) seen.add(issue.id);
    seenVersion = archive.version;
    for (let after = ''; ; ) {
      const words = q.page.all(after, PAGE) as string[];
      await vocabulary.addInChunks(words);
      if (words.length < PAGE) break;
      after = words[words.length - 1]!;
    }
    ready = true;
  };

  return {
    search(query, limit = 20) {
      sync();
      const norm = normalizeForMatch(query.trim());
      const words = tokenizer.words(norm);
      const bigrams = tokenizer.bigrams(norm);
      if (words.length === 0 && bigrams.length === 0) return [];
      const last = words[words.length - 1];
      const terms = new Set<string>();
      for (const w of words) {
        if (ready) for (const x of vocabulary.expand(w, { prefix: w === last }, MAX_EXPANSIONS)) terms.add(quoteTerm(x));
        else terms.add(w === last ? `${quoteTerm(w)}*` : quoteTerm(w));
      }
      const parts = [terms.size > 0 ? `{title_words} : (${[...terms].join(' OR ')})` : undefined, bigrams.length > 0 ? `{title_bigrams} : (${bigrams.map(quoteTerm).join(' OR ')})` : undefined];
      const expr = parts.filter((p) => p !== undefined).join(' OR ');
      if (expr === '') return [];
      const rows = q.match.all(expr, limit * ROWS_PER_HEADLINE) as { articleId: string; rank: number }[];
      const hits = new Map<string, HeadlineHit>();
      // bm25() is lower-is-better and negative: flip it. An article's passages share its headline: keep its best.
      for (const row of rows) if (!hits.has(row.articleId)) hits.set(row.articleId, { articleId: row.articleId, score: -row.rank });
      return [...hits.values()].slice(0, limit);
    },
    load() {
      loading ??= readAll();
      return loading;
    },
  };
}
