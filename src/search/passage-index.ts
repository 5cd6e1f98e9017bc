import type Database from 'better-sqlite3';
import type { Archive } from '../archive/archive.js';
import { quoteTerm } from '../archive/archive-db.js';
import { titleTextOf } from '../archive/index-terms.js';
import type { Article, ArticleHead, IssueHead, Passage } from '../archive/model.js';
import { foldForMatch, normalizeForMatch } from '../text/normalize-for-match.js';
import type { SentenceText } from './pick-excerpt.js';
import { coverage, evidence, type QueryModel } from './query-model.js';
import { createStoredTermStats } from './stored-term-stats.js';
import type { TermStats } from './term-stats.js';

export { titleTextOf };

/** One indexed passage and everything a result needs to cite it. */
export interface PassageRecord {
  key: number;
  passage: Passage;
  /** The article's head (headline, kicker, tags), from the archive's heads in memory; its text is `PassageIndex.article`. */
  article: ArticleHead;
  issue: IssueHead;
  /** Normalised headline + kicker (+ subtitle): what the title columns index. */
  normTitle: string;
  /** Normalised passage text (normalizeForMatch): stored at ingest, or computed on first use. */
  norm?: string;
  /** The passage's sentences for excerpts, computed the first time it is shown. */
  sentences?: SentenceText[];
}

/** A passage the first stage found, with its re-ranked score. */
export interface Candidate {
  record: PassageRecord;
  /** The first stage's BM25 score (words + bigrams + boosted title columns), higher is better. */
  base: number;
  /** Share of the question's weighted words and bigrams found in the passage or its headline. */
  evidence: number;
  score: number;
}

/** How the re-ranker mixes its signals; measured on CMRC 2018 and the dev set together. */
export interface RankWeights {
  base: number;
  words: number;
  bigrams: number;
  window: number;
  titleBoost: number;
  /** Passages the first stage hands to the re-ranker. */
  candidates: number;
  /** Further articles (their best passage each) re-ranked beyond those, so broad searches page on. */
  moreArticles: number;
  /** Passages the first stage (FTS5, bm25) returns at most: the pool the two numbers above are taken from. */
  firstStage: number;
}

export const DEFAULT_RANK_WEIGHTS: RankWeights = { base: 1, words: 0.6, bigrams: 0, window: 0.3, titleBoost: 2, candidates: 40, moreArticles: 40, firstStage: 200 };

/** Restricts the first stage to some issues (date and issue-number filters), inside SQLite. */
export interface IndexScope {
  issueIds: readonly string[];
}

export interface PassageIndex {
  readonly size: number;
  readonly stats: TermStats;
  record(key: number): PassageRecord | undefined;
  /** A whole article (for conditions on its text), read on demand and kept for a while. */
  article(articleId: string): Article | undefined;
  /** Every passage of an article, in order. */
  passagesOfArticle(articleId: string): PassageRecord[];
  /** First stage (FTS5 bm25 top-N) then re-rank: best candidates first. */
  rank(model: QueryModel, filter?: (record: PassageRecord) => boolean, scope?: IndexScope): Candidate[];
  /** Forgets cached passages and statistics (the archive changed). */
  reset(): void;
}

const SENTENCE_END = /[。！？!?；;]+/u;

/** Passages and articles kept decoded between questions (a broad search touches ≈ 80 passages). */
const RECORD_CACHE = 4000;
const ARTICLE_CACHE = 1000;

/** A first stage scoped to at most this many issues scores each issue's range of keys (see matchInRanges). */
const RANGED_ISSUES = 8;

/** A filtered search asks the first stage for this many times more passages, so enough survive the filter. */
const FILTER_OVERFETCH = 5;

export function normOf(record: PassageRecord): string {
  record.norm ??= normalizeForMatch(record.passage.text);
  return record.norm;
}

/** Best weighted coverage of the question in one sentence or two adjacent ones: proximity. */
function windowEvidence(model: QueryModel, text: string): number {
  const sentences = text.split(SENTENCE_END).filter((s) => s !== '');
  let best = 0;
  for (let i = 0; i < sentences.length; i++) {
    const one = sentences[i]!;
    const two = i + 1 < sentences.length ? one + sentences[i + 1]! : one;
    for (const w of i + 1 < sentences.length ? [one, two] : [one]) {
      // A pair of sentences is discounted a little, so one sentence that holds it all wins the tie.
      const e = evidence(model, w) - (w === two && w !== one ? 0.05 : 0);
      if (e > best) best = e;
    }
  }
  return best;
}

/**
 * Proximity: the best share of the question's weighted terms that one sentence of the passage holds,
 * together with the headline (a headline names what every sentence of its article is about).
 * Terms scattered over a long passage score low here even when the passage as a whole covers them.
 * With `requireFocus`, only sentences holding one of the question's focus words (QueryModel.focus) count.
 */
export function sentenceEvidence(model: QueryModel, record: PassageRecord, requireFocus = false): number {
  let best = 0;
  const focused = requireFocus && model.focus.length > 0;
  for (const sentence of normOf(record).split(SENTENCE_END)) {
    if (sentence === '') continue;
    // A question scoped by a common name is answered by a sentence that also holds what it asks
    // about, not by one that merely names the same place ("木垒县…几场雪" is not about 木垒县's wheat).
    if (focused && coverage(model.focus, sentence, record.normTitle) === 0) continue;
    const e = evidence(model, sentence, record.normTitle);
    if (e > best) best = e;
  }
  return best;
}

/** A passage row as stored: `norm` is set only where traditional → simplified changes the folded text (see the passages table). */
interface StoredPassage {
  key: number;
  article_id: string;
  issue_id: string;
  n: number;
  text: string;
  norm: string | null;
}

/** A passage row as the first stage returns it. */
interface PassageRow extends StoredPassage {
  rank: number;
}

/** A bounded map that forgets its oldest entry. */
/** A JSON column read by id through `cache`: parsed once, then served from memory while it stays cached. */
function cachedJson<T>(cache: ReturnType<typeof lru<string, T>>, read: Database.Statement): (id: string) => T | undefined {
  return (id) => {
    let value = cache.get(id);
    if (value === undefined) {
      const text = read.get(id) as string | undefined;
      if (text === undefined) return undefined;
      value = JSON.parse(text) as T;
      cache.set(id, value);
    }
    return value;
  };
}

function lru<K, V>(max: number) {
  const map = new Map<K, V>();
  return {
    get(key: K): V | undefined {
      const v = map.get(key);
      if (v !== undefined) {
        map.delete(key);
        map.set(key, v);
      }
      return v;
    },
    set(key: K, value: V) {
      if (map.size >= max) map.delete(map.keys().next().value!);
      map.set(key, value);
    },
    clear: () => map.clear(),
  };
}

/** `{cols} : (t1 OR t2 …)`, or undefined for no terms. */
function columnQuery(columns: string, terms: readonly string[]): string | undefined {
  return terms.length === 0 ? undefined : `${columns} : (${terms.map(quoteTerm).join(' OR ')})`;
}

/**
 * The passage index over the archive's SQLite store. The first stage is FTS5: the question's
 * retrieval words against the word columns OR its retrieval bigrams against the bigram columns,
 * ordered by bm25 with the headline columns boosted, top `firstStage` passages. Its cost is bounded by
 * the query model's posting budget (rarest terms first, see buildQueryModel). The candidates are then
 * re-ranked exactly as before (coverage, proximity).
 */
export function createPassageIndex(options: { db: Database.Database; archive: Archive; weights?: Partial<RankWeights> }): PassageIndex {
  const { db, archive } = options;
  const weights = { ...DEFAULT_RANK_WEIGHTS, ...options.weights };
  const boost = weights.titleBoost;
  const stats = createStoredTermStats(db);
  const records = lru<number, PassageRecord>(RECORD_CACHE);
  const articles = lru<string, Article>(ARTICLE_CACHE);
  const normTitles = lru<string, string>(RECORD_CACHE);
  const heads = lru<string, ArticleHead>(RECORD_CACHE);
  const q = {
    passage: db.prepare('SELECT key, article_id, issue_id, n, text, norm FROM passages WHERE key = ?'),
    passagesOf: db.prepare('SELECT key, article_id, issue_id, n, text, norm FROM passages WHERE article_id = ? ORDER BY n'),
    article: db.prepare('SELECT body FROM articles WHERE id = ?').pluck(),
    // Through the index of heads (schema 5): the table's own tree holds every body and is ≈ 5× slower to walk.
    articleHead: db.prepare('SELECT head FROM articles INDEXED BY articles_head WHERE id = ?').pluck(),
    // The top N by bm25 first, then their passage rows: one statement, the join only for the N kept.
    match: db.prepare(
      `SELECT m.key, m.rank, p.article_id, p.issue_id, p.n, p.text, p.norm FROM (SELECT rowid AS key, bm25(fts, 1, 1, ${boost}, ${boost}) AS rank FROM fts WHERE fts MATCH ? ORDER BY rank LIMIT ?) m
       JOIN passages p ON p.key = m.key ORDER BY m.rank`,
    ),
    // One issue's passages are written together, so their keys are one range: FTS5 then scores only
    // that range (a date filter over fifteen years scored every match and kept the issue's: ≈ 60 ms → 5).
    keyRange: db.prepare('SELECT min(key) AS lo, max(key) AS hi, count(*) AS n FROM passages WHERE issue_id = ?').safeIntegers(),
    matchRange: db.prepare(
      `SELECT m.key, m.rank, p.article_id, p.issue_id, p.n, p.text, p.norm FROM (SELECT rowid AS key, bm25(fts, 1, 1, ${boost}, ${boost}) AS rank FROM fts WHERE fts MATCH ? AND rowid BETWEEN ? AND ? ORDER BY rank LIMIT ?) m
       JOIN passages p ON p.key = m.key WHERE p.issue_id = ? ORDER BY m.rank`,
    ),
    matchIn: db.prepare(
      `SELECT f.rowid AS key, bm25(fts, 1, 1, ${boost}, ${boost}) AS rank, p.article_id, p.issue_id, p.n, p.text, p.norm FROM fts f JOIN passages p ON p.key = f.rowid
       WHERE fts MATCH ? AND p.issue_id IN (SELECT value FROM json_each(?)) ORDER BY rank LIMIT ?`,
    ),
  };

  const article = cachedJson(articles, q.article);

  // A candidate needs only its article's head: its own small row (articles.head), not the heads of
  // its whole issue, which the archive parses on first use (≈ 50 articles' heads per issue: at fifteen
  // years a question's 80 candidates come from as many issues, and parsing theirs was ≈ 1/3 of the
  // first stage's time). Never the article's text (≈ 7 ms of a question at 100× under load).
  const headOf = cachedJson(heads, q.articleHead);

  const recordOf = (row: StoredPassage): PassageRecord | undefined => {
    let r = records.get(row.key);
    if (r !== undefined) return r;
    const issue = archive.issueById(row.issue_id);
    const head = issue === undefined ? undefined : headOf(row.article_id);
    if (issue === undefined || head === undefined) return undefined;
    let normTitle = normTitles.get(head.id);
    if (normTitle === undefined) {
      normTitle = normalizeForMatch(titleTextOf(head));
      normTitles.set(head.id, normTitle);
    }
    r = {
      key: row.key,
      passage: { id: `${row.article_id}#${row.n}`, articleId: row.article_id, n: row.n, text: row.text },
      article: head,
      issue,
      normTitle,
      // Stored at ingest where OpenCC changes it; otherwise folding (no OpenCC) gives the same text.
      norm: row.norm ?? foldForMatch(row.text),
    };
    records.set(row.key, r);
    return r;
  };

  const record = (key: number) => {
    const cached = records.get(key);
    if (cached !== undefined) return cached;
    const row = q.passage.get(key) as StoredPassage | undefined;
    return row === undefined ? undefined : recordOf(row);
  };

  const firstStage = (model: QueryModel, limit: number, scope?: IndexScope): PassageRow[] => {
    const parts = [columnQuery('{words title_words}', model.retrievalWords), columnQuery('{bigrams title_bigrams}', model.retrievalBigrams)].filter(
      (p): p is string => p !== undefined,
    );
    if (parts.length === 0) return [];
    const expr = parts.join(' OR ');
    if (scope === undefined) return q.match.all(expr, limit) as PassageRow[];
    return matchInRanges(expr, scope, limit) ?? (q.matchIn.all(expr, JSON.stringify(scope.issueIds), limit) as PassageRow[]);
  };

  /** The first stage within a few issues, each as its range of keys; undefined when one issue's keys are not one range. */
  const matchInRanges = (expr: string, scope: IndexScope, limit: number): PassageRow[] | undefined => {
    if (scope.issueIds.length > RANGED_ISSUES) return undefined;
    const rows: PassageRow[] = [];
    for (const id of scope.issueIds) {
      const { lo, hi, n } = q.keyRange.get(id) as { lo: bigint | null; hi: bigint | null; n: bigint };
      if (lo === null || hi === null) continue;
      if (hi - lo + 1n !== n) return undefined;
      rows.push(...(q.matchRange.all(expr, lo, hi, limit, id) as PassageRow[]));
    }
    // bm25 uses the whole archive's statistics whatever the range: scores of different issues compare.
    return rows.sort((a, b) => a.rank - b.rank).slice(0, limit);
  };

  return {
    get size() {
      return stats.docCount;
    },
    stats,
    record,
    article,
    passagesOfArticle(articleId) {
      const rows = q.passagesOf.all(articleId) as StoredPassage[];
      // Every passage of one article: rebuilt from rows already cached when possible.
      return rows.flatMap((row) => records.get(row.key) ?? recordOf(row) ?? []);
    },
    rank(model, filter, scope) {
      if (scope !== undefined && scope.issueIds.length === 0) return [];
      const pool = weights.firstStage * (filter === undefined ? 1 : FILTER_OVERFETCH);
      let rows = firstStage(model, pool, scope);
      if (filter !== undefined) {
        rows = rows.filter((row) => {
          const r = recordOf(row);
          return r !== undefined && filter(r);
        });
      }
      const chosen = rows.slice(0, weights.candidates);
      // A broad search ("昌吉州") matches more articles than the first candidates hold (several passages
      // each): for paging, also re-rank the best passage of up to `moreArticles` further articles.
      const seen = new Set(chosen.map((r) => r.article_id));
      for (let i = weights.candidates, more = 0; i < rows.length && more < weights.moreArticles; i++) {
        const article = rows[i]!.article_id;
        if (seen.has(article)) continue;
        seen.add(article);
        chosen.push(rows[i]!);
        more++;
      }
      const top: { record: PassageRecord; score: number }[] = [];
      for (const row of chosen) {
        const r = recordOf(row);
        // bm25() is lower-is-better and negative: flip it so that scores are positive, best first.
        if (r !== undefined) top.push({ record: r, score: -row.rank });
      }
      const maxBase = top[0]?.score || 1;
      const out: Candidate[] = [];
      for (const hit of top) {
        const { record: r } = hit;
        const text = normOf(r);
        const cw = coverage(model.words, text, r.normTitle);
        const cb = coverage(model.bigrams, text, r.normTitle);
        const win = windowEvidence(model, text);
        const score = weights.base * (hit.score / maxBase) + weights.words * cw + weights.bigrams * cb + weights.window * win;
        out.push({ record: r, base: hit.score, evidence: evidence(model, text, r.normTitle), score });
      }
      out.sort((a, b) => b.score - a.score || b.record.issue.date.localeCompare(a.record.issue.date) || a.record.key - b.record.key);
      return out;
    },
    reset() {
      records.clear();
      articles.clear();
      normTitles.clear();
      heads.clear();
      stats.reset();
    },
  };
}
