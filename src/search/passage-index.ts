import MiniSearch from 'minisearch';
import type { Article, Issue, Passage } from '../archive/model.js';
import { IndexError } from '../errors.js';
import { normalizeForMatch } from '../text/normalize-for-match.js';
import type { Tokenizer } from '../text/tokenizer.js';
import { createIndexOptions, joinTerms, type IndexedDoc } from './index-options.js';
import type { SentenceText } from './pick-excerpt.js';
import { coverage, evidence, type QueryModel } from './query-model.js';
import { createTermStats, type SerializedTermStats, type TermStats } from './term-stats.js';

/** One indexed passage and everything a result needs to cite it. */
export interface PassageRecord {
  key: number;
  passage: Passage;
  article: Article;
  issue: Issue;
  /** Normalised headline + kicker (+ subtitle): what the title fields index. */
  normTitle: string;
  /** Normalised passage text, computed on first use (cold start stays fast). */
  norm?: string;
  /** The passage's sentences for excerpts, computed the first time it is shown. */
  sentences?: SentenceText[];
}

/** A passage the first stage found, with its re-ranked score. */
export interface Candidate {
  record: PassageRecord;
  /** MiniSearch's BM25 score (words + bigrams + boosted title fields). */
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
}

export const DEFAULT_RANK_WEIGHTS: RankWeights = { base: 1, words: 0.6, bigrams: 0, window: 0.3, titleBoost: 2, candidates: 40, moreArticles: 40 };

export interface SerializedPassageIndex {
  keys: string[];
  stats: SerializedTermStats;
  nextKey: number;
  minisearch: string;
}

export interface PassageIndex {
  readonly size: number;
  readonly stats: TermStats;
  records(): Iterable<PassageRecord>;
  record(key: number): PassageRecord | undefined;
  /** Adds an issue's passages. */
  addIssue(issue: Issue, passagesOf: (article: Article) => Passage[]): void;
  /** Removes every passage of an issue (by issue id). */
  removeIssue(issueId: string): void;
  /** First stage (MiniSearch) then re-rank: best candidates first. */
  rank(model: QueryModel, filter?: (record: PassageRecord) => boolean): Candidate[];
  /** Search in headlines and kickers only. */
  rankTitles(model: QueryModel): Candidate[];
  toJSON(): SerializedPassageIndex;
}

const SENTENCE_END = /[。！？!?；;]+/u;

/** The title fields' text: kicker, headline and subtitle, but not a headline derived from the lead (that is body text). */
export function titleTextOf(article: Article): string {
  const parts = [article.kicker, article.titleDerived ? undefined : article.title, article.subtitle];
  return parts.filter((p): p is string => p !== undefined && p !== '').join(' ');
}

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

export function createPassageIndex(options: {
  tokenizer: Tokenizer;
  log: (level: string, message: string) => void;
  weights?: Partial<RankWeights>;
  from?: { serialized: SerializedPassageIndex; issues: readonly Issue[]; passagesOf: (article: Article) => Passage[] };
}): PassageIndex {
  const { tokenizer } = options;
  const weights = { ...DEFAULT_RANK_WEIGHTS, ...options.weights };
  const indexOptions = createIndexOptions(options.log);
  const byKey = new Map<number, PassageRecord>();
  const keysByIssue = new Map<string, number[]>();
  let nextKey = 0;
  let stats: TermStats;
  let ms: MiniSearch<IndexedDoc>;

  const docOf = (record: PassageRecord): IndexedDoc => {
    const text = normOf(record);
    return {
      id: record.key,
      words: tokenizer.words(text),
      bigrams: tokenizer.bigrams(text),
      titleWords: tokenizer.words(record.normTitle),
      titleBigrams: tokenizer.bigrams(record.normTitle),
    };
  };

  const recordsOf = (issue: Issue, passagesOf: (article: Article) => Passage[], keyFor: (passage: Passage) => number) => {
    const out: PassageRecord[] = [];
    for (const article of issue.articles) {
      const normTitle = normalizeForMatch(titleTextOf(article));
      for (const passage of passagesOf(article)) out.push({ key: keyFor(passage), passage, article, issue, normTitle });
    }
    return out;
  };

  const remember = (records: PassageRecord[], issueId: string) => {
    for (const r of records) byKey.set(r.key, r);
    keysByIssue.set(issueId, [...(keysByIssue.get(issueId) ?? []), ...records.map((r) => r.key)]);
  };

  if (options.from !== undefined) {
    // Loading: the records are rebuilt from the issues and matched to the stored keys by passage id.
    const { serialized, issues, passagesOf } = options.from;
    const keyById = new Map<string, number>();
    serialized.keys.forEach((id, key) => {
      if (id !== '') keyById.set(id, key);
    });
    for (const issue of issues) {
      const records = recordsOf(issue, passagesOf, (p) => {
        const key = keyById.get(p.id);
        if (key === undefined) throw new IndexError(`passage ${p.id} is not in the stored search index`);
        return key;
      });
      remember(records, issue.id);
    }
    if (byKey.size !== keyById.size) throw new IndexError(`the stored search index has ${keyById.size} passages, the archive ${byKey.size}`);
    nextKey = serialized.nextKey;
    stats = createTermStats(serialized.stats);
    ms = MiniSearch.loadJSON<IndexedDoc>(serialized.minisearch, indexOptions);
  } else {
    stats = createTermStats();
    ms = new MiniSearch<IndexedDoc>(indexOptions);
  }

  const boost = { words: 1, bigrams: 1, titleWords: weights.titleBoost, titleBigrams: weights.titleBoost };

  const firstStage = (model: QueryModel, fields: { words: string[]; bigrams: string[] }, filter?: (r: PassageRecord) => boolean) => {
    const queries = [];
    if (model.retrievalWords.length > 0) queries.push({ queries: [joinTerms(model.retrievalWords)], fields: fields.words });
    if (model.retrievalBigrams.length > 0) queries.push({ queries: [joinTerms(model.retrievalBigrams)], fields: fields.bigrams });
    if (queries.length === 0) return [];
    return ms.search(
      { combineWith: 'OR', queries },
      {
        boost,
        filter: filter === undefined ? undefined : (result) => {
          const record = byKey.get(result.id as number);
          return record !== undefined && filter(record);
        },
      },
    );
  };

  return {
    get size() {
      return byKey.size;
    },
    get stats() {
      return stats;
    },
    records: () => byKey.values(),
    record: (key) => byKey.get(key),
    addIssue(issue, passagesOf) {
      const records = recordsOf(issue, passagesOf, () => nextKey++);
      const docs = records.map(docOf);
      ms.addAll(docs);
      for (const d of docs) stats.add(d);
      remember(records, issue.id);
    },
    removeIssue(issueId) {
      for (const key of keysByIssue.get(issueId) ?? []) {
        const record = byKey.get(key);
        if (record === undefined) continue;
        const doc = docOf(record);
        ms.remove(doc);
        stats.remove(doc);
        byKey.delete(key);
      }
      keysByIssue.delete(issueId);
    },
    rank(model, filter) {
      const hits = firstStage(model, { words: ['words', 'titleWords'], bigrams: ['bigrams', 'titleBigrams'] }, filter);
      const top = hits.slice(0, weights.candidates);
      // A broad search ("昌吉州") matches more articles than the first candidates hold (several passages
      // each): for paging, also re-rank the best passage of up to `moreArticles` further articles.
      const articles = new Set(top.map((h) => byKey.get(h.id as number)?.article.id));
      for (let i = weights.candidates, more = 0; i < hits.length && more < weights.moreArticles; i++) {
        const article = byKey.get(hits[i]!.id as number)?.article.id;
        if (articles.has(article)) continue;
        articles.add(article);
        top.push(hits[i]!);
        more++;
      }
      const maxBase = top[0]?.score ?? 1;
      const out: Candidate[] = [];
      for (const hit of top) {
        const record = byKey.get(hit.id as number);
        if (record === undefined) continue;
        const text = normOf(record);
        const cw = coverage(model.words, text, record.normTitle);
        const cb = coverage(model.bigrams, text, record.normTitle);
        const win = windowEvidence(model, text);
        const score = weights.base * (hit.score / maxBase) + weights.words * cw + weights.bigrams * cb + weights.window * win;
        out.push({ record, base: hit.score, evidence: evidence(model, text, record.normTitle), score });
      }
      out.sort((a, b) => b.score - a.score || b.record.issue.date.localeCompare(a.record.issue.date) || a.record.key - b.record.key);
      return out;
    },
    rankTitles(model) {
      const hits = firstStage(model, { words: ['titleWords'], bigrams: ['titleBigrams'] });
      const out: Candidate[] = [];
      const maxBase = hits[0]?.score ?? 1;
      for (const hit of hits) {
        const record = byKey.get(hit.id as number);
        if (record === undefined) continue;
        const e = evidence(model, record.normTitle);
        out.push({ record, base: hit.score, evidence: e, score: hit.score / maxBase + e });
      }
      out.sort((a, b) => b.score - a.score || b.record.issue.date.localeCompare(a.record.issue.date) || a.record.key - b.record.key);
      return out;
    },
    toJSON() {
      const keys: string[] = new Array<string>(nextKey).fill('');
      for (const r of byKey.values()) keys[r.key] = r.passage.id;
      return { keys, stats: stats.toJSON(), nextKey, minisearch: JSON.stringify(ms) };
    },
  };
}
